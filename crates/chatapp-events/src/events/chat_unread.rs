//! `chatUnread`: a chat was marked as unread.
//!
//! Its items have the shape of [`ChatMark`], which other events carry too.

use crate::objects::ChatMark;

/// One item of `chatUnread`: a chat was marked as unread.
pub type ChatUnread = ChatMark;
