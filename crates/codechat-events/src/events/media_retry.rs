//! `media.retry`: the phone answered a request to re-upload a message's media (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Num, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The phone answered a request to re-upload a message's media (whatsmeow's `MediaRetry`).
/// The ciphertext and IV are not passed on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MediaRetry {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// The phone's error code (`404`: the media is gone); left out when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error_code: Maybe<Num<i64>>,
    /// Whether the answer carried the encrypted result.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub has_ciphertext: Maybe<bool>,
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
}

impl MediaRetry {
    /// WhatsApp's message id, whichever key holds it (`keyId`, else `messageId`).
    pub fn message_id(&self) -> Option<&str> {
        self.key_id.as_deref().or(self.message_id.as_deref())
    }
}
