//! `send.message:START`: a bulk send started (cloud).

use crate::objects::SendQueue;

/// The data of `send.message:START`: a bulk send started (cloud).
pub type SendMessageStart = SendQueue;
