//! `account.cache_invalidated`: the account's cached labels, inboxes, teams or canned
//! responses changed.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Sender;

/// Cached lists of the account (labels, inboxes, teams, canned responses) changed; refetch
/// those whose key moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AccountCacheInvalidated {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The new cache key of each list.
    pub cache_keys: CacheKeys,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}

/// The cache key of each cached list of an account.
///
/// Quirk: the keys are opaque strings. Chatwoot's server writes epoch seconds as text
/// (`"1736743600"`, `"0000000000"` when unset), but the dashboard only compares a key with
/// the one it stored, and its own tests send words (`"label-key"`); compare them, do not
/// parse them. Every key is optional: a server sends the lists it caches, and a fork's spec
/// sends `{}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CacheKeys {
    /// Canned responses (recent servers).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub canned_response: Maybe<String>,
    /// Inboxes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox: Maybe<String>,
    /// Labels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label: Maybe<String>,
    /// Teams.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub team: Maybe<String>,
}
