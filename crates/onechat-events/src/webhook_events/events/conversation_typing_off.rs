//! `conversation_typing_off`: someone stopped typing.
//!
//! Its body has the shape of [`WebhookTyping`], which other webhooks carry too.

use crate::objects::WebhookTyping;

/// The body of `conversation_typing_off`: someone stopped typing.
pub type ConversationTypingOff = WebhookTyping;
