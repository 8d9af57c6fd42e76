//! `request.payment`: a payment was requested (cloud; payload not documented).

use crate::{objects::WebhookMessage, proto::Opaque};

/// The data of `request.payment`: a payment was requested (cloud; payload not documented).
pub type RequestPayment = Opaque<WebhookMessage>;
