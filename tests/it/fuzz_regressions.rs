//! Replays the inputs the fuzzers found (`tests/fixtures/fuzz/<target>/`) through the checks
//! of their target (`fuzz/checks.rs`), so that a fixed crash stays fixed without a nightly
//! compiler; and the checks themselves on every fixture of the repository.

use std::fs;

use chat_events_core::ProviderEvent;
use chat_events_tests::{fixtures, workspace_root};

#[path = "../../fuzz/checks.rs"]
mod checks;

/// Runs the input through what the target `target` does.
fn replay(target: &str, data: &[u8]) {
    match target {
        "decode_chatapp" => checks::decoded::<chatapp_events::Event>(data),
        "decode_codechat" => checks::decoded::<codechat_events::Event>(data),
        "decode_onechat" | "structured" => {
            checks::decoded::<onechat_events::Event>(data);
            checks::decoded::<codechat_events::Event>(data);
            checks::decoded::<chatapp_events::Event>(data);
        }
        "decode_chatapp_named" => {
            let names = chatapp_events::Event::known_names();
            if let Some((&pick, rest)) = data.split_first()
                && let Some(name) = names.get(usize::from(pick))
            {
                checks::decoded_named::<chatapp_events::Event>(name, rest);
            }
        }
        "frames_onechat" => match onechat_events::Frame::decode(data) {
            Ok(frame) => {
                // What is kept reads back (an unknown frame is written as it came).
                let written = serde_json::to_string(&frame).unwrap();
                serde_json::from_str::<serde_json::Value>(&written).unwrap();
                if let onechat_events::Frame::Message(frame) = &frame {
                    checks::readable(&frame.event);
                }
            }
            Err(error) => assert_eq!(error.provider(), "onechat"),
        },
        "frames_chatapp" | "lenient" => {
            if let Ok(text) = std::str::from_utf8(data) {
                checks::lenient(text);
                let _ = chatapp_events::protocol::ServerFrame::parse(text);
            }
        }
        other => panic!("tests/fixtures/fuzz/{other}: no such fuzz target"),
    }
}

#[test]
fn inputs_the_fuzzers_found_stay_fixed() {
    let dir = workspace_root().join("tests/fixtures/fuzz");
    let mut replayed = 0;
    for target in fs::read_dir(&dir).unwrap().flatten() {
        if !target.path().is_dir() {
            continue;
        }
        let name = target.file_name().to_string_lossy().into_owned();
        for input in fs::read_dir(target.path()).unwrap().flatten() {
            let data = fs::read(input.path()).unwrap();
            replay(&name, &data);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} fuzz inputs");
}

#[test]
fn every_fixture_passes_the_fuzz_checks() {
    for fixture in fixtures("chatapp") {
        checks::decoded::<chatapp_events::Event>(fixture.json.as_bytes());
    }
    for fixture in fixtures("codechat") {
        checks::decoded::<codechat_events::Event>(fixture.json.as_bytes());
    }
    for fixture in fixtures("onechat") {
        checks::decoded::<onechat_events::Event>(fixture.json.as_bytes());
        checks::lenient(&fixture.json);
    }
}
