//! `user.about.update`: someone's "about" text changed (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Someone's "about" text changed (whatsmeow's `UserAbout`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserAboutUpdate {
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// The user's JID.
    pub jid: Jid,
    /// The new text. Quirk: under `status`, WhatsApp's old name for "about".
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<String>,
}
