//! `send.payment`: a payment was received (cloud; payload not documented).

use crate::{objects::WebhookMessage, proto::Opaque};

/// The data of `send.payment`: a payment was received (cloud; payload not documented).
pub type SendPayment = Opaque<WebhookMessage>;
