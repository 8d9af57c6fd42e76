//! `call.ended`: a call ended, confirmed (CodeChat Go calls, 2026).

use crate::objects::CallLifecycle;

/// The data of `call.ended`: a call ended, confirmed.
pub type CallEnded = CallLifecycle;
