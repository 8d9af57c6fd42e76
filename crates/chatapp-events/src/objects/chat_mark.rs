//! [`ChatMark`]: a chat marked read or unread (`chatRead`, `chatUnread`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// A chat was marked read (`chatRead`) or unread (`chatUnread`); the event name says which.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatMark {
    /// The chat.
    pub chat: Chat,
}
