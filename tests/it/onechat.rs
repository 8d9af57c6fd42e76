//! OneChat decoding behaviour beyond the per-fixture checks: frames, identifiers, commands,
//! quirks, redaction, account filtering.

use std::fs;

use chat_events_core::{DecodeErrorKind, TimestampForm};
use chat_events_tests::{fixtures, workspace_root};
use onechat_events::{
    Command, DisconnectReason, Event, Frame, Identifier, Maybe,
    objects::SecondaryActor,
    objects::{Availability, ConversationStatus, MessageType, Sender},
};

fn fixture(path: &str) -> String {
    fs::read_to_string(workspace_root().join("tests/fixtures/onechat").join(path)).unwrap()
}

fn decode(path: &str) -> Event {
    Event::decode(fixture(path).as_bytes())
        .unwrap()
        .into_event()
}

const SEED: &str = "003_47029119058a39a1";

#[test]
fn every_fixture_is_a_data_frame_whose_identifier_round_trips() {
    let all = fixtures("onechat");
    assert_eq!(all.len(), 77);
    for fixture in &all {
        let frame = Frame::decode(fixture.json.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.id()));
        let Frame::Message(data) = &frame else {
            panic!("{}: not a data frame", fixture.id())
        };
        let value: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        assert_eq!(
            data.identifier.as_str(),
            value["identifier"].as_str().unwrap(),
            "{}",
            fixture.id()
        );
        assert_eq!(data.identifier.channel(), "RoomChannel");
        // The frame serializes back to the same JSON, identifier string included.
        let again: serde_json::Value = serde_json::to_value(&frame).unwrap();
        assert_eq!(again, value, "{}", fixture.id());
        // Every event says which account it belongs to.
        assert!(
            data.event.account_id().is_some(),
            "{}: no account_id",
            fixture.id()
        );
        assert!(data.event.belongs_to(1), "{}", fixture.id());
        assert!(!data.event.belongs_to(2), "{}", fixture.id());
    }
}

/// Every string under a `pubsub_token` or `jwt` key, anywhere in the JSON.
fn secrets(value: &serde_json::Value, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("pubsub_token" | "jwt", serde_json::Value::String(secret)) => {
                        found.push(secret.clone());
                    }
                    (_, value) => secrets(value, found),
                }
            }
        }
        serde_json::Value::Array(values) => values.iter().for_each(|value| secrets(value, found)),
        _ => {}
    }
}

#[test]
fn debug_output_never_shows_a_token() {
    let mut checked = 0;
    for fixture in fixtures("onechat") {
        let value: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        let mut found = Vec::new();
        secrets(&value, &mut found);
        let identifier: serde_json::Value =
            serde_json::from_str(value["identifier"].as_str().unwrap()).unwrap();
        secrets(&identifier, &mut found);
        let frame = Frame::decode(fixture.json.as_bytes()).unwrap();
        let shown = format!("{frame:?} {frame:#?}");
        for secret in &found {
            // Debug quotes strings; the seed's token is the word `token`, which also appears
            // unquoted in field names.
            assert!(
                !shown.contains(&format!("{secret:?}")),
                "{}: Debug shows a token",
                fixture.id()
            );
            checked += 1;
        }
    }
    assert!(checked >= 77, "tokens checked: {checked}");
}

