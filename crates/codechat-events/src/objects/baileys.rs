//! Baileys' `WebMessageInfo` as Evolution and open source ≤ v1.2 send it: the key and the message
//! content (WAProto's `Message`).

use chat_events_core::{Id, Maybe, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::{
    objects::{Device, MessageStatus, MessageType},
    proto::{Bytes, Content, FromCode, Long, ProtoEnum},
};

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
