//! `chats.delete`: chats were deleted or cleared.

use crate::Jid;
use chat_events_core::{Maybe, RawJson, Timestamp, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Chats were deleted or cleared, in the shape of the generation that sent it: a list of
/// JIDs (open source, Evolution), or one object with `chatJid` (CodeChat Go). Another value
/// is kept raw in [`ChatsDelete::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ChatsDelete {
    /// Open source and Evolution: the deleted chats' JIDs.
    #[shape(array)]
    Jids(Vec<String>),
    /// CodeChat Go (2026): one deleted or cleared chat.
    #[shape(has("chatJid"))]
    Go(GoChatDeleted),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl ChatsDelete {
    /// The deleted chats' JIDs, whatever the shape.
    pub fn jids(&self) -> Vec<&str> {
        match self {
            Self::Jids(jids) => jids.iter().map(String::as_str).collect(),
            Self::Go(chat) => vec![chat.chat_jid.as_str()],
            Self::Other(_) => Vec::new(),
        }
    }
}

/// CodeChat Go: a chat was deleted or cleared (whatsmeow's `DeleteChat`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoChatDeleted {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether the chat's media is deleted too.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub delete_media: Maybe<bool>,
}
