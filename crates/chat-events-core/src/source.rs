//! [`EventSource`]: the async stream of typed events that live transports implement.

use std::{error::Error as StdError, marker::PhantomData};

use async_trait::async_trait;

use crate::{DecodeError, Decoded, ProviderEvent};

/// A source of typed events: a websocket client, a webhook receiver, a replay of captured
/// payloads.
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
/// # use chat_events_core::{ProviderEvent, DecodeError};
/// # #[derive(serde::Serialize)] struct Ping;
/// # impl ProviderEvent for Ping {
/// #     const PROVIDER: &'static str = "demo";
/// #     fn name(&self) -> &str { "ping" }
/// #     fn is_unknown(&self) -> bool { false }
/// #     fn from_raw(_: &serde_json::value::RawValue) -> Result<Self, DecodeError> { Ok(Ping) }
/// # }
///
/// async fn count(payloads: Vec<Vec<u8>>) -> usize {
///     let mut source = ReplaySource::<Ping, _>::new(payloads);
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
