//! `send.message:COMPLETED`: a bulk send completed (cloud).

use crate::objects::SendQueue;

/// The data of `send.message:COMPLETED`: a bulk send completed (cloud).
pub type SendMessageCompleted = SendQueue;
