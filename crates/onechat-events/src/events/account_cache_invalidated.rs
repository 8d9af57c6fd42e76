//! `account.cache_invalidated`: the account's cached labels, inboxes or teams changed.

use chat_events_core::{Id, Maybe, Num};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::objects::Sender;

/// Cached lists of the account (labels, inboxes, teams) changed; refetch those whose key
/// moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CacheInvalidated {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The new cache key of each list (`label`, `inbox`, `team`).
    ///
    /// Quirk: epoch seconds sent as strings (`"1736743600"`); `"0000000000"` when unset.
    pub cache_keys: BTreeMap<String, Num<i64>>,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}
