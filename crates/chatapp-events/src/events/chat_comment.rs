//! `chatComment`: a chat's comment was set.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, FromApp, IdRef};

/// A chat's comment was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatComment {
    /// The chat.
    pub chat: Chat,
    /// The new comment; `null` when it was removed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub comment: Maybe<String>,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
}
