//! Chats in the shape of each generation (`chats.set`, `chats.upsert`, `chats.update`).

use chat_events_core::{Id, Maybe, Num, Shape, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::proto::{Bytes, Long};

/// A chat item, in the shape of the generation that sent it, read from its keys:
/// `remoteJid` → the open-source v1.3 row; `owner` → open source ≤ v1.2; another object →
/// the cloud docs' Baileys conversation.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ChatItem {
    /// Open source v1.3: the database row `{id?, remoteJid, content?, instanceId}`.
    #[shape(has("remoteJid"))]
    Row(Box<ChatRow>),
    /// Open source ≤ v1.2: `{id, owner}`.
    #[shape(has("owner"))]
    Legacy(LegacyChat),
    /// The cloud docs' Baileys conversation (`{id, unreadCount, conversationTimestamp…}`).
    #[shape(object)]
    Conversation(Box<ChatState>),
}

impl ChatItem {
    /// The chat's JID, whatever the shape.
    pub fn jid(&self) -> Option<&str> {
        match self {
            Self::Conversation(chat) => chat.id.as_deref(),
            Self::Legacy(chat) => Some(&chat.id),
            Self::Row(row) => Some(&row.remote_jid),
        }
    }
}

/// The open-source v1.3 chat row.
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
    /// Row id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The instance's database id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// The chat's JID.
    pub remote_jid: String,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// Open source ≤ v1.2: a chat and the instance's owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LegacyChat {
    /// The chat's JID.
    pub id: String,
    /// The instance owner's JID.
    pub owner: String,
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
    /// Time of the last message (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation_timestamp: Maybe<Long>,
    /// Disappearing-messages timer (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_expiration: Maybe<Long>,
    /// The chat's JID (absent inside a v1.3 row's `content`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
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
    /// Trusted-contact token (bytes; a credential, shown as its size in `Debug`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tc_token: Maybe<Bytes>,
    /// When the update happened (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Long>,
    /// Unread messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_count: Maybe<Num<i64>>,
}
