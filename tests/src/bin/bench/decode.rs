//! Decode time per provider, over every fixture of that provider, against two baselines in
//! the same run (and the drift check's throughput against decode alone): `serde_json::Value` (the untyped parse a user would otherwise write) and a
//! hand-written struct that reads only the envelope's event name and skips the rest (the
//! least any typed integration does). The three are timed in interleaved rounds and the
//! median round is kept, so a machine that slows down mid-run slows all three alike. One more
//! row measures the bound: serde_json's own derive into the OneChat message model against a
//! `Value` parse of the same bodies (see [`typed_build`]).

use std::{hint::black_box, time::Instant};

use serde::{Deserialize, de::IgnoredAny};

use crate::{Row, Scale, Target};

/// ChatApp's envelope: the name is `meta.type`; the body is `data` or, wrapped, `payload`.
#[derive(Deserialize)]
#[allow(dead_code)] // read by serde only
struct ChatAppHand {
    #[serde(default)]
    meta: Option<ChatAppMeta>,
    #[serde(default)]
    data: Option<IgnoredAny>,
    #[serde(default)]
    payload: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct ChatAppMeta {
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

/// OneChat: `{event, data}`, or a cable frame `{identifier, message: {event, data}}`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct OneChatHand {
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    data: Option<IgnoredAny>,
    #[serde(default)]
    message: Option<Box<OneChatHand>>,
}

/// CodeChat: `{event, instance, data}`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct CodeChatHand {
    #[serde(default)]
    event: Option<String>,
    #[serde(default)]
    instance: Option<IgnoredAny>,
    #[serde(default)]
    data: Option<IgnoredAny>,
}

type Check = fn(&[u8]) -> bool;

/// The drift check as it was before it streamed: the original and the re-serialized model
/// as two `Value` trees, compared.
fn two_trees<E: chat_events_core::ProviderEvent>(decoded: &chat_events_core::Decoded<E>) -> bool {
    let Ok(original) = serde_json::from_str(decoded.raw().get()) else {
        return false;
    };
    let Ok(model) = serde_json::to_value(&**decoded) else {
        return false;
    };
    chat_events_core::drift::compare(&E::canonical_json(original), &model).len() < usize::MAX
}

fn value(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(bytes).is_ok()
}

/// Runs the decode part.
pub(crate) fn run(scale: Scale) -> Vec<Row> {
    let providers: [(&str, Check, Check, Check, Check, f64); 3] = [
        (
            "chatapp",
            |bytes| serde_json::from_slice::<ChatAppHand>(bytes).is_ok(),
            |bytes| chatapp_events::Event::decode(bytes).is_ok(),
            |bytes| chatapp_events::Event::decode(bytes).is_ok_and(|d| d.drift().is_ok()),
            |bytes| chatapp_events::Event::decode(bytes).is_ok_and(|d| two_trees(&d)),
            0.5,
        ),
        (
            "onechat",
            |bytes| serde_json::from_slice::<OneChatHand>(bytes).is_ok(),
            |bytes| onechat_events::Event::decode(bytes).is_ok(),
            |bytes| onechat_events::Event::decode(bytes).is_ok_and(|d| d.drift().is_ok()),
            |bytes| onechat_events::Event::decode(bytes).is_ok_and(|d| two_trees(&d)),
            0.5,
        ),
        (
            "codechat",
            |bytes| serde_json::from_slice::<CodeChatHand>(bytes).is_ok(),
            |bytes| codechat_events::Event::decode(bytes).is_ok(),
            |bytes| codechat_events::Event::decode(bytes).is_ok_and(|d| d.drift().is_ok()),
            |bytes| codechat_events::Event::decode(bytes).is_ok_and(|d| two_trees(&d)),
            0.8,
        ),
    ];
    let mut rows = Vec::new();
    for (provider, hand, ours, check, trees, target) in providers {
        let inputs: Vec<Vec<u8>> = chat_events_tests::fixtures(provider)
            .into_iter()
            .map(|fixture| fixture.json.into_bytes())
            .collect();
        for (mode, run) in [
            ("Value", value as Check),
            ("hand", hand),
            ("ours", ours),
            ("check", check),
            ("two trees", trees),
        ] {
            let refused = inputs.iter().filter(|bytes| !run(bytes)).count();
            assert_eq!(refused, 0, "{provider}: {mode} refused {refused} fixtures");
        }
        let [value_ns, hand_ns, ours_ns, check_ns, trees_ns] =
            interleaved(&inputs, [value, hand, ours, check, trees], scale);
        let bytes: usize = inputs.iter().map(Vec::len).sum();
        let detail = format!(
            "{} fixtures, {} KiB: Value {:.0} µs, envelope-only struct {:.0} µs, Event::decode {:.0} µs ({:.0} MB/s)",
            inputs.len(),
            bytes / 1024,
            value_ns / 1e3,
            hand_ns / 1e3,
            ours_ns / 1e3,
            bytes as f64 / ours_ns * 1e3,
        );
        rows.push(Row {
            what: format!("decode {provider} / Value parse"),
            ratio: ours_ns / value_ns,
            target: Some(Target::AtMost(target)),
            detail,
        });
        rows.push(Row {
            what: format!("decode {provider} / envelope-only struct"),
            ratio: ours_ns / hand_ns,
            target: None,
            detail: String::new(),
        });
        // Throughput of the drift check (decode + compare with the text) against decode
        // alone: the time of decode over the time of both.
        rows.push(Row {
            what: format!("check {provider} / decode only (throughput)"),
            ratio: ours_ns / check_ns,
            target: Some(Target::AtLeast(0.7)),
            detail: format!(
                "decode + drift {:.0} µs ({:.0} MB/s); with the drift of two Value trees {:.0} µs",
                check_ns / 1e3,
                bytes as f64 / check_ns * 1e3,
                trees_ns / 1e3,
            ),
        });
        rows.push(Row {
            what: format!("check {provider}: drift streamed / two Value trees (time)"),
            ratio: check_ns / trees_ns,
            target: None,
            detail: String::new(),
        });
    }
    rows.push(typed_build(scale));
    rows
}

