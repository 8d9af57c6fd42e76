//! `conversation_updated`: a conversation's labels, assignee, team, priority, status or attributes changed.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `conversation_updated`: a conversation's labels, assignee, team, priority, status or attributes changed.
pub type ConversationUpdated = Conversation;
