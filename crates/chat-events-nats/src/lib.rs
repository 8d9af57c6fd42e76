//! Relay chat events into NATS JetStream, and consume them back as typed events.
//!
//! Pusher and Action Cable keep no history and a webhook not stored is lost: past one
//! process, events go into a durable log at the edge and consumers scale on it. We do not
//! build that log: this crate uses NATS JetStream (`async-nats`; a Debian `nats-server -js`,
//! or a 3-node cluster with R3 streams when one server is not enough).
//!
//! - [`Sink`] publishes each event with its raw JSON **unchanged** as the message body to
//!   `<prefix>.<provider>.<event>` (`chat-events.codechat.messages.upsert`), with headers
//!   `provider`, `event`, `source`, `received-at`, `known` and `Nats-Msg-Id`, and awaits
//!   JetStream's acknowledgement before an event counts as delivered. In-flight publishes are
//!   bounded; a publish that is not acknowledged is retried with backoff, and after the
//!   retries the caller gets a [`SinkError`]: an event is never dropped in silence.
//! - [`message_id`]: the `Nats-Msg-Id` of an event. When the provider names the delivery
//!   (Chatwoot's `X-Chatwoot-Delivery`, the ids of a CodeChat message; the webhook receiver's
//!   `Request::delivery`), a SHA-256 of the provider, the source and that id
//!   ([`delivery_message_id`]): every repeat of the delivery, whatever its bytes, is stored
//!   once. Otherwise a SHA-256 of the provider, the source and the event's canonical JSON
//!   (keys sorted, numbers and strings as parsed). Two relays subscribed to the same channels
//!   (failover) publish the same event under the same id, and JetStream stores it once
//!   within the stream's duplicate window. The limit of the content id: a provider that
//!   re-sends an event with identical content on the same source inside the window is
//!   stored once too.
//! - [`ensure_stream`]: creates the stream (or checks it) with sane defaults: file storage,
//!   subjects `<prefix>.>`, a 2-minute duplicate window.
//! - `StoreFirst` (feature `webhook`): the webhook receivers' (CodeChat, Chatwoot) `Persist`
//!   hook, so a webhook is answered 200 only once its event is stored (503 while it cannot
//!   be), under its delivery id when it has one.
//! - [`Source`]: a durable pull consumer as an [`EventSource`]: typed [`Delivered`] events of
//!   one provider, acknowledged when the caller says ([`Delivered::ack`]); an event not
//!   acknowledged within the consumer's ack wait (a crashed consumer) is delivered again.
//!
#![cfg_attr(feature = "document-features", doc = "## Feature flags")]
#![cfg_attr(feature = "document-features", doc = document_features::document_features!())]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "webhook")]
mod webhook;
#[cfg(feature = "webhook")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhook")))]
pub use webhook::StoreFirst;

use std::{
    fmt,
    marker::PhantomData,
    sync::Arc,
    time::{Duration, SystemTime},
};

use async_nats::{
    HeaderMap,
    jetstream::{self, consumer::PullConsumer, stream::StorageType},
};
use chat_events_core::{DecodeError, Decoded, EventSource, ProviderEvent, SourceError};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// The header names the sink writes.
pub mod headers {
    /// The provider: `chatapp`, `codechat`, `onechat`.
    pub const PROVIDER: &str = "provider";
    /// The event's wire name.
    pub const EVENT: &str = "event";
    /// Where it came from: a channel, a subscription, a webhook path.
    pub const SOURCE: &str = "source";
    /// When the transport received it (RFC 3339, UTC).
    pub const RECEIVED_AT: &str = "received-at";
    /// `true` for an event the models know, `false` for one kept raw.
    pub const KNOWN: &str = "known";
    /// JetStream's de-duplication id.
    pub const MSG_ID: &str = "Nats-Msg-Id";
    /// The provider's delivery id, when it names one (webhooks).
    pub const DELIVERY: &str = "delivery";
}

/// The default subject prefix.
pub const DEFAULT_PREFIX: &str = "chat-events";

