//! `voice_call.accepted`: an agent accepted an inbound call.
//!
//! Its data has the shape of [`VoiceCall`], which other events carry too.

use crate::objects::VoiceCall;

/// The data of `voice_call.accepted`: an agent accepted an inbound call.
pub type VoiceCallAccepted = VoiceCall;
