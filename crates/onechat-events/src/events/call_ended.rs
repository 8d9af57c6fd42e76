//! `call.ended`: an agent ended a call (OneHash).
//!
//! Its data has the shape of [`CallChange`], which other events carry too.

use crate::objects::CallChange;

/// The data of `call.ended`: an agent ended a call (OneHash).
pub type CallEnded = CallChange;
