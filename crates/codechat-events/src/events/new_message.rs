//! `new.message`: a message was received (cloud).

use crate::objects::WebhookMessage;

/// The data of `new.message`: a message was received (cloud).
pub type NewMessage = WebhookMessage;
