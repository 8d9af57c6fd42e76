//! `load.instance`: the instance was loaded and connected (the 2022 cloud docs).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The instance was loaded and connected (the 2022 cloud README).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LoadInstance {
    /// When the instance was created. Quirk: the key is spelled `createAt`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub create_at: Maybe<Timestamp>,
    /// Whether the account is a WhatsApp Business one.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_business: Maybe<bool>,
    /// The proxy the instance connects through, or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub proxy: Maybe<String>,
    /// The account's profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The account's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub user_name: Maybe<String>,
    /// The account's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<Jid>,
}
