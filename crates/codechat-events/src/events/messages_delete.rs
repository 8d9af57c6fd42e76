//! `messages.delete` (alias `message.delete`): messages were deleted.

use chat_events_core::{Id, Maybe, RawJson, Timestamp, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::objects::{BaileysMessage, MessageKey};

/// Messages were deleted (`messages.delete`, alias `message.delete`), in the shape of the
/// generation that sent it: a list of messages or `{wuid, all}` (the cloud docs), Baileys'
/// message key or the deleted message (Evolution), or one deleted message with
/// `chatJid` (CodeChat Go). Another value is kept raw in [`MessagesDelete::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum MessagesDelete {
    /// Cloud docs: these messages were deleted.
    #[shape(array)]
    Messages(Vec<DeletedMessage>),
    /// Cloud docs: a whole chat was cleared (`{wuid, all: true}`).
    #[shape(has("wuid"))]
    Chat(ClearedChat),
    /// CodeChat Go (2026): a message was deleted for this account only (whatsmeow's
    /// `DeleteForMe`).
    #[shape(has("chatJid"))]
    Go(GoMessageDeleted),
    /// Evolution: the deleted message's key (`{remoteJid, fromMe, id, participant?}`).
    #[shape(has("remoteJid"))]
    Key(MessageKey),
    /// Evolution: a message deleted for everyone through the API, as it was stored
    /// (`{id, key, message, messageType, status: "DELETED", source…}`).
    #[shape(has("key"))]
    Message(Box<BaileysMessage>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// CodeChat Go: a message was deleted for this account only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoMessageDeleted {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether the message's media is deleted too.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub delete_media: Maybe<bool>,
    /// Whether it came from a full sync.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_full_sync: Maybe<bool>,
    /// The message's database id (an integer), when it was found. Quirk: missing in the
    /// docs' revision of 2026-07-13.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Whether this account sent the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// WhatsApp's message id, since CodeChat Go's commit efd6e74 (2026-07-22); see
    /// [`message_id()`](Self::message_id()) for either key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// WhatsApp's message id, before CodeChat Go's commit efd6e74 (the docs' form; renamed
    /// `keyId` since).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// When the message was sent (RFC 3339), when known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_time: Maybe<Timestamp>,
    /// The sender's JID, when known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_jid: Maybe<Jid>,
}

impl GoMessageDeleted {
    /// WhatsApp's message id, whichever key holds it (`keyId`, else `messageId`).
    pub fn message_id(&self) -> Option<&str> {
        self.key_id.as_deref().or(self.message_id.as_deref())
    }
}

/// A deleted message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeletedMessage {
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<Jid>,
}

/// A cleared chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ClearedChat {
    /// `true`: every message of the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub all: Maybe<bool>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<Jid>,
}
