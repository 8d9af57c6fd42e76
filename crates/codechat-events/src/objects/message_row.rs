//! The message row of the open-source server (v1.3: `keyId`, `keyRemoteJid`, `content`…) and
//! of CodeChat Go, which keeps its keys.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::{Device, MessageContent, MessageType},
    proto::{Content, Long},
};

/// The open-source v1.3 message row (`messages.upsert`, `messages.set`, `send.message`), and
/// CodeChat Go's (`messages.upsert`, `send.message`: the same keys, every one present and
/// `null` when not known, plus `metadata`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRow {
    /// The message: an object, or the bare text (`conversation` in `messages.set`, and in
    /// `messages.upsert` before v1.3.1.57).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<Content<MessageContent>>,
    /// The sender's device (CodeChat Go: `null` when not inferred).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device: Maybe<Device>,
    /// `send.message`: attributes the sender attached (any JSON).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Value>,
    /// Database id (an integer), when saved; always there in CodeChat Go.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// `notify` for new messages, `append` for history and own-device messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub info: Maybe<MessageInfo>,
    /// The instance's database id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Whether the chat is a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_group: Maybe<bool>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// WhatsApp's message id. Quirk: missing from CodeChat Go's `send.message` example and
    /// from its docs' `messages.upsert` example of 2026-07-13, although its field list
    /// requires it; named `messageId` for a day (see [`message_id`](Self::message_id)).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// The chat's LID (`…@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_lid: Maybe<Jid>,
    /// Group sender's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_participant: Maybe<Jid>,
    /// Group sender's LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_participant_lid: Maybe<Jid>,
    /// The chat's JID. Quirk: missing when only a LID is known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_remote_jid: Maybe<Jid>,
    /// Where to download the media (v1.3.6.163+).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media: Maybe<MediaPath>,
    /// CodeChat Go, 2026-07-21 (its commit 8895b56, until efd6e74 renamed it `keyId` the
    /// next day): WhatsApp's message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// CodeChat Go: more about the message, normalized by the server (an object, or
    /// `null`; its keys are not documented).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub metadata: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Seconds since the epoch; `0` when unknown.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// Kind of message: the proto field name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Sender's display name (may be the number).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
}

/// How a message reached the instance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageInfo {
    /// `notify` or `append`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// Where a message's media can be downloaded from the CodeChat server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MediaPath {
    /// `/chat/public/<kind>/download?q=…`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub path: Maybe<String>,
}
