//! `chats.updated`: a chat was archived, pinned, muted, cleared, marked read, or the block list changed (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A chat's settings changed, or the block list did (whatsmeow's `Archive`, `Pin`, `Mute`,
/// `ClearChat`, `MarkChatAsRead`, `UnarchiveChatsSetting`, `Blocklist`, `BlocklistChange`).
/// Each kind adds the keys of its whatsmeow event, flattened; the ones seen are typed here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatsUpdated {
    /// `archive`: whether the chat is archived now.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub archived: Maybe<bool>,
    /// The chat's JID, when the change is about one chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chat_jid: Maybe<Jid>,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether it came from a full sync.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_full_sync: Maybe<bool>,
    /// What changed.
    #[serde(rename = "type")]
    pub kind: ChatChange,
}

open_enum! {
    /// What changed about a chat.
    pub enum ChatChange {
        /// Archived or unarchived.
        Archive = "archive",
        /// The block list (whole).
        Blocklist = "blocklist",
        /// The block list changed.
        BlocklistChange = "blocklist.change",
        /// Its messages were cleared.
        Clear = "clear",
        /// Marked read or unread.
        MarkRead = "mark.read",
        /// Muted or unmuted.
        Mute = "mute",
        /// Pinned or unpinned.
        Pin = "pin",
        /// The "keep chats archived" setting.
        UnarchiveSetting = "unarchive.setting",
    }
}
