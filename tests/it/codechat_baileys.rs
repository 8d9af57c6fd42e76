//! Baileys message content as WhatsApp sends it (WAProto's `Message`, typed field by field):
//! the upstream Evolution payloads, and small payloads shaped by the proto for the kinds no
//! upstream payload shows (reactions, polls, revokes, edits, view once, locations, contact
//! cards…), each decoded through a whole `messages.upsert` event without drift.

use std::fs;

use chat_events_tests::{load_schema, workspace_root};
use codechat_events::{
    Bytes, Event, Jid, Long, ProtoEnum,
    objects::{
        BaileysMessage, Device, MessageStatus, MessageType, ProtocolMessageType, WebhookMessage,
        baileys::{
            AddressingMode, AdvEncryptionType, DisappearingModeInitiator, DisappearingModeTrigger,
            InviteLinkGroupType, Message, PollType, PreviewType,
        },
    },
};
use serde_json::json;

/// The Baileys message of an upstream `messages.upsert` fixture, after checking that the
/// whole event decodes without drift.
fn upstream(name: &str) -> BaileysMessage {
    let path = workspace_root()
        .join("tests/fixtures/codechat/upstream")
        .join(format!("messages.upsert.{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    baileys_of(text.as_bytes(), name)
}

fn baileys_of(bytes: &[u8], name: &str) -> BaileysMessage {
    let decoded = Event::decode(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let drift = decoded.drift().unwrap();
    assert!(drift.is_empty(), "{name}: {drift:?}");
    let Event::MessagesUpsert(upsert) = decoded.into_event() else {
        panic!("{name}: not messages.upsert")
    };
    let Some(WebhookMessage::Baileys(message)) = upsert.data.get() else {
        panic!("{name}: not Baileys-shaped")
    };
    (**message).clone()
}

/// `message` inside an Evolution v2 `messages.upsert`, decoded (without drift), after checking
/// the event against the committed `messages.upsert` schema.
fn upsert(message: &serde_json::Value) -> Message {
    let body = json!({
        "event": "messages.upsert",
        "instance": "sales-01",
        "data": {
            "key": {"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": false, "id": "3EB0C9"},
            "pushName": "Maria",
            "status": "DELIVERY_ACK",
            "message": message,
            "messageType": "conversation",
            "messageTimestamp": 1_718_791_660,
            "instanceId": "a1b2c3d4-e5f6-4789-8abc-def012345678",
            "source": "android"
        },
        "destination": "https://hooks.example.com/wa",
        "date_time": "2025-06-19T06:01:40.003Z",
        "server_url": "https://evo.example.com",
        "apikey": null
    });
    let schema = load_schema("codechat", "messages.upsert").unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let message = baileys_of(body.to_string().as_bytes(), "inline");
    // What the model writes back is what came.
    assert_eq!(
        serde_json::to_value(message.message.get().unwrap()).unwrap(),
        body["data"]["message"]
    );
    *message.message.into_option().unwrap()
}

fn long(value: Option<&Long>) -> Option<i64> {
    value.and_then(Long::as_i64)
}

fn bytes(value: Option<&Bytes>) -> Option<Vec<u8>> {
    value.and_then(Bytes::to_vec)
}

#[test]
fn message_context_info_and_extended_text() {
    let data = upstream("evolution-v1-extendedtext-entrypoint");
    let message = data.message.get().unwrap();
    assert_eq!(message.content_type(), Some("extendedTextMessage"));
    let text = message.extended_text_message.get().unwrap();
    assert_eq!(text.text.as_deref(), Some("Teste"));
    assert_eq!(
        text.preview_type.get().and_then(ProtoEnum::resolve),
        Some(PreviewType::None)
    );
    assert_eq!(
        text.invite_link_group_type_v2
            .get()
            .and_then(ProtoEnum::resolve),
        Some(InviteLinkGroupType::Default)
    );
    let context = text.context_info.get().unwrap();
    assert_eq!(
        context.entry_point_conversion_source.as_deref(),
        Some("global_search_new_chat")
    );
    assert_eq!(
        context.entry_point_conversion_app.as_deref(),
        Some("whatsapp")
    );
    assert_eq!(context.entry_point_conversion_delay_seconds.get(), Some(&2));

    let info = message.message_context_info.get().unwrap();
    assert_eq!(info.device_list_metadata_version.get(), Some(&2));
    let devices = info.device_list_metadata.get().unwrap();
    assert_eq!(long(devices.recipient_timestamp.get()), Some(1_707_339_780));
    assert!(devices.recipient_timestamp.get().unwrap().is_string());
    assert_eq!(
        bytes(devices.recipient_key_hash.get()).map(|hash| hash.len()),
        Some(10)
    );
    assert!(devices.sender_key_hash.is_absent());

    let video = upstream("evolution-v1-video-in-base64");
    let devices = video
        .message
        .get()
        .and_then(|m| m.message_context_info.get())
        .and_then(|info| info.device_list_metadata.get())
        .unwrap();
    assert_eq!(
        devices
            .sender_account_type
            .get()
            .and_then(ProtoEnum::resolve),
        Some(AdvEncryptionType::E2ee)
    );
    assert_eq!(
        devices
            .receiver_account_type
            .get()
            .and_then(ProtoEnum::resolve),
        Some(AdvEncryptionType::E2ee)
    );
    // Evolution v1 sends the content's `contextInfo` at the top, `null` for media.
    assert!(video.context_info.is_null());
    assert_eq!(video.owner.as_deref(), Some("tigo1"));
    assert_eq!(video.source.get(), Some(&Device::Web));
}

#[test]
fn media_fields() {
    let image = upstream("evolution-v1-image-jan2024");
    let message = image.message.get().unwrap();
    assert_eq!(message.content_type(), Some("imageMessage"));
    let image = message.image_message.get().unwrap();
    assert_eq!(
        image.scan_lengths.get(),
        Some(&vec![14_638, 74_352, 62_474, 103_778])
    );
    assert_eq!(image.first_scan_length.get(), Some(&14_638));
    assert_eq!(
        bytes(image.first_scan_sidecar.get()).map(|b| b.len()),
        Some(10)
    );
    assert_eq!(
        bytes(image.mid_quality_file_sha256.get()).map(|b| b.len()),
        Some(32)
    );
    assert_eq!(
        image.file_length.get().and_then(Long::as_u64),
        Some(255_244)
    );
    assert_eq!(image.height.get(), Some(&1600));
    assert_eq!(image.width.get(), Some(&900));
    // The media key is a credential: `Debug` shows its size only.
    assert!(!format!("{image:?}").contains("+1GUGiQ2V3bl5x3WbwBtEWTHGqbSsDoxipWuGt7fjsU="));

    let fromme = upstream("evolution-v1-image-fromme");
    let image = fromme
        .message
        .get()
        .and_then(|m| m.image_message.get())
        .unwrap();
    assert_eq!(image.view_once.get(), Some(&false));

    let video = upstream("evolution-v1-video-in-base64");
    let message = video.message.get().unwrap();
    let clip = message.video_message.get().unwrap();
    assert_eq!(clip.gif_playback.get(), Some(&false));
    assert_eq!(clip.view_once.get(), Some(&false));
    assert_eq!(clip.seconds.get(), Some(&16));
    assert_eq!(
        clip.caption.as_deref(),
        Some("hola - text con multimea (video)")
    );
    // Evolution's `base64` sits beside the media message, not inside it.
    assert!(
        message
            .base64
            .as_deref()
            .unwrap()
            .starts_with("AAAAGGZ0eXBtcDQy")
    );
    assert_eq!(message.content_type(), Some("videoMessage"));

    let sticker = upstream("evolution-v1-sticker");
    let sticker = sticker
        .message
        .get()
        .and_then(|m| m.sticker_message.get())
        .unwrap();
    assert_eq!(sticker.is_animated.get(), Some(&false));
    assert_eq!(sticker.is_avatar.get(), Some(&false));
    assert_eq!(long(sticker.sticker_sent_ts.get()), Some(1_705_684_409_022));
    assert_eq!(sticker.mimetype.as_deref(), Some("image/webp"));

    let voice = upstream("evolution-v2.3-baileys-ptt-bytes-as-index-objects");
    let audio = voice
        .message
        .get()
        .and_then(|m| m.audio_message.get())
        .unwrap();
    assert_eq!(audio.ptt.get(), Some(&true));
    assert_eq!(audio.seconds.get(), Some(&1));
    assert_eq!(bytes(audio.waveform.get()).map(|w| w.len()), Some(64));
    assert_eq!(long(audio.file_length.get()), Some(1921));
    assert!(audio.file_length.get().unwrap().is_parts());
    assert_eq!(long(audio.media_key_timestamp.get()), Some(1_772_303_033));
    let context = audio.context_info.get().unwrap();
    assert_eq!(context.mentioned_jid.get(), Some(&vec![]));
    assert_eq!(context.status_attributions.get(), Some(&vec![]));
    assert_eq!(voice.context_info.get(), Some(context));
}

#[test]
fn cloud_api_channel_media_keeps_metas_keys() {
    // Evolution's Cloud API channel puts Meta's media object inside Baileys' message.
    let data = upstream("evolution-v2.3-cloudapi-channel-voice");
    assert!(data.status.is_absent());
    assert_eq!(data.source.get(), Some(&Device::Unknown));
    assert!(
        data.key
            .get()
            .unwrap()
            .id
            .as_deref()
            .unwrap()
            .starts_with("wamid.")
    );
    let audio = data
        .message
        .get()
        .and_then(|m| m.audio_message.get())
        .unwrap();
    assert_eq!(audio.mime_type.as_deref(), Some("audio/ogg; codecs=opus"));
    assert!(audio.mimetype.is_absent());
    assert_eq!(audio.id.as_deref(), Some("1251397599652809"));
    assert_eq!(
        audio.sha256.as_deref(),
        Some("m++2b6hs7FJPxEL+lWFrIALsjpSvwoTienviyZX+GAA=")
    );
    assert_eq!(audio.voice.get(), Some(&true));
    assert_eq!(audio.ptt.get(), Some(&true));
    assert!(
        audio
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://lookaside.fbsbx.com/")
    );

    let text = upstream("evolution-v2.3-cloudapi-channel-text");
    assert_eq!(
        text.message.get().unwrap().conversation.as_deref(),
        Some("hola!")
    );
}

#[test]
fn keys_groups_and_sender_keys() {
    let group = upstream("evolution-v1-group-lid-senderkeydistribution");
    let key = group.key.get().unwrap();
    assert_eq!(key.participant.as_deref(), Some("24666483777619@lid"));
    assert_eq!(key.remote_jid.as_deref(), Some("120363141381952108@g.us"));
    let message = group.message.get().unwrap();
    // The sender key travels beside the content; the content is the text.
    assert_eq!(message.content_type(), Some("conversation"));
    let sender_key = message.sender_key_distribution_message.get().unwrap();
    assert_eq!(
        sender_key.group_id.as_deref(),
        Some("120363141381952108@g.us")
    );
    assert!(
        bytes(sender_key.axolotl_sender_key_distribution_message.get())
            .is_some_and(|key| !key.is_empty())
    );
    assert_eq!(
        bytes(
            message
                .message_context_info
                .get()
                .and_then(|info| info.message_secret.get())
        )
        .map(|secret| secret.len()),
        Some(32)
    );

    let ephemeral = upstream("evolution-v1-group-ephemeral-extendedtext");
    for context in [
        ephemeral.context_info.get().unwrap(),
        ephemeral
            .message
            .get()
            .and_then(|m| m.extended_text_message.get())
            .and_then(|text| text.context_info.get())
            .unwrap(),
    ] {
        assert_eq!(context.expiration.get(), Some(&86_400));
        let mode = context.disappearing_mode.get().unwrap();
        assert_eq!(
            mode.initiator.get().and_then(ProtoEnum::resolve),
            Some(DisappearingModeInitiator::ChangedInChat)
        );
        assert_eq!(
            mode.trigger.get().and_then(ProtoEnum::resolve),
            Some(DisappearingModeTrigger::ChatSetting)
        );
        assert_eq!(mode.initiated_by_me.get(), Some(&false));
    }

    let lid = upstream("evolution-v2-senderlid");
    assert_eq!(
        lid.key.get().unwrap().sender_lid.as_deref(),
        Some("100640277659847@lid")
    );
    assert_eq!(
        lid.status.get().and_then(ProtoEnum::resolve),
        Some(MessageStatus::DeliveryAck)
    );

    let baileys7 = upstream("evolution-v2.3-baileys-bytes-as-index-objects");
    let key = baileys7.key.get().unwrap();
    assert_eq!(key.addressing_mode.get(), Some(&AddressingMode::Lid));
    assert_eq!(
        key.remote_jid_alt.as_deref(),
        Some("5491131376731@s.whatsapp.net")
    );
    // An empty participant in a one-to-one chat, not an absent one.
    assert_eq!(key.participant.as_deref(), Some(""));
    let info = baileys7
        .message
        .get()
        .and_then(|m| m.message_context_info.get())
        .unwrap();
    assert_eq!(info.thread_id.get(), Some(&vec![]));
    let devices = info.device_list_metadata.get().unwrap();
    assert_eq!(long(devices.sender_timestamp.get()), Some(1_770_335_675));
    assert!(devices.sender_timestamp.get().unwrap().is_parts());
    assert_eq!(
        bytes(devices.sender_key_hash.get()),
        Some(vec![78, 156, 105, 90, 140, 106, 123, 176, 234, 180])
    );
    assert_eq!(devices.sender_key_indexes.get(), Some(&vec![]));
    assert_eq!(
        baileys7.message_type.get(),
        Some(&MessageType::Conversation)
    );
}

#[test]
fn bytes_and_longs_in_their_three_encodings() {
    // The same 64-bit value and the same bytes, each sent the three ways protobufjs and Node
    // write them.
    let timestamps = [
        json!("1718791400"),
        json!(1_718_791_400),
        json!({"low": 1_718_791_400, "high": 0, "unsigned": true}),
    ];
    let hashes = [
        json!("BBH/"),
        json!({"type": "Buffer", "data": [4, 17, 255]}),
        json!({"0": 4, "1": 17, "2": 255}),
    ];
    for (timestamp, hash) in timestamps.iter().zip(&hashes) {
        let message = upsert(&json!({
            "conversation": "oi",
            "messageContextInfo": {
                "deviceListMetadata": {"senderKeyHash": hash, "senderTimestamp": timestamp},
                "deviceListMetadataVersion": 2
            }
        }));
        let devices = message
            .message_context_info
            .get()
            .and_then(|info| info.device_list_metadata.get())
            .unwrap();
        assert_eq!(long(devices.sender_timestamp.get()), Some(1_718_791_400));
        assert_eq!(bytes(devices.sender_key_hash.get()), Some(vec![4, 17, 255]));
    }
    // `low` is negative from 2^31 on; a signed Long with `high` -1 is negative.
    let message = upsert(&json!({"stickerMessage": {
        "fileLength": {"low": -1, "high": 0, "unsigned": true},
        "stickerSentTs": {"low": -2, "high": -1, "unsigned": false}
    }}));
    let sticker = message.sticker_message.get().unwrap();
    assert_eq!(
        sticker.file_length.get().and_then(Long::as_u64),
        Some(4_294_967_295)
    );
    assert_eq!(long(sticker.sticker_sent_ts.get()), Some(-2));
}

#[test]
fn reactions_and_polls() {
    let message = upsert(&json!({"reactionMessage": {
        "key": {"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": true, "id": "BAE5DD2EFC88B3C6"},
        "text": "👍",
        "senderTimestampMs": "1718791650123"
    }}));
    assert_eq!(message.content_type(), Some("reactionMessage"));
    let reaction = message.reaction_message.get().unwrap();
    assert_eq!(reaction.text.as_deref(), Some("👍"));
    assert_eq!(
        long(reaction.sender_timestamp_ms.get()),
        Some(1_718_791_650_123)
    );
    let key = reaction.key.get().unwrap();
    assert_eq!(key.id.as_deref(), Some("BAE5DD2EFC88B3C6"));
    assert_eq!(key.from_me.get(), Some(&true));

    let message = upsert(&json!({
        "pollCreationMessageV3": {
            "name": "Almoço?",
            "options": [{"optionName": "Pizza"}, {"optionName": "Sushi"}],
            "selectableOptionsCount": 1,
            "pollType": "POLL"
        },
        "messageContextInfo": {"messageSecret": "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c="}
    }));
    assert_eq!(message.content_type(), Some("pollCreationMessageV3"));
    let poll = message.poll_creation_message_v3.get().unwrap();
    assert_eq!(poll.name.as_deref(), Some("Almoço?"));
    let options: Vec<&str> = poll
        .options
        .get()
        .unwrap()
        .iter()
        .filter_map(|option| option.option_name.as_deref())
        .collect();
    assert_eq!(options, ["Pizza", "Sushi"]);
    assert_eq!(poll.selectable_options_count.get(), Some(&1));
    assert_eq!(
        poll.poll_type.get().and_then(ProtoEnum::resolve),
        Some(PollType::Poll)
    );

    let message = upsert(&json!({"pollUpdateMessage": {
        "pollCreationMessageKey": {"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": true, "id": "3EB0POLL"},
        "vote": {"encPayload": "c2VjcmV0IHZvdGU=", "encIv": "aXZpdml2aXZpdml2"},
        "senderTimestampMs": {"low": 804_731_723, "high": 400, "unsigned": false}
    }}));
    let vote = message.poll_update_message.get().unwrap();
    assert_eq!(
        vote.poll_creation_message_key
            .get()
            .and_then(|key| key.id.as_deref()),
        Some("3EB0POLL")
    );
    assert_eq!(
        bytes(vote.vote.get().and_then(|vote| vote.enc_payload.get())),
        Some(b"secret vote".to_vec())
    );
    assert_eq!(
        long(vote.sender_timestamp_ms.get()),
        Some(1_718_791_650_123)
    );
}

#[test]
fn revokes_and_edits() {
    let key = json!({"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": true, "id": "3EB0A1B2C3D4E5F60718"});
    for kind in [json!(0), json!("REVOKE")] {
        let message = upsert(&json!({"protocolMessage": {"key": key, "type": kind}}));
        assert_eq!(message.content_type(), Some("protocolMessage"));
        let protocol = message.protocol_message.get().unwrap();
        assert_eq!(
            protocol.kind.get().and_then(ProtoEnum::resolve),
            Some(ProtocolMessageType::Revoke)
        );
        assert_eq!(
            protocol.key.get().and_then(|key| key.id.as_deref()),
            Some("3EB0A1B2C3D4E5F60718")
        );
    }

    // Baileys delivers an edit wrapped in `editedMessage`.
    let message = upsert(&json!({"editedMessage": {"message": {"protocolMessage": {
        "key": key,
        "type": 14,
        "editedMessage": {"conversation": "nota fiscal 2291"},
        "timestampMs": "1718791700000"
    }}}}));
    assert_eq!(message.content_type(), Some("editedMessage"));
    let protocol = message
        .edited_message
        .get()
        .and_then(|wrapper| wrapper.message.get())
        .and_then(|inner| inner.protocol_message.get())
        .unwrap();
    assert_eq!(protocol.kind.get(), Some(&ProtoEnum::Number(14)));
    assert_eq!(
        protocol.kind.get().and_then(ProtoEnum::resolve),
        Some(ProtocolMessageType::MessageEdit)
    );
    assert_eq!(
        protocol
            .edited_message
            .get()
            .and_then(|edit| edit.conversation.as_deref()),
        Some("nota fiscal 2291")
    );
    assert_eq!(long(protocol.timestamp_ms.get()), Some(1_718_791_700_000));

    // An enum number this version does not know stays a number; a name stays a name.
    let message = upsert(&json!({"protocolMessage": {"type": 99}}));
    let kind = message.protocol_message.get().unwrap().kind.get().unwrap();
    assert_eq!(kind, &ProtoEnum::Number(99));
    assert_eq!(kind.resolve(), None);
    let message = upsert(&json!({"protocolMessage": {"type": "SOMETHING_NEW"}}));
    let Some(ProtoEnum::Name(name)) = message.protocol_message.get().unwrap().kind.get() else {
        panic!()
    };
    assert_eq!(name.as_str(), "SOMETHING_NEW");
    assert!(!name.is_known());
}

#[test]
fn wrappers_hold_whole_messages() {
    let message = upsert(&json!({"viewOnceMessageV2": {"message": {"imageMessage": {
        "url": "https://mmg.whatsapp.net/o1/v/t62.7118-24/once.enc",
        "mimetype": "image/jpeg",
        "caption": "só uma vez",
        "viewOnce": true
    }}}}));
    assert_eq!(message.content_type(), Some("viewOnceMessageV2"));
    let image = message
        .view_once_message_v2
        .get()
        .and_then(|wrapper| wrapper.message.get())
        .and_then(|inner| inner.image_message.get())
        .unwrap();
    assert_eq!(image.view_once.get(), Some(&true));
    assert_eq!(image.caption.as_deref(), Some("só uma vez"));

    let message = upsert(
        &json!({"ephemeralMessage": {"message": {"extendedTextMessage": {
            "text": "@5531933334444 combinado",
            "contextInfo": {
                "stanzaId": "3EB0QUOTED",
                "participant": "5531933334444@s.whatsapp.net",
                "quotedMessage": {"conversation": "amanhã às 10?"},
                "mentionedJid": ["5531933334444@s.whatsapp.net"],
                "expiration": 604_800,
                "ephemeralSettingTimestamp": "1718700000",
                "isForwarded": false,
                "externalAdReply": {"title": "Loja", "mediaType": 1, "showAdAttribution": true}
            }
        }}}}),
    );
    let text = message
        .ephemeral_message
        .get()
        .and_then(|wrapper| wrapper.message.get())
        .and_then(|inner| inner.extended_text_message.get())
        .unwrap();
    let context = text.context_info.get().unwrap();
    assert_eq!(context.stanza_id.as_deref(), Some("3EB0QUOTED"));
    assert_eq!(
        context
            .quoted_message
            .get()
            .and_then(|quoted| quoted.conversation.as_deref()),
        Some("amanhã às 10?")
    );
    assert_eq!(
        context.mentioned_jid.get(),
        Some(&vec![Jid::new("5531933334444@s.whatsapp.net")])
    );
    assert_eq!(context.expiration.get(), Some(&604_800));
    assert_eq!(
        long(context.ephemeral_setting_timestamp.get()),
        Some(1_718_700_000)
    );
    let ad = context.external_ad_reply.get().unwrap();
    assert_eq!(ad.title.as_deref(), Some("Loja"));
    assert_eq!(ad.show_ad_attribution.get(), Some(&true));

    let message = upsert(
        &json!({"documentWithCaptionMessage": {"message": {"documentMessage": {
            "url": "https://mmg.whatsapp.net/v/t62.7119-24/nota.enc",
            "mimetype": "application/pdf",
            "title": "nota.pdf",
            "fileName": "nota.pdf",
            "pageCount": 2,
            "caption": "segue a nota",
            "fileLength": "48211"
        }}}}),
    );
    let document = message
        .document_with_caption_message
        .get()
        .and_then(|wrapper| wrapper.message.get())
        .and_then(|inner| inner.document_message.get())
        .unwrap();
    assert_eq!(document.file_name.as_deref(), Some("nota.pdf"));
    assert_eq!(document.page_count.get(), Some(&2));
    assert_eq!(document.caption.as_deref(), Some("segue a nota"));
}

#[test]
fn locations_and_contact_cards() {
    let message = upsert(&json!({"locationMessage": {
        "degreesLatitude": -23.550_52,
        "degreesLongitude": -46,
        "name": "Praça da Sé",
        "address": "Sé, São Paulo - SP",
        "jpegThumbnail": "/9j/4AAQ"
    }}));
    let location = message.location_message.get().unwrap();
    // Coordinates keep the number as sent (an integer stays an integer).
    assert_eq!(
        location
            .degrees_latitude
            .get()
            .and_then(serde_json::Number::as_f64),
        Some(-23.550_52)
    );
    assert_eq!(
        location
            .degrees_longitude
            .get()
            .and_then(serde_json::Number::as_i64),
        Some(-46)
    );
    assert_eq!(location.name.as_deref(), Some("Praça da Sé"));

    let message = upsert(&json!({"liveLocationMessage": {
        "degreesLatitude": -19.9167,
        "degreesLongitude": -43.9345,
        "accuracyInMeters": 12,
        "speedInMps": 1.5,
        "caption": "a caminho",
        "sequenceNumber": "1718791660000",
        "timeOffset": 30
    }}));
    let live = message.live_location_message.get().unwrap();
    assert_eq!(live.accuracy_in_meters.get(), Some(&12));
    assert_eq!(long(live.sequence_number.get()), Some(1_718_791_660_000));
    assert_eq!(live.time_offset.get(), Some(&30));

    let card =
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nTEL;waid=5531944445555:+55 31 94444-5555\nEND:VCARD";
    let message = upsert(&json!({"contactMessage": {"displayName": "Ana", "vcard": card}}));
    let contact = message.contact_message.get().unwrap();
    assert_eq!(contact.display_name.as_deref(), Some("Ana"));
    assert!(
        contact
            .vcard
            .as_deref()
            .unwrap()
            .contains("waid=5531944445555")
    );

    let message = upsert(&json!({"contactsArrayMessage": {
        "displayName": "2 contatos",
        "contacts": [{"displayName": "Ana", "vcard": card}, {"displayName": "Bruno", "vcard": card}]
    }}));
    let names: Vec<&str> = message
        .contacts_array_message
        .get()
        .and_then(|array| array.contacts.get())
        .unwrap()
        .iter()
        .filter_map(|contact| contact.display_name.as_deref())
        .collect();
    assert_eq!(names, ["Ana", "Bruno"]);
}

#[test]
fn kinds_not_typed_are_kept_as_sent() {
    // A business kind typed as raw JSON, and a key no version of this model knows: both
    // come back unchanged (the helper checks), and stay reachable.
    let buttons = json!({"contentText": "Escolha", "buttons": [{"buttonId": "1", "buttonText": {"displayText": "Sim"}, "type": 1}], "headerType": 1});
    let message = upsert(&json!({
        "buttonsMessage": buttons,
        "someFutureMessage": {"field": [1, 2, 3]},
        "messageContextInfo": {"deviceListMetadataVersion": 2}
    }));
    let kept: serde_json::Value = message
        .buttons_message
        .get()
        .unwrap()
        .deserialize_as()
        .unwrap();
    assert_eq!(kept, buttons);
    let future = message.other.get("someFutureMessage").unwrap();
    assert_eq!(future.get(), r#"{"field":[1,2,3]}"#);
    assert_eq!(message.content_type(), Some("buttonsMessage"));

    // Only an unknown key: that is the content.
    let message = upsert(&json!({"someFutureMessage": {}}));
    assert_eq!(message.content_type(), Some("someFutureMessage"));
    assert!(Message::KEYS.contains(&"conversation"));
    assert!(!Message::KEYS.contains(&"someFutureMessage"));
}

#[test]
fn the_schema_describes_the_content_field_by_field() {
    let schema = load_schema("codechat", "messages.upsert").unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let body = |message: serde_json::Value| {
        json!({"event": "messages.upsert", "instance": "sales-01", "data": {
            "key": {"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": false, "id": "3EB0C9"},
            "message": message
        }})
    };
    // Bytes, Longs and enums in each of their forms; unknown keys of the message allowed.
    assert!(validator.is_valid(&body(json!({
        "imageMessage": {"fileLength": {"low": 1, "high": 0, "unsigned": true}, "mediaKey": {"0": 1}},
        "protocolMessage": {"type": "REVOKE"},
        "reactionMessage": {"senderTimestampMs": "1718791650123"},
        "someFutureMessage": {"anything": true}
    }))));
    // A field of the wrong type, deep inside, is caught.
    for wrong in [
        json!({"imageMessage": {"fileLength": true}}),
        json!({"extendedTextMessage": {"contextInfo": {"mentionedJid": "not a list"}}}),
        json!({"ephemeralMessage": {"message": {"conversation": 1}}}),
        json!({"protocolMessage": {"type": false}}),
        json!({"conversation": {"text": "a row's content, not Baileys'"}}),
    ] {
        assert!(!validator.is_valid(&body(wrong.clone())), "{wrong}");
    }
}
