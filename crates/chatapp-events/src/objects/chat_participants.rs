//! [`ChatParticipants`]: people who joined or left a group (`chatParticipantAdd`, `chatParticipantDestroy`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, User};

/// Participants added to or removed from a group chat; the event name says which.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatParticipants {
    /// The group.
    ///
    /// Quirk: a Telegram group's id is a JSON number (`-1002224731326`).
    pub chat: Chat,
    /// The participants added or removed.
    pub participants: Vec<User>,
}
