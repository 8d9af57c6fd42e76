//! `messages.update` (alias `message.update`): a message's status changed, or it was edited or revoked.

use chat_events_core::{Id, Maybe, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::{CloudHeader, CloudUpdateInstance, MessageKey, MessageStatus},
    proto::Long,
};

/// A message's status changed, or it was edited, revoked or voted on, in the shape of the
/// generation that sent it, read from its keys: `update` → the cloud docs; `remoteJid` or
/// `fromMe` → the open-source and Evolution key form; `keyId` or `messageId` (without those)
/// → CodeChat Go. Another value is kept raw in [`MessageUpdate::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum MessageUpdate {
    /// The cloud docs' `{update: {status, header | key, dateTime}}`.
    #[shape(has("update"))]
    Cloud(Box<CloudMessageUpdate>),
    /// The open-source and Evolution form: Baileys' key spread (`remoteJid`, `fromMe`, `id`…;
    /// Evolution `keyId`), plus status and time. Read from the keys only this form has:
    /// CodeChat Go sends `id` and `keyId` too.
    #[shape(has("remoteJid"))]
    #[shape(has("fromMe"))]
    Key(Box<KeyMessageUpdate>),
    /// CodeChat Go (2026): `{id, keyId, status, dateTime}` since its commit 52d20af
    /// (2026-07-22); `{messageId, status, dateTime}` before, the message by its database id.
    #[shape(has("keyId"))]
    #[shape(has("messageId"))]
    Go(GoMessageUpdate),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// CodeChat Go: a receipt changed a message's status. Its keys changed within days in July
/// 2026 (`internal/webhook/payload.go` of `code-chat-br/whatsapp-api-go`): `messageId`
/// (8895b56, the docs' form), then `keyId` (efd6e74), both holding the database id; since
/// 52d20af, `id` holds the database id and `keyId` WhatsApp's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoMessageUpdate {
    /// When (RFC 3339): the receipt's time, or when it was processed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Since 52d20af: the message's database id (an integer; the `id` of `messages.upsert`
    /// for the same message). Quirk: `0` when the server does not save receipts
    /// (`DATABASE_SAVE_MESSAGE_UPDATE` off, its default): it then does not look the message
    /// up.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Since 52d20af: WhatsApp's message id (a string, the `keyId` of `messages.upsert`).
    /// Quirk: at efd6e74 (a few hours on 2026-07-22) this key held the database id, an
    /// integer.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<Id>,
    /// Before efd6e74: the message's database id. Quirk: an integer, not WhatsApp's message
    /// id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<Id>,
    /// The new status. Quirk: lower-case names of their own, not Baileys' `READ`….
    pub status: GoReceiptStatus,
}

open_enum! {
    /// CodeChat Go: a message's status after a receipt.
    pub enum GoReceiptStatus {
        /// Delivered to the device.
        Delivered = "delivered",
        /// Voice note or video played.
        Played = "played",
        /// Read.
        Read = "read",
        /// The recipient asked for the message again.
        Retry = "retry",
        /// Sent (accepted by WhatsApp's server).
        Sent = "sent",
        /// WhatsApp's server reported an error.
        ServerError = "server_error",
        /// A receipt of a kind CodeChat Go does not name.
        Unknown = "unknown",
    }
}

/// The cloud docs' message update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudMessageUpdate {
    /// Old docs: the instance, inside the data.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<CloudUpdateInstance>,
    /// The update.
    pub update: CloudUpdate,
}

/// What changed, in the cloud docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdate {
    /// When (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Long>,
    /// Which message (webhook map form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub header: Maybe<CloudHeader>,
    /// Which message (old README form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The new status. Quirk: the docs spell delivery `DELIVERY_AT`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}

/// The open-source and Evolution message update: the message's key fields, the status and
/// the time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeyMessageUpdate {
    /// `pn` or `lid` (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<String>,
    /// Open source v1.3: when (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Open source ≤ v1.2: when, in **milliseconds** (note the lowercase key).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub datetime: Maybe<Long>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The instance's id (an integer in open source, a UUID in Evolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// View-once flag (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_view_once: Maybe<bool>,
    /// Evolution: message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// Evolution: its own message id (a cuid).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Open source ≤ v1.2: the instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<Jid>,
    /// Group sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Jid>,
    /// Group sender's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_alt: Maybe<Jid>,
    /// Group sender's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_username: Maybe<String>,
    /// Evolution: poll votes (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_updates: Maybe<serde_json::Value>,
    /// The chat (may be `@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<Jid>,
    /// The chat's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_alt: Maybe<Jid>,
    /// The chat's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_username: Maybe<String>,
    /// Server id (newsletters).
    #[serde(
        default,
        rename = "server_id",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub server_id: Maybe<String>,
    /// The new status; absent for edits, revokes and poll votes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}
