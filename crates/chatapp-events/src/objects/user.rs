//! [`User`]: a messenger user (message author, group participant).

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A messenger user: the author of a message (`fromUser`, filled for groups) or a participant
/// added to or removed from a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct User {
    /// E-mail address, for e-mail chats.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<String>,
    /// The user's id in the messenger (a number for Telegram, a phone-like string for
    /// WhatsApp); `null` for system messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Phone number, digits only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone: Maybe<String>,
    /// Username in the messenger.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub username: Maybe<String>,
}