/// What bounds a typed decode, measured: the bodies of the OneChat fixtures'
/// `message.created` and `message.updated` deserialized by serde_json's own derive path into
/// `onechat_events::objects::Message` (no checks, no name look, nothing kept raw) against a
/// `Value` parse of the same bodies. When building the owned typed value costs about what the
/// `Value` costs, no deserializer can make a decode much cheaper than a `Value` parse.
fn typed_build(scale: Scale) -> Row {
    let bodies: Vec<Vec<u8>> = chat_events_tests::fixtures("onechat")
        .into_iter()
        .filter_map(|fixture| {
            let document: serde_json::Value = serde_json::from_str(&fixture.json).ok()?;
            let broadcast = document.get("message").unwrap_or(&document);
            let event = broadcast.get("event")?.as_str()?;
            let body = broadcast.get("data")?;
            (matches!(event, "message.created" | "message.updated")
                && serde_json::from_value::<onechat_events::objects::Message>(body.clone()).is_ok())
            .then(|| body.to_string().into_bytes())
        })
        .collect();
    assert!(
        bodies.len() >= 20,
        "only {} OneChat message bodies in the fixtures",
        bodies.len()
    );
    let typed: Check =
        |bytes| serde_json::from_slice::<onechat_events::objects::Message>(bytes).is_ok();
    let ignored: Check = |bytes| serde_json::from_slice::<IgnoredAny>(bytes).is_ok();
    let [value_ns, typed_ns, ignored_ns] = interleaved(&bodies, [value, typed, ignored], scale);
    Row {
        what: "serde_json into onechat Message (unchecked) / Value parse".into(),
        ratio: typed_ns / value_ns,
        target: None,
        detail: format!(
            "{} message bodies: Value {:.0} µs, typed {:.0} µs, tokenizing only (IgnoredAny) {:.0} µs",
            bodies.len(),
            value_ns / 1e3,
            typed_ns / 1e3,
            ignored_ns / 1e3,
        ),
    }
}

/// Nanoseconds per pass over `inputs`, for each check: the median of interleaved rounds.
fn interleaved<const N: usize>(inputs: &[Vec<u8>], checks: [Check; N], scale: Scale) -> [f64; N] {
    let pass = |check: Check, iterations: u32| {
        let start = Instant::now();
        for _ in 0..iterations {
            for bytes in inputs {
                black_box(check(black_box(bytes)));
            }
        }
        start.elapsed().as_nanos() as f64 / f64::from(iterations)
    };
    // Rounds of about 50 ms of the baseline (1 ms in smoke mode).
    let once = pass(checks[0], 3);
    let round_ns = scale.pick(50e6, 1e6);
    let iterations = (round_ns / once).clamp(1.0, 1e6) as u32;
    let rounds = scale.pick(21, 1);
    let mut samples = vec![Vec::with_capacity(rounds); N];
    for _ in 0..rounds {
        for (samples, check) in samples.iter_mut().zip(checks) {
            samples.push(pass(check, iterations));
        }
    }
    let mut medians = [0.0; N];
    for (median, mut samples) in medians.iter_mut().zip(samples) {
        samples.sort_by(f64::total_cmp);
        *median = samples[samples.len() / 2];
    }
    medians
}
