//! Messages that wrap or announce other messages: future-proof wrappers, messages sent from
//! one's other devices, albums.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::objects::baileys::{ContextInfo, Message};

/// A wrapper around a full message (`ephemeralMessage`, `viewOnceMessage`, `viewOnceMessageV2`,
/// `viewOnceMessageV2Extension`, `documentWithCaptionMessage`, `editedMessage`…).
///
/// WAProto: `Message.FutureProofMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FutureProofMessage {
    /// `message` = 1: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
}

/// Announces an album (its media follow as messages of their own).
///
/// WAProto: `Message.AlbumMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AlbumMessage {
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `expectedImageCount` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expected_image_count: Maybe<u32>,
    /// `expectedVideoCount` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expected_video_count: Maybe<u32>,
}

/// A message sent from another of one's own devices.
///
/// WAProto: `Message.DeviceSentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceSentMessage {
    /// `destinationJid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub destination_jid: Maybe<Jid>,
    /// `message` = 2: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `phash` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phash: Maybe<String>,
}
