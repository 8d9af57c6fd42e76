//! `status.broadcast`: a contact posted a status (cloud).

use crate::objects::WebhookMessage;

/// The data of `status.broadcast`: a contact posted a status (cloud).
pub type StatusBroadcast = WebhookMessage;