/// The subject of an event: `<prefix>.<provider>.<event>`. The event's dots become subject
/// tokens (`messages.upsert` → `….messages.upsert`, so `chat-events.codechat.messages.>`
/// selects a family); characters a subject cannot hold (spaces, `*`, `>`) become `_`.
pub fn subject(prefix: &str, provider: &str, event: &str) -> String {
    // One pass, one allocation: it runs for every event relayed.
    let clean = |c: char| {
        if c.is_whitespace() || c == '*' || c == '>' {
            '_'
        } else {
            c
        }
    };
    let mut out = String::with_capacity(prefix.len() + provider.len() + event.len() + 4);
    out.push_str(prefix);
    out.push('.');
    out.extend(provider.chars().map(clean));
    out.push('.');
    let mut token_empty = true;
    for c in event.chars() {
        if c == '.' {
            if token_empty {
                out.push('_');
            }
            token_empty = true;
        } else {
            token_empty = false;
        }
        out.push(clean(c));
    }
    if token_empty {
        out.push('_');
    }
    out
}

/// The `Nats-Msg-Id` of an event (see the crate docs): hex SHA-256 of
/// `provider \0 source \0 canonical JSON`. Raw text that is not JSON is hashed as it is.
pub fn message_id(provider: &str, source: &str, raw: &str) -> String {
    // Written from the text (no `Value` built); the same bytes as printing the `Value`.
    let mut canonical = String::with_capacity(raw.len());
    if !chat_events_core::unstable::write_canonical_json(raw, &mut canonical) {
        canonical = serde_json::from_str::<serde_json::Value>(raw)
            .map_or_else(|_| raw.to_owned(), |value| value.to_string());
    }
    let mut hash = Sha256::new();
    hash.update(provider.as_bytes());
    hash.update([0]);
    hash.update(source.as_bytes());
    hash.update([0]);
    hash.update(canonical.as_bytes());
    hex::encode(hash.finalize())
}

/// The `Nats-Msg-Id` of a delivery the provider named: hex SHA-256 of
/// `provider \0 source \0 delivery \0 id`. Repeats of one delivery share it whatever their
/// bytes; the same id on another source (another webhook path) is another delivery.
pub fn delivery_message_id(provider: &str, source: &str, delivery: &str) -> String {
    let mut hash = Sha256::new();
    for part in [provider, source, "delivery", delivery] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    hex::encode(hash.finalize())
}

/// Why the log could not be reached or used.
#[derive(Debug)]
#[non_exhaustive]
pub enum SinkError {
    /// Connecting to the server failed.
    Connect(String),
    /// The stream could not be created or read.
    Stream(String),
    /// An event was not stored after every retry: it is **not** in the log.
    NotStored {
        /// The subject it was for.
        subject: String,
        /// The last failure.
        reason: String,
    },
}

impl fmt::Display for SinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connect(reason) => write!(f, "nats: cannot connect: {reason}"),
            Self::Stream(reason) => write!(f, "nats: stream: {reason}"),
            Self::NotStored { subject, reason } => {
                write!(f, "nats: event for {subject} not stored: {reason}")
            }
        }
    }
}

impl std::error::Error for SinkError {}

/// The stream's settings: [`Default`], then the `with_*` methods.
///
/// ```
/// use std::time::Duration;
///
/// let settings = chat_events_nats::StreamSettings::default()
///     .with_replicas(3)
///     .with_max_age(Duration::from_secs(7 * 24 * 3600));
/// assert_eq!((settings.name.as_str(), settings.replicas), ("CHAT_EVENTS", 3));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct StreamSettings {
    /// The stream's name (default `CHAT_EVENTS`).
    pub name: String,
    /// The subject prefix (default [`DEFAULT_PREFIX`]); the stream takes `<prefix>.>`.
    pub prefix: String,
    /// How long JetStream remembers message ids to drop duplicates (default 2 minutes).
    pub duplicate_window: Duration,
    /// Replicas (1 for one server; 3 on a 3-node cluster).
    pub replicas: usize,
    /// How long events are kept (zero, the default: until the stream's other limits).
    pub max_age: Duration,
}

impl Default for StreamSettings {
    fn default() -> Self {
        Self {
            name: "CHAT_EVENTS".to_owned(),
            prefix: DEFAULT_PREFIX.to_owned(),
            duplicate_window: Duration::from_secs(120),
            replicas: 1,
            max_age: Duration::ZERO,
        }
    }
}

impl StreamSettings {
    /// The stream's name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The subject prefix: the stream takes `<prefix>.>`.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long JetStream remembers message ids to drop duplicates.
    pub fn with_duplicate_window(mut self, window: Duration) -> Self {
        self.duplicate_window = window;
        self
    }

    /// Replicas: 3 on a 3-node cluster makes the stream survive the loss of a node.
    pub fn with_replicas(mut self, replicas: usize) -> Self {
        self.replicas = replicas;
        self
    }

