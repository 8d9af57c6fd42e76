//! `messages.delete` (alias `message.delete`): messages were deleted (cloud).

use chat_events_core::{Maybe, Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Messages were deleted (`messages.delete`, alias `message.delete`, cloud docs): a list of
/// messages, or a whole chat. Told apart by the JSON type.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum MessagesDelete {
    /// These messages were deleted.
    #[shape(array)]
    Messages(Vec<DeletedMessage>),
    /// A whole chat was cleared (`{wuid, all: true}`).
    #[shape(object)]
    Chat(ClearedChat),
}

/// A deleted message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeletedMessage {
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

/// A cleared chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ClearedChat {
    /// `true`: every message of the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub all: Maybe<bool>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}
