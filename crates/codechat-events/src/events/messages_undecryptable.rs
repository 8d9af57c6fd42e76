//! `messages.undecryptable`: a message arrived that could not be decrypted (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A message arrived that could not be decrypted (whatsmeow's `UndecryptableMessage`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UndecryptableMessage {
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// How WhatsApp asks to show the failure: `hide`; left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub decrypt_fail_mode: Maybe<DecryptFailMode>,
    /// Whether the content was marked unavailable (not a decryption error).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_unavailable: Maybe<bool>,
    /// Whether this account sent the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_from_me: Maybe<bool>,
    /// WhatsApp's message id. Quirk: named `keyId` here, `messageId` in CodeChat Go's other
    /// message events.
    pub key_id: String,
    /// The sender's JID; left out when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_jid: Maybe<Jid>,
    /// Why it is unavailable: `view_once`; left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unavailable_type: Maybe<UnavailableType>,
}

open_enum! {
    /// How WhatsApp asks to show a message that could not be decrypted.
    pub enum DecryptFailMode {
        /// Hide it.
        Hide = "hide",
    }
}

open_enum! {
    /// Why a message's content is unavailable.
    pub enum UnavailableType {
        /// A view-once message, only viewable on the phone.
        ViewOnce = "view_once",
    }
}
