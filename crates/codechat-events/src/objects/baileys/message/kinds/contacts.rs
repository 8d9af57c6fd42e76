//! Contacts and chats shared as messages, and the request for the user's phone number.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::objects::baileys::ContextInfo;

/// A contact card.
///
/// WAProto: `Message.ContactMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactMessage {
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `displayName` = 1: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// `vcard` = 16: the contact as a vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vcard: Maybe<String>,
}

/// Several contact cards.
///
/// WAProto: `Message.ContactsArrayMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactsArrayMessage {
    /// `contacts` = 2: the contact cards.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contacts: Maybe<Vec<ContactMessage>>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `displayName` = 1: display name of the set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
}

/// Asks for the user's phone number.
///
/// WAProto: `Message.RequestPhoneNumberMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestPhoneNumberMessage {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
}

/// A chat shared as a message (proto `Message.Chat`).
///
/// WAProto: `Message.Chat`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatMessage {
    /// `displayName` = 1: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// `id` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Jid>,
}
