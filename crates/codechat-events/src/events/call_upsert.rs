//! `call.upsert`: a call's state changed (open source, CodeChat Go).
//!
//! Its data is [`Call`](crate::objects::Call), which Evolution's `call` carries too.

pub use crate::objects::{Call, CallStatus};
