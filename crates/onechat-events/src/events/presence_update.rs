//! `presence.update`: who is online in the account.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Availability, PresenceMap};

/// Who is online in an account, sent to the subscriber after it subscribes and after each
/// `update_presence` it sends (never pushed for other people's changes).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Presence {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Contacts seen within the presence window, always `"online"`. The key is absent in
    /// the copy a contact receives.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contacts: Maybe<PresenceMap>,
    /// Users seen within the presence window, plus every user who never goes offline
    /// automatically, with their availability. Keys are user ids as strings (`"7"`).
    pub users: PresenceMap,
}

impl Presence {
    /// The availability of the user `id`, if listed.
    pub fn user(&self, id: i64) -> Option<&Availability> {
        self.users.get(&id.to_string())
    }

    /// Whether the contact `id` is listed as online.
    pub fn contact_online(&self, id: i64) -> bool {
        self.contacts
            .get()
            .is_some_and(|contacts| contacts.get(&id.to_string()) == Some(&Availability::Online))
    }
}
