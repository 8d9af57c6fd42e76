//! `copilot.message.created`: Copilot wrote a message in the subscribed user's thread
//! (enterprise edition, recent servers).

use chat_events_core::{Id, Maybe, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Sender, User};

/// A message in a Copilot thread of the subscribed user, in one of two generations, told
/// apart by their keys (tried in this order):
///
/// - [`Threaded`](Self::Threaded): what the server's `CopilotMessage#push_event_data` sends,
///   the content nested under `message` and the thread beside it (has `message` or
///   `copilot_thread`);
/// - [`Flat`](Self::Flat): what Chatwoot's dashboard is tested with, the content at the top
///   level, tied to a conversation (has `content` or `conversation_id`).
///
/// Anything else is kept raw in [`Other`](Self::Other), never guessed.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum CopilotMessage {
    /// The server's shape: `{id, message: {content…}, message_type, created_at, copilot_thread}`.
    #[shape(has("message"))]
    #[shape(has("copilot_thread"))]
    Threaded(Box<ThreadedCopilotMessage>),
    /// The dashboard spec's shape: `{id, content, conversation_id, created_at, account_id}`.
    #[shape(has("content"))]
    #[shape(has("conversation_id"))]
    Flat(Box<FlatCopilotMessage>),
    /// A shape this version does not know, kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl CopilotMessage {
    /// The message id, whatever the shape.
    pub fn id(&self) -> Option<&Id> {
        match self {
            Self::Threaded(message) => Some(&message.id),
            Self::Flat(message) => Some(&message.id),
            Self::Other(_) => None,
        }
    }

    /// The text, whatever the shape.
    ///
    /// ```
    /// use onechat_events::{Event, events::CopilotMessage};
    ///
    /// let flat = br#"{"event":"copilot.message.created","data":{"id":2,"content":"Hi","conversation_id":456,"created_at":"2025-05-27T15:58:04-06:00","account_id":1}}"#;
    /// let event = Event::decode(flat).unwrap();
    /// let Event::CopilotMessageCreated(created) = event.event() else { panic!() };
    /// let CopilotMessage::Flat(message) = &created.data else { panic!() };
    /// assert_eq!(message.content.as_deref(), Some("Hi"));
    /// assert_eq!(created.data.content(), Some("Hi"));
    /// assert_eq!(message.created_at.get().and_then(|t| t.unix_seconds()), Some(1_748_383_084.0));
    /// ```
    pub fn content(&self) -> Option<&str> {
        match self {
            Self::Threaded(message) => message
                .message
                .get()
                .and_then(|content| content.content.as_deref()),
            Self::Flat(message) => message.content.as_deref(),
            Self::Other(_) => None,
        }
    }

    /// The account, whatever the shape.
    pub fn account_id(&self) -> Option<&Id> {
        match self {
            Self::Threaded(message) => message.account_id.get(),
            Self::Flat(message) => message.account_id.get(),
            Self::Other(_) => None,
        }
    }

    /// Who caused the event, when a signed-in user did (the user writing in the thread).
    pub fn performer(&self) -> Option<&Sender> {
        match self {
            Self::Threaded(message) => message.performer.get(),
            Self::Flat(message) => message.performer.get(),
            Self::Other(_) => None,
        }
    }
}

/// A Copilot message as the server pushes it (`CopilotMessage#push_event_data`, enterprise
/// edition since 2025-05).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ThreadedCopilotMessage {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The thread.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub copilot_thread: Maybe<CopilotThread>,
    /// Created (epoch seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Message id.
    pub id: Id,
    /// The content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<CopilotContent>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<CopilotMessageType>,
    /// Who caused the event, when it was created in a signed-in user's request.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}

/// A Copilot message in the flat shape Chatwoot's dashboard is tested with
/// (`actionCable.spec.js`, 2025-05): the text at the top level and the conversation it is
/// about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct FlatCopilotMessage {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<String>,
    /// The conversation the thread is about.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation_id: Maybe<Id>,
    /// Created.
    ///
    /// Quirk: ISO-8601 with a numeric offset (`"2025-05-27T15:58:04-06:00"`), where the
    /// threaded shape sends epoch seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Message id.
    pub id: Id,
    /// Who caused the event, when it was created in a signed-in user's request.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}

/// The content of a Copilot message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CopilotContent {
    /// The text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<String>,
    /// The tool the assistant called.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub function_name: Maybe<String>,
    /// The assistant's reasoning.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reasoning: Maybe<String>,
    /// Whether it is a reply suggestion.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reply_suggestion: Maybe<bool>,
}

/// A Copilot thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CopilotThread {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Thread id.
    pub id: Id,
    /// Title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// Its user.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub user: Maybe<User>,
}

open_enum! {
    /// Who wrote a Copilot message.
    pub enum CopilotMessageType {
        /// The assistant.
        Assistant = "assistant",
        /// The assistant, thinking aloud.
        AssistantThinking = "assistant_thinking",
        /// The user.
        User = "user",
    }
}
