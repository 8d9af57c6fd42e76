//! The five lines of chat-events-testing's README: one snapshot and one round-trip test per
//! captured payload.

fn main() {
    chat_events_testing::Corpus::new("tests/payloads")
        .snapshots("tests/snapshots")
        .run::<codechat_events::Event>();
}
