//! `call.ringing`: a call the API placed rings on the other side (CodeChat Go calls, 2026).

use crate::objects::CallLifecycle;

/// The data of `call.ringing`: a call the API placed rings on the other side.
pub type CallRinging = CallLifecycle;
