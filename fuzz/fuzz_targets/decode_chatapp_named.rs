//! A Pusher event name and a body: the first byte picks a known name (or the next line is
//! taken as the name), the rest is the body.
#![no_main]

#[path = "../checks.rs"]
mod checks;

use chat_events_core::ProviderEvent;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let known = chatapp_events::Event::known_names();
    let (name, body) = match known.get(usize::from(pick)) {
        Some(name) => ((*name).to_owned(), rest),
        None => {
            let end = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
            (
                String::from_utf8_lossy(&rest[..end]).into_owned(),
                rest.get(end + 1..).unwrap_or_default(),
            )
        }
    };
    checks::decoded_named::<chatapp_events::Event>(&name, body);
});
