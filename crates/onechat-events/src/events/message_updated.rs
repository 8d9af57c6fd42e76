//! `message.updated`: a message was updated (status, edit, deletion, submission).
//!
//! Its data has the shape of [`Message`], which other events carry too.

use crate::objects::Message;

/// The data of `message.updated`: a message was updated (status, edit, deletion, submission).
pub type MessageUpdated = Message;