#[test]
fn control_frames() {
    assert_eq!(
        Frame::decode(br#"{"type":"welcome"}"#).unwrap(),
        Frame::Welcome
    );
    let Frame::Ping { message } =
        Frame::decode(br#"{"type":"ping","message":1736743200}"#).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        message.get().map(chat_events_core::Timestamp::form),
        Some(TimestampForm::Seconds)
    );
    let Frame::Ping { message } = Frame::decode(br#"{"type":"ping"}"#).unwrap() else {
        panic!()
    };
    assert!(message.is_absent());

    let id =
        r#"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"tok\",\"account_id\":1,\"user_id\":7}"#;
    let confirm = format!(r#"{{"identifier":"{id}","type":"confirm_subscription"}}"#);
    let Frame::ConfirmSubscription { identifier } = Frame::decode(confirm.as_bytes()).unwrap()
    else {
        panic!()
    };
    assert_eq!(identifier, Identifier::room("tok", Some(1), Some(7)));
    assert_eq!(
        serde_json::to_string(&Frame::ConfirmSubscription { identifier }).unwrap(),
        confirm
    );
    let reject = format!(r#"{{"identifier":"{id}","type":"reject_subscription"}}"#);
    assert!(matches!(
        Frame::decode(reject.as_bytes()).unwrap(),
        Frame::RejectSubscription { .. }
    ));

    for (json, reason, reconnect) in [
        (
            r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
            Maybe::Value(DisconnectReason::ServerRestart),
            Maybe::Value(true),
        ),
        (
            r#"{"type":"disconnect","reason":"unauthorized","reconnect":false}"#,
            Maybe::Value(DisconnectReason::Unauthorized),
            Maybe::Value(false),
        ),
        (
            r#"{"type":"disconnect","reason":"invalid_request","reconnect":true}"#,
            Maybe::Value(DisconnectReason::InvalidRequest),
            Maybe::Value(true),
        ),
        (
            r#"{"type":"disconnect","reason":"remote","reconnect":false}"#,
            Maybe::Value(DisconnectReason::Remote),
            Maybe::Value(false),
        ),
        (
            r#"{"type":"disconnect","reason":null,"reconnect":true}"#,
            Maybe::Null,
            Maybe::Value(true),
        ),
        (
            r#"{"type":"disconnect","reason":"maintenance"}"#,
            Maybe::Value(DisconnectReason::from("maintenance")),
            Maybe::Absent,
        ),
    ] {
        let frame = Frame::decode(json.as_bytes()).unwrap();
        assert_eq!(frame, Frame::Disconnect { reason, reconnect }, "{json}");
        assert_eq!(serde_json::to_string(&frame).unwrap(), json);
    }

    let Frame::Unknown(unknown) = Frame::decode(br#"{"type":"resync","cursor":5}"#).unwrap() else {
        panic!()
    };
    assert_eq!(unknown.name(), "resync");
    assert_eq!(
        serde_json::to_string(&Frame::Unknown(unknown)).unwrap(),
        r#"{"type":"resync","cursor":5}"#
    );
}

#[test]
fn bad_frames_are_errors_not_panics() {
    let error = Frame::decode(b"garbage").unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::Syntax);
    assert_eq!(error.raw(), Some(&b"garbage"[..]));
    assert_eq!(
        Frame::decode(&[0xff, 0xfe, 0x00]).unwrap_err().kind(),
        DecodeErrorKind::Syntax
    );
    assert_eq!(Frame::decode(b"[1]").unwrap_err().path(), Some("."));
    let error = Frame::decode(br#"{"message":{"event":"x"}}"#).unwrap_err();
    assert_eq!(error.message(), "missing field `identifier`");
    let error = Frame::decode(
        br#"{"identifier":"ID","message":{"event":"presence.update","data":{"users":{}}}}"#,
    )
    .unwrap_err();
    assert_eq!(
        error.kind(),
        DecodeErrorKind::Syntax,
        "the identifier must hold JSON"
    );
    let error = Frame::decode(br#"{"identifier":"{}"}"#).unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::MissingEventName);
    let error = Frame::decode(
        br#"{"identifier":"{}","message":{"event":"presence.update","data":{"users":{}}}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), Some("identifier"), "{error}");
}

#[test]
fn commands_are_byte_identical_to_the_documented_ones() {
    // The two presence commands on the OneChat page, compacted.
    let agent = Identifier::room("token", Some(1), Some(1));
    assert_eq!(
        Command::update_presence(&agent).to_json(),
        r#"{"command":"message","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"token\",\"account_id\":1,\"user_id\":1}","data":"{\"action\":\"update_presence\"}"}"#
    );
    let contact = Identifier::room("token", None, None);
    assert_eq!(
        Command::update_presence(&contact).to_json(),
        r#"{"command":"message","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"token\"}","data":"{\"action\":\"update_presence\"}"}"#
    );
    assert_eq!(
        Command::unsubscribe(&contact).to_json(),
        r#"{"command":"unsubscribe","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"token\"}"}"#
    );
    // An identifier received from the server is repeated exactly, even with other spacing.
    let odd: Identifier = r#"{"channel": "RoomChannel", "pubsub_token": "t", "account_id": "1"}"#
        .parse()
        .unwrap();
    assert!(Command::subscribe(&odd).to_json().contains(
        r#"{\"channel\": \"RoomChannel\", \"pubsub_token\": \"t\", \"account_id\": \"1\"}"#
    ));
    assert_eq!(
        odd.account_id().and_then(chat_events_core::Id::as_i64),
        Some(1)
    );
    assert!(!format!("{:?}", Command::subscribe(&agent)).contains("token\""));
}

#[test]
fn conversation_quirks_decode_without_loss() {
    // conversation `id: null` with `timestamp: 0`.
    let Event::AssigneeChanged(changed) = decode(&format!("{SEED}/assignee.changed.json")) else {
        panic!()
    };
    assert_eq!(changed.data.id, Maybe::Null);
    assert!(changed.data.timestamp.get().unwrap().is_never());
    assert!(changed.data.agent_last_seen_at.get().unwrap().is_never());
    // A JavaScript Date.toString() inside the free-form attributes.
    let initiated = changed.data.initiated_at().unwrap();
    assert_eq!(initiated.form(), TimestampForm::JavaScriptDate);
    assert_eq!(initiated.unix_seconds(), Some(1_627_060_394.0));
    // `is_private` absent in the 2021 typing example, present later.
    let Event::ConversationTypingOn(typing) =
        decode(&format!("{SEED}/conversation.typing_on.json"))
    else {
        panic!()
    };
    assert!(typing.data.is_private.is_absent());
    assert!(
        matches!(&typing.data.user, Sender::Contact(contact) if contact.thumbnail.as_deref() == Some(""))
    );
    let Event::ConversationTypingOn(typing) =
        decode("reference/conversation.typing_on.private-note.json")
    else {
        panic!()
    };
    assert_eq!(typing.data.is_private, Maybe::Value(true));

    // float `updated_at`, ISO `updated_at`, epoch `created_at`.
    let Event::ConversationUpdated(updated) = decode("reference/conversation.updated.json") else {
        panic!()
    };
    let conversation = &updated.data;
    assert_eq!(
        conversation.updated_at.get().unwrap().form(),
        TimestampForm::FractionalSeconds
    );
    assert_eq!(
        conversation.updated_at.get().unwrap().unix_seconds(),
        Some(1_736_743_188.402_117)
    );
    let message = &conversation.messages.get().unwrap()[0];
    assert_eq!(
        message.updated_at.get().unwrap().unix_seconds(),
        Some(1_736_743_140.214)
    );
    assert_eq!(message.message_type, Maybe::Value(MessageType::Incoming));
    assert_eq!(conversation.status.get(), Some(&ConversationStatus::Open));
    assert_eq!(conversation.labels.get().map(Vec::len), Some(1));
    let meta = conversation.meta.get().unwrap();
    assert!(
        matches!(meta.assignee.get(), Some(Sender::User(user)) if user.availability_status.is_null())
    );
    assert_eq!(
        meta.team.get().and_then(|team| team.name.as_deref()),
        Some("billing")
    );
}

#[test]
fn quirks_of_the_other_events() {
    // epoch values sent as strings, "0000000000" for unset.
    let Event::AccountCacheInvalidated(cache) = decode("reference/account.cache_invalidated.json")
    else {
        panic!()
    };
    assert_eq!(cache.data.cache_keys["label"].get(), 1_736_743_600);
    assert!(cache.data.cache_keys["team"].is_string());
    assert_eq!(cache.data.cache_keys["team"].get(), 0);

    // presence maps keyed by string ids; a contact's copy has no `contacts`.
    let Event::PresenceUpdate(presence) = decode(&format!("{SEED}/presence.update.json")) else {
        panic!()
    };
    assert_eq!(presence.data.user(1), Some(&Availability::Online));
    assert!(presence.data.contact_online(1));
    let Event::PresenceUpdate(presence) = decode("reference/presence.update.contact.json") else {
        panic!()
    };
    assert!(presence.data.contacts.is_absent());
    assert_eq!(presence.data.user(9), Some(&Availability::Busy));

    // notification: display id vs database id, `null` secondary actor, typed actors.
    let Event::NotificationCreated(created) = decode("reference/notification.created.json") else {
        panic!()
    };
    let notification = &created.data.notification;
    assert_eq!(
        notification
            .primary_actor_id
            .get()
            .and_then(chat_events_core::Id::as_i64),
        Some(88231)
    );
    assert_eq!(
        notification
            .primary_actor
            .get()
            .and_then(|c| c.id.get())
            .and_then(chat_events_core::Id::as_i64),
        Some(1310)
    );
    assert!(notification.secondary_actor.is_null());
    let Event::NotificationCreated(created) =
        decode("reference/notification.created.secondary-sla-policy.json")
    else {
        panic!()
    };
    assert!(
        matches!(created.data.notification.secondary_actor.get(), Some(SecondaryActor::SlaPolicy(policy)) if policy.name.as_deref() == Some("Gold"))
    );
    let Event::NotificationDeleted(deleted) = decode("reference/notification.deleted.json") else {
        panic!()
    };
    assert_eq!(deleted.data.notification.id.as_i64(), Some(5498));
    assert!(deleted.data.notification.user.is_absent());

    // the call JWT is typed as a secret.
    let Event::CallCreated(call) = decode("reference/call.created.json") else {
        panic!()
    };
    assert!(
        call.data
            .call_data
            .jwt
            .get()
            .unwrap()
            .expose()
            .starts_with("eyJ")
    );
    assert_eq!(
        call.data
            .call_data
            .message_id
            .get()
            .map(|id| id.as_str().into_owned()),
        Some("90420".to_owned())
    );
    // Shopify decimals stay text, large ids are numbers.
    let Event::OrderUpdate(order) = decode("reference/order.update.json") else {
        panic!()
    };
    assert_eq!(order.data.order.total_tax.as_deref(), Some("198.15"));
    assert_eq!(order.data.order.id.as_i64(), Some(5_731_234_567_890));
}

#[test]
fn performer_and_senders() {
    let Event::ConversationMentioned(mentioned) = decode("reference/conversation.mentioned.json")
    else {
        panic!()
    };
    let event = Event::ConversationMentioned(mentioned);
    assert_eq!(
        event.performer().and_then(Sender::name),
        Some("Marco Rossi")
    );
    let event = decode("reference/message.created.sender-agent-bot.json");
    let Event::MessageCreated(message) = &event else {
        panic!()
    };
    assert!(
        matches!(message.data.sender.get(), Some(Sender::AgentBot(bot)) if bot.id.as_i64() == Some(3))
    );
    assert!(event.performer().is_none());
    let event = decode("reference/message.created.sender-unknown-kind.json");
    let Event::MessageCreated(message) = &event else {
        panic!()
    };
    let Some(Sender::Other(other)) = message.data.sender.get() else {
        panic!()
    };
    assert_eq!(other.str_at("type").as_deref(), Some("integration_hook"));
    assert_eq!(
        message.data.sender.get().and_then(Sender::kind).as_deref(),
        Some("integration_hook")
    );
}

#[test]
fn unknown_events_and_broken_known_ones() {
    // Chatwoot's historical lock toggle is not modelled: kept whole.
    let frame = r#"{"identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"tok\"}","message":{"event":"conversation.lock_toggle","data":{"id":57,"locked":true,"account_id":1}}}"#;
    let event = Event::decode(frame.as_bytes()).unwrap();
    assert!(event.is_unknown());
    assert_eq!(event.kind().as_str(), "conversation.lock_toggle");
    assert!(!event.kind().is_known());
    assert!(event.account_id().is_none());
    assert_eq!(event.raw().get(), frame);

    // A sender's e-mail as a number: the path reaches the sender, the message the field.
    let broken = fixture(&format!("{SEED}/message.created.json"))
        .replace(r#""email": null"#, r#""email": 4155550100"#);
    let error = Event::decode(broken.as_bytes()).unwrap_err();
    assert_eq!(error.event(), Some("message.created"));
    assert_eq!(error.path(), Some("message.data.sender"));
    assert!(error.message().contains("(at `email` inside)"), "{error}");
    assert!(!error.to_string().contains("4155550100"), "{error}");

    // `message_type` as text instead of an integer.
    let broken = fixture(&format!("{SEED}/message.created.json"))
        .replace(r#""message_type": 0"#, r#""message_type": "incoming""#);
    assert_eq!(
        Event::decode(broken.as_bytes()).unwrap_err().path(),
        Some("message.data.message_type")
    );

    // A duplicated key (impossible from Rails, possible from a hand-written client) is a
    // clear error, not a panic.
    let error = Event::decode(
        br#"{"event":"call.rejected","data":{"room_id":"r","account_id":1,"account_id":1}}"#,
    )
    .unwrap_err();
    assert_eq!(error.message(), "duplicate field `account_id`");
    assert_eq!(error.path(), Some("data"));

    let unknown_type = MessageType::from_code(7);
    assert_eq!(serde_json::to_string(&unknown_type).unwrap(), "7");
}
