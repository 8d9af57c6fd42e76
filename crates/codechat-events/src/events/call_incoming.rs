//! `call.incoming`: a call to the instance rings (status `RINGING`) (CodeChat Go calls, 2026).

use crate::objects::CallLifecycle;

/// The data of `call.incoming`: a call to the instance rings (status `RINGING`).
pub type CallIncoming = CallLifecycle;
