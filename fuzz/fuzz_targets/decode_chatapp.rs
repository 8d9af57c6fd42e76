//! Any bytes as a chatapp payload: see `checks.rs`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    checks::decoded::<chatapp_events::Event>(data);
});
