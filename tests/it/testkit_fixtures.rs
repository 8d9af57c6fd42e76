//! Each provider crate's `testkit::fixtures()` embeds the whole fixture corpus of the
//! provider, JSONC stripped, and `fixture(name)` finds one for every known event.

use chat_events_core::Fixture;
use chat_events_tests::fixtures;

fn same_corpus(provider: &str, embedded: &[Fixture]) {
    let corpus = fixtures(provider);
    assert_eq!(embedded.len(), corpus.len(), "{provider}");
    for (embedded, fixture) in embedded.iter().zip(&corpus) {
        assert_eq!(
            embedded.path,
            format!(
                "{}/{}",
                fixture.provenance,
                fixture.path.file_name().unwrap().to_string_lossy()
            ),
            "{provider}"
        );
        assert_eq!(embedded.json, fixture.json, "{provider}: {}", embedded.path);
    }
}

#[test]
fn every_fixture_is_embedded_and_every_known_event_has_one() {
    same_corpus("chatapp", &chatapp_events::testkit::fixtures());
    same_corpus("codechat", &codechat_events::testkit::fixtures());
    same_corpus("onechat", &onechat_events::testkit::fixtures());
    for name in chatapp_events::EventKind::KNOWN {
        let fixture = chatapp_events::testkit::fixture(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            fixture.decode::<chatapp_events::Event>().unwrap().name(),
            *name
        );
    }
    for name in codechat_events::EventKind::KNOWN {
        let fixture = codechat_events::testkit::fixture(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(
            fixture.decode::<codechat_events::Event>().unwrap().name(),
            *name
        );
    }
    for name in onechat_events::EventKind::KNOWN {
        let fixture = onechat_events::testkit::fixture(name).unwrap_or_else(|| panic!("{name}"));
        let body = fixture.body::<onechat_events::Event>();
        assert!(
            body.contains(&format!("\"event\":\"{name}\"")),
            "{name}: {body}"
        );
    }
}
