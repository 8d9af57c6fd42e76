//! ChatApp decoding behaviour beyond the per-fixture checks.

use std::{fs, future::Future, pin::pin, task::Context};

use chat_events_core::{DecodeErrorKind, ObjectOrEmpty, drift::DriftKind};
use chat_events_tests::{Fixture, fixtures, jsonc, workspace_root};
use chatapp_events::{
    Channel, Event, EventKind, EventSource, Id, Maybe, MessengerType, ReplaySource, Scope,
    events::{MessageStatusType, ReactionAction, WorkdayAction},
    objects::{ChatStatus, CustomFieldType, CustomFieldValue},
};

fn fixture(path: &str) -> String {
    let text =
        fs::read_to_string(workspace_root().join("tests/fixtures/chatapp").join(path)).unwrap();
    jsonc::strip(&text).unwrap()
}

fn decode(path: &str) -> Event {
    Event::decode(fixture(path).as_bytes())
        .unwrap()
        .into_event()
}

const NEW: &str = "002_f0790862ffa43691";
const OLD: &str = "000_3eeb06198ae497e6";

#[test]
fn unknown_event_keeps_its_name_and_raw_json() {
    let body = r#"{"data":[{"chat":{"id":"1"},"pinned":true}],"meta":{"type":"chatPinned","licenseId":1229}}"#;
    let decoded = Event::decode(body.as_bytes()).unwrap();
    let Event::Unknown(unknown) = &*decoded else {
        panic!("expected Unknown, got {decoded:?}")
    };
    assert_eq!(unknown.name(), "chatPinned");
    assert_eq!(unknown.raw().get(), body);
    assert_eq!(decoded.kind().as_str(), "chatPinned");
    assert!(!decoded.kind().is_known());
    assert_eq!(decoded.kind(), EventKind::from("chatPinned"));
    assert_eq!(decoded.name(), "chatPinned");
    assert!(decoded.meta().is_none());
    // Serializing writes the original JSON back, byte for byte.
    assert_eq!(serde_json::to_string(decoded.event()).unwrap(), body);
    let value: serde_json::Value = unknown.deserialize_as().unwrap();
    assert_eq!(value["data"][0]["pinned"], true);
    // Debug shows the name, not the payload.
    assert!(!format!("{unknown:?}").contains("pinned"));
}

#[test]
fn known_event_with_a_broken_body_is_an_error_with_its_path() {
    // `chat.id` as an object: not a string or a number.
    let body = fixture(&format!("{NEW}/chatRead.jsonc")).replace(
        r#""id": "7000000000@c.us""#,
        r#""id": {"secret": "+7 900"}"#,
    );
    assert!(body.contains("secret"));
    let error = Event::decode(body.as_bytes()).unwrap_err();
    assert_eq!(error.provider(), "chatapp");
    assert_eq!(error.event(), Some("chatRead"));
    assert_eq!(error.path(), Some("data[0].chat.id"));
    assert_eq!(error.kind(), DecodeErrorKind::Data);
    assert_eq!(error.raw(), Some(body.as_bytes()));
    let shown = format!("{error} {error:?}");
    assert_eq!(
        error.to_string(),
        "chatapp: cannot decode event `chatRead` at `data[0].chat.id`: invalid type: map, expected an id as a string or an integer"
    );
    assert!(
        !shown.contains("secret") && !shown.contains("+7 900"),
        "{shown}"
    );
}

