//! `message_updated`: a message was updated (status, edit, deletion, submission).
//!
//! Its body has the shape of [`WebhookMessage`], which other webhooks carry too.

use crate::objects::WebhookMessage;

/// The body of `message_updated`: a message was updated (status, edit, deletion, submission).
pub type MessageUpdated = WebhookMessage;
