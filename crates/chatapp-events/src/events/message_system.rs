//! `messageSystem`: chatApp wrote a system message into a chat.
//!
//! Its items have the shape of [`Message`], which other events carry too.

use crate::objects::Message;

/// One item of `messageSystem`: chatApp wrote a system message into a chat.
pub type MessageSystem = Message;
