//! Decode speed of ChatApp and OneChat events, as ratios against a baseline measured in the
//! same run.
//!
//! `cargo bench -p chat-events-tests --bench decode`
//!
//! Baseline: `serde_json::from_slice::<serde_json::Value>` of the same bytes, the untyped parse
//! a user would otherwise write. Each case is timed in rounds of at least 100 ms; the median of
//! 7 rounds is reported. Absolute times depend on the machine; the ratios are what to compare
//! between commits.

use std::{hint::black_box, time::Instant};

use chat_events_core::ProviderEvent;
use chatapp_events::Event;
use serde_json::value::RawValue;

fn median_ns_per_op(mut op: impl FnMut()) -> f64 {
    // Calibrate: iterations for a ~100 ms round.
    let mut iterations: u64 = 1;
    loop {
        let start = Instant::now();
        for _ in 0..iterations {
            op();
        }
        if start.elapsed().as_millis() >= 100 {
            break;
        }
        iterations *= 2;
    }
    let mut rounds: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iterations {
                op();
            }
            #[allow(clippy::cast_precision_loss)]
            let per_op = start.elapsed().as_nanos() as f64 / iterations as f64;
            per_op
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds[3]
}

#[allow(clippy::too_many_lines)] // one straight script of cases
fn main() {
    // `cargo bench` passes `--bench`; `cargo test` runs benches with no such flag: do one quick
    // pass then so the code stays compiled and working.
    let quick = !std::env::args().any(|arg| arg == "--bench");
    let fixtures = chat_events_tests::fixtures("chatapp");
    let cases: Vec<(&str, Vec<u8>)> = [
        (
            "message (newer docs, 4.3 KB)",
            "002_f0790862ffa43691",
            "message",
        ),
        ("chatRead (small)", "000_3eeb06198ae497e6", "chatRead"),
        ("message, wrapped body", "reference", "message.wrapped"),
    ]
    .iter()
    .map(|(label, provenance, stem)| {
        let fixture = fixtures
            .iter()
            .find(|f| f.provenance == *provenance && f.stem == *stem)
            .unwrap_or_else(|| panic!("fixture {provenance}/{stem}"));
        (*label, fixture.json.clone().into_bytes())
    })
    .collect();
    let all: Vec<Vec<u8>> = fixtures
        .iter()
        .map(|f| f.json.clone().into_bytes())
        .collect();
    let onechat = chat_events_tests::fixtures("onechat");
    let onechat_case = |provenance: &str, stem: &str| -> Vec<u8> {
        onechat
            .iter()
            .find(|f| f.provenance == provenance && f.stem == stem)
            .unwrap_or_else(|| panic!("fixture onechat/{provenance}/{stem}"))
            .json
            .clone()
            .into_bytes()
    };
    let onechat_cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "onechat conversation.updated frame",
            onechat_case("reference", "conversation.updated"),
        ),
        (
            "onechat message.created frame",
            onechat_case("003_47029119058a39a1", "message.created"),
        ),
    ];
    let onechat_all: Vec<Vec<u8>> = onechat
        .iter()
        .map(|f| f.json.clone().into_bytes())
        .collect();
    let codechat = chat_events_tests::fixtures("codechat");
    let codechat_cases: Vec<(&str, Vec<u8>)> = [
        "messages.upsert.open-source",
        "connection.update.cloud-docs",
    ]
    .iter()
    .map(|stem| {
        let fixture = codechat
            .iter()
            .find(|f| f.stem == *stem)
            .unwrap_or_else(|| panic!("fixture codechat/reference/{stem}"));
        (*stem, fixture.json.clone().into_bytes())
    })
    .collect();
    let codechat_all: Vec<Vec<u8>> = codechat
        .iter()
        .map(|f| f.json.clone().into_bytes())
        .collect();

    if quick {
        for bytes in cases.iter().map(|(_, bytes)| bytes).chain(&all) {
            Event::decode(bytes).expect("fixture decodes");
        }
        for bytes in onechat_cases
            .iter()
            .map(|(_, bytes)| bytes)
            .chain(&onechat_all)
        {
            onechat_events::Event::decode(bytes).expect("fixture decodes");
        }
        for bytes in codechat_cases
            .iter()
            .map(|(_, bytes)| bytes)
            .chain(&codechat_all)
        {
            codechat_events::Event::decode(bytes).expect("fixture decodes");
        }
        println!(
            "decode bench: quick pass ok (run `cargo bench -p chat-events-tests --bench decode` to measure)"
        );
        return;
    }

    println!(
        "{:<34} {:>12} {:>12} {:>12} {:>9}",
        "case", "Value ns", "raw ns", "Event ns", "ratio"
    );
    let report = |label: &str, inputs: &[&[u8]], decode: fn(&[u8]) -> bool| {
        let baseline = median_ns_per_op(|| {
            for bytes in inputs {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).ok());
            }
        });
        let raw_only = median_ns_per_op(|| {
            for bytes in inputs {
                black_box(serde_json::from_slice::<Box<RawValue>>(black_box(bytes)).ok());
            }
        });
        let typed = median_ns_per_op(|| {
            for bytes in inputs {
                black_box(decode(black_box(bytes)));
            }
        });
        println!(
            "{label:<34} {baseline:>12.0} {raw_only:>12.0} {typed:>12.0} {:>8.2}x",
            typed / baseline
        );
    };
    let chatapp: fn(&[u8]) -> bool = |bytes| <Event as ProviderEvent>::decode(bytes).is_ok();
    let onechat_decode: fn(&[u8]) -> bool =
        |bytes| <onechat_events::Event as ProviderEvent>::decode(bytes).is_ok();
    for (label, bytes) in &cases {
        report(label, &[bytes.as_slice()], chatapp);
    }
    let all_refs: Vec<&[u8]> = all.iter().map(Vec::as_slice).collect();
    report(
        &format!("chatapp: all {} fixtures", all.len()),
        &all_refs,
        chatapp,
    );
    for (label, bytes) in &onechat_cases {
        report(label, &[bytes.as_slice()], onechat_decode);
    }
    let onechat_refs: Vec<&[u8]> = onechat_all.iter().map(Vec::as_slice).collect();
    report(
        &format!("onechat: all {} fixtures", onechat_all.len()),
        &onechat_refs,
        onechat_decode,
    );
    let codechat_decode: fn(&[u8]) -> bool =
        |bytes| <codechat_events::Event as ProviderEvent>::decode(bytes).is_ok();
    for (label, bytes) in &codechat_cases {
        report(
            &format!("codechat {label}"),
            &[bytes.as_slice()],
            codechat_decode,
        );
    }
    let codechat_refs: Vec<&[u8]> = codechat_all.iter().map(Vec::as_slice).collect();
    report(
        &format!("codechat: all {} fixtures", codechat_all.len()),
        &codechat_refs,
        codechat_decode,
    );
    println!(
        "ratio = Event::decode (typed + raw kept) / serde_json::Value parse; below 1.00 is faster"
    );
}
