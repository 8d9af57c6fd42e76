//! Any bytes as a codechat payload: see `checks.rs`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    checks::decoded::<codechat_events::Event>(data);
});
