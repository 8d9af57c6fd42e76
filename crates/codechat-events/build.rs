//! Embeds the SDK's fixture corpus of this provider for `testkit::fixtures()`.

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let dir = std::path::Path::new(&manifest).join("../../tests/fixtures/codechat");
    chat_events_core::fixture::write_embedded_list(&dir);
}
