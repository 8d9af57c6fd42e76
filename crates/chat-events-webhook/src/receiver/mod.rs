//! The receiver's consumer side and the types its events carry.

use std::{
    borrow::Cow,
    fmt,
    pin::Pin,
    task::{Context, Poll},
    time::SystemTime,
};

use axum::http::HeaderMap;
use chat_events_core::{DecodeError, Decoded, EventSource, ProviderEvent, SourceError};
use tokio::sync::mpsc;

pub(crate) mod http;
pub(crate) mod server;

/// A provider whose events arrive by webhook: what the receiver asks of it beyond decoding.
///
/// Implemented by the provider crates for their event enums (`codechat_events::Event`,
/// `onechat_events::WebhookEvent`); you do not implement it.
pub trait Webhook: ProviderEvent + Send + Sync + 'static {
    /// The status that makes this provider's sender try again later (with `Retry-After`):
    /// 503 by default.
    const RETRY_STATUS: u16 = 503;

    /// Who sent the request, when the provider says (CodeChat's instance owner); `None` by
    /// default.
    fn owner(request: &Incoming<'_>) -> Option<String> {
        let _ = request;
        None
    }

    /// The id of this delivery, the same on every repeat of it (a retry, a replay), or
    /// `None` when the request carries none. Each provider documents where it comes from.
    fn delivery_id(request: &Incoming<'_>, event: &Decoded<Self>) -> Option<String>;
}

/// Providers that sign their webhooks as Chatwoot does (see
/// [`auth::chatwoot`](crate::auth::chatwoot)): their builders have
/// [`signature_secret`](crate::ReceiverBuilder::signature_secret).
pub trait SignedLikeChatwoot: Webhook {}

/// Providers whose servers may send Evolution API's bearer JWT (see
/// [`auth::evolution`](crate::auth::evolution)): their builders have
/// [`jwt_secret`](crate::ReceiverBuilder::jwt_secret).
#[cfg(feature = "jwt")]
#[cfg_attr(docsrs, doc(cfg(feature = "jwt")))]
pub trait BearerLikeEvolution: Webhook {}

/// The parts of a webhook request a provider reads its owner and delivery id from.
#[derive(Clone, Copy, Debug)]
pub struct Incoming<'a> {
    headers: &'a HeaderMap,
    query: Option<&'a str>,
}

impl<'a> Incoming<'a> {
    /// A request with these headers and raw query string (for tests).
    pub const fn new(headers: &'a HeaderMap, query: Option<&'a str>) -> Self {
        Self { headers, query }
    }

    /// A header's value, when it is there and is text.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers.get(name)?.to_str().ok()
    }

    /// A query parameter's value, percent-decoded.
    pub fn query(&self, name: &str) -> Option<Cow<'a, str>> {
        form_urlencoded::parse(self.query?.as_bytes())
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// Where an event came from: the webhook request that brought it.
///
/// Its [`Display`](fmt::Display) is the path, which names the source (for logs, or as a
/// subject by a relay). It never holds a secret, even when the secret is a path segment.
///
/// ```
/// use chat_events_webhook::Request;
///
/// let request = Request::new("/webhooks/chatwoot", None)
///     .with_delivery(Some("4f8f0c39-8c4e-4b8b-a4d4-1f5d7e0ac0b1".into()));
/// assert_eq!(request.to_string(), "/webhooks/chatwoot");
/// assert_eq!(request.delivery.as_deref(), Some("4f8f0c39-8c4e-4b8b-a4d4-1f5d7e0ac0b1"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Request {
    /// The delivery's id, the same on every repeat of it (Chatwoot's `X-Chatwoot-Delivery`;
    /// for CodeChat, built from the ids the payload carries): the receiver answers a repeat
    /// without delivering it again, and a relay stores the event under it. An id longer than
    /// 128 bytes is kept as `sha256:<hex>` of it.
    pub delivery: Option<String>,
    /// Who sent it, when the provider says: CodeChat's instance owner JID (from the
    /// `Resource-Owner` header, the `x-owner` header or the `owner` query parameter, in
    /// that order); `None` for Chatwoot.
    pub owner: Option<String>,
    /// The path the request was posted to, as it came (percent-encoded), including the prefix
    /// of the app the router is nested in; without the secret segment when the secret is a
    /// path segment.
    pub path: String,
}

impl Request {
    /// A request to `path` from `owner`, without a delivery id (for tests and replays; the
    /// receiver makes its own).
    pub fn new(path: impl Into<String>, owner: Option<String>) -> Self {
        Self {
            delivery: None,
            owner,
            path: path.into(),
        }
    }

