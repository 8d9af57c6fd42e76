//! CodeChat decoding behaviour beyond the per-fixture checks: generations, aliases, quirk
//! values, undocumented payloads, errors, redaction.

use std::fs;

use chat_events_core::{DecodeErrorKind, OneOrMany};
use chat_events_tests::{fixtures, workspace_root};
use codechat_events::{
    Content, DataKey, Event, EventKind, Instance, Opaque, ProtoEnum,
    events::{MessageUpdate, MessagesDelete, QrcodeUpdate, WhatsAppState},
    objects::{
        ChatItem, ContactItem, Device, GroupParticipant, MessageStatus, MessageType,
        ProtocolMessageType, WebhookMessage,
    },
};

fn decode(name: &str) -> Event {
    let text = fs::read_to_string(
        workspace_root()
            .join("tests/fixtures/codechat/reference")
            .join(format!("{name}.json")),
    )
    .unwrap();
    Event::decode(text.as_bytes())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_event()
}

#[test]
fn aliases_decode_to_their_event_and_keep_their_spelling() {
    for (file, kind, sent) in [
        (
            "connection.update.alias-connections",
            EventKind::ConnectionUpdate,
            "connections.update",
        ),
        (
            "messages.update.alias-old-readme",
            EventKind::MessagesUpdate,
            "message.update",
        ),
        (
            "messages.delete.alias-whole-chat",
            EventKind::MessagesDelete,
            "message.delete",
        ),
        (
            "decline.payment.alias-recusar-pagamento",
            EventKind::DeclinePayment,
            "recusar.pagamento",
        ),
    ] {
        let event = decode(file);
        assert_eq!(event.kind(), kind, "{file}");
        assert_eq!(
            event
                .payload()
                .map(codechat_events::EventPayload::event_as_sent),
            Some(sent),
            "{file}"
        );
    }
    // An old build's misspelling too.
    let event = Event::decode(br#"{"event":"messges.upsert","data":{"keyId":"1","messageType":"conversation","content":"x"}}"#).unwrap();
    assert_eq!(event.kind(), EventKind::MessagesUpsert);
}

#[test]
fn instance_in_every_form() {
    let cases = [
        (
            "connection.update.cloud-docs",
            "codechat",
            Some("5531900000000@s.whatsapp.net"),
        ),
        (
            "connection.update.open-source",
            "sales-01",
            Some("5531988887777@s.whatsapp.net"),
        ),
        ("messages.upsert.evolution", "sales-01", None),
    ];
    for (file, name, owner) in cases {
        let event = decode(file);
        let instance = event.payload().and_then(|p| p.instance()).unwrap();
        assert_eq!(instance.name(), Some(name), "{file}");
        assert_eq!(instance.owner(), owner, "{file}");
    }
    assert!(matches!(
        decode("connection.update.cloud-docs")
            .payload()
            .and_then(|p| p.instance()),
        Some(Instance::Cloud(_))
    ));
    assert!(
        decode("messages.upsert.v1.3.0-no-instance")
            .payload()
            .and_then(|p| p.instance())
            .is_none()
    );
    // The cloud connection.update also names the instance inside its data, as an object.
    let Event::ConnectionUpdate(update) = decode("connection.update.cloud-docs") else {
        panic!()
    };
    let data = update.data.get().unwrap();
    assert_eq!(data.state, WhatsAppState::Open);
    assert_eq!(
        data.instance.get().and_then(Instance::name),
        Some("codechat")
    );
    let Event::ConnectionUpdate(update) = decode("connection.update.refused") else {
        panic!()
    };
    let data = update.data.get().unwrap();
    assert_eq!(
        (
            data.state.clone(),
            data.status_reason.get().map(chat_events_core::Num::get)
        ),
        (WhatsAppState::Refused, Some(428))
    );
}

#[test]
fn envelope_keeps_what_it_does_not_model() {
    let Event::MessagesUpsert(upsert) = decode("messages.upsert.unknown-top-level-key") else {
        panic!()
    };
    assert_eq!(upsert.extra["webhookId"], "wh_01J0Z8K5V6");
    let Event::NewMessage(message) = decode("new.message.cloud-date-misspelling") else {
        panic!()
    };
    assert_eq!(message.data_key, DataKey::Date);
    assert_eq!(
        message.data.get().and_then(WebhookMessage::id),
        Some("3EB0CD")
    );
    let Event::NewMessage(message) = decode("new.message.cloud-2022-owner") else {
        panic!()
    };
    assert_eq!(
        message.owner.as_deref(),
        Some("5531900000000@s.whatsapp.net")
    );
    let Event::MessagesUpsert(evolution) = decode("messages.upsert.evolution-media") else {
        panic!()
    };
    assert_eq!(
        evolution.server_url.as_deref(),
        Some("https://evo.example.com")
    );
    assert!(evolution.apikey.is_null());
    assert_eq!(
        evolution
            .date_time
            .get()
            .and_then(chat_events_core::Timestamp::unix_seconds),
        Some(1_750_312_900.003)
    );
}

#[test]
fn one_name_two_generations_says_which_shape_arrived() {
    let Event::MessagesSet(cloud) = decode("messages.set.cloud-docs") else {
        panic!()
    };
    assert!(matches!(
        cloud.data.get().unwrap()[0],
        WebhookMessage::Cloud(_)
    ));
    let Event::MessagesSet(row) = decode("messages.set.open-source") else {
        panic!()
    };
    let WebhookMessage::Row(first) = &row.data.get().unwrap()[0] else {
        panic!()
    };
    assert!(matches!(first.content.get(), Some(Content::Text(text)) if text == "até amanhã"));
    let Event::MessagesSet(baileys) = decode("messages.set.baileys-v1.2") else {
        panic!()
    };
    assert!(matches!(
        baileys.data.get().unwrap()[0],
        WebhookMessage::Baileys(_)
    ));

    let Event::ChatsSet(chats) = decode("chats.set.cloud-docs") else {
        panic!()
    };
    let ChatItem::Conversation(chat) = &chats.data.get().unwrap()[0] else {
        panic!()
    };
    assert_eq!(
        chat.conversation_timestamp
            .get()
            .and_then(codechat_events::Long::as_i64),
        Some(1_666_460_154)
    );
    assert!(chat.conversation_timestamp.get().unwrap().is_parts());
    assert_eq!(
        chat.tc_token.get().and_then(codechat_events::Bytes::to_vec),
        Some(vec![4, 17, 201])
    );
    for (file, jid) in [
        ("chats.set.open-source", "5531911112222@s.whatsapp.net"),
        ("chats.set.baileys-v1.2", "5531911112222@s.whatsapp.net"),
    ] {
        let Event::ChatsSet(chats) = decode(file) else {
            panic!()
        };
        assert_eq!(chats.data.get().unwrap()[0].jid(), Some(jid), "{file}");
    }
    assert!(
        matches!(decode("chats.set.baileys-v1.2"), Event::ChatsSet(chats) if matches!(chats.data.get().unwrap()[0], ChatItem::Legacy(_)))
    );

    let Event::QrcodeUpdated(qr) = decode("qrcode.updated.limit-reached") else {
        panic!()
    };
    assert!(
        matches!(qr.data.get(), Some(QrcodeUpdate::LimitReached(limit)) if limit.status_code.get().map(chat_events_core::Num::get) == Some(500))
    );
    let Event::QrcodeUpdated(qr) = decode("qrcode.updated.pairing-code") else {
        panic!()
    };
    let Some(QrcodeUpdate::Code(code)) = qr.data.get() else {
        panic!()
    };
    assert_eq!(code.qrcode.pairing(), Some("WZYEH1YY"));

    let statuses: Vec<Option<MessageStatus>> = [
        "messages.update.cloud-docs",
        "messages.update.alias-old-readme",
        "messages.update.open-source",
        "messages.update.edit-without-status",
        "messages.update.evolution-deleted",
    ]
    .iter()
    .map(|file| {
        let Event::MessagesUpdate(update) = decode(file) else {
            panic!()
        };
        update.data.get().and_then(MessageUpdate::status).cloned()
    })
    .collect();
    assert_eq!(
        statuses,
        [
            Some(MessageStatus::Read),
            Some(MessageStatus::DeliveryAt),
            Some(MessageStatus::DeliveryAck),
            None,
            Some(MessageStatus::Deleted)
        ]
    );

    let Event::ContactsUpsert(contacts) = decode("contacts.upsert.cloud-docs") else {
        panic!()
    };
    assert!(matches!(
        contacts.data.get().unwrap()[0],
        ContactItem::Cloud(_)
    ));
    let Event::ContactsUpsert(contacts) = decode("contacts.upsert.baileys-v1.2") else {
        panic!()
    };
    assert!(
        matches!(&contacts.data.get().unwrap()[0], ContactItem::Legacy(legacy) if legacy.owner.is_value())
    );

    let Event::MessagesDelete(deleted) = decode("messages.delete.alias-whole-chat") else {
        panic!()
    };
    assert!(
        matches!(deleted.data.get(), Some(MessagesDelete::Chat(chat)) if chat.all.get() == Some(&true))
    );
    let Event::PausedQueue(paused) = decode("paused.queue.message-data") else {
        panic!()
    };
    let data = paused.data.get().unwrap().queue.data.get().unwrap();
    assert!(matches!(
        data.message.get(),
        Some(codechat_events::objects::QueueMessage::Content(_))
    ));
    let Event::SendMessageCompleted(done) = decode("send.message@COMPLETED.messagesIds-spelling")
    else {
        panic!()
    };
    let data = done.data.get().unwrap().queue.data.get().unwrap();
    assert_eq!(
        data.sent_message_ids(),
        Some(&["BAE54AB18FAFB0BF".to_owned()][..])
    );
}

#[test]
fn protobuf_quirks_have_their_values() {
    let Event::MessagesUpsert(upsert) = decode("messages.upsert.long-parts-and-indexed-bytes")
    else {
        panic!()
    };
    let Some(WebhookMessage::Row(row)) = upsert.data.get() else {
        panic!()
    };
    let content = row.content.get().and_then(Content::as_object).unwrap();
    assert_eq!(
        content
            .file_length
            .get()
            .and_then(codechat_events::Long::as_u64),
        Some(3_000_000_000)
    );
    assert_eq!(
        content
            .media_key
            .get()
            .and_then(codechat_events::Bytes::to_vec),
        Some(vec![1, 2, 3])
    );
    assert_eq!(
        content
            .file_sha256
            .get()
            .and_then(codechat_events::Bytes::to_vec),
        Some(vec![12, 34, 56])
    );
    assert_eq!(
        content
            .waveform
            .get()
            .and_then(codechat_events::Bytes::to_vec),
        Some(vec![])
    );
    assert_eq!(
        row.key_participant_lid.as_deref(),
        Some("209876543210987@lid")
    );
    // The media key is a credential for the media: Debug shows its size only.
    assert!(!format!("{content:?}").contains("q1w2e3r4"));

    let Event::MessagesUpsert(upsert) = decode("messages.upsert.open-source") else {
        panic!()
    };
    let Some(WebhookMessage::Row(row)) = upsert.data.get() else {
        panic!()
    };
    let content = row.content.get().and_then(Content::as_object).unwrap();
    assert_eq!(
        content
            .file_length
            .get()
            .and_then(codechat_events::Long::as_u64),
        Some(84213)
    );
    assert!(content.file_length.get().unwrap().is_string());
    assert_eq!(
        content
            .media_key
            .get()
            .and_then(codechat_events::Bytes::to_vec)
            .map(|key| key.len()),
        Some(32)
    );
    assert!(!format!("{row:?}").contains("q1w2e3r4"));

    for (file, expected) in [
        (
            "messages.upsert.revoke-number-enum",
            ProtocolMessageType::Revoke,
        ),
        (
            "messages.upsert.edit-named-enum",
            ProtocolMessageType::MessageEdit,
        ),
    ] {
        let Event::MessagesUpsert(upsert) = decode(file) else {
            panic!()
        };
        let Some(WebhookMessage::Row(row)) = upsert.data.get() else {
            panic!()
        };
        let kind = row
            .content
            .get()
            .and_then(Content::as_object)
            .and_then(|content| content.kind.get())
            .unwrap();
        assert_eq!(kind.resolve(), Some(expected), "{file}");
    }
    let Event::MessagesUpsert(upsert) = decode("messages.upsert.revoke-number-enum") else {
        panic!()
    };
    let Some(WebhookMessage::Row(row)) = upsert.data.get() else {
        panic!()
    };
    assert!(matches!(
        row.content
            .get()
            .and_then(Content::as_object)
            .and_then(|c| c.kind.get()),
        Some(ProtoEnum::Number(0))
    ));

    let Event::MessagesUpsert(upsert) = decode("messages.upsert.unknown-type-and-device") else {
        panic!()
    };
    let Some(WebhookMessage::Row(row)) = upsert.data.get() else {
        panic!()
    };
    assert_eq!(
        row.message_type.get(),
        Some(&MessageType::from("interactiveResponseMessage"))
    );
    assert_eq!(row.device.get(), Some(&Device::from("smartwatch")));

    let Event::NewMessage(message) = decode("new.message.cloud-docs") else {
        panic!()
    };
    let Some(WebhookMessage::Cloud(cloud)) = message.data.get() else {
        panic!()
    };
    assert!(matches!(cloud.body.message.get(), Some(Content::Text(text)) if text == "Bom dia!"));
    let Event::MessagesSet(set) = decode("messages.set.cloud-docs") else {
        panic!()
    };
    let WebhookMessage::Cloud(cloud) = &set.data.get().unwrap()[0] else {
        panic!()
    };
    let size = cloud.body.size.get().unwrap();
    assert_eq!(
        (
            size.height.get().and_then(serde_json::Number::as_u64),
            size.width.get().and_then(serde_json::Number::as_u64)
        ),
        (Some(1280), Some(960))
    );
}

#[test]
fn group_participants_as_strings_or_objects() {
    let Event::GroupParticipantsUpdate(update) = decode("group-participants.update.baileys-6")
    else {
        panic!()
    };
    let data = update.data.get().unwrap();
    assert!(
        data.participants
            .iter()
            .all(|p| matches!(p, GroupParticipant::Jid(_)))
    );
    assert_eq!(data.participants[1].id(), "5531955556666@s.whatsapp.net");
    let Event::GroupParticipantsUpdate(update) = decode("group-participants.update.open-source")
    else {
        panic!()
    };
    let GroupParticipant::Member(member) = &update.data.get().unwrap().participants[0] else {
        panic!()
    };
    assert_eq!(
        member.phone_number.as_deref(),
        Some("5531933334444@s.whatsapp.net")
    );
    assert!(member.admin.is_null());
    // The cloud docs' group.upsert is one object, the open source's an array.
    let Event::GroupUpsert(upsert) = decode("group.upsert.v2-docs") else {
        panic!()
    };
    assert!(
        matches!(upsert.data.get(), Some(OneOrMany::One(group)) if group.subject_time.get().and_then(chat_events_core::Timestamp::unix_seconds) == Some(1_718_790_000.0))
    );
    let Event::GroupsUpsert(upsert) = decode("groups.upsert.open-source") else {
        panic!()
    };
    assert!(matches!(upsert.data.get(), Some(OneOrMany::Many(groups)) if groups.len() == 1));
}

#[test]
fn undocumented_payloads_are_typed_when_they_fit_and_kept_when_not() {
    let Event::GeneralError(error) = decode("general.error.typed") else {
        panic!()
    };
    assert!(
        matches!(error.data.get(), Some(Opaque::Typed(e)) if e.status.get().map(chat_events_core::Num::get) == Some(400))
    );
    let Event::GeneralError(error) = decode("general.error.raw") else {
        panic!()
    };
    assert!(
        matches!(error.data.get(), Some(Opaque::Raw(raw)) if raw.get() == r#"["undocumented", 1]"#)
    );
    let Event::RequestPayment(request) = decode("request.payment.cloud-docs") else {
        panic!()
    };
    assert!(matches!(
        request.data.get(),
        Some(Opaque::Typed(WebhookMessage::Cloud(_)))
    ));
}

#[test]
fn unknown_events_broken_bodies_and_secrets() {
    let body = br#"{"event":"typebot.start","instance":"sales-01","data":{"remoteJid":"5531911112222@s.whatsapp.net"}}"#;
    let event = Event::decode(body).unwrap();
    assert!(event.is_unknown());
    assert_eq!(event.kind().as_str(), "typebot.start");
    assert!(!event.kind().is_known());
    assert_eq!(serde_json::to_vec(event.event()).unwrap(), body);

    // A known event whose data has the wrong type: the path says where.
    let error = Event::decode(br#"{"event":"call.upsert","data":{"id":"A1","isVideo":"yes"}}"#)
        .unwrap_err();
    assert_eq!(error.event(), Some("call.upsert"));
    assert_eq!(error.path(), Some("data.isVideo"));
    assert_eq!(error.kind(), DecodeErrorKind::Data);
    // Inside a shape-dispatched object the path stops at the object and the message names
    // the field inside.
    let error =
        Event::decode(br#"{"event":"messages.upsert","data":{"keyId":"1","keyFromMe":"no"}}"#)
            .unwrap_err();
    assert_eq!(error.path(), Some("data"));
    assert!(
        error.message().contains("(at `keyFromMe` inside)"),
        "{error}"
    );
    // No event name at all.
    assert_eq!(
        Event::decode(br#"{"data":{}}"#).unwrap_err().kind(),
        DecodeErrorKind::MissingEventName
    );
    assert_eq!(Event::decode(b"[]").unwrap_err().path(), Some("."));

    // The renewed token is a secret.
    let Event::NewJwt(jwt) = decode("new.jwt.no-instance") else {
        panic!()
    };
    assert!(jwt.auth.get().unwrap().expose().starts_with("eyJ"));
    assert!(!format!("{jwt:?}").contains("eyJ"));
    assert!(jwt.data.is_absent());
}

#[test]
fn every_fixture_names_its_event_and_most_their_instance() {
    let all = fixtures("codechat");
    assert_eq!(all.len(), 91);
    let mut with_instance = 0;
    for fixture in &all {
        let event = Event::decode(fixture.json.as_bytes()).unwrap();
        assert!(!event.is_unknown(), "{}", fixture.id());
        if event.instance_name().is_some() {
            with_instance += 1;
        }
    }
    // Only `new.jwt`, the v1.3.0 body without instance and the 2022 `owner` body lack one.
    assert_eq!(with_instance, all.len() - 3);
}
