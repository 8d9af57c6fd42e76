//! The webhook receiver: CodeChat POSTs events to it, it hands them to you typed.
//!
//! ```no_run
//! use codechat_events::{
//!     EventSource,
//!     receiver::{Receiver, ReceiverError, Update},
//! };
//!
//! # async fn run() -> std::io::Result<()> {
//! let (server, mut events) = Receiver::builder()
//!     .path("/webhooks/codechat")
//!     .secret_header("apikey", std::env::var("WEBHOOK_SECRET").unwrap_or_default())
//!     .serve("127.0.0.1:8080".parse().unwrap())
//!     .await?;
//! while let Some(item) = events.next_event().await {
//!     match item {
//!         Ok(Update::Event { source, event, .. }) => {
//!             println!("{} on {source} from {:?}", event.name(), source.owner);
//!         }
//!         Ok(_) => {} // the receiver yields events only
//!         Err(ReceiverError::Decode { request, error, .. }) => {
//!             eprintln!("refused on {request}: {error}");
//!         }
//!         Err(other) => eprintln!("{other}"),
//!     }
//! }
//! server.close().await
//! # }
//! ```
//!
//! The [`Receiver`] is also a `futures::Stream` of the same items, for `StreamExt`
//! combinators. Or mount [`ReceiverBuilder::router`]'s router in your own axum app.
//!
//! # What the receiver answers
//!
//! | request | status | body |
//! | --- | --- | --- |
//! | a known event that decodes, or an unknown event | 200 | `{"accepted":true,"event":…,"known":…}` |
//! | a known event whose data does not fit its model | 422 | the error, with its JSON path; also reported through the [`Receiver`] as [`ReceiverError::Decode`] with the raw body |
//! | not JSON, or no `event` | 400 | the error, with line and column or path |
//! | `Content-Type` other than JSON | 415 | |
//! | body over the limit | 413 | |
//! | secret missing or wrong | 401 | |
//! | method other than POST | 405, `Allow: POST` | |
//! | the queue is full (the consumer is behind) | 503, `Retry-After: 1` | |
//!
//! Every error body is JSON: `{"error": <code>, "message": …, …}`. Messages never quote the
//! payload (it holds personal data).
//!
//! Each accepted event arrives as [`Update::Event`](chat_events_core::Update::Event) with the
//! [`Request`] it came in (the instance owner, the path it was posted to) and the time it was
//! received. The receiver never yields `Subscribed` or `Reconnected`.
//!
//! # Backpressure and delivery
//!
//! Accepted events go into a bounded queue ([`ReceiverBuilder::queue_capacity`], default
//! 1024) that the [`Receiver`] drains. The receiver answers 200 only after the event is in the
//! queue, so an accepted event is never dropped. When the queue is full it answers 503 with
//! `Retry-After: 1` and does not keep the event: a sender that retries (Evolution API does)
//! delivers it later; CodeChat itself does not retry, so size the queue for your bursts and
//! keep the consumer fast. After the server is closed ([`Server::close`], or every router clone
//! is dropped), the receiver yields what is still queued and then ends.
//!
//! # Runtime, threads and cancellation
//!
//! - **Runtime**: Tokio, with the time and I/O drivers (`#[tokio::main]`, or a `Runtime` with
//!   `enable_all()`); [`ReceiverBuilder::serve`] spawns the server on it. With
//!   [`ReceiverBuilder::router`], your axum server runs the handlers.
//! - **Threads**: [`Receiver`], [`Server`], [`Update`] and [`ReceiverError`] are `Send` and
//!   `Sync`.
//! - **Cancel safety**: [`EventSource::next_event`],
//!   [`EventSource::next_batch`] and
//!   `futures::Stream::poll_next` are cancel safe: a future dropped before it completes takes
//!   nothing from the queue. [`Server::close`] is not: dropping its future leaves the server
//!   shutting down without waiting for it.
//! - **Tracing**: each request is handled inside a `codechat_webhook` span (the route, then
//!   the event name, the body's size and the status answered); secrets are never logged.
//! - **Configuration**: [`ReceiverBuilder::router`] and [`ReceiverBuilder::serve`] refuse a
//!   configuration that cannot work with a [`ConfigError`] (a secret header name that is not
//!   a header name, a path with a route parameter or wildcard, a body limit of 0); limits
//!   too large for the runtime are clamped; nothing panics.
//!
//! # Security
//!
//! CodeChat signs nothing, so anyone who knows the URL can post. Set a shared secret, read
//! from a header ([`ReceiverBuilder::secret_header`]), a query parameter
//! ([`ReceiverBuilder::secret_query`]) or the last path segment
//! ([`ReceiverBuilder::secret_path`]); it is compared in constant time, and neither it, the
//! query string, nor the body ever reaches the logs, the [`Request`] or an error. Each request
//! gets a `tracing` span (`codechat_webhook`) with the route, the event name, the body size and
//! the status.
//!
//! Written on axum because it is the router users mount webhooks in; the HTTP details (limits,
//! status codes, secrets) are the receiver's own job, which no crate does for CodeChat.

