//! `chatProcess`: a chat's processing state was set or cleared.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, ChatProcess, FromApp, IdRef};

/// A chat's processing state was set or cleared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatProcessChange {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new state; `null` when it was cleared.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub process: Maybe<ChatProcess>,
}
