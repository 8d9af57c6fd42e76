//! The CodeChat receiver's [`Persist`] hook on a [`Sink`].

use std::time::SystemTime;

use chat_events_core::Decoded;
use codechat_events::{
    Event,
    receiver::{Persist, Request},
};

use crate::{Relayed, Sink};

/// Stores each accepted webhook in JetStream before the receiver answers it
/// (`Receiver::builder().persist(StoreFirst::new(sink))`): 200 only once stored, 503 with
/// `Retry-After` while it cannot be, so the sender retries and nothing answered 200 is lost.
/// A webhook sender waits for the answer: give the sink few, short attempts
/// ([`Sink::retries`], [`Sink::ack_timeout`]).
#[derive(Clone, Debug)]
pub struct StoreFirst(Sink);

impl StoreFirst {
    /// The hook on `sink`.
    pub const fn new(sink: Sink) -> Self {
        Self(sink)
    }
}

#[async_trait::async_trait]
impl Persist for StoreFirst {
    async fn persist(
        &self,
        request: &Request,
        event: &Decoded<Event>,
        received_at: SystemTime,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        self.0
            .publish(Relayed::of("codechat", &request.path, event, received_at))
            .await
            .map(|_| ())
            .map_err(Into::into)
    }
}
