//! `messages.set`: old messages were loaded (history sync, repeated per chunk).

use crate::objects::WebhookMessage;

/// The data of `messages.set`: old messages were loaded (history sync, repeated per chunk).
pub type MessagesSet = Vec<WebhookMessage>;
