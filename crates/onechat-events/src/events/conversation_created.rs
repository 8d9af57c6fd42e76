//! `conversation.created`: a conversation was created.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.created`: a conversation was created.
pub type ConversationCreated = Conversation;
