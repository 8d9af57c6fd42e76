//! `call.upsert`: a call's state changed (open source).

use chat_events_core::{Maybe, Num, Timestamp, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A call's state changed (Baileys' `WACallEvent`; one POST per call).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Call {
    /// The caller's phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caller_pn: Maybe<String>,
    /// The chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chat_id: Maybe<String>,
    /// When (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date: Maybe<Timestamp>,
    /// The caller.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from: Maybe<String>,
    /// The group, for group calls.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_jid: Maybe<String>,
    /// Call id.
    pub id: String,
    /// Whether it is a group call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_group: Maybe<bool>,
    /// Whether it is a video call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_video: Maybe<bool>,
    /// Latency in milliseconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub latency_ms: Maybe<Num<i64>>,
    /// Whether it was received while offline.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub offline: Maybe<bool>,
    /// The call's state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<CallStatus>,
}

open_enum! {
    /// A call's state.
    pub enum CallStatus {
        /// Accepted.
        Accept = "accept",
        /// Offered (ringing on the other side).
        Offer = "offer",
        /// About to be accepted.
        Preaccept = "preaccept",
        /// Rejected.
        Reject = "reject",
        /// Relay latency report.
        Relaylatency = "relaylatency",
        /// Ringing.
        Ringing = "ringing",
        /// Ended.
        Terminate = "terminate",
        /// Not answered in time.
        Timeout = "timeout",
        /// Transport negotiation.
        Transport = "transport",
    }
}
