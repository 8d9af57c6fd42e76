//! `message.created`: a message was created.
//!
//! Its data has the shape of [`Message`], which other events carry too.

use crate::objects::Message;

/// The data of `message.created`: a message was created.
pub type MessageCreated = Message;
