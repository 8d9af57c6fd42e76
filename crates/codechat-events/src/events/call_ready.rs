//! `call.ready`: a call's media is ready (status `ACTIVE`): the signal to open the media WebSocket (CodeChat Go calls, 2026).

use crate::objects::CallLifecycle;

/// The data of `call.ready`: a call's media is ready (status `ACTIVE`): the signal to open the media WebSocket.
pub type CallReady = CallLifecycle;
