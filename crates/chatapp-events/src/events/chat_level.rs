//! `chatLevel`: a chat's level was set.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, FromApp, IdRef};

/// A chat's level was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatLevel {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new level.
    pub level: IdRef,
}
