//! What every live transport shares: the [`EventSource`] trait (and `futures::Stream`), the
//! [`Update`] it yields, the [`ConnectionState`] a connected client reports, and
//! [`ReplaySource`] for captured traffic.
//!
//! The three transports use the same words for the same roles:
//!
//! | role | ChatApp | OneChat | CodeChat |
//! |---|---|---|---|
//! | entry | `Client::builder(token)` | `Client::agent(…)`, `Client::contact(…)` | `Receiver::builder()` |
//! | start | `connect().await?` | `connect().await?` | `serve(addr).await?`, `router()` |
//! | items | `Update<Channel, Event>` | `Update<Identifier, Event>` | `Update<Request, Event>` |
//! | errors | `ClientError` | `ClientError` | `ReceiverError` |
//! | state | `state()`, `is_connected()` | same | — |
//! | stop | `close().await` | same | `Server::close().await` |

use std::{
    error::Error as StdError,
    marker::PhantomData,
    pin::Pin,
    task::{Context, Poll},
    time::{Duration, SystemTime},
};

use async_trait::async_trait;

use crate::{DecodeError, Decoded, ProviderEvent};

/// What a live transport yields: an event with where it came from, or a notice.
///
/// `S` is the source an event comes on: a ChatApp channel, a OneChat subscription, a
/// CodeChat webhook request. `E` is the provider's event enum.
///
/// Most code wants the event only: [`event`](Self::event) gives the typed event to match
/// on, [`decoded`](Self::decoded) the event with its raw JSON.
///
/// ```
/// use chat_events_core::{Decoded, RawJson, Update};
/// # #[derive(Debug, PartialEq)] enum Event { Ping(u8) }
/// # let decoded = Decoded::from_parts(Event::Ping(1), RawJson::from_string("{}".to_owned()).unwrap());
/// let update = Update::Event { source: "room", event: decoded, received_at: std::time::SystemTime::now() };
/// if let Some(Event::Ping(n)) = update.event() {
///     assert_eq!(*n, 1);
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Update<S, E> {
    /// An event arrived.
    Event {
        /// Where it came from.
        source: S,
        /// The event, with the JSON it came in.
        event: Decoded<E>,
        /// When the transport received it.
        received_at: SystemTime,
    },
    /// A source was subscribed (after every connection, for clients).
    Subscribed {
        /// The source.
        source: S,
    },
    /// The connection came back after `downtime`. Nothing sent in between is replayed:
    /// resynchronize over the provider's REST API.
    Reconnected {
        /// How long the client was not connected.
        downtime: Duration,
    },
}

impl<S, E> Update<S, E> {
    /// The typed event, when this is one: `match update.event() { Some(Event::…(e)) => … }`.
    pub fn event(&self) -> Option<&E> {
        self.decoded().map(Decoded::event)
    }

    /// The event with the JSON it came in, when this is one.
    pub const fn decoded(&self) -> Option<&Decoded<E>> {
        match self {
            Self::Event { event, .. } => Some(event),
            Self::Subscribed { .. } | Self::Reconnected { .. } => None,
        }
    }

    /// The event with its JSON, when this is one, dropping the rest.
    pub fn into_decoded(self) -> Option<Decoded<E>> {
        match self {
            Self::Event { event, .. } => Some(event),
            Self::Subscribed { .. } | Self::Reconnected { .. } => None,
        }
    }

    /// The source, for events and subscriptions.
    pub const fn source(&self) -> Option<&S> {
        match self {
            Self::Event { source, .. } | Self::Subscribed { source } => Some(source),
            Self::Reconnected { .. } => None,
        }
    }
}

/// The state of a client's connection, as its `state()` watch reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConnectionState {
    /// Dialing, or waiting for the server's handshake.
    Connecting,
    /// Connected; subscriptions are sent.
    Connected,
    /// Still not connected after the client's `unavailable_after` (10 s by default) of trying;
    /// the client keeps trying.
    Unavailable,
    /// Closed on request.
    Closed,
    /// Stopped for good after a fatal error.
    Failed,
}

impl ConnectionState {
    /// Whether the client is connected.
    pub const fn is_connected(self) -> bool {
        matches!(self, Self::Connected)
    }

    /// Whether the client has stopped for good (closed or failed).
    pub const fn is_final(self) -> bool {
        matches!(self, Self::Closed | Self::Failed)
    }
}

/// A source of typed events: a websocket client, a webhook receiver, a replay of captured
/// payloads. Every source is also a `futures::Stream` of the same items, for `StreamExt`
/// combinators.
///
/// Each call to [`next_event`](Self::next_event) yields one of three things:
///
/// - `Some(Ok(item))`: the next event (or transport notice, for sources that have them);
/// - `Some(Err(error))`: something went wrong. If [`error.is_fatal()`](SourceError::is_fatal)
///   is false the source keeps going (a frame that failed to decode, one subscription that was
///   refused, a reconnect); if it is true, the source has stopped and the next call returns
///   `None`;
/// - `None`: the source is closed for good (shut down, or stopped after a fatal error).
///
/// Sources never drop an event they accepted without telling: an item that cannot be decoded
/// comes out as an error carrying its raw bytes.
///
/// The trait uses [`async_trait`](macro@async_trait::async_trait) so that it is object safe
/// (`Box<dyn EventSource<Item = …, Error = …>>`); the core crate does not depend on any
/// async runtime.
///
/// ```
/// use chat_events_core::{EventSource, SourceError};
///
/// async fn drain<S: EventSource>(source: &mut S) -> (usize, usize) {
///     let (mut events, mut errors) = (0, 0);
///     while let Some(item) = source.next_event().await {
///         match item {
///             Ok(_) => events += 1,
///             Err(error) if error.is_fatal() => break,
///             Err(_) => errors += 1,
///         }
///     }
///     (events, errors)
/// }
/// ```
#[async_trait]
pub trait EventSource: Send {
    /// What the source yields: typically a provider's `Decoded<Event>`, or a transport item
    /// that wraps one with its channel or subscription.
    type Item: Send;
    /// What the source reports when something goes wrong.
    type Error: SourceError;

