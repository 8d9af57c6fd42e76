//! `call.created`: an agent started a call (OneHash).
//!
//! Its data has the shape of [`CallChange`], which other events carry too.

use crate::objects::CallChange;

/// The data of `call.created`: an agent started a call (OneHash).
pub type CallCreated = CallChange;
