//! What every fuzz target checks, shared with the ordinary test suite (which includes this
//! file with `#[path]` to replay the inputs the fuzzers found, `tests/fixtures/fuzz/`).
//!
//! A decoder must never panic; what it accepts must be readable again (drift, the typed
//! value re-serialized and decoded to an equal value, the kept raw JSON); what it refuses must
//! be a typed error naming the provider.

#![allow(dead_code, clippy::missing_panics_doc)]

use std::fmt::Debug;
use std::str::FromStr;

use chat_events_core::{ProviderEvent, Timestamp};

/// The single-pass scan accepts exactly what the slow checks (serde_json, then the I-JSON
/// rules) accept.
pub(crate) fn scan_agrees(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert_eq!(
            chat_events_core::unstable::scan_accepts(text),
            chat_events_core::unstable::slow_accepts(text),
            "the scan and the slow checks disagree"
        );
    }
}

/// The one-pass decoder reads what the checking way reads: where it accepts a document, the
/// checking way (the scan, then serde_json) accepts it with the same value.
pub(crate) fn one_pass_agrees<E: ProviderEvent + Debug>(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Some(once) = chat_events_core::unstable::decode_in_one_pass::<E>(text) {
        let checked = chat_events_core::unstable::decode_checking_first::<E>(text)
            .unwrap_or_else(|error| panic!("one pass accepted, the checking way: {error}"));
        assert_eq!(
            format!("{once:?}"),
            format!("{checked:?}"),
            "the one pass and the checking way read different values"
        );
    }
}

/// Decodes `bytes` as a payload of `E` and checks the result.
pub(crate) fn decoded<E: ProviderEvent + PartialEq + Debug>(bytes: &[u8]) {
    scan_agrees(bytes);
    one_pass_agrees::<E>(bytes);
    match E::decode(bytes) {
        Ok(decoded) => readable(&decoded),
        Err(error) => {
            assert_eq!(error.provider(), E::PROVIDER);
            let _ = format!("{error} {error:?}");
        }
    }
}

/// Decodes `bytes` under an event name given out of band and checks the result.
pub(crate) fn decoded_named<E: ProviderEvent + PartialEq + Debug>(name: &str, bytes: &[u8]) {
    scan_agrees(bytes);
    match E::decode_named(name, bytes) {
        Ok(decoded) => readable(&decoded),
        Err(error) => {
            assert_eq!(error.provider(), E::PROVIDER);
            let _ = format!("{error} {error:?}");
        }
    }
}

/// What a decoded event must allow.
pub(crate) fn readable<E: ProviderEvent + PartialEq + Debug>(
    decoded: &chat_events_core::Decoded<E>,
) {
    let _ = format!("{decoded:?}");
    decoded.drift().expect("drift of an accepted payload");
    let kept = serde_json::to_string(decoded).expect("the kept raw JSON serializes");
    serde_json::from_str::<serde_json::Value>(&kept).expect("the kept raw JSON reads back");
    if decoded.is_unknown() {
        return;
    }
    let written = serde_json::to_string(decoded.event()).expect("the typed event serializes");
    let again = E::decode_named(decoded.name(), written.as_bytes())
        .unwrap_or_else(|error| panic!("the typed event's JSON decodes again: {error}"));
    assert_eq!(
        again.event(),
        decoded.event(),
        "the typed event survives a round trip"
    );
}

/// Every accessor of the lenient types on a JSON text.
pub(crate) fn lenient(text: &str) {
    scan_agrees(text.as_bytes());
    if let Ok(timestamp) = serde_json::from_str::<Timestamp>(text) {
        let _ = (
            timestamp.form(),
            timestamp.unix_seconds(),
            timestamp.to_system_time(),
            timestamp.is_never(),
        );
        let written = serde_json::to_string(&timestamp).expect("a timestamp serializes");
        let again: Timestamp = serde_json::from_str(&written).expect("and reads back");
        assert_eq!(again.form(), timestamp.form());
    }
    // A bare string as a timestamp too.
    if let Ok(timestamp) =
        serde_json::from_value::<Timestamp>(serde_json::Value::String(text.to_owned()))
    {
        let _ = (
            timestamp.form(),
            timestamp.unix_seconds(),
            timestamp.to_system_time(),
        );
    }
    if let Ok(id) = serde_json::from_str::<chat_events_core::Id>(text) {
        let _ = (id.as_i64(), id.as_str(), format!("{id:?}"));
        let written = serde_json::to_string(&id).expect("an id serializes");
        assert_eq!(
            serde_json::from_str::<chat_events_core::Id>(&written).ok(),
            Some(id)
        );
    }
    if let Ok(number) = serde_json::from_str::<chat_events_core::Num<i64>>(text) {
        let _ = number.get();
        let _ = serde_json::to_string(&number).expect("a number serializes");
    }
    if let Ok(number) = serde_json::from_str::<chat_events_core::Num<u64>>(text) {
        let _ = number.get();
        let _ = serde_json::to_string(&number).expect("a number serializes");
    }
    if let Ok(seconds) = serde_json::from_str::<chat_events_core::UnixSeconds>(text) {
        let _ = seconds.to_system_time();
        let _ = serde_json::to_string(&seconds).expect("seconds serialize");
    }
    let _ = chatapp_events::Channel::from_str(text).map(|channel| channel.to_string());
}
