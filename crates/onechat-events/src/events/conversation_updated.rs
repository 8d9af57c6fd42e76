//! `conversation.updated`: a conversation's team, assignee, status, labels, priority or attributes changed.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.updated`: a conversation's team, assignee, status, labels, priority or attributes changed.
pub type ConversationUpdated = Conversation;
