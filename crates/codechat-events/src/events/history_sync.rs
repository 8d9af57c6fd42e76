//! `history.sync`: WhatsApp sent a chunk of the account's history (CodeChat Go).

use chat_events_core::{Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// WhatsApp sent a chunk of the account's history (whatsmeow's `HistorySync`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistorySync {
    /// What the chunk holds, as far as the server passes it on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data: Maybe<HistorySyncData>,
    /// When (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Always `history.sync`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// What a history chunk holds (from WhatsApp's `HistorySync` message).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistorySyncData {
    /// Which part of the history.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sync_type: Maybe<HistorySyncType>,
}

open_enum! {
    /// Which part of the history a chunk holds (proto `HistorySync.HistorySyncType`).
    pub enum HistorySyncType {
        /// Everything.
        Full = "FULL",
        /// The first chats after linking.
        InitialBootstrap = "INITIAL_BOOTSTRAP",
        /// Status updates, at linking.
        InitialStatusV3 = "INITIAL_STATUS_V3",
        /// Data that does not block the start.
        NonBlockingData = "NON_BLOCKING_DATA",
        /// History asked for on demand.
        OnDemand = "ON_DEMAND",
        /// Contacts' push names.
        PushName = "PUSH_NAME",
        /// Recent messages.
        Recent = "RECENT",
    }
}
