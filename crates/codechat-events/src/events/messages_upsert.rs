//! `messages.upsert`: a message was received or sent (open source; one message per POST; alias `messges.upsert`).

use crate::objects::WebhookMessage;

/// The data of `messages.upsert`: a message was received or sent (open source; one message per POST; alias `messges.upsert`).
pub type MessagesUpsert = WebhookMessage;