    /// How long events are kept (zero: until the stream's other limits).
    pub fn with_max_age(mut self, max_age: Duration) -> Self {
        self.max_age = max_age;
        self
    }
}

/// Creates the stream, or returns the existing one.
///
/// # Errors
///
/// [`SinkError::Stream`] when JetStream refuses (not enabled, conflicting settings).
pub async fn ensure_stream(
    context: &jetstream::Context,
    settings: &StreamSettings,
) -> Result<jetstream::stream::Stream, SinkError> {
    context
        .get_or_create_stream(jetstream::stream::Config {
            name: settings.name.clone(),
            subjects: vec![format!("{}.>", settings.prefix)],
            storage: StorageType::File,
            duplicate_window: settings.duplicate_window,
            num_replicas: settings.replicas,
            max_age: settings.max_age,
            ..Default::default()
        })
        .await
        .map_err(|error| SinkError::Stream(error.to_string()))
}

/// One event to relay.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Relayed<'a> {
    /// The provider.
    pub provider: &'a str,
    /// The event's wire name.
    pub event: &'a str,
    /// Where it came from.
    pub source: &'a str,
    /// When it was received.
    pub received_at: SystemTime,
    /// Whether the models know it.
    pub known: bool,
    /// Its JSON, exactly as received.
    pub raw: &'a str,
    /// The provider's delivery id, when it names one: the `Nats-Msg-Id` is made from it
    /// ([`delivery_message_id`]) instead of the content.
    pub delivery: Option<&'a str>,
}

impl<'a> Relayed<'a> {
    /// A decoded event of `provider` from `source`.
    pub fn of<E: ProviderEvent>(
        provider: &'a str,
        source: &'a str,
        event: &'a Decoded<E>,
        received_at: SystemTime,
    ) -> Self {
        Self {
            provider,
            event: event.name(),
            source,
            received_at,
            known: !event.is_unknown(),
            raw: event.raw().get(),
            delivery: None,
        }
    }

    /// The same event with the provider's delivery id.
    #[must_use]
    pub const fn with_delivery(mut self, delivery: Option<&'a str>) -> Self {
        self.delivery = delivery;
        self
    }
}

/// What JetStream said about a stored event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stored {
    /// Its sequence in the stream.
    pub sequence: u64,
    /// Whether JetStream had it already (another relay stored it).
    pub duplicate: bool,
}

/// Publishes events to JetStream (see the crate docs). Cheap to clone; share one per process.
#[derive(Clone)]
pub struct Sink {
    context: jetstream::Context,
    prefix: Arc<str>,
    in_flight: Arc<Semaphore>,
    attempts: u32,
    backoff: Duration,
    ack_timeout: Duration,
}

impl fmt::Debug for Sink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sink")
            .field("prefix", &self.prefix)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

impl Sink {
    /// Connects to `url` (`nats://127.0.0.1:4222`) and makes sure the stream exists.
    ///
    /// # Errors
    ///
    /// [`SinkError::Connect`] or [`SinkError::Stream`].
    pub async fn connect(url: &str, settings: &StreamSettings) -> Result<Self, SinkError> {
        let client = async_nats::ConnectOptions::new()
            .retry_on_initial_connect()
            .connection_timeout(Duration::from_secs(5))
            .connect(url)
            .await
            .map_err(|error| SinkError::Connect(error.to_string()))?;
        let context = jetstream::new(client);
        ensure_stream(&context, settings).await?;
        Ok(Self::new(context, &settings.prefix))
    }

    /// A sink on an existing JetStream context, publishing under `prefix`: at most 256
    /// events in flight, 8 attempts per event with backoff from 100 ms (about 25 s in all).
    pub fn new(context: jetstream::Context, prefix: &str) -> Self {
        Self {
            context,
            prefix: prefix.into(),
            in_flight: Arc::new(Semaphore::new(256)),
            attempts: 8,
            backoff: Duration::from_millis(100),
            ack_timeout: Duration::from_secs(5),
        }
    }

    /// How long one attempt waits for JetStream's acknowledgement (default 5 s).
    pub fn ack_timeout(mut self, timeout: Duration) -> Self {
        self.ack_timeout = timeout;
        self
    }

    /// How many attempts an event gets and the first backoff (doubled each time, at most
    /// 5 s).
    pub fn retries(mut self, attempts: u32, first_backoff: Duration) -> Self {
        self.attempts = attempts.max(1);
        self.backoff = first_backoff;
        self
    }

