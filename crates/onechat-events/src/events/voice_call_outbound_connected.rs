//! `voice_call.outbound_connected`: the contact's side of an outbound call is connected (the SDP answer arrived; it is still ringing).
//!
//! Its data has the shape of [`VoiceCall`], which other events carry too.

use crate::objects::VoiceCall;

/// The data of `voice_call.outbound_connected`: the contact's side of an outbound call is connected (the SDP answer arrived; it is still ringing).
pub type VoiceCallOutboundConnected = VoiceCall;
