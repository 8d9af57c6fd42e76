//! [`WebhookMessage`]: a message in the shape of the generation that sent it. What the shapes
//! share (message types, devices, statuses) is in `message_common.rs`.

use chat_events_core::{RawJson, unstable::Shape};

use crate::{
    Jid,
    objects::{BaileysMessage, CloudMessage, MessageRow},
};

/// A message, in the shape of the generation that sent it. The shape is read from the
/// object's keys (`header` → cloud, `keyId` or `keyFromMe` → the open-source v1.3 and
/// CodeChat Go row, `key` → Baileys); a value with none of them is kept raw in
/// [`WebhookMessage::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum WebhookMessage {
    /// The cloud docs' `{header, body, context}` (`new.message`, `status.broadcast`,
    /// `messages.set`).
    #[shape(has("header"))]
    Cloud(Box<CloudMessage>),
    /// The open-source v1.3 row (`messages.upsert`, `messages.set`, `send.message`), and
    /// CodeChat Go's (with `metadata`).
    #[shape(has("keyId"))]
    #[shape(has("keyFromMe"))]
    Row(Box<MessageRow>),
    /// Baileys' `WebMessageInfo` (open source ≤ v1.2, Evolution).
    #[shape(has("key"))]
    Baileys(Box<BaileysMessage>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl WebhookMessage {
    /// WhatsApp's message id, whatever the shape (a row's `keyId`, else its `messageId`).
    pub fn id(&self) -> Option<&str> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.id.as_deref()),
            Self::Cloud(message) => message.header.message_id.as_deref(),
            Self::Row(row) => row.key_id.as_deref().or(row.message_id.as_deref()),
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
    pub fn remote_jid(&self) -> Option<&Jid> {
        match self {
            Self::Baileys(message) => message.key.get().and_then(|key| key.remote_jid.get()),
            Self::Cloud(message) => message.header.wuid.get(),
            Self::Row(row) => row.key_remote_jid.get(),
            Self::Other(_) => None,
        }
    }
}
