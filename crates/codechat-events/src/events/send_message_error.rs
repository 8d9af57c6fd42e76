//! `send.message:ERROR`: a bulk send hit an error for one recipient and goes on (cloud).

use crate::objects::SendError;

/// The data of `send.message:ERROR`: a bulk send hit an error for one recipient and goes on (cloud).
pub type SendMessageError = SendError;
