//! `first.reply.created`: an agent sent the first reply of a conversation.
//!
//! Its data has the shape of [`Message`], which other events carry too.

use crate::objects::Message;

/// The data of `first.reply.created`: an agent sent the first reply of a conversation.
pub type FirstReplyCreated = Message;
