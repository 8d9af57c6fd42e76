//! OneChat decoding behaviour beyond the per-fixture checks: frames, identifiers, commands,
//! quirks, redaction, account filtering.

use std::fs;

use chat_events_core::{DecodeErrorKind, Id, TimestampForm};
use chat_events_tests::{fixtures, workspace_root};
use onechat_events::{
    Command, DisconnectReason, Event, EventKind, Frame, Identifier, Maybe,
    events::{CacheKeys, CopilotMessage, CopilotMessageType},
    objects::SecondaryActor,
    objects::{
        Availability, CallDirection, CallProvider, CallStatus, ContentType, ConversationStatus,
        FileType, MessageType, Sender, WebhookMessageType, WebhookSender,
    },
    webhook_events::{WebhookEvent, WebhookEventKind},
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
    // The documented and reference examples are whole data frames of account 1; the upstream
    // corpus is checked below.
    let ours: Vec<_> = all.iter().filter(|f| f.provenance != "upstream").collect();
    assert_eq!(ours.len(), 94);
    for fixture in ours {
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

#[test]
fn upstream_frames_and_broadcasts() {
    let upstream: Vec<_> = fixtures("onechat")
        .into_iter()
        .filter(|f| f.provenance == "upstream")
        .collect();
    assert_eq!(upstream.len(), 25);
    let mut frames = 0;
    for fixture in &upstream {
        let value: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        let event = Event::decode(fixture.json.as_bytes())
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.id()));
        // Published in both forms: whole frames (docs, SDKs) and bare broadcasts (the
        // dashboard's specs, which call `onReceived` with `{event, data}`).
        if value.get("identifier").is_some() {
            frames += 1;
            let Frame::Message(data) = Frame::decode(fixture.json.as_bytes()).unwrap() else {
                panic!("{}: not a data frame", fixture.id())
            };
            assert_eq!(*data.event, *event, "{}", fixture.id());
        } else {
            assert!(
                Frame::decode(fixture.json.as_bytes()).is_err(),
                "{}",
                fixture.id()
            );
        }
        // Every payload names account 1, but the Android SDK's minimal frame names none.
        let minimal = fixture.stem.ends_with("android-sdk-minimal-frame");
        if event.is_unknown() {
            assert!(event.account_id().is_none(), "{}", fixture.id());
        } else {
            assert_eq!(event.belongs_to(1), !minimal, "{}", fixture.id());
        }
    }
    assert_eq!(frames, 15);
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
        // The upstream dashboard specs publish bare broadcasts, without a frame.
        let shown = if let Some(identifier) = value["identifier"].as_str() {
            secrets(&serde_json::from_str(identifier).unwrap(), &mut found);
            let frame = Frame::decode(fixture.json.as_bytes()).unwrap();
            format!("{frame:?} {frame:#?}")
        } else {
            let event = Event::decode(fixture.json.as_bytes()).unwrap();
            format!("{event:?} {event:#?}")
        };
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
    assert!(checked >= 100, "tokens checked: {checked}");
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
    assert_eq!(odd.account_id().and_then(Id::as_i64), Some(1));
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
    // cache keys are opaque strings: epochs from the server, words in the dashboard's spec,
    // none at all in a fork's.
    let Event::AccountCacheInvalidated(cache) = decode("reference/account.cache_invalidated.json")
    else {
        panic!()
    };
    let keys = &cache.data.cache_keys;
    assert_eq!(keys.label.as_deref(), Some("1736743600"));
    assert_eq!(keys.team.as_deref(), Some("0000000000"));
    assert!(keys.canned_response.is_absent());
    let Event::AccountCacheInvalidated(cache) =
        decode("reference/account.cache_invalidated.canned-responses.json")
    else {
        panic!()
    };
    assert_eq!(
        cache.data.cache_keys.canned_response.as_deref(),
        Some("1736743650")
    );
    let Event::AccountCacheInvalidated(cache) =
        decode("upstream/account.cache_invalidated.chatwoot-dashboard-spec.json")
    else {
        panic!()
    };
    assert_eq!(cache.data.cache_keys.inbox.as_deref(), Some("inbox-key"));
    assert_eq!(cache.data.account_id.get().and_then(Id::as_i64), Some(1));
    let Event::AccountCacheInvalidated(cache) =
        decode("upstream/account.cache_invalidated.fazer-ai-fork-spec-empty-keys.json")
    else {
        panic!()
    };
    assert_eq!(cache.data.cache_keys, CacheKeys::default());
    // a key that is not a string is an error at its path, not a guess.
    let error = Event::decode(
        br#"{"event":"account.cache_invalidated","data":{"cache_keys":{"label":1736743600}}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), Some("data.cache_keys.label"));

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
        notification.primary_actor_id.get().and_then(Id::as_i64),
        Some(88231)
    );
    assert_eq!(
        notification
            .primary_actor
            .get()
            .and_then(|c| c.id.get())
            .and_then(Id::as_i64),
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

    // A sender's e-mail as a number: the path goes through the shape-dispatched sender.
    let broken = fixture(&format!("{SEED}/message.created.json"))
        .replace(r#""email": null"#, r#""email": 4155550100"#);
    let error = Event::decode(broken.as_bytes()).unwrap_err();
    assert_eq!(error.event(), Some("message.created"));
    assert_eq!(error.path(), Some("message.data.sender.email"));
    assert!(!error.message().contains("inside"), "{error}");
    assert!(!error.to_string().contains("4155550100"), "{error}");

    // `message_type` as text instead of an integer.
    let broken = fixture(&format!("{SEED}/message.created.json"))
        .replace(r#""message_type": 0"#, r#""message_type": "incoming""#);
    assert_eq!(
        Event::decode(broken.as_bytes()).unwrap_err().path(),
        Some("message.data.message_type")
    );

    // A duplicated key (impossible from Rails, possible from a hand-written client) is a
    // clear error, not a panic: the payload is not interoperable JSON, whatever the event.
    let error = Event::decode(
        br#"{"event":"call.rejected","data":{"room_id":"r","account_id":1,"account_id":1}}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::NotInteroperable);
    assert!(error.message().starts_with("duplicate key"), "{error}");
    assert_eq!(error.path(), Some("data.account_id"));

    let unknown_type = MessageType::from_code(7);
    assert_eq!(serde_json::to_string(&unknown_type).unwrap(), "7");
}

#[test]
fn copilot_messages_of_both_generations() {
    // The server's shape: content nested under `message`, epoch seconds, the thread.
    let Event::CopilotMessageCreated(created) = decode("reference/copilot.message.created.json")
    else {
        panic!()
    };
    let CopilotMessage::Threaded(message) = &created.data else {
        panic!("{:?}", created.data)
    };
    assert_eq!(message.id.as_i64(), Some(3321));
    assert_eq!(
        message.message_type.get(),
        Some(&CopilotMessageType::Assistant)
    );
    assert_eq!(
        message.created_at.get().unwrap().form(),
        TimestampForm::Seconds
    );
    let thread = message.copilot_thread.get().unwrap();
    assert_eq!(thread.title.as_deref(), Some("Summarize conversation 1287"));
    assert_eq!(
        created.data.content(),
        Some("The customer wants the VAT number on invoice INV-2291 corrected.")
    );
    // The dashboard spec's shape: flat, tied to a conversation, ISO time with an offset.
    let event = decode("upstream/copilot.message.created.chatwoot-dashboard-spec.json");
    let Event::CopilotMessageCreated(created) = &event else {
        panic!()
    };
    let CopilotMessage::Flat(message) = &created.data else {
        panic!("{:?}", created.data)
    };
    assert_eq!(
        message.conversation_id.get().and_then(Id::as_i64),
        Some(456)
    );
    assert_eq!(
        created.data.content(),
        Some("This is a copilot message from ActionCable")
    );
    let time = message.created_at.get().unwrap();
    assert_eq!(time.form(), TimestampForm::Iso8601);
    assert_eq!(time.unix_seconds(), Some(1_748_383_084.0));
    assert_eq!(created.data.id().and_then(Id::as_i64), Some(2));
    assert!(event.belongs_to(1));
    // Neither generation's keys: kept raw, never read as one of them.
    let event = Event::decode(
        br#"{"event":"copilot.message.created","data":{"id":5,"text":"hi","account_id":1}}"#,
    )
    .unwrap();
    let Event::CopilotMessageCreated(created) = &*event else {
        panic!()
    };
    assert!(matches!(created.data, CopilotMessage::Other(_)));
    assert!(created.data.content().is_none() && event.account_id().is_none());
    // A flat message whose `created_at` is neither a number nor a string is an error at its
    // path inside the chosen generation.
    let error = Event::decode(
        br#"{"event":"copilot.message.created","data":{"id":5,"content":"hi","created_at":true}}"#,
    )
    .unwrap_err();
    assert_eq!(error.path(), Some("data.created_at"));
    assert!(!error.message().contains("inside"), "{error}");
}

#[test]
fn events_of_the_current_dashboard() {
    // `conversation.unread_count_changed`: a signal, the account only.
    let event = decode("upstream/conversation.unread_count_changed.chatwoot-dashboard-spec.json");
    let Event::ConversationUnreadCountChanged(changed) = &event else {
        panic!()
    };
    assert_eq!(changed.data.account_id.get().and_then(Id::as_i64), Some(1));
    assert!(changed.data.performer.is_absent());
    assert_eq!(event.kind(), EventKind::ConversationUnreadCountChanged);
    // `conversation.bot_handoff`: conversation push data, no assignee yet.
    let event = decode("reference/conversation.bot_handoff.json");
    let Event::ConversationBotHandoff(handoff) = &event else {
        panic!()
    };
    assert_eq!(handoff.data.status.get(), Some(&ConversationStatus::Open));
    assert!(
        handoff
            .data
            .meta
            .get()
            .is_some_and(|meta| meta.assignee.is_null())
    );
    assert!(event.performer().is_none());
    // `assignee.changed` says when an automatic assignment made it (recent servers).
    let Event::AssigneeChanged(changed) =
        decode("reference/assignee.changed.automatic-assignment.json")
    else {
        panic!()
    };
    assert_eq!(changed.data.automatic_assignment, Maybe::Value(true));
    let Event::AssigneeChanged(changed) = decode(&format!("{SEED}/assignee.changed.json")) else {
        panic!()
    };
    assert!(changed.data.automatic_assignment.is_absent());
    // `account.enrichment_completed`: the account only.
    let event = decode("reference/account.enrichment_completed.json");
    assert!(
        matches!(&event, Event::AccountEnrichmentCompleted(done) if done.data.account_id.get().and_then(Id::as_i64) == Some(1))
    );
    assert!(event.belongs_to(1));
}

#[test]
fn voice_calls() {
    let Event::VoiceCallIncoming(incoming) = decode("reference/voice_call.incoming.json") else {
        panic!()
    };
    let call = &incoming.data;
    assert_eq!(call.provider.get(), Some(&CallProvider::Whatsapp));
    assert_eq!(call.direction.get(), Some(&CallDirection::Inbound));
    assert_eq!(
        call.call_id.as_deref(),
        Some("wacid.HBgMOTE5ODAwMDAwMDAxFQIAEhggQjY1RjA2")
    );
    assert!(call.sdp_offer.as_deref().unwrap().starts_with("v=0\r\n"));
    let servers = call.ice_servers.get().unwrap();
    assert_eq!(servers[0].urls, ["stun:stun.l.google.com:19302"]);
    assert_eq!(
        call.caller.get().and_then(|caller| caller.phone.as_deref()),
        Some("+919800000001")
    );
    assert_eq!(call.recording_enabled, Maybe::Value(true));
    // The conversation's database id, as the call row has it.
    assert_eq!(call.conversation_id.get().and_then(Id::as_i64), Some(88231));

    let Event::VoiceCallOutboundConnected(connected) =
        decode("reference/voice_call.outbound_connected.json")
    else {
        panic!()
    };
    assert!(
        connected
            .data
            .sdp_answer
            .as_deref()
            .unwrap()
            .contains("a=setup:active")
    );
    assert!(connected.data.sdp_offer.is_absent());

    let Event::VoiceCallEnded(ended) = decode("reference/voice_call.ended.json") else {
        panic!()
    };
    assert_eq!(ended.data.status.get(), Some(&CallStatus::Completed));
    assert_eq!(
        ended
            .data
            .duration_seconds
            .get()
            .map(chat_events_core::Num::get),
        Some(42)
    );
    let Event::VoiceCallEnded(ended) = decode("reference/voice_call.ended.no-answer.json") else {
        panic!()
    };
    assert_eq!(ended.data.status.get(), Some(&CallStatus::NoAnswer));
    assert!(ended.data.duration_seconds.is_null());

    for (path, kind) in [
        (
            "reference/voice_call.accepted.json",
            EventKind::VoiceCallAccepted,
        ),
        (
            "reference/voice_call.outbound_accepted.json",
            EventKind::VoiceCallOutboundAccepted,
        ),
    ] {
        let event = decode(path);
        assert_eq!(event.kind(), kind);
        assert!(event.belongs_to(1) && event.performer().is_none());
    }
}

#[test]
fn older_and_minimal_payloads() {
    // 2021 contacts carry their pubsub token (a secret) and no `blocked`.
    let Event::ContactCreated(contact) = decode("upstream/contact.created.chatwoot-docs-2021.json")
    else {
        panic!()
    };
    assert!(contact.data.pubsub_token.is_value() && contact.data.blocked.is_absent());
    // A template message without a sender.
    let Event::MessageUpdated(message) =
        decode("upstream/message.updated.chatwoot-docs-2021-input-email-submitted.json")
    else {
        panic!()
    };
    assert!(message.data.sender.is_absent() && message.data.sender_type.is_null());
    assert_eq!(
        message.data.message_type,
        Maybe::Value(MessageType::Template)
    );
    assert_eq!(
        message.data.content_type.get(),
        Some(&ContentType::InputEmail)
    );
    // The dashboard's minimal mention: `{id, account_id}`.
    let event = decode("upstream/conversation.mentioned.chatwoot-dashboard-spec-minimal.json");
    let Event::ConversationMentioned(mentioned) = &event else {
        panic!()
    };
    assert_eq!(mentioned.data.id.get().and_then(Id::as_i64), Some(1));
    assert!(mentioned.data.meta.is_absent() && mentioned.data.status.is_absent());
    // The Android SDK's minimal message: no account, no conversation.
    let event = decode("upstream/message.created.android-sdk-minimal-frame.json");
    let Event::MessageCreated(message) = &event else {
        panic!()
    };
    assert_eq!(message.data.id.as_i64(), Some(42));
    assert_eq!(
        message.data.message_type,
        Maybe::Value(MessageType::Outgoing)
    );
    assert!(message.data.account_id.is_absent() && message.data.conversation_id.is_absent());
    assert!(event.account_id().is_none());
    // Fork-only events stay unknown, with their raw JSON.
    for stem in [
        "contact.group_synced.fazer-ai-fork-spec",
        "conversation.pinned.fazer-ai-fork-spec",
        "inbox.provider_connection_updated.fazer-ai-fork-spec",
        "pathors_call.live_updated.pathorsai-fork-spec",
    ] {
        let text = fixture(&format!("upstream/{stem}.json"));
        let event = Event::decode(text.as_bytes()).unwrap();
        assert!(event.is_unknown(), "{stem}");
        assert!(stem.starts_with(event.name()), "{stem}");
        assert_eq!(event.raw().get(), text);
    }
}

fn webhook(path: &str) -> (String, WebhookEvent) {
    let text = fs::read_to_string(
        workspace_root()
            .join("tests/fixtures/onechat-webhook")
            .join(path),
    )
    .unwrap();
    let event = WebhookEvent::decode(text.as_bytes())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .into_event();
    (text, event)
}

#[test]
fn webhook_messages() {
    // The documented body: a name for the type, ISO time, `{id, name}` references, the
    // contact's short webhook data with `type`, and push data for the conversation.
    let (_, event) = webhook("upstream/message_created.chatwoot-docs-2022.json");
    assert_eq!(event.kind(), WebhookEventKind::MessageCreated);
    assert_eq!(
        event.account().and_then(|a| a.name.as_deref()),
        Some("Acme Inc")
    );
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    assert_eq!(
        message.message_type.get(),
        Some(&WebhookMessageType::Incoming)
    );
    assert_eq!(
        message.created_at.get().unwrap().form(),
        TimestampForm::Iso8601
    );
    assert_eq!(
        message.inbox.get().and_then(|inbox| inbox.id.as_i64()),
        Some(1)
    );
    let Some(WebhookSender::Contact(sender)) = message.sender.get() else {
        panic!("{:?}", message.sender)
    };
    assert_eq!(sender.avatar.as_deref(), Some(""));
    assert_eq!(sender.kind.as_deref(), Some("contact"));
    // Inside the conversation, the same data has the Action Cable forms.
    let conversation = message.conversation.get().unwrap();
    assert!(conversation.account_id.is_absent());
    let last = &conversation.messages.get().unwrap()[0];
    assert_eq!(last.message_type, Maybe::Value(MessageType::Template));
    assert_eq!(
        last.created_at.get().unwrap().form(),
        TimestampForm::Seconds
    );

    // An agent's reply: the user's webhook data `{id, name, email, type}`.
    let (_, event) = webhook("upstream/message_created.woofed-crm-webwidget-outgoing.json");
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    assert!(
        matches!(message.sender.get(), Some(WebhookSender::User(user)) if user.email.as_deref() == Some("douglasdelaras@gmail.com"))
    );
    // A recent contact: the whole contact webhook data, without `type`.
    let (_, event) = webhook("upstream/message_created.woofed-crm-webwidget-incoming.json");
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    let Some(WebhookSender::Contact(sender)) = message.sender.get() else {
        panic!("{:?}", message.sender)
    };
    assert!(sender.kind.is_absent());
    assert_eq!(sender.name.as_deref(), Some("restless-cloud-54"));
    assert_eq!(sender.account.get().and_then(|a| a.id.as_i64()), Some(3));
    // No sender at all, and an attachment-only message.
    let (_, event) = webhook("upstream/message_created.botpress-bridge-api-channel-2022.json");
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    assert!(message.sender.is_null());
    let (_, event) =
        webhook("upstream/message_created.botpress-bridge-whatsapp-image-no-content.json");
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    assert!(message.content.is_null());
    let attachment = message.attachments.get().unwrap()[0].get().unwrap();
    assert_eq!(attachment.file_type.get(), Some(&FileType::Image));
    assert!(attachment.width.is_null());
    // The API channel's callback: zero ids, `null` content type and attributes.
    let (_, event) = webhook("upstream/message_created.chatwoot-docs-api-channel-callback.json");
    let WebhookEvent::MessageCreated(message) = &event else {
        panic!()
    };
    assert!(message.content_type.is_null());
    assert!(
        message
            .conversation
            .get()
            .unwrap()
            .additional_attributes
            .is_null()
    );
    // `message_type` as an integer in a webhook body is an error at its path.
    let error = WebhookEvent::decode(br#"{"event":"message_created","id":1,"message_type":0}"#)
        .unwrap_err();
    assert_eq!(error.path(), Some("message_type"));
    assert_eq!(error.event(), Some("message_created"));
}

#[test]
fn webhook_conversations_contacts_and_the_rest() {
    let (_, event) = webhook("upstream/conversation_updated.woofed-crm-label-added.json");
    let changed = event.changed_attributes().unwrap();
    assert_eq!(
        changed.names().collect::<Vec<_>>(),
        ["updated_at", "label_list"]
    );
    let labels = changed.get("label_list").unwrap();
    assert_eq!(labels.previous_value, Maybe::Value(serde_json::json!([])));
    assert_eq!(
        labels.current_value,
        Maybe::Value(serde_json::json!(["test1"]))
    );
    let WebhookEvent::ConversationUpdated(conversation) = &event else {
        panic!()
    };
    assert_eq!(conversation.event.as_deref(), Some("conversation_updated"));
    assert!(event.account().is_none());
    // The deprecated names decode as their own events; the docs' statuses are not theirs.
    let (_, event) = webhook("upstream/conversation_resolved.chatwoot-docs-2022.json");
    let WebhookEvent::ConversationResolved(conversation) = &event else {
        panic!()
    };
    assert_eq!(conversation.status.get(), Some(&ConversationStatus::Open));
    let (_, event) = webhook("upstream/conversation_status_changed.chatwoot-docs-2022.json");
    assert!(event.changed_attributes().is_none());
    // Contacts: `account` and `avatar`, `blocked` and `changed_attributes` when updated.
    let (_, event) = webhook("upstream/contact_updated.nextcrm-whatsapp-contact-name-change.json");
    let WebhookEvent::ContactUpdated(contact) = &event else {
        panic!()
    };
    assert_eq!(
        contact.identifier.as_deref(),
        Some("5511951362804@s.whatsapp.net")
    );
    assert_eq!(contact.avatar, contact.thumbnail);
    assert_eq!(contact.blocked, Maybe::Value(false));
    let name = event.changed_attributes().unwrap().get("name").unwrap();
    assert_eq!(
        name.current_value.get().and_then(|v| v.as_str()),
        Some("Ano 🛼")
    );
    // The widget opened.
    let (_, event) = webhook("upstream/webwidget_triggered.chatwoot-docs-2022.json");
    let WebhookEvent::WebwidgetTriggered(widget) = &event else {
        panic!()
    };
    assert!(widget.current_conversation.is_null());
    let info = widget.event_info.get().unwrap();
    assert_eq!(info.widget_language.as_deref(), Some("en"));
    assert_eq!(
        info.browser.get().and_then(|b| b.browser_name.as_deref()),
        Some("Chrome")
    );
    // Typing: an agent (user webhook data) or a contact (contact webhook data).
    let (_, event) = webhook("reference/conversation_typing_on.json");
    let WebhookEvent::ConversationTypingOn(typing) = &event else {
        panic!()
    };
    assert!(matches!(&typing.user, WebhookSender::User(user) if user.id.as_i64() == Some(7)));
    assert_eq!(typing.is_private, Maybe::Value(false));
    let (_, event) = webhook("reference/conversation_typing_off.json");
    let WebhookEvent::ConversationTypingOff(typing) = &event else {
        panic!()
    };
    assert!(
        matches!(&typing.user, WebhookSender::Contact(contact) if contact.id.as_i64() == Some(402))
    );
    // Inbox settings, with what changed.
    let (_, event) = webhook("reference/inbox_updated.json");
    let WebhookEvent::InboxUpdated(inbox) = &event else {
        panic!()
    };
    assert_eq!(inbox.working_hours.get().map(Vec::len), Some(7));
    assert_eq!(
        event
            .changed_attributes()
            .unwrap()
            .get("greeting_enabled")
            .unwrap()
            .current_value,
        Maybe::Value(serde_json::json!(true))
    );
    // An unknown webhook is kept whole.
    let body = br#"{"event":"conversation_deleted","id":3}"#;
    let event = WebhookEvent::decode(body).unwrap();
    assert!(event.is_unknown());
    assert_eq!(event.name(), "conversation_deleted");
    assert_eq!(event.raw().get().as_bytes(), body);
    // A realtime broadcast is not a webhook body: it names no `event`… of a known webhook.
    let realtime = WebhookEvent::decode(br#"{"event":"message.created","data":{"id":1}}"#).unwrap();
    assert!(realtime.is_unknown());
}

#[test]
fn webhook_bodies_of_recent_servers_and_the_other_senders() {
    // Since 2026-06 the conversation and inbox webhook data carry the account.
    let (_, event) = webhook("reference/conversation_status_changed.account.json");
    assert_eq!(event.kind(), WebhookEventKind::ConversationStatusChanged);
    assert_eq!(
        event.account().and_then(|a| a.name.as_deref()),
        Some("Acme Inc")
    );
    // `conversation_status_changed` says nothing of what changed: `null`.
    let WebhookEvent::ConversationStatusChanged(conversation) = &event else {
        panic!()
    };
    assert!(conversation.changed_attributes.is_null());
    assert!(event.changed_attributes().is_none());
    let (_, event) = webhook("upstream/conversation_status_changed.chatsappai-whatsapp-2023.json");
    let WebhookEvent::ConversationStatusChanged(conversation) = &event else {
        panic!()
    };
    assert!(conversation.changed_attributes.is_null());
    assert!(event.account().is_none());
    let (_, event) = webhook("reference/inbox_updated.reauthorization-required.json");
    assert_eq!(event.account().and_then(|a| a.id.as_i64()), Some(1));
    let change = event
        .changed_attributes()
        .and_then(|changed| changed.get("reauthorization_required"))
        .unwrap();
    assert_eq!(change.current_value, Maybe::Value(serde_json::json!(true)));
    // An agent bot typing (through its access token): the bot's webhook data.
    let (_, event) = webhook("reference/conversation_typing_on.agent-bot.json");
    let WebhookEvent::ConversationTypingOn(typing) = &event else {
        panic!()
    };
    assert!(matches!(&typing.user, WebhookSender::AgentBot(bot) if bot.id.as_i64() == Some(4)));
    assert!(typing.conversation.account.get().is_some());
    // Automation rules and macros send the conversation, under their own names.
    let (_, event) = webhook("reference/automation_event.message_created.json");
    assert_eq!(
        event.kind(),
        WebhookEventKind::AutomationEventMessageCreated
    );
    assert_eq!(event.name(), "automation_event.message_created");
    let WebhookEvent::AutomationEventMessageCreated(conversation) = &event else {
        panic!()
    };
    assert_eq!(conversation.id.get().and_then(Id::as_i64), Some(1287));
    let last = &conversation.messages.get().unwrap()[0];
    assert_eq!(last.message_type, Maybe::Value(MessageType::Incoming));
    let (_, event) = webhook("reference/macro.executed.json");
    let WebhookEvent::MacroExecuted(conversation) = &event else {
        panic!()
    };
    assert_eq!(conversation.labels.get().map(Vec::len), Some(2));
    // The installation's new account: the body is the account, with its administrators.
    let (_, event) = webhook("reference/account_created.json");
    let WebhookEvent::AccountCreated(account) = &event else {
        panic!()
    };
    assert_eq!(account.name.as_deref(), Some("Northwind Traders"));
    let users = account.users.get().unwrap();
    assert_eq!(users[0].email.as_deref(), Some("maria@northwind.test"));
    assert!(event.account().is_none());
}

#[test]
fn webhook_bodies_keep_what_receiving_apps_added() {
    // Rails `params` captures add the app's own keys; they are not modelled but kept raw,
    // and drift names each of them.
    let (text, _) = webhook("upstream/message_created.woofed-crm-api-one-image.json");
    let decoded = WebhookEvent::decode(text.as_bytes()).unwrap();
    let drift: Vec<String> = decoded
        .drift()
        .unwrap()
        .iter()
        .map(|drift| drift.path().to_owned())
        .collect();
    assert_eq!(drift, ["chatwoot", "token"]);
    assert_eq!(decoded.raw().get(), text.trim_end());
}
