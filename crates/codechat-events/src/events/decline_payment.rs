//! `decline.payment`: a payment request was declined (cloud; alias `recusar.pagamento`; payload not documented).

use crate::{objects::WebhookMessage, proto::Opaque};

/// The data of `decline.payment`: a payment request was declined (cloud; alias `recusar.pagamento`; payload not documented).
pub type DeclinePayment = Opaque<WebhookMessage>;
