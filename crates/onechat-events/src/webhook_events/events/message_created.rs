//! `message_created`: a message was created.
//!
//! Its body has the shape of [`WebhookMessage`], which other webhooks carry too.

use crate::objects::WebhookMessage;

/// The body of `message_created`: a message was created.
pub type MessageCreated = WebhookMessage;
