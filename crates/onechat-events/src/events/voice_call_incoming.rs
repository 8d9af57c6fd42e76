//! `voice_call.incoming`: a call is ringing for the agents (an inbound WhatsApp call).
//!
//! Its data has the shape of [`VoiceCall`], which other events carry too.

use crate::objects::VoiceCall;

/// The data of `voice_call.incoming`: a call is ringing for the agents (an inbound WhatsApp call).
pub type VoiceCallIncoming = VoiceCall;
