//! Messages in the shape of each generation: the cloud docs' `{header, body, context}`, the
//! open-source v1.3 row `{keyId, …, content}`, and Baileys' `{key, message}` (open source
//! ≤ v1.2, Evolution).

use std::collections::BTreeMap;

use chat_events_core::{Id, Maybe, RawJson, Shape, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::proto::{Bytes, Content, FromCode, Long, ProtoEnum};

/// A message, in the shape of the generation that sent it. The shape is read from the
/// object's keys (`header` → cloud, `keyId` → open source v1.3, `key` → Baileys); a value
/// with none of them is kept raw in [`WebhookMessage::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum WebhookMessage {
    /// The cloud docs' `{header, body, context}` (`new.message`, `status.broadcast`,
    /// `messages.set`).
    #[shape(has("header"))]
    Cloud(Box<CloudMessage>),
    /// The open-source v1.3 row (`messages.upsert`, `messages.set`, `send.message`).
    #[shape(has("keyId"))]
    Row(Box<MessageRow>),
    /// Baileys' `WebMessageInfo` (open source ≤ v1.2, Evolution).
    #[shape(has("key"))]
    Baileys(Box<BaileysMessage>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl WebhookMessage {
    /// The message id, whatever the shape.
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.id.as_deref()),
            Self::Cloud(message) => message.header.message_id.as_deref(),
            Self::Row(row) => Some(&row.key_id),
            Self::Other(_) => None,
        }
    }

    /// Whether this line sent it, whatever the shape.
    pub fn from_me(&self) -> Option<bool> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.from_me.get().copied()),
            Self::Cloud(message) => message.header.from_me.get().copied(),
            Self::Row(row) => row.key_from_me.get().copied(),
            Self::Other(_) => None,
        }
    }

    /// The chat's JID, whatever the shape (`None` when only a LID is known).
    pub fn remote_jid(&self) -> Option<&str> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.remote_jid.as_deref()),
            Self::Cloud(message) => message.header.wuid.as_deref(),
            Self::Row(row) => row.key_remote_jid.as_deref(),
            Self::Other(_) => None,
        }
    }
}

/// The cloud docs' message (`new.message`, `status.broadcast`, `messages.set`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudMessage {
    /// What was sent.
    pub body: CloudBody,
    /// Where and when.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context: Maybe<CloudContext>,
    /// Who and which.
    pub header: CloudHeader,
}

/// The cloud message's identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudHeader {
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Sender in a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<String>,
    /// Sender's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The chat's JID (`status@broadcast` for status posts).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

/// The cloud message's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudBody {
    /// Media caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// The message: the text itself for `conversation`, an object otherwise.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Content<MessageContent>>,
    /// Kind of message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Media MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// Media size.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub size: Maybe<MediaSize>,
}

/// Media dimensions, with the cloud docs' misspelled keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MediaSize {
    /// Height. Quirk: the key is spelled `heigth`.
    #[serde(default, rename = "heigth", skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<serde_json::Number>,
    /// Width. Quirk: the key is spelled `with`.
    #[serde(default, rename = "with", skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<serde_json::Number>,
}

/// Where and when a cloud message was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudContext {
    /// Whether the chat is a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_group: Maybe<bool>,
    /// Seconds since the epoch.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// The sender's device.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_device: Maybe<Device>,
}

/// The open-source v1.3 message row (`messages.upsert`, `messages.set`, `send.message`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRow {
    /// The message: an object, or the bare text (`conversation` in `messages.set`, and in
    /// `messages.upsert` before v1.3.1.57).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<Content<MessageContent>>,
    /// The sender's device.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device: Maybe<Device>,
    /// `send.message`: attributes the sender attached (any JSON).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Value>,
    /// Database id, when saved.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// `notify` for new messages, `append` for history and own-device messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub info: Maybe<MessageInfo>,
    /// The instance's database id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Whether the chat is a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_group: Maybe<bool>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// Message id.
    pub key_id: String,
    /// The chat's LID (`…@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_lid: Maybe<String>,
    /// Group sender's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_participant: Maybe<String>,
    /// Group sender's LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_participant_lid: Maybe<String>,
    /// The chat's JID. Quirk: missing when only a LID is known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_remote_jid: Maybe<String>,
    /// Where to download the media (v1.3.6.163+).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media: Maybe<MediaPath>,
    /// Seconds since the epoch; `0` when unknown.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// Kind of message: the proto field name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Sender's display name (may be the number).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
}

