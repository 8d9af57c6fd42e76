//! Any bytes as a onechat payload: see `checks.rs`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    checks::decoded::<onechat_events::Event>(data);
});