    /// Waits for the next item; `None` once the source is closed.
    async fn next_event(&mut self) -> Option<Result<Self::Item, Self::Error>>;

    /// Waits for the next item, then appends it and up to `limit - 1` more that are ready
    /// without waiting to `buffer`: one wake-up for a burst. Returns how many were
    /// appended; 0 only once the source is closed (or for a `limit` of 0).
    ///
    /// The transports of this workspace take the whole burst from their queue at once; the
    /// default takes one item.
    async fn next_batch(
        &mut self,
        buffer: &mut Vec<Result<Self::Item, Self::Error>>,
        limit: usize,
    ) -> usize {
        if limit == 0 {
            return 0;
        }
        match self.next_event().await {
            Some(item) => {
                buffer.push(item);
                1
            }
            None => 0,
        }
    }
}

/// An error reported by an [`EventSource`].
pub trait SourceError: StdError + Send + Sync + 'static {
    /// Whether the source stopped because of this error (the next call yields `None`).
    fn is_fatal(&self) -> bool;
}

impl SourceError for DecodeError {
    /// A payload that does not decode is reported and skipped; the source goes on.
    fn is_fatal(&self) -> bool {
        false
    }
}

/// An [`EventSource`] that decodes payloads from an iterator: captured traffic, fixtures, a
/// test's script.
///
/// Each payload yields `Ok(Decoded<E>)` or a non-fatal `Err(DecodeError)` holding the bytes;
/// the source closes when the iterator ends.
///
/// ```
/// use chat_events_core::{EventSource, ReplaySource};
/// # use chat_events_core::unstable::Spine;
/// # const SPINE: Spine = Spine::new("demo", &["event"]);
/// # pub trait Common {}
/// # #[derive(Debug, serde::Serialize, serde::Deserialize, schemars::JsonSchema, PartialEq, Clone)]
/// # pub struct Ping { event: String }
/// # impl Common for Ping {}
/// # chat_events_core::unstable::event_enum! {
/// #     /// Demo events.
/// #     pub enum Event;
/// #     /// Demo event names.
/// #     pub enum EventKind;
/// #     spine = SPINE;
/// #     payload_trait = Common;
/// #     /// Pinged.
/// #     Ping(Ping) = "ping",
/// # }
///
/// async fn count(payloads: Vec<Vec<u8>>) -> usize {
///     let mut source = ReplaySource::<Event, _>::new(payloads);
///     let mut decoded = 0;
///     while let Some(Ok(_)) = source.next_event().await {
///         decoded += 1;
///     }
///     decoded
/// }
/// ```
pub struct ReplaySource<E, I> {
    payloads: I,
    event: PhantomData<fn() -> E>,
}

impl<E, I> ReplaySource<E, I> {
    /// A source yielding the decoded `payloads` in order.
    pub fn new<P>(payloads: P) -> Self
    where
        P: IntoIterator<IntoIter = I>,
    {
        Self {
            payloads: payloads.into_iter(),
            event: PhantomData,
        }
    }
}

impl<E> ReplaySource<E, std::vec::IntoIter<Vec<u8>>> {
    /// A source replaying the recording at `path`: a file that `chat-events listen|serve …
    /// --record FILE` wrote (JSON Lines, one payload per line exactly as received; a payload
    /// with line breaks is a line holding it as a JSON string). The file is read at once.
    ///
    /// ```no_run
    /// use chat_events_core::{EventSource, ReplaySource};
    /// # async fn replay<E: chat_events_core::ProviderEvent + Send>() -> std::io::Result<()> {
    /// let mut replay = ReplaySource::<E, _>::from_recording("hooks.jsonl")?;
    /// while let Some(decoded) = replay.next_event().await {
    ///     // Ok(Decoded<E>), or a DecodeError that holds the payload's bytes.
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// The file cannot be read, or is not UTF-8.
    pub fn from_recording(path: impl AsRef<std::path::Path>) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        Ok(Self::new(crate::recording::payloads(&text)))
    }
}

#[async_trait]
impl<E, I, B> EventSource for ReplaySource<E, I>
where
    E: ProviderEvent + Send,
    I: Iterator<Item = B> + Send,
    B: AsRef<[u8]>,
{
    type Item = Decoded<E>;
    type Error = DecodeError;

    async fn next_event(&mut self) -> Option<Result<Decoded<E>, DecodeError>> {
        self.payloads.next().map(|bytes| E::decode(bytes.as_ref()))
    }
}

impl<E, I, B> futures_core::Stream for ReplaySource<E, I>
where
    E: ProviderEvent,
    I: Iterator<Item = B> + Unpin,
    B: AsRef<[u8]>,
{
    type Item = Result<Decoded<E>, DecodeError>;

    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(self.payloads.next().map(|bytes| E::decode(bytes.as_ref())))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.payloads.size_hint()
    }
}
