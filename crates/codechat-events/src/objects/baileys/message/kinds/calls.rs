//! Calls: scheduled calls, call logs, broadcast calls, call offers, their participants.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::{
        BcallMediaType, CallLogType, CallOutcome, ContextInfo, MessageKey, ScheduledCallEditType,
        ScheduledCallType,
    },
    proto::{Bytes, Long, ProtoEnum},
};

/// A scheduled call.
///
/// WAProto: `Message.ScheduledCallCreationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledCallCreationMessage {
    /// `callType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_type: Maybe<ProtoEnum<ScheduledCallType>>,
    /// `scheduledTimestampMs` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub scheduled_timestamp_ms: Maybe<Long>,
    /// `title` = 3: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// Changes a scheduled call.
///
/// WAProto: `Message.ScheduledCallEditMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledCallEditMessage {
    /// `editType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edit_type: Maybe<ProtoEnum<ScheduledCallEditType>>,
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// A call in the chat history.
///
/// WAProto: `Message.CallLogMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallLogMessage {
    /// `callOutcome` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_outcome: Maybe<ProtoEnum<CallOutcome>>,
    /// `callType` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_type: Maybe<ProtoEnum<CallLogType>>,
    /// `durationSecs` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration_secs: Maybe<Long>,
    /// `isVideo` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_video: Maybe<bool>,
    /// `participants` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participants: Maybe<Vec<CallParticipant>>,
}

/// A broadcast call.
///
/// WAProto: `Message.BCallMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BcallMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `masterKey` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub master_key: Maybe<Bytes>,
    /// `mediaType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_type: Maybe<ProtoEnum<BcallMediaType>>,
    /// `sessionId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub session_id: Maybe<String>,
}

/// A call offer sent as a message (proto `Message.Call`).
///
/// WAProto: `Message.Call`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallMessage {
    /// `callKey` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_key: Maybe<Bytes>,
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `conversionData` = 3: data of that source.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_data: Maybe<Bytes>,
    /// `conversionDelaySeconds` = 4: seconds between that source and the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_delay_seconds: Maybe<u32>,
    /// `conversionSource` = 2: where the conversation started (ad, link…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_source: Maybe<String>,
    /// `ctwaPayload` = 6: click-to-WhatsApp ad payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_payload: Maybe<Bytes>,
    /// `ctwaSignals` = 5: click-to-WhatsApp ad signals.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_signals: Maybe<String>,
    /// `deeplinkPayload` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub deeplink_payload: Maybe<String>,
    /// `nativeFlowCallButtonPayload` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub native_flow_call_button_payload: Maybe<String>,
}

/// A participant of a call.
///
/// WAProto: `Message.CallLogMessage.CallParticipant`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallParticipant {
    /// `callOutcome` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_outcome: Maybe<ProtoEnum<CallOutcome>>,
    /// `jid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
}
