//! `conversation.contact_changed`: a conversation's contact changed (contacts were merged).
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.contact_changed`: a conversation's contact changed (contacts were merged).
pub type ConversationContactChanged = Conversation;
