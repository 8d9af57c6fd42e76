//! `app.state`: an app-state change synced from the phone (CodeChat v3, 2024).

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::proto::Long;

/// An app-state change synced from the phone (CodeChat v3's whatsmeow `AppState`): the
/// change's index and its action. Quirk: the action sits under a key built from the
/// index's first entry, lower-cased, plus `action` (`contact` → `contactaction`); the
/// actions seen are typed here, others show up as drift.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AppState {
    /// `contact`: a contact was saved or renamed in the phone's address book.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contactaction: Maybe<ContactAction>,
    /// The change's index: the action's name, then its target (`["contact", jid]`).
    pub index: Vec<String>,
    /// When (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Long>,
    /// `userStatusMute`: someone's status updates were muted or unmuted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub userstatusmuteaction: Maybe<UserStatusMuteAction>,
}

impl AppState {
    /// The action's name: the index's first entry (`contact`, `userStatusMute`).
    pub fn action(&self) -> Option<&str> {
        self.index.first().map(String::as_str)
    }
}

/// A contact saved in the phone's address book (proto `SyncActionValue.ContactAction`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactAction {
    /// First name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_name: Maybe<String>,
    /// Full name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub full_name: Maybe<String>,
    /// The contact's LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub lid_jid: Maybe<Jid>,
    /// Whether it is saved in the phone's address book.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub save_on_primary_addressbook: Maybe<bool>,
}

/// Someone's status updates muted or unmuted (proto `SyncActionValue.UserStatusMuteAction`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct UserStatusMuteAction {
    /// Whether they are muted now.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub muted: Maybe<bool>,
}
