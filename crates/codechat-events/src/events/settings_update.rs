//! `settings.update`: a setting of the account changed (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A setting of the account changed (whatsmeow's `PushNameSetting`, `UserStatusMute`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SettingsUpdate {
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether it came from a full sync.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_full_sync: Maybe<bool>,
    /// `user.status.mute`: whose status updates.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
    /// What changed.
    #[serde(rename = "type")]
    pub kind: SettingKind,
    /// `user.status.mute`: whether they are muted now.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub muted: Maybe<bool>,
    /// `push.name`: the account's new display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

open_enum! {
    /// Which setting changed.
    pub enum SettingKind {
        /// The account's display name.
        PushName = "push.name",
        /// Muting someone's status updates.
        UserStatusMute = "user.status.mute",
    }
}
