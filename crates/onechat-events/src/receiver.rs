//! The webhook receiver for Chatwoot's HTTP webhooks (account webhooks, API inboxes, agent
//! bots): Chatwoot POSTs, the receiver checks the signature, drops repeats and hands you
//! [`WebhookEvent`]s typed.
//!
//! ```no_run
//! use onechat_events::{
//!     EventSource,
//!     receiver::{Receiver, ReceiverError, Update},
//!     webhook_events::WebhookEvent,
//! };
//!
//! # async fn run() -> std::io::Result<()> {
//! let (server, mut events) = Receiver::builder()
//!     .path("/webhooks/chatwoot")
//!     // The webhook's secret, from Chatwoot's webhook settings.
//!     .signature_secret(std::env::var("CHATWOOT_WEBHOOK_SECRET").expect("CHATWOOT_WEBHOOK_SECRET"))
//!     .serve("127.0.0.1:8080".parse().unwrap())
//!     .await?;
//! while let Some(item) = events.next_event().await {
//!     match item {
//!         Ok(update) => {
//!             if let Some(WebhookEvent::MessageCreated(message)) = update.event() {
//!                 println!("{:?}: {:?}", message.sender(), message.text());
//!             }
//!         }
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
//! The receiver is [`chat_events_webhook`]'s, shared with CodeChat's: its crate docs have the
//! table of what it answers, its limits, backpressure, cancel safety and tracing.
//!
//! # Signatures
//!
//! Chatwoot signs its webhooks (account webhooks since 4.11.2, API-inbox and agent-bot
//! webhooks since 4.13.0): `X-Chatwoot-Signature: sha256=<hex>`, the HMAC-SHA256 with the
//! webhook's secret over `"{X-Chatwoot-Timestamp}.{raw body}"`. With
//! [`ReceiverBuilder::signature_secret`] the receiver checks it in constant time, refuses a
//! timestamp more than [`ReceiverBuilder::signature_tolerance`] (default 300 s) away from its
//! clock either way, and takes several secrets while one is rotated. A refused request is
//! answered 401 with a `reason` ([`Refusal::code`](chat_events_webhook::Refusal::code)):
//! `missing_signature`, `missing_timestamp`, `malformed_signature`, `malformed_timestamp`,
//! `stale_timestamp`, `future_timestamp` or `bad_signature`. For an older Chatwoot, which
//! signs nothing, use a shared secret in the URL ([`ReceiverBuilder::secret_path`] or
//! [`ReceiverBuilder::secret_query`]).
//!
//! # Backpressure
//!
//! When the queue is full or the event could not be stored ([`ReceiverBuilder::persist`]),
//! this receiver answers **429** with `Retry-After: 1` (CodeChat's answers 503): Chatwoot
//! retries an agent-bot webhook on 429 and 500 only (3 attempts, 3 s apart), and never
//! retries account or API-inbox webhooks, so size the queue
//! ([`ReceiverBuilder::queue_capacity`]) for your bursts and keep the consumer fast, or store
//! first with a durable log.
//!
//! # Repeats
//!
//! Each delivery's `X-Chatwoot-Delivery` id (a UUID that Chatwoot's retries reuse) is its
//! [`Request::delivery`]: a delivery answered 200 is answered 200 again within
//! [`ReceiverBuilder::repeat_window`] without being delivered. A body without the header
//! (an older Chatwoot) is always delivered.

use chat_events_core::Decoded;
use chat_events_webhook::{Incoming, auth::chatwoot::DELIVERY_HEADER};

use crate::webhook_events::WebhookEvent;

pub use chat_events_webhook::{
    ConfigError, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
    DEFAULT_MAX_CONNECTIONS, DEFAULT_QUEUE_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_QUEUE_WAIT,
    DEFAULT_REPEAT_CAPACITY, DEFAULT_REPEAT_WINDOW, DEFAULT_SHUTDOWN_TIMEOUT, Persist, RETRY_AFTER,
    ReceiverError, Refusal, Request, Server, auth::chatwoot,
};

/// The consumer side of the receiver: accepted Chatwoot webhooks (and refused known ones) in
/// arrival order; see [`chat_events_webhook::Receiver`].
pub type Receiver = chat_events_webhook::Receiver<WebhookEvent>;

/// Configures a [`Receiver`] and its route; from [`Receiver::builder`].
pub type ReceiverBuilder = chat_events_webhook::ReceiverBuilder<WebhookEvent>;

/// What the [`Receiver`] yields: always
/// [`Update::Event`](chat_events_core::Update::Event), with the [`Request`] the webhook came
/// in as its source and the time the receiver got it.
pub type Update = chat_events_webhook::Update<WebhookEvent>;

impl chat_events_webhook::Webhook for WebhookEvent {
    /// 429: Chatwoot retries an agent-bot webhook only on 429 and 500 (3 attempts, 3 s
    /// apart), and account and API-inbox webhooks never.
    const RETRY_STATUS: u16 = 429;

    /// `X-Chatwoot-Delivery`, when sent.
    fn delivery_id(request: &Incoming<'_>, _: &Decoded<Self>) -> Option<String> {
        request
            .header(DELIVERY_HEADER)
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
    }
}

impl chat_events_webhook::SignedLikeChatwoot for WebhookEvent {}
