//! `conversation.typing_off`: someone stopped typing.
//!
//! Its data has the shape of [`Typing`], which other events carry too.

use crate::objects::Typing;

/// The data of `conversation.typing_off`: someone stopped typing.
pub type ConversationTypingOff = Typing;
