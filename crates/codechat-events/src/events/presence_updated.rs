//! `presence.updated`: someone is typing or recording in a chat, or came online or went offline (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Someone's presence, in one of CodeChat Go's two forms, read from its keys: `chatJid` →
/// in a chat (whatsmeow's `ChatPresence`); `type` = `presence` → online or offline
/// (whatsmeow's `Presence`). Another value is kept raw in [`PresenceUpdated::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum PresenceUpdated {
    /// Typing or recording in a chat, or stopped.
    #[shape(has("chatJid"))]
    Chat(ChatPresence),
    /// Came online or went offline.
    #[shape(equals("type", "presence"))]
    User(UserPresence),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// CodeChat Go: someone is typing or recording in a chat, or stopped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatPresence {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// `text` (typing) or `audio` (recording); `""` when stopped.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media: Maybe<String>,
    /// Who.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_jid: Maybe<Jid>,
    /// `composing` or `paused`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub state: Maybe<ChatPresenceState>,
}

open_enum! {
    /// Whether someone is composing in a chat (whatsmeow's `ChatPresence`).
    pub enum ChatPresenceState {
        /// Typing or recording.
        Composing = "composing",
        /// Stopped.
        Paused = "paused",
    }
}

/// CodeChat Go: someone came online or went offline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserPresence {
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Who.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
    /// Last seen, when they share it (a string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_seen: Maybe<Timestamp>,
    /// Always `presence`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `true`: offline; `false`: online.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unavailable: Maybe<bool>,
}