/// How a message reached the instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageInfo {
    /// `notify` or `append`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// Where a message's media can be downloaded from the CodeChat server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MediaPath {
    /// `/chat/public/<kind>/download?q=…`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub path: Maybe<String>,
}

/// Baileys' `WebMessageInfo` (open source ≤ v1.2, Evolution).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BaileysMessage {
    /// Evolution: the Chatwoot message it was mirrored to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chatwoot_message_id: Maybe<Id>,
    /// Evolution: context (quotes, mentions), free-form.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Evolution: the instance's id (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Which message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The message, keyed by kind (`conversation` holds text; `imageMessage` an object;
    /// Evolution adds `base64`, `mediaUrl`, `speechToText` strings).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<BTreeMap<String, Content<MessageContent>>>,
    /// Seconds since the epoch. Quirk: a string when Baileys' object was serialized as is.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// Evolution: kind of message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Open source ≤ v1.2: the instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
    /// Sender's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The sender's device.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<Device>,
    /// Delivery status, as a name or a number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<ProtoEnum<MessageStatus>>,
}

/// A message's key, as Baileys has it (with Baileys 7's extensions).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageKey {
    /// `pn` or `lid` (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<String>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Group sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<String>,
    /// Group sender's other address (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_alt: Maybe<String>,
    /// The chat (may be `@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<String>,
    /// The chat's other address (the phone-number JID when `remoteJid` is a LID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_alt: Maybe<String>,
}

/// The fields of WhatsApp's message objects that the events use (text, media, reactions,
/// protocol messages, locations, contacts). Each message kind sets a few of them; keys not
/// listed here stay in the raw JSON and show up as drift.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageContent {
    /// Payment request: amount × 1000.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount1000: Maybe<Long>,
    /// Media caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// Quotes, mentions, forwarding (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Payment request: currency.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code_iso4217: Maybe<String>,
    /// Location: latitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_latitude: Maybe<serde_json::Number>,
    /// Location: longitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_longitude: Maybe<serde_json::Number>,
    /// Media path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// Contact: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// Edit: the new message (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited_message: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Payment request: expiry (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// SHA-256 of the encrypted media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// Media size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// Document name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_name: Maybe<String>,
    /// SHA-256 of the media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// Image or video height.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<serde_json::Number>,
    /// Thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// Reaction and protocol messages: the message they refer to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The key that decrypts the media (a credential for the media; redacted in `Debug`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// When the media key was issued.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// The media on the instance's S3/MinIO storage, when enabled.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// Location or contact name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Payment messages: the note (free-form message).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Voice note (push-to-talk) flag.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ptt: Maybe<bool>,
    /// Payment request: from whom.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_from: Maybe<String>,
    /// Audio or video length in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub seconds: Maybe<serde_json::Number>,
    /// Reaction: when it was sent (ms).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// Text (`conversation` wrapped as `{text}`, extended text, reactions' emoji).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
    /// Protocol message: what it does (`REVOKE`, `MESSAGE_EDIT`…), as a name or a number.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<ProtocolMessageType>>,
    /// Media URL on WhatsApp's CDN (encrypted; decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// Contact: the vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vcard: Maybe<String>,
    /// Voice note waveform.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub waveform: Maybe<Bytes>,
    /// Image or video width.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<serde_json::Number>,
}

