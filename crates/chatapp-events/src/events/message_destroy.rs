//! `messageDestroy`: a message was deleted.

use chat_events_core::{Id, Maybe, UnixSeconds};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// A deleted message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageDestroy {
    /// The chat.
    pub chat: Chat,
    /// The deleted message's id in the messenger.
    pub id: Id,
    /// When it was deleted (newer docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
}
