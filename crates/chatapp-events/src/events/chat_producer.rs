//! `chatProducer`: a producer was set for a chat.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, FromApp, IdRef};

/// A producer was set for a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatProducer {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new producer.
    pub producer: IdRef,
}
