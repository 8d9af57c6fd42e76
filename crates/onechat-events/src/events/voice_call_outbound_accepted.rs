//! `voice_call.outbound_accepted`: the contact picked up an outbound call.
//!
//! Its data has the shape of [`VoiceCall`], which other events carry too.

use crate::objects::VoiceCall;

/// The data of `voice_call.outbound_accepted`: the contact picked up an outbound call.
pub type VoiceCallOutboundAccepted = VoiceCall;
