//! `conversation.status_changed`: a conversation's status changed.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.status_changed`: a conversation's status changed.
pub type ConversationStatusChanged = Conversation;