    /// The same request with this delivery id.
    #[must_use]
    pub fn with_delivery(mut self, delivery: Option<String>) -> Self {
        self.delivery = delivery;
        self
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)
    }
}

/// What a [`Receiver`] yields: always [`Update::Event`](chat_events_core::Update::Event),
/// with the [`Request`] the event came in as its source and the time the receiver got it.
pub type Update<E> = chat_events_core::Update<Request, E>;

/// Stores an accepted event **before** the webhook is answered, for example in a durable log
/// (`chat-events-nats`): with [`ReceiverBuilder::persist`](crate::ReceiverBuilder::persist),
/// the receiver answers 200 only after [`persist`](Self::persist) succeeded, and 503 (with
/// `Retry-After`) when it failed, so the sender retries and no event is ever answered 200
/// without being stored. The event is queued for the [`Receiver`] as well.
#[async_trait::async_trait]
pub trait Persist<E: Webhook>: Send + Sync + 'static {
    /// Stores the event; `Err` with a reason (logged, never sent to the client) when it
    /// could not be stored.
    async fn persist(
        &self,
        request: &Request,
        event: &Decoded<E>,
        received_at: SystemTime,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>>;
}

/// A request the receiver refused but reports, so that nothing it was sent is lost without a
/// word. No variant is fatal: the receiver goes on.
///
/// `Display` and `Debug` name the path, the event and the JSON path, never the payload's
/// contents or a secret.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ReceiverError {
    /// A known event's data did not fit its model (answered 422). The raw body is in
    /// [`raw`](Self::raw) (and `error.raw()`).
    Decode {
        /// The request it came in.
        request: Request,
        /// Why it did not decode (provider, event, JSON path); `error.raw()` holds the body.
        error: DecodeError,
        /// When the request arrived.
        received_at: SystemTime,
    },
}

impl ReceiverError {
    /// The body that was refused.
    pub fn raw(&self) -> &[u8] {
        match self {
            Self::Decode { error, .. } => error.raw().unwrap_or_default(),
        }
    }
}

impl fmt::Display for ReceiverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Decode { request, error, .. } => {
                write!(f, "webhook body refused on {request}: {error}")
            }
        }
    }
}

impl std::error::Error for ReceiverError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Decode { error, .. } => Some(error),
        }
    }
}

impl SourceError for ReceiverError {
    /// A refused body is reported and the receiver goes on.
    fn is_fatal(&self) -> bool {
        false
    }
}

type Item<E> = Result<Update<E>, ReceiverError>;

/// The consumer side: accepted events (and refused known events) in arrival order.
///
/// An [`EventSource`] and a `futures::Stream` of `Result<Update<E>, ReceiverError>`; ends
/// (`None`) once the server is closed or every router clone is dropped, after yielding what
/// was queued.
pub struct Receiver<E: Webhook> {
    pub(crate) queue: mpsc::Receiver<http::Queued<E>>,
    /// Reused by [`next_batch`](EventSource::next_batch).
    pub(crate) scratch: Vec<http::Queued<E>>,
}

// Nothing in a receiver is pinned structurally.
impl<E: Webhook> Unpin for Receiver<E> {}

impl<E: Webhook> fmt::Debug for Receiver<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("provider", &E::PROVIDER)
            .field("queued", &self.queue.len())
            .finish_non_exhaustive()
    }
}

impl<E: Webhook> Receiver<E> {
    /// Starts configuring a receiver.
    pub fn builder() -> server::ReceiverBuilder<E> {
        server::ReceiverBuilder::default()
    }
}

#[async_trait::async_trait]
impl<E: Webhook> EventSource for Receiver<E> {
    type Item = Update<E>;
    type Error = ReceiverError;

    async fn next_event(&mut self) -> Option<Item<E>> {
        self.queue.recv().await.map(|queued| queued.item)
    }

    /// Takes every accepted event that is ready (up to `limit`) in one wake-up.
    async fn next_batch(&mut self, buffer: &mut Vec<Item<E>>, limit: usize) -> usize {
        let count = self.queue.recv_many(&mut self.scratch, limit).await;
        buffer.extend(self.scratch.drain(..).map(|queued| queued.item));
        count
    }
}

impl<E: Webhook> futures_core::Stream for Receiver<E> {
    type Item = Item<E>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item<E>>> {
        self.queue
            .poll_recv(cx)
            .map(|queued| queued.map(|queued| queued.item))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.queue.len(), None)
    }
}
