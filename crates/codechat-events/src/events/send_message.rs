//! `send.message`: a message was sent through the REST API (open source).

use crate::objects::WebhookMessage;

/// The data of `send.message`: a message was sent through the REST API (open source).
pub type SendMessage = WebhookMessage;
