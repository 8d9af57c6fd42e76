//! The webhook receiver: CodeChat (or Evolution API) POSTs events to it, it hands them to you
//! typed.
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
//!     .secret_header("apikey", std::env::var("WEBHOOK_SECRET").expect("WEBHOOK_SECRET"))
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
//! The receiver is [`chat_events_webhook`]'s, shared with the Chatwoot receiver of
//! `onechat-events`: its crate docs have the table of what it answers, its limits,
//! backpressure, cancel safety and tracing.
//!
//! # Authentication
//!
//! CodeChat signs nothing, so anyone who knows the URL can post. Choose one:
//!
//! - **Evolution API's JWT** (Evolution API 2.3.0+, a `jwt_key` in the webhook's headers):
//!   [`ReceiverBuilder::jwt_secret`] with that key. The `Authorization: Bearer` token must be
//!   HS256, signed with the key, not expired (`exp`, 600 s after `iat` as Evolution API makes
//!   it) and not issued in the future ([`ReceiverBuilder::jwt_leeway`], default 60 s).
//! - **A shared secret**: a static header ([`ReceiverBuilder::secret_header`], such as the
//!   `apikey` header Evolution API and CodeChat can add), a query parameter
//!   ([`ReceiverBuilder::secret_query`]) or the last path segment
//!   ([`ReceiverBuilder::secret_path`]).
//!
//! Secrets are compared in constant time; neither they, the query string, the token nor the
//! body ever reach the logs, the [`Request`] or an error. A refused request is answered 401
//! with a `reason` code ([`Refusal`]).
//!
//! # Repeats
//!
//! Evolution API retries a webhook up to 10 times and re-sends on timeouts. CodeChat names
//! no delivery, so the receiver builds a [`Request::delivery`] id from what the payload
//! carries, `<instance>/<event>/<message id>` for the events about one message, where a
//! repeat is the same delivery:
//!
//! | event | id |
//! | --- | --- |
//! | `messages.upsert`, `send.message` | instance, event, the message's key id |
//! | `messages.update` | instance, event, the message's key id and the receipt's status (each status is its own delivery) |
//! | any other | none: every request is delivered (a relay to JetStream still drops identical content within its window) |
//!
//! The instance is the name the body gives (`instance`, in any of its forms), else the
//! request's owner. A
//! delivery answered 200 is answered 200 again within [`ReceiverBuilder::repeat_window`]
//! without being delivered. CodeChat Go's `x-request-id` header changes on each attempt, so it
//! is not used.

use chat_events_core::Decoded;
use chat_events_webhook::Incoming;

use crate::Event;

pub use chat_events_webhook::{
    ConfigError, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS, DEFAULT_QUEUE_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_QUEUE_WAIT,
    DEFAULT_REPEAT_CAPACITY, DEFAULT_REPEAT_WINDOW, DEFAULT_SHUTDOWN_TIMEOUT, Persist, RETRY_AFTER,
    ReceiverError, Refusal, Request, Server,
};

/// The consumer side of the receiver: accepted CodeChat events (and refused known events) in
/// arrival order; see [`chat_events_webhook::Receiver`].
pub type Receiver = chat_events_webhook::Receiver<Event>;

/// Configures a [`Receiver`] and its route; from [`Receiver::builder`].
pub type ReceiverBuilder = chat_events_webhook::ReceiverBuilder<Event>;

/// What the [`Receiver`] yields: always
/// [`Update::Event`](chat_events_core::Update::Event), with the [`Request`] the event came in
/// as its source and the time the receiver got it.
pub type Update = chat_events_webhook::Update<Event>;

impl chat_events_webhook::Webhook for Event {
    /// The instance owner's JID: the `Resource-Owner` header (v1.3), the `x-owner` header
    /// (v1.2.7+) or the `owner` query parameter (older), in that order.
    fn owner(request: &Incoming<'_>) -> Option<String> {
        request
            .header("resource-owner")
            .or_else(|| request.header("x-owner"))
            .map(str::to_owned)
            .or_else(|| request.query("owner").map(std::borrow::Cow::into_owned))
    }

    /// See the table of the module docs.
    fn delivery_id(request: &Incoming<'_>, event: &Decoded<Self>) -> Option<String> {
        let (message, status) = match event.event() {
            Self::MessagesUpsert(payload) | Self::SendMessage(payload) => {
                (payload.data.get()?.message_id()?, None)
            }
            Self::MessagesUpdate(payload) => {
                let update = payload.data.get()?;
                (update.message_id()?, Some(update.provider_status()?))
            }
            _ => return None,
        };
        let instance = event
            .event()
            .instance_name()
            .map(str::to_owned)
            .or_else(|| Self::owner(request))
            .unwrap_or_default();
        let mut id = format!("{instance}/{}/{message}", event.name());
        if let Some(status) = status {
            id.push('/');
            id.push_str(status);
        }
        Some(id)
    }
}

#[cfg(feature = "receiver")]
impl chat_events_webhook::BearerLikeEvolution for Event {}
