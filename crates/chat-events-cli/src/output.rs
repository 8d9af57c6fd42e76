//! What the live commands print: one JSON line per event on stdout,
//! `{"provider", "source", "event", "known", "received_at", "body"}`, with the body as the JSON
//! text it came in (never re-parsed: a number such as `1e400`, or a field the model does not
//! know, stays as sent; only line breaks, which JSON allows between tokens alone, become
//! spaces so that each event is one line). Notices and errors go to stderr.
//!
//! With `--normalized`, one line per normalized event instead:
//! `{"provider", "source", "received_at", "sourceEvent", "event", "raw"}`, the record of
//! `schemas/normalized.schema.json` with where and when it came.

use std::{
    borrow::Cow,
    io::{self, Write},
    time::SystemTime,
};

use chat_events_core::{
    Decoded,
    normalized::{Normalize, NormalizedEvent},
};
use serde::Serialize;
use serde_json::value::RawValue;

/// One event line.
#[derive(Serialize)]
pub(crate) struct EventLine<'a> {
    pub(crate) provider: &'a str,
    pub(crate) source: &'a str,
    pub(crate) event: &'a str,
    pub(crate) known: bool,
    pub(crate) received_at: String,
    pub(crate) body: &'a RawValue,
}

/// RFC 3339 with milliseconds, UTC.
pub(crate) fn timestamp(at: SystemTime) -> String {
    humantime::format_rfc3339_millis(at).to_string()
}

/// `raw` on one line: line breaks (only ever whitespace between tokens) become spaces.
pub(crate) fn one_line(raw: &str) -> Cow<'_, str> {
    if raw.contains(['\n', '\r']) {
        Cow::Owned(raw.replace(['\n', '\r'], " "))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Prints one event line; `false` when stdout is gone (a closed pipe).
pub(crate) fn print_event(
    provider: &str,
    source: &str,
    event: &str,
    known: bool,
    received_at: SystemTime,
    raw: &str,
) -> bool {
    let text = one_line(raw);
    let Ok(body) = serde_json::from_str::<&RawValue>(&text) else {
        // Not JSON: cannot happen for a decoded event; say so rather than print a bad line.
        eprintln!("chat-events: {provider} {event}: the body is not JSON text");
        return true;
    };
    let line = EventLine {
        provider,
        source,
        event,
        known,
        received_at: timestamp(received_at),
        body,
    };
    let Ok(mut text) = serde_json::to_string(&line) else {
        return true;
    };
    text.push('\n');
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes()).is_ok() && stdout.flush().is_ok()
}

/// One normalized line.
#[derive(Serialize)]
struct NormalizedLine<'a> {
    provider: &'a str,
    source: &'a str,
    received_at: &'a str,
    #[serde(rename = "sourceEvent")]
    source_event: &'a str,
    event: &'a NormalizedEvent,
    raw: &'a RawValue,
}

/// Prints one line per normalized event of `decoded` (none for events outside the model);
/// `false` when stdout is gone (a closed pipe).
pub(crate) fn print_normalized<E: Normalize>(
    provider: &str,
    source: &str,
    received_at: SystemTime,
    decoded: &Decoded<E>,
) -> bool {
    let normalized = decoded.normalize();
    if normalized.is_empty() {
        return true;
    }
    let text = one_line(decoded.raw().get());
    let Ok(raw) = serde_json::from_str::<&RawValue>(&text) else {
        eprintln!(
            "chat-events: {provider} {}: the body is not JSON text",
            decoded.name()
        );
        return true;
    };
    let received_at = timestamp(received_at);
    let mut lines = String::new();
    for record in &normalized {
        let line = NormalizedLine {
            provider,
            source,
            received_at: &received_at,
            source_event: decoded.name(),
            event: record.event(),
            raw,
        };
        let Ok(text) = serde_json::to_string(&line) else {
            continue;
        };
        lines.push_str(&text);
        lines.push('\n');
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(lines.as_bytes()).is_ok() && stdout.flush().is_ok()
}
