//! `chatRead`: a chat was marked as read.
//!
//! Its items have the shape of [`ChatMark`], which other events carry too.

use crate::objects::ChatMark;

/// One item of `chatRead`: a chat was marked as read.
pub type ChatRead = ChatMark;