    /// Stores one event; returns once JetStream acknowledged it.
    ///
    /// # Errors
    ///
    /// [`SinkError::NotStored`] after every attempt failed: the event is not in the log, and
    /// the caller must not report it delivered (a webhook must not be answered 200).
    pub async fn publish(&self, event: Relayed<'_>) -> Result<Stored, SinkError> {
        // A `Subject` shares its bytes: cloning it for an attempt copies nothing.
        let subject = async_nats::Subject::from(subject(&self.prefix, event.provider, event.event));
        let id = match event.delivery {
            Some(delivery) => delivery_message_id(event.provider, event.source, delivery),
            None => message_id(event.provider, event.source, event.raw),
        };
        let received_at = humantime::format_rfc3339_millis(event.received_at).to_string();
        // Built once and handed to the first attempt; a retry (rare) builds them again
        // rather than every publish cloning them.
        let build_headers = || {
            let mut headers = HeaderMap::new();
            headers.insert(headers::PROVIDER, event.provider);
            headers.insert(headers::EVENT, event.event);
            headers.insert(headers::SOURCE, event.source);
            headers.insert(headers::RECEIVED_AT, received_at.as_str());
            headers.insert(headers::KNOWN, if event.known { "true" } else { "false" });
            if let Some(delivery) = event.delivery {
                headers.insert(headers::DELIVERY, delivery);
            }
            headers.insert(headers::MSG_ID, id.as_str());
            headers
        };
        let mut first_headers = Some(build_headers());
        let payload = bytes::Bytes::copy_from_slice(event.raw.as_bytes());
        let _permit = self
            .in_flight
            .acquire()
            .await
            .map_err(|_| SinkError::NotStored {
                subject: subject.to_string(),
                reason: "the sink is closed".to_owned(),
            })?;
        let mut backoff = self.backoff;
        let mut last = String::new();
        for attempt in 1..=self.attempts {
            let attempt_once = async {
                let future = self
                    .context
                    .publish_with_headers(
                        subject.clone(),
                        first_headers.take().unwrap_or_else(build_headers),
                        payload.clone(),
                    )
                    .await
                    .map_err(|error| error.to_string())?;
                future.await.map_err(|error| error.to_string())
            };
            let acked = tokio::time::timeout(self.ack_timeout, attempt_once)
                .await
                .unwrap_or_else(|_| {
                    Err(format!("no acknowledgement within {:?}", self.ack_timeout))
                });
            match acked {
                Ok(ack) => {
                    return Ok(Stored {
                        sequence: ack.sequence,
                        duplicate: ack.duplicate,
                    });
                }
                Err(reason) => {
                    tracing::warn!(%subject, attempt, %reason, "nats: publish not acknowledged; retrying");
                    last = reason;
                }
            }
            if attempt < self.attempts {
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
        Err(SinkError::NotStored {
            subject: subject.to_string(),
            reason: last,
        })
    }
}

/// An event read back from the log.
#[non_exhaustive]
pub struct Delivered<E> {
    /// The provider (`provider` header).
    pub provider: String,
    /// Where it came from (`source` header).
    pub source: String,
    /// When it was received (`received-at` header, as written).
    pub received_at: String,
    /// The event, with its raw JSON as stored.
    pub event: Decoded<E>,
    message: jetstream::Message,
}

impl<E: fmt::Debug> fmt::Debug for Delivered<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Delivered")
            .field("provider", &self.provider)
            .field("source", &self.source)
            .field("received_at", &self.received_at)
            .field("event", &self.event)
            .finish_non_exhaustive()
    }
}

impl<E> Delivered<E> {
    /// The message's subject.
    pub fn subject(&self) -> &str {
        self.message.subject.as_str()
    }

    /// Acknowledges it: JetStream will not deliver it to this consumer again.
    ///
    /// # Errors
    ///
    /// The acknowledgement could not be sent (it will then be redelivered).
    pub async fn ack(&self) -> Result<(), SourceFailure> {
        self.message
            .ack()
            .await
            .map_err(|error| SourceFailure::fatal(false, error.to_string()))
    }
}

/// What a [`Source`] reports.
#[derive(Debug)]
#[non_exhaustive]
pub struct SourceFailure {
    fatal: bool,
    message: String,
    decode: Option<DecodeError>,
}

impl SourceFailure {
    fn fatal(fatal: bool, message: String) -> Self {
        Self {
            fatal,
            message,
            decode: None,
        }
    }