#[test]
fn broken_values_are_not_printed_even_when_serde_quotes_them() {
    let body = fixture(&format!("{OLD}/messageStatus.jsonc"))
        .replace(r#""time": 1706175215"#, r#""time": "+7 900 123""#);
    let error = Event::decode(body.as_bytes()).unwrap_err();
    assert_eq!(error.path(), Some("data[0].time"));
    assert!(!error.to_string().contains("+7 900"), "{error}");
    assert!(
        error
            .unredacted_message()
            .contains("does not hold an integer")
    );
}

#[test]
fn missing_required_field_names_the_field() {
    let error =
        Event::decode(br#"{"data":[{"type":"add"}],"meta":{"type":"chatTag"}}"#).unwrap_err();
    assert_eq!(error.path(), Some("data[0]"));
    assert_eq!(error.message(), "missing field `chat`");
}

#[test]
fn body_without_an_event_name_is_an_error() {
    let error = Event::decode(br#"{"data":[]}"#).unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::MissingEventName);
    assert_eq!(error.path(), Some("meta.type"));
    let error = Event::decode(br#"{"queue":"q","payload":{"data":[]}}"#).unwrap_err();
    assert_eq!(error.path(), Some("payload.meta.type"));
}

#[test]
fn not_json_is_a_syntax_error_with_position() {
    let error = Event::decode(b"{\"data\": [,]}").unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::Syntax);
    assert_eq!(error.position(), Some((1, 11)));
    assert_eq!(error.raw(), Some(&b"{\"data\": [,]}"[..]));
    let error = Event::decode(b"[1, 2]").unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::Data);
    assert_eq!(error.path(), Some("."));
    assert_eq!(
        error.message(),
        "invalid type: expected a JSON object (a ChatApp event body)"
    );
}

#[test]
fn documented_quirks_decode_to_the_right_values() {
    // "type": "start|end" is kept as an unknown value.
    let Event::EmployeeWorkday(workday) = decode(&format!("{OLD}/employeeWorkday.jsonc")) else {
        panic!()
    };
    assert_eq!(workday.data[0].kind.as_str(), "start|end");
    assert!(!workday.data[0].kind.is_known());
    assert_eq!(workday.data[0].kind, WorkdayAction::from("start|end"));
    assert_eq!(workday.data[0].employee.id.as_i64(), Some(685));
    assert!(
        matches!(workday.meta.scope(), Scope::Company { company_id } if company_id.as_i64() == Some(2226))
    );

    // "reaction": " " and "time": "1697795977".
    let Event::MessageReaction(reaction) = decode(&format!("{NEW}/messageReaction.jsonc")) else {
        panic!()
    };
    let item = &reaction.data[0];
    assert_eq!(item.reaction.as_deref(), Some(" "));
    assert_eq!(item.action, ReactionAction::React);
    let time = item.time.get().unwrap();
    assert_eq!(time.get(), 1_697_795_977);
    assert!(time.is_string());

    // "licenseId": "1229" equals 1229.
    let Event::ChatRead(read) = decode(&format!("{OLD}/chatRead.jsonc")) else {
        panic!()
    };
    let license = read.meta.license_id.get().unwrap();
    assert!(license.is_string());
    assert_eq!(*license, Id::from(1229));

    // numeric chat.id.
    let Event::ChatParticipantAdd(added) = decode(&format!("{OLD}/chatParticipantAdd.jsonc"))
    else {
        panic!()
    };
    assert!(!added.data[0].chat.id.is_string());
    assert_eq!(added.data[0].chat.id.as_i64(), Some(-1_002_224_731_326));
    assert_eq!(added.data[0].participants.len(), 2);
    assert_eq!(
        added.data[0].participants[1].username.as_deref(),
        Some("test2")
    );

    // "category": [] next to a filled category.
    let Event::MessageSystem(system) = decode(&format!("{OLD}/messageSystem.jsonc")) else {
        panic!()
    };
    let tags = system.data[0].chat.tags.get().unwrap();
    assert_eq!(tags[0].category, Maybe::Value(ObjectOrEmpty::EmptyArray));
    let Event::ChatTag(tag) = decode(&format!("{OLD}/chatTag.jsonc")) else {
        panic!()
    };
    assert_eq!(tag.data[0].kind, chatapp_events::objects::ChangeAction::Add);
    let category = tag.data[0]
        .tag
        .category
        .get()
        .and_then(ObjectOrEmpty::as_object)
        .unwrap();
    assert_eq!(category.id.as_i64(), Some(9));
}

#[test]
fn the_full_message_is_typed_field_by_field() {
    let Event::Message(message) = decode(&format!("{NEW}/message.jsonc")) else {
        panic!()
    };
    assert_eq!(
        message.meta.messenger_type.get(),
        Some(&MessengerType::Telegram)
    );
    let item = &message.data[0];
    assert_eq!(item.id.as_str(), "123");
    assert_eq!(item.internal_id.get().and_then(Id::as_i64), Some(37914));
    assert_eq!(item.group_id, Maybe::Null);
    assert_eq!(
        item.message.get().and_then(|m| m.text.as_deref()),
        Some("Test")
    );
    let quoted = item.quoted_message.get().unwrap();
    assert!(quoted.internal_id.get().unwrap().is_string());
    assert_eq!(
        quoted.time.get().map(chat_events_core::UnixSeconds::get),
        Some(1_758_700_680)
    );
    let chat = &item.chat;
    assert_eq!(chat.status.get(), Some(&ChatStatus::Close));
    assert_eq!(
        chat.funnel_stage.get().map(|stage| stage.id.as_i64()),
        Some(Some(20))
    );
    assert_eq!(chat.created, Maybe::Value(true));
    assert_eq!(
        chat.unread_messages.get().map(chat_events_core::Num::get),
        Some(1)
    );
    let fields = chat.custom_fields.get().unwrap();
    assert_eq!(fields[0].kind.get(), Some(&CustomFieldType::Numeric));
    assert_eq!(
        fields[0].value.get().and_then(CustomFieldValue::as_f64),
        Some(1234.66672)
    );
    assert_eq!(
        fields[1].selected_option().and_then(|o| o.value.as_deref()),
        Some("Значение 4")
    );
    assert_eq!(
        fields[1].selected_option().map(|o| o.id.as_i64()),
        Some(Some(205))
    );
    // The older page has no funnelStage: absent, not null.
    let Event::Message(old) = decode(&format!("{OLD}/message.jsonc")) else {
        panic!()
    };
    assert!(old.data[0].chat.funnel_stage.is_absent());
}

#[test]
fn message_status_items_and_error() {
    let Event::MessageStatus(status) = decode(&format!("{OLD}/messageStatus.jsonc")) else {
        panic!()
    };
    let item = &status.data[0];
    assert_eq!(item.kind, MessageStatusType::Failed);
    let error = item.error.get().unwrap();
    assert_eq!(error.code.get().and_then(Id::as_i64), Some(131_026));
    assert_eq!(
        error
            .message_lang
            .get()
            .and_then(|m| m.get("pt"))
            .map(String::as_str),
        Some("Mensagem não entregue.")
    );
    let Event::MessageStatus(webhook) = decode("reference/messageStatus.webhook.json") else {
        panic!()
    };
    let kinds: Vec<&MessageStatusType> = webhook.data.iter().map(|item| &item.kind).collect();
    assert_eq!(
        kinds,
        [
            &MessageStatusType::Sent,
            &MessageStatusType::Viewed,
            &MessageStatusType::Delivered
        ]
    );
    assert!(webhook.data.iter().all(|item| item.error.is_null()));
}

#[test]
fn message_import_under_its_misleading_heading() {
    let Event::MessageImport(import) = decode(&format!("{NEW}/messageImport.jsonc")) else {
        panic!()
    };
    let item = &import.data[0];
    assert_eq!(
        item.error
            .get()
            .and_then(|e| e.code.get())
            .map(Id::as_str)
            .as_deref(),
        Some("messagesNotFound")
    );
    assert!(item.time_to.is_null());
    assert_eq!(item.messages_next_page.as_deref(), Some("1751449154,2468"));
    // meta carries both a line and a company: the line wins in `scope`.
    assert!(
        matches!(import.meta.scope(), Scope::Line { license_id, .. } if license_id.as_i64() == Some(1229))
    );
    assert_eq!(
        import.meta.company_id.get().and_then(Id::as_i64),
        Some(2223)
    );
}

#[test]
fn flat_and_wrapped_bodies_decode_to_the_same_value() {
    let flat = decode(&format!("{NEW}/message.jsonc"));
    let wrapped = Event::decode(fixture("reference/message.wrapped.json").as_bytes()).unwrap();
    assert_eq!(wrapped.event(), &flat);
    // The raw JSON is the wrapped text, so nothing (not even `queue`) is lost.
    assert!(wrapped.raw().get().contains("\"queue\""));
    // Errors inside a wrapped body carry the `payload.` prefix.
    let broken = fixture("reference/message.wrapped.json").replacen(
        r#""fromApi": false"#,
        r#""fromApi": "no""#,
        1,
    );
    let error = Event::decode(broken.as_bytes()).unwrap_err();
    assert_eq!(error.path(), Some("payload.data[0].fromApi"));
}

#[test]
fn the_pusher_event_name_decides_the_type() {
    let body = br#"{"data":[{"chat":{"id":"7000000000@c.us"}}],"meta":{"licenseId":1}}"#;
    // No meta.type: only a named decode works.
    assert!(Event::decode(body).is_err());
    let event = Event::decode_named("chatUnread", body).unwrap();
    assert_eq!(event.kind(), EventKind::ChatUnread);
    // A name out of band that is unknown gives Unknown with the raw kept.
    let event = Event::decode_named("chatFlagged", body).unwrap();
    assert!(event.is_unknown());
    assert_eq!(event.name(), "chatFlagged");
    let error = Event::decode_named("chatUnread", b"{").unwrap_err();
    assert_eq!(error.event(), Some("chatUnread"));
}

#[test]
fn drift_names_fields_the_model_does_not_know() {
    let body = fixture(&format!("{NEW}/chatRename.jsonc")).replace(
        r#""name": "New name","#,
        r#""name": "New name", "previousName": "Old", "#,
    );
    let decoded = Event::decode(body.as_bytes()).unwrap();
    let drift = decoded.drift().unwrap();
    assert_eq!(drift.len(), 1, "{drift:?}");
    assert_eq!(drift[0].path(), "data[0].previousName");
    assert_eq!(drift[0].kind(), DriftKind::Missing);
    // The raw JSON still has it.
    assert!(decoded.raw().get().contains("previousName"));
    // The same check from bytes, as a CLI would run it over captured payloads.
    let drift = chatapp_events::drift::check::<Event>(body.as_bytes()).unwrap();
    assert_eq!(
        drift[0].to_string(),
        "`data[0].previousName` missing from the model"
    );
}

#[test]
fn every_fixture_event_reaches_its_payload_and_meta() {
    let all: Vec<Fixture> = fixtures("chatapp");
    assert_eq!(
        all.len(),
        66,
        "63 documented examples, 2 reference bodies, 1 upstream body"
    );
    for fixture in &all {
        let event = Event::decode(fixture.json.as_bytes()).unwrap();
        let payload = event
            .payload()
            .unwrap_or_else(|| panic!("{}: no payload", fixture.id()));
        assert!(payload.item_count() >= 1);
        assert_eq!(
            event
                .meta()
                .and_then(|meta| meta.kind.get())
                .map(String::as_str),
            Some(fixture.event_name(EventKind::KNOWN))
        );
    }
}

#[test]
fn serde_deserialize_goes_through_the_same_dispatch() {
    let event: Event = serde_json::from_str(&fixture(&format!("{OLD}/chatStatus.jsonc"))).unwrap();
    let Event::ChatStatus(status) = event else {
        panic!()
    };
    assert_eq!(status.data[0].kind, ChatStatus::Close);
    let error =
        serde_json::from_str::<Event>(r#"{"data":[{}],"meta":{"type":"chatStatus"}}"#).unwrap_err();
    assert!(error.to_string().contains("data[0]"), "{error}");
}

#[test]
fn channels_of_every_kind() {
    let names = [
        "private-v1.licenses.1229.messengers.grWhatsApp",
        "private-v1.companies.2224",
        "private-v1.users.685",
        "private-v1.companies.2223.users.685",
    ];
    let channels: Vec<Channel> = names.iter().map(|name| name.parse().unwrap()).collect();
    assert_eq!(
        channels[0].messenger_type(),
        Some(&MessengerType::GrWhatsApp)
    );
    assert_eq!(channels[1], Channel::Company { company_id: 2224 });
    assert_eq!(channels[2], Channel::User { user_id: 685 });
    assert_eq!(
        channels[3],
        Channel::CompanyUser {
            company_id: 2223,
            user_id: 685
        }
    );
    for (channel, name) in channels.iter().zip(names) {
        assert_eq!(channel.to_string(), name);
    }
}

/// Polls a future that never waits (the replay source's futures are ready at once).
fn run_ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(std::task::Waker::noop());
    for _ in 0..1000 {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
    panic!("future did not complete");
}

#[test]
fn replay_source_yields_events_errors_and_closes() {
    let payloads = vec![
        fixture(&format!("{OLD}/chatArchive.jsonc")).into_bytes(),
        b"not json".to_vec(),
        fixture(&format!("{NEW}/chatFunnelStage.jsonc")).into_bytes(),
    ];
    let mut source = ReplaySource::<Event, _>::new(payloads);
    let first = run_ready(source.next_event()).unwrap().unwrap();
    assert_eq!(first.kind(), EventKind::ChatArchive);
    let error = run_ready(source.next_event()).unwrap().unwrap_err();
    assert!(!chat_events_core::SourceError::is_fatal(&error));
    assert_eq!(error.raw(), Some(&b"not json"[..]));
    let third = run_ready(source.next_event()).unwrap().unwrap();
    assert_eq!(third.kind(), EventKind::ChatFunnelStage);
    assert!(run_ready(source.next_event()).is_none());
}

#[test]
fn schemas_agree_with_the_decoder_on_a_broken_body() {
    let schema = chat_events_tests::load_schema("chatapp", "event").unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good: serde_json::Value =
        serde_json::from_str(&fixture(&format!("{OLD}/chatStatus.jsonc"))).unwrap();
    assert!(validator.is_valid(&good));
    let mut broken = good.clone();
    broken["data"][0]["chat"]["id"] = serde_json::json!({"nested": true});
    assert!(!validator.is_valid(&broken));
    assert!(Event::decode(broken.to_string().as_bytes()).is_err());
    let unknown = serde_json::json!({"data": [], "meta": {"type": "somethingNew"}});
    assert!(validator.is_valid(&unknown));
    assert!(
        Event::decode(unknown.to_string().as_bytes())
            .unwrap()
            .is_unknown()
    );
}
