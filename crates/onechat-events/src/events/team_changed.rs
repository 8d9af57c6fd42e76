//! `team.changed`: a conversation's team changed.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `team.changed`: a conversation's team changed.
pub type TeamChanged = Conversation;
