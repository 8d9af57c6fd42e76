//! `messages.star`: a message was starred or unstarred (CodeChat Go).

use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A message was starred or unstarred (whatsmeow's `Star`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageStar {
    /// The chat's JID.
    pub chat_jid: String,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether it came from a full sync.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_full_sync: Maybe<bool>,
    /// Whether this account sent the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// WhatsApp's message id.
    pub message_id: String,
    /// The sender's JID; left out when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_jid: Maybe<String>,
    /// `true`: starred; `false`: unstarred.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub starred: Maybe<bool>,
}
