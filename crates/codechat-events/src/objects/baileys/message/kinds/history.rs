//! Shared message history: its notice, what it holds, the bundle on the CDN.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::ContextInfo,
    proto::{Bytes, Long},
};

/// A notice of shared message history.
///
/// WAProto: `Message.MessageHistoryNotice`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryNotice {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `messageHistoryMetadata` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_history_metadata: Maybe<MessageHistoryMetadata>,
}

/// What shared message history holds.
///
/// WAProto: `Message.MessageHistoryMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryMetadata {
    /// `historyReceivers` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub history_receivers: Maybe<Vec<String>>,
    /// `messageCount` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_count: Maybe<Long>,
    /// `oldestMessageTimestamp` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub oldest_message_timestamp: Maybe<Long>,
}

/// Shared message history, as a file on the CDN.
///
/// WAProto: `Message.MessageHistoryBundle`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryBundle {
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 5: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileEncSha256` = 4: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileSha256` = 2: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `mediaKey` = 3: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyTimestamp` = 6: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `messageHistoryMetadata` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_history_metadata: Maybe<MessageHistoryMetadata>,
    /// `mimetype` = 1: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
}
