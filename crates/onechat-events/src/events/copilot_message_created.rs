//! `copilot.message.created`: Copilot wrote a message in the subscribed user's thread (enterprise edition, recent servers).

use chat_events_core::{Id, Maybe, Timestamp, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::User;

/// A message in a Copilot thread of the subscribed user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CopilotMessage {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The thread.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub copilot_thread: Maybe<CopilotThread>,
    /// Created.
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
