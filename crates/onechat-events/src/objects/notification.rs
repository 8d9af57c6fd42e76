//! Notifications of the subscribed user (`notification.created`, `notification.updated`, `notification.deleted`).

use chat_events_core::{Id, Maybe, Num, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Attributes, Conversation, Message, Sender, User};

/// A notification of the subscribed user changed, with the user's counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct NotificationChange {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Unsnoozed, unread notifications.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub count: Maybe<Num<i64>>,
    /// The notification (only its `id` in `notification.deleted`).
    pub notification: Box<Notification>,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
    /// Unsnoozed, unread notifications (same as `count`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_count: Maybe<Num<i64>>,
}

/// A notification of a user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Notification {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Notification id.
    pub id: Id,
    /// Last activity.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_activity_at: Maybe<Timestamp>,
    /// Free-form details (`last_snoozed_at`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meta: Maybe<Attributes>,
    /// Why the user is notified.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub notification_type: Maybe<NotificationType>,
    /// The conversation, while it exists.
    ///
    /// Quirk: its `id` is the per-account display id, while `primary_actor_id` is the
    /// database id of the same conversation.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub primary_actor: Maybe<Box<Conversation>>,
    /// The conversation's database id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub primary_actor_id: Maybe<Id>,
    /// `"Conversation"`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub primary_actor_type: Maybe<String>,
    /// Push text (same as the title).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_message_body: Maybe<String>,
    /// Push title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_message_title: Maybe<String>,
    /// When it was read (ISO-8601); `null` while unread.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub read_at: Maybe<Timestamp>,
    /// What else it is about; `null` for assignments.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub secondary_actor: Maybe<SecondaryActor>,
    /// Snoozed until (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub snoozed_until: Maybe<Timestamp>,
    /// The notified user.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub user: Maybe<User>,
}

/// What else a notification is about: a user, an SLA policy (SLA misses) or a message
/// (mentions, new messages).
///
/// Only the user carries a `type`; the others are told apart by their keys
/// (`frt`/`nrt`/`rt` for an SLA policy, `message_type`/`content_type` for a message), tried
/// in this order. Anything else is kept raw.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum SecondaryActor {
    /// A user (`type: "user"`).
    #[shape(equals("type", "user"))]
    User(User),
    /// An SLA policy (has `frt`, `nrt` or `rt`).
    #[shape(has("frt"))]
    #[shape(has("nrt"))]
    #[shape(has("rt"))]
    SlaPolicy(SlaPolicy),
    /// A message (has `message_type` or `content_type`).
    #[shape(has("message_type"))]
    #[shape(has("content_type"))]
    Message(Box<Message>),
    /// Something else, kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// An SLA policy, as a notification's secondary actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SlaPolicy {
    /// First response threshold (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub frt: Maybe<serde_json::Number>,
    /// Policy id.
    pub id: Id,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Next response threshold (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub nrt: Maybe<serde_json::Number>,
    /// Resolution threshold (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub rt: Maybe<serde_json::Number>,
}

open_enum! {
    /// Why a user is notified.
    pub enum NotificationType {
        /// A new message in a conversation assigned to the user.
        AssignedConversationNewMessage = "assigned_conversation_new_message",
        /// A conversation was assigned to the user.
        ConversationAssignment = "conversation_assignment",
        /// A conversation was created.
        ConversationCreation = "conversation_creation",
        /// The user was mentioned.
        ConversationMention = "conversation_mention",
        /// A new message in a conversation the user takes part in.
        ParticipatingConversationNewMessage = "participating_conversation_new_message",
        /// The first response SLA was missed.
        SlaMissedFirstResponse = "sla_missed_first_response",
        /// The next response SLA was missed.
        SlaMissedNextResponse = "sla_missed_next_response",
        /// The resolution SLA was missed.
        SlaMissedResolution = "sla_missed_resolution",
    }
}
