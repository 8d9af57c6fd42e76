//! `conversation_typing_on`: someone started typing.
//!
//! Its body has the shape of [`WebhookTyping`], which other webhooks carry too.

use crate::objects::WebhookTyping;

/// The body of `conversation_typing_on`: someone started typing.
pub type ConversationTypingOn = WebhookTyping;
