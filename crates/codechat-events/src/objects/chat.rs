//! Chats in the shape of each generation (`chats.set`, `chats.upsert`, `chats.update`).

use chat_events_core::{Id, Maybe, Num, RawJson, Timestamp, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::DisappearingMode,
    proto::{Bytes, Long},
};

/// A chat item, in the shape of the generation that sent it, read from its keys:
/// `remoteJid` → the open-source v1.3 row (and Evolution's); `owner` → open source ≤ v1.2;
/// `id` → the cloud docs' Baileys conversation. Another value is kept raw in
/// [`ChatItem::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ChatItem {
    /// Open source v1.3: the database row `{id?, remoteJid, content?, instanceId}`;
    /// Evolution: `{remoteJid, instanceId, name?, unreadMessages?}`.
    #[shape(has("remoteJid"))]
    Row(Box<ChatRow>),
    /// Open source ≤ v1.2: `{id, owner}`.
    #[shape(has("owner"))]
    Legacy(LegacyChat),
    /// The cloud docs' Baileys conversation (`{id, unreadCount, conversationTimestamp…}`).
    #[shape(has("id"))]
    Conversation(Box<ChatState>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl ChatItem {
    /// The chat's JID, whatever the shape.
    pub fn jid(&self) -> Option<&Jid> {
        match self {
            Self::Conversation(chat) => chat.id.get(),
            Self::Legacy(chat) => Some(&chat.id),
            Self::Row(row) => Some(&row.remote_jid),
            Self::Other(_) => None,
        }
    }
}

/// The open-source v1.3 chat row, and Evolution's chat (its stored row, or
/// `{remoteJid, instanceId, name?, unreadMessages?}`; `instanceId` a UUID).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatRow {
    /// Baileys' chat (or chat update) minus `id`, after a round trip through a JSON column
    /// (v1.3.4.114+).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<ChatState>,
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Row id (an integer; Evolution: a cuid string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The instance's id: an integer (open source), a UUID (Evolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Evolution: the ids of the chat's labels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub labels: Maybe<Vec<String>>,
    /// Evolution: the chat's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The chat's JID.
    pub remote_jid: Jid,
    /// Evolution: how many messages are unread.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_messages: Maybe<Num<i64>>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// Open source ≤ v1.2: a chat and the instance's owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LegacyChat {
    /// The chat's JID.
    pub id: Jid,
    /// The instance owner's JID.
    pub owner: Jid,
}

/// The state of a chat as WhatsApp syncs it (Baileys' `Chat` / `ChatUpdate`, proto
/// `Conversation`); every key is optional.
///
/// Quirk: 64-bit values are numbers, strings or `{low, high, unsigned}`, and bytes are
/// base64 or Node Buffers, depending on how the object was serialized.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatState {
    /// Whether it is archived.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub archived: Maybe<bool>,
    /// The contact's identity key (bytes; seen as an empty Node Buffer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_primary_identity_key: Maybe<Bytes>,
    /// Time of the last message (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation_timestamp: Maybe<Long>,
    /// Who turned disappearing messages on, and how.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disappearing_mode: Maybe<DisappearingMode>,
    /// Disappearing-messages timer (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_expiration: Maybe<Long>,
    /// The chat's JID (absent inside a v1.3 row's `content`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Jid>,
    /// Time of the last received message (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_message_recv_timestamp: Maybe<Long>,
    /// Whether it is marked unread.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub marked_as_unread: Maybe<bool>,
    /// Muted until (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mute: Maybe<Long>,
    /// Muted until (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mute_end_time: Maybe<Long>,
    /// The chat's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Whether it is not spam.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub not_spam: Maybe<bool>,
    /// The cloud docs' minimal form: participants (shape not documented; kept as JSON).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Vec<serde_json::Value>>,
    /// Pinned since (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pinned: Maybe<Long>,
    /// Whether the chat is read-only (a group one has left, an announcement group).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub read_only: Maybe<bool>,
    /// Trusted-contact token (bytes; a credential, shown as its size in `Debug`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tc_token: Maybe<Bytes>,
    /// When this account last sent its trusted-contact token (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tc_token_sender_timestamp: Maybe<Long>,
    /// When the trusted-contact token was received (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tc_token_timestamp: Maybe<Long>,
    /// When the update happened (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Long>,
    /// Unread messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_count: Maybe<Num<i64>>,
    /// Unread messages that mention this account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_mention_count: Maybe<Num<i64>>,
}
