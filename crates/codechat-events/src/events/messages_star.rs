//! `messages.star`: a message was starred or unstarred (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A message was starred or unstarred (whatsmeow's `Star`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageStar {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether it came from a full sync.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_full_sync: Maybe<bool>,
    /// Whether this account sent the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// WhatsApp's message id, since CodeChat Go's commit efd6e74 (2026-07-22); see
    /// [`message_id()`](Self::message_id()) for either key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// WhatsApp's message id, before CodeChat Go's commit efd6e74 (the docs' form; renamed
    /// `keyId` since).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// The sender's JID; left out when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_jid: Maybe<Jid>,
    /// `true`: starred; `false`: unstarred.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub starred: Maybe<bool>,
}

impl MessageStar {
    /// WhatsApp's message id, whichever key holds it (`keyId`, else `messageId`).
    pub fn message_id(&self) -> Option<&str> {
        self.key_id.as_deref().or(self.message_id.as_deref())
    }
}
