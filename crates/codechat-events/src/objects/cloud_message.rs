//! The cloud product's messages (2022 docs): `{header, body, context}` and the status update's instance.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::{Device, MessageContent, MessageType},
    proto::{Content, Long},
};

/// The cloud docs' message (`new.message`, `status.broadcast`, `messages.set`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudMessage {
    /// What was sent.
    pub body: CloudBody,
    /// Where and when.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context: Maybe<CloudContext>,
    /// Who and which.
    pub header: CloudHeader,
}

/// The cloud message's identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudHeader {
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Sender in a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Jid>,
    /// Sender's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The chat's JID (`status@broadcast` for status posts).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<Jid>,
}

/// The cloud message's content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudBody {
    /// Media caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// The message: the text itself for `conversation`, an object otherwise.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Content<MessageContent>>,
    /// Kind of message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Media MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// Media size.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub size: Maybe<MediaSize>,
}

/// Media dimensions, with the cloud docs' misspelled keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MediaSize {
    /// Height. Quirk: the key is spelled `heigth`.
    #[serde(default, rename = "heigth", skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<serde_json::Number>,
    /// Width. Quirk: the key is spelled `with`.
    #[serde(default, rename = "with", skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<serde_json::Number>,
}

/// Where and when a cloud message was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudContext {
    /// Whether the chat is a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_group: Maybe<bool>,
    /// Seconds since the epoch.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// The sender's device.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_device: Maybe<Device>,
}

/// The instance inside an old cloud message update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdateInstance {
    /// The connected number's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub my_wuid: Maybe<Jid>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}
