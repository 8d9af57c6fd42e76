//! Any bytes as an Action Cable frame, and any text as a subscription identifier.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use onechat_events::{Frame, Identifier};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match Frame::decode(data) {
        Ok(frame) => {
            let _ = format!("{frame:?}");
            let written = serde_json::to_string(&frame).expect("a frame serializes");
            serde_json::from_str::<serde_json::Value>(&written).expect("and reads back");
            if let Frame::Message(data) = &frame {
                checks::readable(&data.event);
            }
        }
        Err(error) => assert_eq!(error.provider(), "onechat"),
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(identifier) = text.parse::<Identifier>()
    {
        assert_eq!(identifier.as_str(), text, "an identifier keeps its text");
        let _ = (
            identifier.account_id(),
            identifier.user_id(),
            format!("{identifier:?}"),
        );
    }
});
