//! `identity.update`: a contact's encryption identity changed (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A contact's encryption identity changed (whatsmeow's `IdentityChange`): the "security code
/// changed" notice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct IdentityUpdate {
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Whether whatsmeow inferred the change (from an untrusted-identity error) rather than
    /// being told of it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub implicit: Maybe<bool>,
    /// The contact's JID.
    pub jid: Jid,
}