use std::{
    fmt,
    pin::Pin,
    task::{Context, Poll},
    time::{Duration, SystemTime},
};

use chat_events_core::{DecodeError, EventSource, SourceError};
use tokio::sync::mpsc;

use crate::Event;

mod http;
mod server;

pub use server::{
    ConfigError, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
    DEFAULT_QUEUE_WAIT, DEFAULT_SHUTDOWN_TIMEOUT, ReceiverBuilder, Server,
};

/// Large enough for an 8 MB media file sent inline as base64 (the cloud product inlines media
/// up to 8 MB), plus the JSON around it.
pub const DEFAULT_BODY_LIMIT: usize = 12 * 1024 * 1024;

/// How many accepted events may wait for the consumer by default.
pub const DEFAULT_QUEUE_CAPACITY: usize = 1024;

/// How many bytes of accepted bodies may wait for the consumer by default.
pub const DEFAULT_QUEUE_BYTES: usize = 64 * 1024 * 1024;

/// How long a sender should wait after a 503 (the `Retry-After` value).
pub const RETRY_AFTER: Duration = Duration::from_secs(1);

/// Where an event came from: the webhook request that brought it.
///
/// Its [`Display`](fmt::Display) is the path, which names the source (for logs, or as a
/// subject by a relay). It never holds the shared secret, even when the secret is a path
/// segment ([`ReceiverBuilder::secret_path`]).
///
/// ```
/// use codechat_events::receiver::Request;
///
/// let request = Request::new("/webhooks/codechat", Some("5531988887777@s.whatsapp.net".into()));
/// assert_eq!(request.to_string(), "/webhooks/codechat");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Request {
    /// The instance owner's JID, from the `Resource-Owner` header (v1.3), the `x-owner`
    /// header (v1.2.7+) or the `owner` query parameter (older), in that order.
    pub owner: Option<String>,
    /// The path the request was posted to, as it came (percent-encoded), including the prefix
    /// of the app the router is nested in; without the secret segment when the secret is a
    /// path segment.
    pub path: String,
}

impl Request {
    /// A request to `path` from `owner` (for tests and replays; the receiver makes its own).
    pub fn new(path: impl Into<String>, owner: Option<String>) -> Self {
        Self {
            owner,
            path: path.into(),
        }
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)
    }
}

/// What the [`Receiver`] yields: always
/// [`Update::Event`](chat_events_core::Update::Event), with the [`Request`] the event came in
/// as its source and the time the receiver got it.
pub type Update = chat_events_core::Update<Request, Event>;

/// Stores an accepted event **before** the webhook is answered, for example in a durable log
/// (`chat-events-nats`): with [`ReceiverBuilder::persist`], the receiver answers 200 only
/// after [`persist`](Self::persist) succeeded, and 503 (with `Retry-After`) when it failed,
/// so the sender retries and no event is ever answered 200 without being stored. The event
/// is queued for the [`Receiver`] as well.
#[async_trait::async_trait]
pub trait Persist: Send + Sync + 'static {
    /// Stores the event; `Err` with a reason (logged, never sent to the client) when it
    /// could not be stored.
    async fn persist(
        &self,
        request: &Request,
        event: &chat_events_core::Decoded<Event>,
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
            Self::Decode {
                request: source,
                error,
                ..
            } => {
                write!(f, "webhook body refused on {source}: {error}")
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

type Item = Result<Update, ReceiverError>;

/// The consumer side: accepted events (and refused known events) in arrival order.
///
/// An [`EventSource`] and a `futures::Stream` of `Result<Update, ReceiverError>`; ends
/// (`None`) once the server is closed or every router clone is dropped, after yielding what
/// was queued.
pub struct Receiver {
    queue: mpsc::Receiver<http::Queued>,
    /// Reused by [`next_batch`](EventSource::next_batch).
    scratch: Vec<http::Queued>,
}

impl fmt::Debug for Receiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Receiver")
            .field("queued", &self.queue.len())
            .finish_non_exhaustive()
    }
}

impl Receiver {
    /// Starts configuring a receiver.
    pub fn builder() -> ReceiverBuilder {
        ReceiverBuilder::default()
    }
}

#[async_trait::async_trait]
impl EventSource for Receiver {
    type Item = Update;
    type Error = ReceiverError;

    async fn next_event(&mut self) -> Option<Item> {
        self.queue.recv().await.map(|queued| queued.item)
    }

    /// Takes every accepted event that is ready (up to `limit`) in one wake-up.
    async fn next_batch(&mut self, buffer: &mut Vec<Item>, limit: usize) -> usize {
        let count = self.queue.recv_many(&mut self.scratch, limit).await;
        buffer.extend(self.scratch.drain(..).map(|queued| queued.item));
        count
    }
}

impl futures_core::Stream for Receiver {
    type Item = Item;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Item>> {
        self.queue
            .poll_recv(cx)
            .map(|queued| queued.map(|queued| queued.item))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.queue.len(), None)
    }
}
