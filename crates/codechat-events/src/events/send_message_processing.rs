//! `send.message:PROCESSING`: a bulk send progressed (cloud).

use crate::objects::SendQueue;

/// The data of `send.message:PROCESSING`: a bulk send progressed (cloud).
pub type SendMessageProcessing = SendQueue;
