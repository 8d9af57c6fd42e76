//! `conversation.typing_on`: someone started typing.
//!
//! Its data has the shape of [`Typing`], which other events carry too.

use crate::objects::Typing;

/// The data of `conversation.typing_on`: someone started typing.
pub type ConversationTypingOn = Typing;
