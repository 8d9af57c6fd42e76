//! Events (a date, a place, a call link) and the encrypted answers to them.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{ContextInfo, LocationMessage, MessageKey},
    proto::{Bytes, Long},
};

/// An event (a date, a place, a call link).
///
/// WAProto: `Message.EventMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EventMessage {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `description` = 4: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `endTime` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_time: Maybe<Long>,
    /// `extraGuestsAllowed` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub extra_guests_allowed: Maybe<bool>,
    /// `hasReminder` = 11.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub has_reminder: Maybe<bool>,
    /// `isCanceled` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_canceled: Maybe<bool>,
    /// `isScheduleCall` = 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_schedule_call: Maybe<bool>,
    /// `joinLink` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub join_link: Maybe<String>,
    /// `location` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub location: Maybe<LocationMessage>,
    /// `name` = 3: name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `reminderOffsetSec` = 12.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reminder_offset_sec: Maybe<Long>,
    /// `startTime` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub start_time: Maybe<Long>,
}

/// An encrypted answer to an event.
///
/// WAProto: `Message.EncEventResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncEventResponseMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `eventCreationMessageKey` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_creation_message_key: Maybe<MessageKey>,
}
