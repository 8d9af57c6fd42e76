//! `conversation.read`: the contact read a conversation.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.read`: the contact read a conversation.
pub type ConversationRead = Conversation;
