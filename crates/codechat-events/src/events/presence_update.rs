//! `presence.update`: someone is online, typing or recording.

use chat_events_core::{Maybe, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::Jid;
use crate::proto::Long;

/// Someone is online, typing or recording in a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Presence {
    /// Open source and Baileys: the chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Jid>,
    /// Cloud docs: the chat's JID. Quirk: the same value as `id`, under another key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
    /// Presence by participant JID (in groups, possibly `@lid`).
    pub presences: BTreeMap<Jid, PresenceEntry>,
}

impl Presence {
    /// The chat's JID, whichever key carried it.
    pub fn chat_jid(&self) -> Option<&Jid> {
        self.id.get().or_else(|| self.jid.get())
    }
}

/// One participant's presence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PresenceEntry {
    /// What they are doing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_known_presence: Maybe<PresenceState>,
    /// Last seen (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_seen: Maybe<Long>,
}

open_enum! {
    /// What a participant is doing.
    pub enum PresenceState {
        /// Online.
        Available = "available",
        /// Typing.
        Composing = "composing",
        /// Stopped typing.
        Paused = "paused",
        /// Recording audio.
        Recording = "recording",
        /// Offline.
        Unavailable = "unavailable",
    }
}
