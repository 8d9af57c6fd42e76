//! Calls: Baileys' call event (`call.upsert` of open source and CodeChat Go, Evolution's
//! `call`), and CodeChat Go's lifecycle events of a call the API places or answers
//! (`call.incoming`, `call.ringing`, `call.ready`, `call.ended`), whose data is the call
//! event's own envelope.

use crate::Jid;
use chat_events_core::{Id, Maybe, Num, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A call's lifecycle event. Quirk: it is a whole envelope of its own (`event`, `instance`
/// as a name, `instanceId`, `timestamp`) inside the webhook body's `data`; the events
/// WebSocket sends it the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallLifecycle {
    /// The call as it is now.
    pub call: CallSession,
    /// More about the event (empty for most).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data: Maybe<CallEventDetail>,
    /// The event's name again (`call.ringing`).
    pub event: String,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<String>,
    /// The instance's id (an integer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// The event's number in the call, increasing from 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sequence: Maybe<Num<i64>>,
    /// When it happened (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Timestamp>,
}

/// A call placed or received by the API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallSession {
    /// Who answered: `api`, `another_device`….
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub answered_by: Maybe<String>,
    /// Whether audio is on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub audio: Maybe<bool>,
    /// Incoming or outgoing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direction: Maybe<CallDirection>,
    /// Why it ended (`terminate`, `user_hangup`, `accepted_elsewhere`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_reason: Maybe<String>,
    /// Who ended it: `api`, `peer`, `another_device`….
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ended_by: Maybe<String>,
    /// The API's call id (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The other side's number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub peer: Maybe<String>,
    /// WhatsApp's call id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub provider_call_id: Maybe<String>,
    /// The call's state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<CallState>,
    /// Whether video is on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video: Maybe<bool>,
}

/// More about a call event (`call.ringing`, `call.ended`: `{reason, errorCode}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallEventDetail {
    /// An error code; `""` when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error_code: Maybe<String>,
    /// Why (`terminate`…); `""` when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reason: Maybe<String>,
}

open_enum! {
    /// Whether the API placed or received a call.
    pub enum CallDirection {
        /// Received.
        Incoming = "incoming",
        /// Placed.
        Outgoing = "outgoing",
    }
}

open_enum! {
    /// The state of a call the API placed or received.
    pub enum CallState {
        /// Media flows.
        Active = "ACTIVE",
        /// Another linked device answered.
        AnsweredElsewhere = "ANSWERED_ELSEWHERE",
        /// The peer was busy.
        Busy = "BUSY",
        /// Connecting the media.
        Connecting = "CONNECTING",
        /// Ended, confirmed.
        Ended = "ENDED",
        /// Ended without the peer's confirmation in time.
        EndedUnconfirmed = "ENDED_UNCONFIRMED",
        /// Ending.
        Ending = "ENDING",
        /// Failed.
        Failed = "FAILED",
        /// Received, not ringing yet.
        Incoming = "INCOMING",
        /// Interrupted.
        Interrupted = "INTERRUPTED",
        /// Not answered.
        Missed = "MISSED",
        /// Placed, not ringing yet.
        Outgoing = "OUTGOING",
        /// About to be accepted.
        Preaccepted = "PREACCEPTED",
        /// Rejected.
        Rejected = "REJECTED",
        /// Another linked device rejected it.
        RejectedElsewhere = "REJECTED_ELSEWHERE",
        /// Ringing.
        Ringing = "RINGING",
    }
}

/// A call's state changed: Baileys' `WACallEvent` (open source, one POST per call), or
/// CodeChat Go's normalization of whatsmeow's call events, with the same keys (there
/// `callerPn`, `groupJid`, `isGroup`, `isVideo` and `latencyMs` are always present, `null`
/// when not known).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Call {
    /// The caller's phone number (Go: digits only, no `@s.whatsapp.net`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caller_pn: Maybe<Jid>,
    /// The chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chat_id: Maybe<Jid>,
    /// When (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date: Maybe<Timestamp>,
    /// The caller.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from: Maybe<Jid>,
    /// The group, for group calls.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_jid: Maybe<Jid>,
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
        /// CodeChat Go: a call event it does not name.
        Unknown = "unknown",
    }
}
