//! Pinning a message, and keeping a disappearing one.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{KeepType, MessageKey, PinInChatType},
    proto::{Long, ProtoEnum},
};

/// Pins or unpins a message.
///
/// WAProto: `Message.PinInChatMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PinInChatMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 3: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `type` = 2.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<PinInChatType>>,
}

/// Keeps a disappearing message (or undoes it).
///
/// WAProto: `Message.KeepInChatMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeepInChatMessage {
    /// `keepType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub keep_type: Maybe<ProtoEnum<KeepType>>,
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `timestampMs` = 3: when (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp_ms: Maybe<Long>,
}
