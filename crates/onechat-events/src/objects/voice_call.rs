//! [`VoiceCall`]: a voice call as the `voice_call.*` events carry it; [`CallRecord`]: the
//! call behind a `voice_call` message.

use chat_events_core::{Id, Maybe, Num, Secret, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A voice call (WhatsApp Cloud calling, or Twilio voice in the enterprise edition), as
/// `voice_call.incoming`, `.accepted`, `.outbound_connected`, `.outbound_accepted` and
/// `.ended` carry it.
///
/// Every event carries the call's identity (`account_id`, `id`, `call_id`, `provider`,
/// `conversation_id`, `inbox_id`); each adds its own keys, listed per field. The server
/// broadcasts these events itself (not through its event listener), so they never have a
/// performer. Ringing goes to the online agents of the inbox (or the assignee); the other
/// events go to the account stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct VoiceCall {
    /// `voice_call.accepted` (some servers): the agent who accepted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accepted_by_agent_id: Maybe<Id>,
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The provider's id of the call (WhatsApp `wacid.…`, a Twilio call SID); the dashboard
    /// matches calls on it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_id: Maybe<String>,
    /// `voice_call.incoming`: who is calling.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caller: Maybe<Caller>,
    /// The conversation the call belongs to.
    ///
    /// Quirk: the conversation's database id, not the display id the conversation events
    /// carry as `id`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation_id: Maybe<Id>,
    /// `voice_call.incoming`: `inbound` or `outbound`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direction: Maybe<CallDirection>,
    /// `voice_call.ended`: how long the call lasted, in seconds; `null` when it was never
    /// answered.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration_seconds: Maybe<Num<i64>>,
    /// `voice_call.incoming`: the STUN/TURN servers for the browser's WebRTC session.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ice_servers: Maybe<Vec<IceServer>>,
    /// The call's row id (the `id` the call API takes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The inbox (absent from some events on older servers).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox_id: Maybe<Id>,
    /// Who carries the call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub provider: Maybe<CallProvider>,
    /// `voice_call.incoming` (recent servers): whether the call is recorded; the dashboard
    /// treats absent as `true`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recording_enabled: Maybe<bool>,
    /// `voice_call.outbound_connected`: the callee's WebRTC session description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sdp_answer: Maybe<String>,
    /// `voice_call.incoming`: the caller's WebRTC session description, to answer in the
    /// browser.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sdp_offer: Maybe<String>,
    /// `voice_call.ended`: how the call ended.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<CallStatus>,
}

/// Who is calling, for the ringing card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Caller {
    /// The contact's avatar URL; `""` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub avatar: Maybe<String>,
    /// The contact's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The contact's phone number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone: Maybe<String>,
}

/// A STUN or TURN server for WebRTC (`RTCIceServer`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct IceServer {
    /// TURN: the password; a credential, redacted in `Debug`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub credential: Maybe<Secret>,
    /// The server URLs (`stun:stun.l.google.com:19302`).
    pub urls: Vec<String>,
    /// TURN: the user name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub username: Maybe<String>,
}

open_enum! {
    /// Who carries a voice call.
    pub enum CallProvider {
        /// Twilio voice (enterprise edition).
        Twilio = "twilio",
        /// WhatsApp Cloud API calling.
        Whatsapp = "whatsapp",
    }
}

open_enum! {
    /// The direction of a voice call.
    pub enum CallDirection {
        /// The contact called.
        Inbound = "inbound",
        /// An agent called the contact.
        Outbound = "outbound",
    }
}

open_enum! {
    /// The state of a voice call, as the dashboard shows it (`-` where the database has `_`).
    pub enum CallStatus {
        /// Answered and ended normally.
        Completed = "completed",
        /// Could not be set up.
        Failed = "failed",
        /// Answered, going on.
        InProgress = "in-progress",
        /// Nobody answered.
        NoAnswer = "no-answer",
        /// The callee declined.
        Rejected = "rejected",
        /// Ringing.
        Ringing = "ringing",
    }
}

/// The call behind a `voice_call` message (`Call#push_event_data`, enterprise servers since
/// 2026-04), as the message's `call`.
///
/// ```
/// use onechat_events::objects::{CallProvider, CallRecordDirection, CallStatus, Message};
///
/// let message: Message = serde_json::from_str(
///     r#"{"id":90600,"content_type":"voice_call","call":{"id":42,"provider_call_id":"wacid.HBgL",
///         "provider":"whatsapp","direction":"incoming","status":"in-progress","duration_seconds":null,
///         "end_reason":null,"conference_sid":null,"accepted_by_agent_id":7,
///         "accepted_by_agent_name":"Priya","started_at":1785400000,"ended_at":null,
///         "from_number":"+919800000001","to_number":"+14155550199","recording_url":null,
///         "transcript":null}}"#,
/// ).unwrap();
/// let call = message.call.get().unwrap();
/// assert_eq!(call.id.as_i64(), Some(42));
/// assert_eq!(call.provider.get(), Some(&CallProvider::Whatsapp));
/// assert_eq!(call.direction.get(), Some(&CallRecordDirection::Incoming));
/// assert_eq!(call.status.get(), Some(&CallStatus::InProgress));
/// assert_eq!(call.accepted_by_agent_name.as_deref(), Some("Priya"));
/// assert!(call.ended_at.is_null());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallRecord {
    /// The agent who answered; `null` until someone did.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accepted_by_agent_id: Maybe<Id>,
    /// That agent's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accepted_by_agent_name: Maybe<String>,
    /// Twilio: the conference the call joined.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conference_sid: Maybe<String>,
    /// Who called.
    ///
    /// Quirk: the stored names `incoming`/`outgoing`, where the message's `data` and the
    /// `voice_call.*` events say `inbound`/`outbound`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direction: Maybe<CallRecordDirection>,
    /// How long the call lasted, in seconds; `null` until it ended answered.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration_seconds: Maybe<Num<i64>>,
    /// Why the call ended, as the provider said.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_reason: Maybe<String>,
    /// When the call ended (Unix seconds, kept in the call's `meta`); `null` before.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ended_at: Maybe<Timestamp>,
    /// The calling number (the contact's for incoming calls, the inbox's for outgoing).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_number: Maybe<String>,
    /// The call's row id.
    pub id: Id,
    /// Who carries the call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub provider: Maybe<CallProvider>,
    /// The provider's id of the call (a Twilio call SID, WhatsApp `wacid.…`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub provider_call_id: Maybe<String>,
    /// The recording's URL; `null` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recording_url: Maybe<String>,
    /// When the call was answered (Unix seconds); `null` before.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub started_at: Maybe<Timestamp>,
    /// The call's state, as the dashboard shows it (`in-progress`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<CallStatus>,
    /// The called number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub to_number: Maybe<String>,
    /// The call's transcript; `null` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub transcript: Maybe<String>,
}

open_enum! {
    /// Who called, by the names a [`CallRecord`] stores.
    pub enum CallRecordDirection {
        /// The contact called.
        Incoming = "incoming",
        /// An agent called the contact.
        Outgoing = "outgoing",
    }
}

/// An agent as a voice call message's `data` names them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallAgent {
    /// User id.
    pub id: Id,
    /// Full name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// When a Twilio voice call message's call was created and started ringing (Unix seconds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallTimes {
    /// When the call was created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// When it started ringing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ringing_at: Maybe<Timestamp>,
}
