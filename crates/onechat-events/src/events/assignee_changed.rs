//! `assignee.changed`: a conversation's assignee changed.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `assignee.changed`: a conversation's assignee changed.
pub type AssigneeChanged = Conversation;
