//! `chatRename`: a chat was renamed (newer docs).

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// A chat was renamed (newer docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatRename {
    /// The chat.
    pub chat: Chat,
    /// The new name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}
