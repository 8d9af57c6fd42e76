//! The connection as the client sees it. `actioncable-client` keeps its connection events to
//! itself (there is no "welcome" or "connection lost" to listen to, only per-subscription
//! confirmations), so the client dials through [`Watched`], a [`Transport`] around the
//! crate's own WebSocket transport that notes in one [`Link`] watch every `welcome` read,
//! every loss of a welcomed connection, and every `subscribe` command written.

use std::{
    borrow::Cow,
    collections::BTreeSet,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use actioncable::{Conn, DialOptions, Error, Transport, WebSocketTransport};
use async_trait::async_trait;
use serde::Deserialize;
use tokio::{sync::watch, time::Instant};

/// What is known about the connection. (No `Debug`: the subscription keys hold the token.)
#[derive(Default)]
pub(super) struct Link {
    /// How many `welcome`s were read: connections established.
    pub(super) welcomes: u64,
    /// When the connection in hand was welcomed; `None` while there is none.
    pub(super) up_since: Option<Instant>,
    /// When the last welcomed connection was lost; `None` while connected.
    pub(super) down_since: Option<Instant>,
    /// The sum of the outages so far (each from a loss to the next welcome).
    pub(super) downtime: Duration,
    /// The identifier keys of the `subscribe` commands written since the last welcome.
    pub(super) subscribed: BTreeSet<String>,
    /// How many dials failed (no TCP connection, no WebSocket handshake in time…).
    pub(super) failed_dials: u64,
    /// Why the last dial failed.
    pub(super) last_failure: Option<String>,
}

impl Link {
    /// Whether a welcomed connection is up.
    pub(super) const fn is_up(&self) -> bool {
        self.up_since.is_some()
    }
}

/// The crate's WebSocket transport, with its connections watched.
pub(super) struct Watched {
    inner: WebSocketTransport,
    link: Arc<watch::Sender<Link>>,
}

impl Watched {
    /// The transport with a bounded handshake and bounded incoming messages (a larger one is
    /// refused from its frame header, before it is read in).
    pub(super) fn new(
        link: watch::Sender<Link>,
        handshake_timeout: Duration,
        max_message_size: usize,
    ) -> Self {
        Self {
            inner: WebSocketTransport::new()
                .handshake_timeout(handshake_timeout)
                .max_message_size(max_message_size),
            link: Arc::new(link),
        }
    }
}

#[async_trait]
impl Transport for Watched {
    async fn dial(&self, url: &str, options: DialOptions) -> Result<Box<dyn Conn>, Error> {
        let inner = match self.inner.dial(url, options).await {
            Ok(inner) => inner,
            Err(error) => {
                // Noted so that the client can report it: a server that accepts TCP but
                // never upgrades would otherwise be redialled in silence.
                let message = error.to_string();
                self.link.send_modify(|link| {
                    link.failed_dials += 1;
                    link.last_failure = Some(message);
                });
                return Err(error);
            }
        };
        Ok(Box::new(WatchedConn {
            inner,
            link: Arc::clone(&self.link),
            welcomed: AtomicBool::new(false),
            lost: AtomicBool::new(false),
        }))
    }
}

struct WatchedConn {
    inner: Box<dyn Conn>,
    link: Arc<watch::Sender<Link>>,
    welcomed: AtomicBool,
    lost: AtomicBool,
}

impl WatchedConn {
    fn welcome(&self) {
        self.welcomed.store(true, Ordering::SeqCst);
        self.link.send_modify(|link| {
            let now = Instant::now();
            link.welcomes += 1;
            link.up_since = Some(now);
            if let Some(since) = link.down_since.take() {
                link.downtime += now.duration_since(since);
            }
            link.subscribed.clear();
        });
    }

    /// The connection is gone (read failed, or the crate hung up: stale, `disconnect`,
    /// close). Counts once, and only for a connection that was welcomed.
    fn lose(&self) {
        if self.welcomed.load(Ordering::SeqCst) && !self.lost.swap(true, Ordering::SeqCst) {
            self.link.send_modify(|link| {
                link.up_since = None;
                link.down_since.get_or_insert_with(Instant::now);
                link.subscribed.clear();
            });
        }
    }
}

#[async_trait]
impl Conn for WatchedConn {
    fn subprotocol(&self) -> Option<&str> {
        self.inner.subprotocol()
    }

    async fn read(&self) -> Result<Vec<u8>, Error> {
        match self.inner.read().await {
            Ok(payload) => {
                // Noted before the crate handles it, so that the subscribes it writes in
                // answer are counted for this connection.
                if is_welcome(&payload) {
                    self.welcome();
                }
                Ok(payload)
            }
            Err(error) => {
                self.lose();
                Err(error)
            }
        }
    }

    async fn write(&self, payload: &[u8]) -> Result<(), Error> {
        self.inner.write(payload).await?;
        if let Some(key) = subscribed_key(payload) {
            self.link.send_modify(|link| {
                link.subscribed.insert(key);
            });
        }
        Ok(())
    }

    async fn close(&self) {
        self.inner.close().await;
        self.lose();
    }

    async fn close_with_status(&self, code: u16, reason: &str) {
        self.inner.close_with_status(code, reason).await;
        self.lose();
    }
}

/// Whether a frame is `{"type":"welcome"}` (the crate's test: the `type` field).
fn is_welcome(payload: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Head<'a> {
        #[serde(rename = "type", borrow, default)]
        kind: Option<Cow<'a, str>>,
    }
    serde_json::from_slice::<Head<'_>>(payload)
        .is_ok_and(|head| head.kind.as_deref() == Some("welcome"))
}

/// The identifier key of a `subscribe` command.
fn subscribed_key(payload: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Command<'a> {
        #[serde(borrow)]
        command: Cow<'a, str>,
        #[serde(borrow)]
        identifier: Cow<'a, str>,
    }
    let command: Command<'_> = serde_json::from_slice(payload).ok()?;
    (command.command == "subscribe").then(|| command.identifier.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welcomes_and_subscribes_are_recognized() {
        assert!(is_welcome(br#"{"type":"welcome"}"#));
        assert!(is_welcome(br#"{"type":"welcome","sid":"x"}"#));
        assert!(!is_welcome(br#"{"type":"ping","message":1}"#));
        assert!(!is_welcome(
            br#"{"identifier":"{}","message":{"type":"welcome"}}"#
        ));
        assert!(!is_welcome(b"not json"));
        assert_eq!(
            subscribed_key(
                br#"{"command":"subscribe","identifier":"{\"channel\":\"RoomChannel\"}"}"#
            )
            .as_deref(),
            Some(r#"{"channel":"RoomChannel"}"#)
        );
        assert_eq!(
            subscribed_key(br#"{"command":"message","identifier":"{}","data":"{}"}"#),
            None
        );
    }
}
