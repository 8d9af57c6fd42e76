//! `conversation.unread_count_changed`: the account's unread conversation counts changed.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Sender;

/// The unread conversation counts of the account changed; refetch them over the REST API
/// (`GET …/conversations/unread_counts`). A signal only: the server broadcasts `{}`, to which
/// the broadcaster adds the account (recent servers with the `conversation_unread_counts`
/// feature; sent to the inbox's agents and the administrators).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConversationUnreadCountChanged {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Who caused the change, when it was a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}
