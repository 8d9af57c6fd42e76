//! Who is typing (`conversation.typing_on`, `conversation.typing_off`).

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Conversation, Sender};

/// Someone started or stopped typing in a conversation; the event name says which.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Typing {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The conversation.
    pub conversation: Box<Conversation>,
    /// Whether an agent is typing a private note. Absent before 2021-11; contacts receive
    /// the event even when it is `true`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_private: Maybe<bool>,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
    /// Who is typing: a user (agent) or a contact.
    pub user: Sender,
}
