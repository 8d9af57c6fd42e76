//! `cancel.payment`: a payment request was cancelled (cloud; payload not documented).

use crate::{objects::WebhookMessage, proto::Opaque};

/// The data of `cancel.payment`: a payment request was cancelled (cloud; payload not documented).
pub type CancelPayment = Opaque<WebhookMessage>;
