//! `chatStatus`: a chat was opened or closed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, ChatStatus};

/// A chat was opened or closed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatStatusChange {
    /// The chat.
    pub chat: Chat,
    /// The new status.
    #[serde(rename = "type")]
    pub kind: ChatStatus,
}
