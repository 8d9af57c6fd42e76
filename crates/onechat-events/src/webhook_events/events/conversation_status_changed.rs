//! `conversation_status_changed`: a conversation's status changed.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `conversation_status_changed`: a conversation's status changed.
pub type ConversationStatusChanged = Conversation;
