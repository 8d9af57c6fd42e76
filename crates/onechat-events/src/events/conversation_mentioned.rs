//! `conversation.mentioned`: the subscribed user was mentioned in a conversation.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.mentioned`: the subscribed user was mentioned in a conversation.
pub type ConversationMentioned = Conversation;
