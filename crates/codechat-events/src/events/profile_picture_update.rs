//! `profile.picture.update`: a profile or group picture changed (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The instance's, a contact's or a group's picture changed (whatsmeow's `Picture`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ProfilePictureUpdate {
    /// Who changed it (groups); left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author: Maybe<Jid>,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether `jid` is a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_group: Maybe<bool>,
    /// Whose picture.
    pub jid: Jid,
    /// The new picture's id; left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub picture_id: Maybe<String>,
    /// Whether the picture was removed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remove: Maybe<bool>,
}