open_enum! {
    /// Kind of a WhatsApp message: the name of the proto field that holds it.
    pub enum MessageType {
        /// Audio or voice note.
        AudioMessage = "audioMessage",
        /// Payment request cancelled.
        CancelPaymentRequestMessage = "cancelPaymentRequestMessage",
        /// A contact card.
        ContactMessage = "contactMessage",
        /// Several contact cards.
        ContactsArrayMessage = "contactsArrayMessage",
        /// Plain text.
        Conversation = "conversation",
        /// Payment request declined.
        DeclinePaymentRequestMessage = "declinePaymentRequestMessage",
        /// A document.
        DocumentMessage = "documentMessage",
        /// A document with a caption.
        DocumentWithCaptionMessage = "documentWithCaptionMessage",
        /// A disappearing message wrapper.
        EphemeralMessage = "ephemeralMessage",
        /// Text with a link preview or formatting.
        ExtendedTextMessage = "extendedTextMessage",
        /// An image.
        ImageMessage = "imageMessage",
        /// A live location.
        LiveLocationMessage = "liveLocationMessage",
        /// A location.
        LocationMessage = "locationMessage",
        /// A poll.
        PollCreationMessage = "pollCreationMessage",
        /// A poll vote.
        PollUpdateMessage = "pollUpdateMessage",
        /// A protocol message (revoke, edit…).
        ProtocolMessage = "protocolMessage",
        /// A round video note.
        PtvMessage = "ptvMessage",
        /// A reaction.
        ReactionMessage = "reactionMessage",
        /// A payment request.
        RequestPaymentMessage = "requestPaymentMessage",
        /// A payment.
        SendPaymentMessage = "sendPaymentMessage",
        /// Group encryption key distribution.
        SenderKeyDistributionMessage = "senderKeyDistributionMessage",
        /// A sticker.
        StickerMessage = "stickerMessage",
        /// A video.
        VideoMessage = "videoMessage",
        /// A view-once wrapper.
        ViewOnceMessage = "viewOnceMessage",
        /// A view-once wrapper (v2).
        ViewOnceMessageV2 = "viewOnceMessageV2",
    }
}

open_enum! {
    /// The device a message was sent from.
    pub enum Device {
        /// Android.
        Android = "android",
        /// The CodeChat v2 API.
        Api = "api",
        /// WhatsApp Desktop.
        Desktop = "desktop",
        /// iOS.
        Ios = "ios",
        /// Not known.
        Unknown = "unknown",
        /// WhatsApp Web (also CodeChat's own sends).
        Web = "web",
    }
}

open_enum! {
    /// Delivery status of a message.
    pub enum MessageStatus {
        /// Evolution: the message was deleted (also sent for edits).
        Deleted = "DELETED",
        /// Cloud docs: delivered (their spelling of `DELIVERY_ACK`).
        DeliveryAt = "DELIVERY_AT",
        /// Delivered to the device.
        DeliveryAck = "DELIVERY_ACK",
        /// Failed.
        Error = "ERROR",
        /// Waiting to be sent.
        Pending = "PENDING",
        /// Voice note played.
        Played = "PLAYED",
        /// Read.
        Read = "READ",
        /// Cloud docs: deleted for everyone.
        Revoke = "REVOKE",
        /// Accepted by WhatsApp's server.
        ServerAck = "SERVER_ACK",
    }
}

impl FromCode for MessageStatus {
    /// WhatsApp's `WebMessageInfo.Status` numbers.
    fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            0 => Self::Error,
            1 => Self::Pending,
            2 => Self::ServerAck,
            3 => Self::DeliveryAck,
            4 => Self::Read,
            5 => Self::Played,
            _ => return None,
        })
    }
}

open_enum! {
    /// What a protocol message does.
    pub enum ProtocolMessageType {
        /// Changes disappearing messages.
        EphemeralSetting = "EPHEMERAL_SETTING",
        /// Announces a history sync.
        HistorySyncNotification = "HISTORY_SYNC_NOTIFICATION",
        /// Edits a message.
        MessageEdit = "MESSAGE_EDIT",
        /// Deletes a message for everyone.
        Revoke = "REVOKE",
    }
}

impl FromCode for ProtocolMessageType {
    /// WhatsApp's `ProtocolMessage.Type` numbers.
    fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            0 => Self::Revoke,
            3 => Self::EphemeralSetting,
            5 => Self::HistorySyncNotification,
            14 => Self::MessageEdit,
            _ => return None,
        })
    }
}

/// The instance inside an old cloud message update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdateInstance {
    /// The connected number's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub my_wuid: Maybe<String>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}
