//! `chatResponsiblePin`: the responsible employee of a chat was pinned or unpinned.

use chat_events_core::unstable::open_enum;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// The responsible employee of a chat was pinned or unpinned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatResponsiblePin {
    /// The chat.
    pub chat: Chat,
    /// Pinned or unpinned.
    #[serde(rename = "type")]
    pub kind: PinAction,
}

open_enum! {
    /// Whether the responsible employee was pinned.
    pub enum PinAction {
        /// Pinned.
        Pin = "pin",
        /// Unpinned.
        Unpin = "unpin",
    }
}