    /// The decode error, when a stored body did not decode (the message is acknowledged as
    /// handled with `Term` so it is not redelivered forever; its bytes are in the error).
    pub fn decode_error(&self) -> Option<&DecodeError> {
        self.decode.as_ref()
    }
}

impl fmt::Display for SourceFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SourceFailure {}

impl SourceError for SourceFailure {
    fn is_fatal(&self) -> bool {
        self.fatal
    }
}

/// A durable pull consumer of one provider's events (`<prefix>.<provider>.>`) as an
/// [`EventSource`] of typed [`Delivered`] events.
pub struct Source<E> {
    messages: jetstream::consumer::pull::Stream,
    _event: PhantomData<fn() -> E>,
}

impl<E> fmt::Debug for Source<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Source").finish_non_exhaustive()
    }
}

impl<E: ProviderEvent> Source<E> {
    /// Binds (creating when missing) the durable consumer `durable` on the stream for the
    /// events of `E`'s provider; an event not acknowledged within `ack_wait` is delivered
    /// again.
    ///
    /// # Errors
    ///
    /// [`SinkError::Stream`] when the stream or the consumer cannot be used.
    pub async fn bind(
        context: &jetstream::Context,
        settings: &StreamSettings,
        durable: &str,
        ack_wait: Duration,
    ) -> Result<Self, SinkError> {
        let stream = ensure_stream(context, settings).await?;
        let consumer: PullConsumer = stream
            .get_or_create_consumer(
                durable,
                jetstream::consumer::pull::Config {
                    durable_name: Some(durable.to_owned()),
                    ack_policy: jetstream::consumer::AckPolicy::Explicit,
                    ack_wait,
                    filter_subject: format!("{}.{}.>", settings.prefix, E::PROVIDER),
                    ..Default::default()
                },
            )
            .await
            .map_err(|error| SinkError::Stream(error.to_string()))?;
        let messages = consumer
            .messages()
            .await
            .map_err(|error| SinkError::Stream(error.to_string()))?;
        Ok(Self {
            messages,
            _event: PhantomData,
        })
    }
}

#[async_trait::async_trait]
impl<E: ProviderEvent + Send + 'static> EventSource for Source<E> {
    type Item = Delivered<E>;
    type Error = SourceFailure;

    async fn next_event(&mut self) -> Option<Result<Delivered<E>, SourceFailure>> {
        let message = match self.messages.next().await? {
            Ok(message) => message,
            Err(error) => return Some(Err(SourceFailure::fatal(false, error.to_string()))),
        };
        let header = |name: &str| -> String {
            message
                .headers
                .as_ref()
                .and_then(|headers| headers.get(name))
                .map(|value| value.as_str().to_owned())
                .unwrap_or_default()
        };
        let (provider, source, received_at) = (
            header(headers::PROVIDER),
            header(headers::SOURCE),
            header(headers::RECEIVED_AT),
        );
        let event_name = header(headers::EVENT);
        let decoded = if event_name.is_empty() {
            E::decode(&message.payload)
        } else {
            E::decode_named(&event_name, &message.payload)
        };
        match decoded {
            Ok(event) => Some(Ok(Delivered {
                provider,
                source,
                received_at,
                event,
                message,
            })),
            Err(error) => {
                let _ = message.ack_with(jetstream::AckKind::Term).await;
                Some(Err(SourceFailure {
                    fatal: false,
                    message: error.to_string(),
                    decode: Some(error),
                }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_and_ids() {
        assert_eq!(
            subject("chat-events", "codechat", "messages.upsert"),
            "chat-events.codechat.messages.upsert"
        );
        assert_eq!(subject("p", "onechat", "a b*>"), "p.onechat.a_b__");
        assert_eq!(subject("p", "x", "a..b"), "p.x.a._.b");
        assert_eq!(subject("p", "x", ".a."), "p.x._.a._");
        assert_eq!(subject("p", "x", ""), "p.x._");
        assert_eq!(subject("p", "x y>", "é\tz"), "p.x_y_.é_z");
        // The same event however its JSON is spaced or ordered: the same id.
        let a = message_id("codechat", "/hook", r#"{"event":"x","data":{"a":1,"b":2}}"#);
        let b = message_id(
            "codechat",
            "/hook",
            "{ \"data\": {\"b\":2, \"a\":1}, \"event\": \"x\" }",
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            message_id(
                "codechat",
                "/other",
                r#"{"event":"x","data":{"a":1,"b":2}}"#
            )
        );
        assert_eq!(a.len(), 64);
    }
}

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
