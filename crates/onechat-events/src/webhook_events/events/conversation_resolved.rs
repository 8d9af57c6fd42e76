//! `conversation_resolved`: a conversation was resolved (an older event name that agent bot webhooks and the 2022 documentation use; account webhooks send `conversation_status_changed`).
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `conversation_resolved`: a conversation was resolved (an older event name that agent bot webhooks and the 2022 documentation use; account webhooks send `conversation_status_changed`).
pub type ConversationResolved = Conversation;
