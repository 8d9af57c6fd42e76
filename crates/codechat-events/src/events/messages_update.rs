//! `messages.update` (alias `message.update`): a message's status changed, or it was edited or revoked.

use chat_events_core::{Id, Maybe, Shape, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::{CloudHeader, CloudUpdateInstance, MessageKey, MessageStatus},
    proto::Long,
};

/// A message's status changed, or it was edited, revoked or voted on. The shape is read from
/// the data's keys: `update` means the cloud docs' form.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum MessageUpdate {
    /// The cloud docs' `{update: {status, header | key, dateTime}}`.
    #[shape(has("update"))]
    Cloud(Box<CloudMessageUpdate>),
    /// The open-source and Evolution form: Baileys' key spread, plus status and time.
    #[shape(object)]
    Key(Box<KeyMessageUpdate>),
}

impl MessageUpdate {
    /// The new status, whatever the shape (`None` for edits, revokes and votes in the
    /// open-source form).
    pub fn status(&self) -> Option<&MessageStatus> {
        match self {
            Self::Cloud(cloud) => cloud.update.status.get(),
            Self::Key(key) => key.status.get(),
        }
    }
}

/// The cloud docs' message update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudMessageUpdate {
    /// Old docs: the instance, inside the data.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<CloudUpdateInstance>,
    /// The update.
    pub update: CloudUpdate,
}

/// What changed, in the cloud docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdate {
    /// When (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Long>,
    /// Which message (webhook map form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub header: Maybe<CloudHeader>,
    /// Which message (old README form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The new status. Quirk: the docs spell delivery `DELIVERY_AT`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}

/// The open-source and Evolution message update: the message's key fields, the status and
/// the time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeyMessageUpdate {
    /// `pn` or `lid` (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<String>,
    /// Open source v1.3: when (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Open source ≤ v1.2: when, in **milliseconds** (note the lowercase key).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub datetime: Maybe<Long>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The instance's id (an integer in open source, a UUID in Evolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// View-once flag (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_view_once: Maybe<bool>,
    /// Evolution: message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// Evolution: its own message id (a cuid).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Open source ≤ v1.2: the instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
    /// Group sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<String>,
    /// Group sender's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_alt: Maybe<String>,
    /// Group sender's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_username: Maybe<String>,
    /// Evolution: poll votes (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_updates: Maybe<serde_json::Value>,
    /// The chat (may be `@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<String>,
    /// The chat's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_alt: Maybe<String>,
    /// The chat's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_username: Maybe<String>,
    /// Server id (newsletters).
    #[serde(
        default,
        rename = "server_id",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub server_id: Maybe<String>,
    /// The new status; absent for edits, revokes and poll votes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}
