//! The webhook receivers' [`Persist`] hook on a [`Sink`].

use std::time::SystemTime;

use chat_events_core::Decoded;
use chat_events_webhook::{Persist, Request, Webhook};

use crate::{Relayed, Sink};

/// Stores each accepted webhook in JetStream before the receiver answers it
/// (`Receiver::builder().persist(StoreFirst::new(sink))`, CodeChat's or Chatwoot's): 200
/// only once stored, 503 with `Retry-After` while it cannot be, so the sender retries and
/// nothing answered 200 is lost. An event with a delivery id
/// ([`Request::delivery`]) is stored under it, so JetStream keeps one copy of a delivery
/// however often it is repeated within the stream's duplicate window, also after the
/// receiver restarted. A webhook sender waits for the answer: give the sink few, short
/// attempts ([`Sink::retries`], [`Sink::ack_timeout`]).
#[derive(Clone, Debug)]
pub struct StoreFirst(Sink);

impl StoreFirst {
    /// The hook on `sink`.
    pub const fn new(sink: Sink) -> Self {
        Self(sink)
    }
}

#[async_trait::async_trait]
impl<E: Webhook> Persist<E> for StoreFirst {
    async fn persist(
        &self,
        request: &Request,
        event: &Decoded<E>,
        received_at: SystemTime,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        self.0
            .publish(
                Relayed::of(E::PROVIDER, &request.path, event, received_at)
                    .with_delivery(request.delivery.as_deref()),
            )
            .await
            .map(|_| ())
            .map_err(Into::into)
    }
}
