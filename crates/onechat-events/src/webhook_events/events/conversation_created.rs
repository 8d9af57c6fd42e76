//! `conversation_created`: a conversation was created.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `conversation_created`: a conversation was created.
pub type ConversationCreated = Conversation;
