//! `chatConsentSendMessage`: a chat's consent to receive messages was set.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, ConsentSendMessage, FromApp, IdRef};

/// A chat's consent to receive messages was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatConsentSendMessage {
    /// The chat.
    pub chat: Chat,
    /// The new consent; `null` when it was cleared.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub consent_send_message: Maybe<ConsentSendMessage>,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
}
