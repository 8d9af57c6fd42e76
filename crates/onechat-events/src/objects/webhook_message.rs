//! [`WebhookMessage`]: a message as the `message_created` and `message_updated` webhooks
//! send it.

use chat_events_core::{Id, Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{
    Account, Attachment, Attributes, ContentAttributes, ContentType, Conversation, Inbox,
    WebhookSender,
};

/// A message as Chatwoot's webhooks send it (`Message#webhook_data`): the body of
/// `message_created` and `message_updated`, for account webhooks, API inboxes and agent
/// bots.
///
/// Quirks: not the push data of `message.created`. `message_type` is a name
/// (`"incoming"`), not an integer, and `created_at` is ISO-8601; the conversation inside
/// is push data, whose last message has the integer and epoch forms again. The account and
/// inbox come as `{id, name}` objects, and the sender as its webhook data
/// ([`WebhookSender`]), `null` when there is none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WebhookMessage {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account: Maybe<Account>,
    /// Free-form attributes (`campaign_id`, WhatsApp `template_params`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub additional_attributes: Maybe<Attributes>,
    /// Attachments, as the push data renders them; the key is absent when there are none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub attachments: Maybe<Vec<Maybe<Attachment>>>,
    /// The text; `null` for attachment-only messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<String>,
    /// Structured content, by `content_type`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_attributes: Maybe<Box<ContentAttributes>>,
    /// Kind of content; `null` in the API channel documentation's example.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_type: Maybe<ContentType>,
    /// The conversation, as push data without `account_id`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation: Maybe<Box<Conversation>>,
    /// Created (ISO-8601, `"2021-07-23T18:02:48.000Z"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// The webhook's event name (`message_created`, `message_updated`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// Message id.
    pub id: Id,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox: Maybe<Inbox>,
    /// Incoming, outgoing, activity or template, by name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<WebhookMessageType>,
    /// Whether it is a private note.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub private: Maybe<bool>,
    /// The author; `null` when there is none (template and system messages; an API-channel
    /// body of 2022).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender: Maybe<WebhookSender>,
    /// The message's id in the channel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
}

open_enum! {
    /// Direction and role of a message, by name, as webhooks send it (Action Cable sends
    /// the integer, [`MessageType`](crate::objects::MessageType)).
    pub enum WebhookMessageType {
        /// An activity line ("Conversation was resolved").
        Activity = "activity",
        /// From the contact.
        Incoming = "incoming",
        /// From an agent or bot.
        Outgoing = "outgoing",
        /// A template (a bot's form, a CSAT survey).
        Template = "template",
    }
}
