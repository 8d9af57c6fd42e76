//! `chatConversation`: a 24-hour conversation window opened (WhatsApp).

use chat_events_core::{Maybe, UnixSeconds};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// A 24-hour conversation window opened (WhatsApp).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatConversation {
    /// The chat.
    pub chat: Chat,
    /// The window.
    pub conversation: Conversation,
}

/// A WhatsApp conversation window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// When the window closes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_time: Maybe<UnixSeconds>,
    /// Conversation id.
    pub id: String,
    /// When the window opened.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub start_time: Maybe<UnixSeconds>,
    /// Who opened it, in WhatsApp's terms (`BIC`: business-initiated).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}
