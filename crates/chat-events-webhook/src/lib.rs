//! The webhook receiver of chat-events' HTTP providers: CodeChat (and Evolution API) and
//! Chatwoot (OneChat). You use it through your provider crate —
//! `codechat_events::receiver` or `onechat_events::receiver` — which name its types for
//! their events; this crate holds what they share, and [`auth`]'s checks for an HTTP server
//! of your own.
//!
//! # What the receiver answers
//!
//! | request | status | body |
//! | --- | --- | --- |
//! | a known event that decodes, or an unknown event | 200 | `{"accepted":true,"event":…,"known":…}` |
//! | a repeat of a delivery already accepted | 200 | the same, with `"repeat":true`; not delivered again |
//! | a repeat while the first is still being handled | 503 (Chatwoot: 429), `Retry-After: 1` | `in_flight` |
//! | a known event whose data does not fit its model | 422 | the error, with its JSON path; also reported through the [`Receiver`] as [`ReceiverError::Decode`] with the raw body |
//! | not JSON, or no event name | 400 | the error, with line and column or path |
//! | `Content-Type` other than JSON | 415 | |
//! | body over the limit | 413 | |
//! | authentication failed | 401 | `{"error":"unauthorized","reason":<code>,…}` ([`Refusal::code`]) |
//! | method other than POST | 405, `Allow: POST` | |
//! | the queue is full (the consumer is behind), or the event could not be stored | 503 (Chatwoot: 429, the status its agent bots retry), `Retry-After: 1` | |
//!
//! Every error body is JSON: `{"error": <code>, "message": …, …}`. Messages never quote the
//! payload (it holds personal data), a secret, a signature or a token.
//!
//! Each accepted event arrives as [`Update::Event`](chat_events_core::Update::Event) with the
//! [`Request`] it came in (its path, the provider's owner, the delivery id) and the time it
//! was received. The receiver never yields `Subscribed` or `Reconnected`.
//!
//! # Authentication
//!
//! One method per receiver, set on its builder; secrets come from your configuration, are
//! compared in constant time and never reach a log, a `Debug` output, a [`Request`] or an
//! error. Each method takes several secrets at once, for rotation.
//!
//! - **Chatwoot's signature** ([`ReceiverBuilder::signature_secret`], Chatwoot receivers):
//!   HMAC-SHA256 of `"{X-Chatwoot-Timestamp}.{body}"`, a timestamp within 300 s either way
//!   ([`ReceiverBuilder::signature_tolerance`]); see [`auth::chatwoot`].
//! - **Evolution API's JWT** ([`ReceiverBuilder::jwt_secret`], CodeChat receivers, feature
//!   `jwt`): `Authorization: Bearer`, HS256 only, `exp` and `iat` checked; see
//!   `auth::evolution`.
//! - **A shared secret** ([`ReceiverBuilder::secret_header`], [`secret_query`],
//!   [`secret_path`]): for senders that can only be given a URL or a static header.
//!
//! [`secret_query`]: ReceiverBuilder::secret_query
//! [`secret_path`]: ReceiverBuilder::secret_path
//!
//! # Repeats
//!
//! Senders repeat deliveries: Chatwoot retries, Evolution API retries up to 10 times and
//! re-sends on timeouts, and a captured signed request can be replayed within the signature's
//! tolerance. Each provider names a delivery id ([`Request::delivery`]: Chatwoot's
//! `X-Chatwoot-Delivery`; for CodeChat, ids the payload carries). A delivery answered 200 is
//! remembered for [`ReceiverBuilder::repeat_window`] (default 1 hour, at most
//! [`ReceiverBuilder::repeat_capacity`] ids): a repeat is answered 200 and not delivered
//! again. The record is in memory, so a restart forgets it; a relay to NATS JetStream
//! (`chat-events-nats`) stores each event under its delivery id, and JetStream drops a repeat
//! within its duplicate window, across restarts and across receivers.
//!
//! # Backpressure and delivery
//!
//! Accepted events go into a bounded queue ([`ReceiverBuilder::queue_capacity`], default
//! 1024, and [`ReceiverBuilder::queue_bytes`]) that the [`Receiver`] drains. The receiver
//! answers 200 only after the event is in the queue (and stored, with
//! [`ReceiverBuilder::persist`]), so an accepted event is never dropped. When the queue is
//! full it answers 503 (429 for Chatwoot) with `Retry-After: 1` and does not keep the event: a sender that
//! retries delivers it later. After the server is closed ([`Server::close`], or every router
//! clone is dropped), the receiver yields what is still queued and then ends.
//!
//! # Runtime, threads and cancellation
//!
//! - **Runtime**: Tokio, with the time and I/O drivers; [`ReceiverBuilder::serve`] spawns the
//!   server on it. With [`ReceiverBuilder::router`], your axum server runs the handlers.
//! - **Threads**: [`Receiver`], [`Server`], [`Update`] and [`ReceiverError`] are `Send` and
//!   `Sync`.
//! - **Cancel safety**: `EventSource::next_event`, `EventSource::next_batch` and
//!   `futures::Stream::poll_next` are cancel safe: a future dropped before it completes takes
//!   nothing from the queue. [`Server::close`] is not: dropping its future leaves the server
//!   shutting down without waiting for it.
//! - **Tracing**: each request is handled inside a `webhook` span (the provider, the route,
//!   then the event name, the body's size, the status answered and, when refused as
//!   unauthenticated, the reason code).
//! - **Configuration**: [`ReceiverBuilder::router`] and [`ReceiverBuilder::serve`] refuse a
//!   configuration that cannot work with a [`ConfigError`]; limits too large for the runtime
//!   are clamped; nothing panics.
//!
//! Written on axum because it is the router users mount webhooks in; the HTTP details
//! (limits, status codes, each provider's authentication, repeats) are the receiver's own
//! job, which no crate does for these providers.
#![cfg_attr(feature = "document-features", doc = "## Feature flags")]
#![cfg_attr(feature = "document-features", doc = document_features::document_features!())]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod auth;
mod receiver;
mod repeats;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;

pub use auth::Refusal;
#[cfg(feature = "jwt")]
pub use receiver::BearerLikeEvolution;
pub use receiver::{
    Incoming, Persist, Receiver, ReceiverError, Request, SignedLikeChatwoot, Update, Webhook,
    server::{
        ConfigError, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS, DEFAULT_QUEUE_BYTES, DEFAULT_QUEUE_CAPACITY, DEFAULT_QUEUE_WAIT,
        DEFAULT_REPEAT_CAPACITY, DEFAULT_REPEAT_WINDOW, DEFAULT_SHUTDOWN_TIMEOUT, RETRY_AFTER,
        ReceiverBuilder, Server,
    },
};
