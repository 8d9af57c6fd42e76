//! Any text as a Pusher frame, and the channel name and event data inside it.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use chatapp_events::protocol::{AuthAnswer, ServerFrame};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = AuthAnswer::parse(text);
    if let Ok(ServerFrame::Event(event)) = ServerFrame::parse(text) {
        let _ = event.channel.parse::<chatapp_events::Channel>();
        if let Some(data) = &event.data {
            checks::decoded_named::<chatapp_events::Event>(&event.event, data.as_bytes());
        }
    }
});
