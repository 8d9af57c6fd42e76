//! `messageStatus`: a sent message was delivered, read, or failed.

use chat_events_core::{Id, Maybe, UnixSeconds, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, ErrorInfo, FromApp};

/// A new status of a sent message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageStatus {
    /// The chat (id and contact fields).
    pub chat: Chat,
    /// Why delivery failed (`failed` only; `null` or absent otherwise).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error: Maybe<ErrorInfo>,
    /// The app the message was sent from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The message's id in the messenger.
    pub id: Id,
    /// When the status changed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
    /// The new status.
    #[serde(rename = "type")]
    pub kind: MessageStatusType,
}

open_enum! {
    /// Delivery status of a sent message.
    pub enum MessageStatusType {
        /// The message reached the contact's device.
        Delivered = "delivered",
        /// Delivery failed; see `error`.
        Failed = "failed",
        /// The messenger accepted the message.
        Sent = "sent",
        /// The contact read the message.
        Viewed = "viewed",
    }
}
