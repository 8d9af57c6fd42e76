//! Normalized events: every fixture of an event the mapping covers is pinned by a snapshot
//! of its normalized output (`tests/snapshots/normalized/<provider>/`, review with
//! `cargo insta review`), every other fixture normalizes to nothing, and every normalized
//! record validates against `schemas/normalized.schema.json`.

use std::fmt::Write as _;

use chat_events_core::{
    Decoded,
    normalized::{self, Normalize, NormalizedEvent},
};
use chat_events_tests::{fixtures, workspace_root};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(workspace_root().join("schemas/normalized.schema.json"))
        .expect("schemas/normalized.schema.json (run `cargo xtask schema`)");
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

/// Snapshots the normalized output of every fixture in `tests/fixtures/<folder>` whose event is mapped,
/// and returns how many normalized events each event name gave.
fn corpus<E: Normalize>(folder: &str) -> Vec<(String, usize)> {
    let validator = validator();
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(format!("../snapshots/normalized/{folder}"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    let _guard = settings.bind_to_scope();
    for fixture in fixtures(folder) {
        let bytes = fixture.json.as_bytes();
        let name = fixture.event_name(E::KNOWN).to_owned();
        let decoded = Decoded::<E>::decode(bytes)
            .or_else(|_| Decoded::<E>::decode_named(&name, bytes))
            .unwrap_or_else(|error| panic!("{}: {error}", fixture.id()));
        let normalized = decoded.normalize();
        for record in &normalized {
            let json = serde_json::to_value(record).unwrap();
            // The record carries the payload as received: the fixture itself.
            let payload: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
            assert_eq!(json["raw"], payload, "{}", fixture.id());
            assert_eq!(
                (json["provider"].as_str(), json["sourceEvent"].as_str()),
                (Some(folder), Some(name.as_str())),
                "{}",
                fixture.id()
            );
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|error| format!("{} at {}", error, error.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", fixture.id());
            let back: normalized::NormalizedRecord = serde_json::from_value(json).unwrap();
            assert_eq!(&back.event, record.event(), "{}", fixture.id());
        }
        let events: Vec<&NormalizedEvent> = normalized
            .iter()
            .map(normalized::Normalized::event)
            .collect();
        if E::MAPPED.contains(&decoded.name()) {
            insta::assert_json_snapshot!(
                format!("{}__{}", fixture.provenance, fixture.stem),
                events
            );
        } else {
            assert!(
                events.is_empty(),
                "{}: `{}` is not in MAPPED but normalized to {events:?}",
                fixture.id(),
                decoded.name()
            );
        }
        match counts
            .iter_mut()
            .find(|(event, _)| *event == decoded.name())
        {
            Some((_, count)) => *count += events.len(),
            None => counts.push((decoded.name().to_owned(), events.len())),
        }
    }
    counts
}

/// Every mapped event name has a fixture that normalizes to something.
fn every_mapped_event_maps(provider: &str, mapped: &[&str], counts: &[(String, usize)]) {
    let mut missing = String::new();
    for name in mapped {
        if !counts
            .iter()
            .any(|(event, count)| event == name && *count > 0)
        {
            let _ = write!(missing, " {name}");
        }
    }
    assert!(
        missing.is_empty(),
        "{provider}: no fixture normalizes for{missing}"
    );
}

#[test]
fn chatapp_fixtures_normalize() {
    let counts = corpus::<chatapp_events::Event>("chatapp");
    every_mapped_event_maps(
        "chatapp",
        <chatapp_events::Event as Normalize>::MAPPED,
        &counts,
    );
}

#[test]
fn codechat_fixtures_normalize() {
    let counts = corpus::<codechat_events::Event>("codechat");
    every_mapped_event_maps(
        "codechat",
        <codechat_events::Event as Normalize>::MAPPED,
        &counts,
    );
}

#[test]
fn onechat_fixtures_normalize() {
    let counts = corpus::<onechat_events::Event>("onechat");
    every_mapped_event_maps(
        "onechat",
        <onechat_events::Event as Normalize>::MAPPED,
        &counts,
    );
}

#[test]
fn onechat_webhook_fixtures_normalize() {
    type Webhook = onechat_events::webhook_events::WebhookEvent;
    let counts = corpus::<Webhook>("onechat-webhook");
    every_mapped_event_maps("onechat-webhook", <Webhook as Normalize>::MAPPED, &counts);
}

/// One WhatsApp chat seen as a phone number and as a LID (`codechat/reference/*.identity-*`:
/// before the move, Baileys 7's `remoteJidAlt`, Evolution 2.3's `senderPn`, a receipt, a
/// CodeChat Go row with `keyLid`) keeps one conversation id and one sender id; the chat's
/// LID and phone number ride along. A group message gives the group's id with the member's
/// phone number as sender, and a payload that names the chat by its LID alone gives the LID
/// (the documented limit of the rule). The whole sequence is one snapshot.
#[test]
fn one_chat_seen_as_phone_number_and_as_lid_keeps_one_id() {
    let mut seen = Vec::new();
    for fixture in fixtures("codechat") {
        if fixture.provenance != "reference" || !fixture.stem.contains(".identity-") {
            continue;
        }
        let decoded = Decoded::<codechat_events::Event>::decode(fixture.json.as_bytes())
            .unwrap_or_else(|error| panic!("{}: {error}", fixture.id()));
        let normalized = decoded.normalize();
        assert_eq!(normalized.len(), 1, "{}", fixture.id());
        let event = normalized[0].event();
        let conversation = event.conversation().expect("a conversation").clone();
        let sender = match event {
            NormalizedEvent::Message(message) => message.sender.clone(),
            _ => None,
        };
        seen.push(serde_json::json!({
            "fixture": fixture.stem,
            "event": decoded.name(),
            "conversation": conversation,
            "sender": sender,
        }));
    }
    let ids: Vec<(&str, &str)> = seen
        .iter()
        .map(|row| {
            (
                row["fixture"].as_str().unwrap(),
                row["conversation"]["id"].as_str().unwrap(),
            )
        })
        .collect();
    let phone = "5531977776666@s.whatsapp.net";
    assert_eq!(
        ids,
        [
            ("messages.update.identity-4-lid-and-alt", phone),
            ("messages.upsert.identity-1-phone", phone),
            ("messages.upsert.identity-2-lid-and-alt", phone),
            ("messages.upsert.identity-3-lid-and-sender-pn", phone),
            (
                "messages.upsert.identity-5-group-member-lid-and-alt",
                "120363041234567890@g.us"
            ),
            (
                "messages.upsert.identity-6-lid-alone",
                "188888888888888@lid"
            ),
            ("messages.upsert.identity-7-go-row-jid-and-lid", phone),
        ]
    );
    for row in &seen {
        if let Some(sender) = row["sender"].as_object() {
            let expected = if row["fixture"] == "messages.upsert.identity-6-lid-alone" {
                "188888888888888@lid"
            } else {
                phone
            };
            assert_eq!(sender["id"], expected, "{}", row["fixture"]);
        }
    }
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots/normalized/codechat");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_json_snapshot!("one-chat-as-phone-number-and-lid", seen));
}
