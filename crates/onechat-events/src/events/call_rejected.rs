//! `call.rejected`: the contact rejected a call (OneHash).

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The contact rejected a call; sent to the conversation's assignee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallRejected {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The room.
    pub room_id: String,
}
