//! `voice_call.ended`: a call ended.
//!
//! Its data has the shape of [`VoiceCall`], which other events carry too.

use crate::objects::VoiceCall;

/// The data of `voice_call.ended`: a call ended.
pub type VoiceCallEnded = VoiceCall;
