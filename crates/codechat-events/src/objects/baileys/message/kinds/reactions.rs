//! Reactions and comments on another message (plain and encrypted).

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{Message, MessageKey},
    proto::{Bytes, Long},
};

/// A reaction to a message (an emoji; empty text removes it).
///
/// WAProto: `Message.ReactionMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReactionMessage {
    /// `groupingKey` = 3: grouping key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub grouping_key: Maybe<String>,
    /// `key` = 1: the message reacted to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 4: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `text` = 2: the emoji (empty: reaction removed).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// An encrypted reaction (channels, communities).
///
/// WAProto: `Message.EncReactionMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncReactionMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `targetMessageKey` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}

/// A comment on a message.
///
/// WAProto: `Message.CommentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentMessage {
    /// `message` = 1: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `targetMessageKey` = 2: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}

/// An encrypted comment.
///
/// WAProto: `Message.EncCommentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncCommentMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `targetMessageKey` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}
