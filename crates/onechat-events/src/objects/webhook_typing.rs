//! [`WebhookTyping`]: who is typing, as the `conversation_typing_on` and
//! `conversation_typing_off` webhooks send it.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Conversation, WebhookSender};

/// Someone started or stopped typing in a conversation (the webhook form of
/// [`Typing`](crate::objects::Typing)): the typer as webhook data and the conversation as
/// its webhook data, with no account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WebhookTyping {
    /// The conversation (push data without `account_id`).
    pub conversation: Box<Conversation>,
    /// The webhook's event name (`conversation_typing_on`, `conversation_typing_off`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// Whether an agent is typing a private note (`false` unless one is).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_private: Maybe<bool>,
    /// Who is typing: a user (agent) or a contact.
    pub user: WebhookSender,
}
