//! The live OneChat client: Action Cable over WebSocket, typed events out.
//!
//! ```no_run
//! use onechat_events::{EventSource, client::{Client, Update}};
//!
//! # async fn run() -> Result<(), onechat_events::client::ClientError> {
//! let token = std::env::var("ONECHAT_PUBSUB_TOKEN").unwrap_or_default();
//! let mut client = Client::agent("https://chat.example.com", token, 7, [1]).connect().await?;
//! while let Some(item) = client.next_event().await {
//!     match item {
//!         Ok(Update::Event(delivery)) => println!("{}", delivery.event.name()),
//!         Ok(Update::Reconnected { downtime }) => println!("back after {downtime:?}: resync over REST"),
//!         Ok(_) => {}
//!         Err(error) => eprintln!("{error}"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # What it does
//!
//! - Connects to `<installation url>/cable` (`ws`/`wss`, TLS through rustls), requesting the
//!   `actioncable-v1-json` subprotocol, and subscribes to `RoomChannel` with the pubsub token:
//!   once per account for an agent (`{channel, pubsub_token, account_id, user_id}`), once for
//!   a contact (no `account_id`/`user_id`). Every later command repeats the subscription's
//!   identifier byte for byte.
//! - Waits for each subscription's confirmation with a timeout
//!   ([`ClientBuilder::confirm_timeout`], default 10 s): Chatwoot answers a bad token with
//!   neither a confirmation nor a rejection, so the timeout is the only signal. Timeouts and
//!   rejections are reported per subscription ([`ClientError::ConfirmationTimeout`],
//!   [`ClientError::Rejected`]); the other subscriptions keep working. The same watch runs
//!   after every reconnect.
//! - Liveness: the server pings every 3 s; no frame for [`ClientBuilder::stale_after`]
//!   (default 6 s) means the connection is dead and it is redialed, with backoff and jitter
//!   in the range of `@rails/actioncable` 7 ([`ClientBuilder::backoff`]). A `disconnect` with
//!   `reconnect: true` redials; with `reconnect: false` the client stops with
//!   [`ClientError::Stopped`]. After every `welcome` every subscription is sent again.
//! - Presence: `update_presence` right after each confirmation and then every
//!   [`ClientBuilder::presence_interval`] (default 15 s).
//! - Output: [`Update::Event`] with the subscription it came on, and
//!   [`Update::Reconnected`] with the downtime once per reconnection, because nothing sent
//!   while the connection was down is replayed: resync over REST then. Frames whose message
//!   does not decode are reported ([`ClientError::Decode`], raw text kept) and the client
//!   goes on.
//! - A user's token stream carries the events of all the user's accounts, and with one
//!   subscription per account each of them arrives once per subscription. By default each
//!   event is delivered once, on the subscription of its own account
//!   ([`ClientBuilder::deliver_duplicates`] turns that off); [`ClientBuilder::only_accounts`]
//!   keeps the events of some accounts only.
//!
//! # Built on `actioncable-client`
//!
//! The Action Cable state machine (connection, stale detection, backoff, resubscription on
//! welcome, `perform`) is Basecamp's `actioncable-client`. This module adds what OneChat
//! needs on top: the `RoomChannel` identifiers, confirmation timeouts after reconnects,
//! the presence schedule, typed decoding, the reconnect notice with downtime, account
//! filtering, and errors that never print a token.
//!
//! One limit comes from the crate and cannot be fixed from outside it: its own `tracing`
//! events at `debug` level (and a few `warn` ones, such as "message buffer full") include the
//! subscription identifier, which holds the pubsub token. Keep the `actioncable` target at
//! `error` in production log filters (`RUST_LOG=info,actioncable=error`). This module drains
//! the crate's per-subscription buffer as soon as a message arrives, so "message buffer full"
//! (which would also drop a message) does not happen while the consumer keeps up with the
//! queue.

use std::{
    collections::BTreeSet,
    fmt,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use actioncable::{Client as CableClient, Event as CableEvent, Subscription};
use chat_events_core::{DecodeError, Decoded, EventSource, Secret, SourceError};
use tokio::{sync::mpsc, task::JoinHandle, time};

use crate::{Event, Identifier, ROOM_CHANNEL};

/// Default for [`ClientBuilder::confirm_timeout`].
pub const DEFAULT_CONFIRM_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`ClientBuilder::presence_interval`].
pub const DEFAULT_PRESENCE_INTERVAL: Duration = Duration::from_secs(15);
/// Default for [`ClientBuilder::stale_after`]: two missed server pings.
pub const DEFAULT_STALE_AFTER: Duration = Duration::from_secs(6);

/// What the client yields.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Update {
    /// An event on a subscription.
    Event(Box<Delivery>),
    /// The connection came back after `downtime`. Nothing sent in between is replayed:
    /// resynchronize over REST (Chatwoot's dashboard refetches conversations updated within
    /// the downtime plus a margin).
    Reconnected {
        /// How long the connection was down.
        downtime: Duration,
    },
}

/// An event and the subscription it came on.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The subscription (its account, for agents).
    pub subscription: Identifier,
    /// The event, with the broadcast's JSON.
    pub event: Decoded<Event>,
}

/// What can go wrong. Only [`ClientError::Stopped`] and [`ClientError::Connect`] are fatal;
/// after them the client yields `None`.
///
/// Messages name the subscription by its account, never by its token.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The first connection could not be made.
    Connect {
        /// Why.
        message: String,
    },
    /// A subscription got neither a confirmation nor a rejection in time: for OneChat, a
    /// wrong token, user or account.
    ConfirmationTimeout {
        /// The subscription.
        subscription: Identifier,
        /// How long the client waited.
        after: Duration,
    },
    /// A message on a subscription is not a OneChat event it can decode; its text is in
    /// `error.raw()`.
    Decode {
        /// The subscription.
        subscription: Identifier,
        /// Why, with the JSON path.
        error: DecodeError,
    },
    /// The server rejected a subscription.
    Rejected {
        /// The subscription.
        subscription: Identifier,
    },
    /// The client stopped for good: the server said `disconnect` with `reconnect: false`,
    /// or reconnecting gave up.
    Stopped {
        /// The server's reason (`unauthorized`…), when it gave one.
        reason: Option<String>,
        /// What stopped it.
        message: String,
    },
}

fn describe(subscription: &Identifier) -> String {
    match subscription.account_id() {
        Some(account) => format!("the subscription of account {account}"),
        None => "the contact subscription".to_owned(),
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connect { message } => write!(f, "onechat: cannot connect: {message}"),
            Self::ConfirmationTimeout {
                subscription,
                after,
            } => write!(
                f,
                "onechat: {} was not confirmed within {after:?} (a wrong token, user or account gets no answer)",
                describe(subscription)
            ),
            Self::Decode {
                subscription,
                error,
            } => write!(f, "onechat: on {}: {error}", describe(subscription)),
            Self::Rejected { subscription } => {
                write!(f, "onechat: {} was rejected", describe(subscription))
            }
            Self::Stopped {
                reason: Some(reason),
                message,
            } => write!(f, "onechat: stopped ({reason}): {message}"),
            Self::Stopped {
                reason: None,
                message,
            } => write!(f, "onechat: stopped: {message}"),
        }
    }
}

impl std::error::Error for ClientError {}

impl SourceError for ClientError {
    fn is_fatal(&self) -> bool {
        matches!(self, Self::Connect { .. } | Self::Stopped { .. })
    }
}

/// Configures a [`Client`].
#[must_use]
pub struct ClientBuilder {
    url: String,
    token: Secret,
    user_id: Option<i64>,
    accounts: Vec<i64>,
    confirm_timeout: Duration,
    connect_timeout: Duration,
    presence_interval: Duration,
    stale_after: Duration,
    backoff: (Duration, Duration),
    queue: usize,
    only_accounts: Option<BTreeSet<i64>>,
    deliver_duplicates: bool,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("url", &self.url)
            .field("token", &self.token)
            .field("user_id", &self.user_id)
            .field("accounts", &self.accounts)
            .field("confirm_timeout", &self.confirm_timeout)
            .field("presence_interval", &self.presence_interval)
            .field("stale_after", &self.stale_after)
            .field("backoff", &self.backoff)
            .finish_non_exhaustive()
    }
}

/// A live connection to a OneChat installation.
pub struct Client {
    cable: CableClient,
    queue: mpsc::Receiver<Result<Update, ClientError>>,
    subscriptions: Vec<Identifier>,
    tasks: Vec<JoinHandle<()>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("subscriptions", &self.subscriptions)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// An agent's client: the user's pubsub token (from `GET /api/v1/profile`), user id, and
    /// the accounts to subscribe to (one subscription each).
    pub fn agent(
        installation_url: &str,
        pubsub_token: impl Into<Secret>,
        user_id: i64,
        accounts: impl IntoIterator<Item = i64>,
    ) -> ClientBuilder {
        ClientBuilder::new(
            installation_url,
            pubsub_token.into(),
            Some(user_id),
            accounts.into_iter().collect(),
        )
    }

    /// A contact's client: the contact inbox's pubsub token.
    pub fn contact(installation_url: &str, pubsub_token: impl Into<Secret>) -> ClientBuilder {
        ClientBuilder::new(installation_url, pubsub_token.into(), None, Vec::new())
    }

    /// The subscriptions that were confirmed when the client connected.
    pub fn subscriptions(&self) -> &[Identifier] {
        &self.subscriptions
    }

    /// Whether the connection is up right now.
    pub fn is_connected(&self) -> bool {
        self.cable.connected()
    }

    /// Closes the connection; the client then yields what is queued and `None`.
    pub async fn close(&self) {
        self.cable.close().await;
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

#[async_trait::async_trait]
impl EventSource for Client {
    type Item = Update;
    type Error = ClientError;

    async fn next_event(&mut self) -> Option<Result<Update, ClientError>> {
        self.queue.recv().await
    }
}

/// `https://host` → `wss://host/cable`; `ws(s)://…` is kept, with `/cable` added when missing.
fn cable_url(installation_url: &str) -> String {
    let url = installation_url.trim_end_matches('/');
    let url = if let Some(rest) = url.strip_prefix("https://") {
        format!("wss://{rest}")
    } else if let Some(rest) = url.strip_prefix("http://") {
        format!("ws://{rest}")
    } else {
        url.to_owned()
    };
    if url.ends_with("/cable") {
        url
    } else {
        format!("{url}/cable")
    }
}

impl ClientBuilder {
    fn new(
        installation_url: &str,
        token: Secret,
        user_id: Option<i64>,
        accounts: Vec<i64>,
    ) -> Self {
        Self {
            url: cable_url(installation_url),
            token,
            user_id,
            accounts,
            confirm_timeout: DEFAULT_CONFIRM_TIMEOUT,
            connect_timeout: Duration::from_secs(30),
            presence_interval: DEFAULT_PRESENCE_INTERVAL,
            stale_after: DEFAULT_STALE_AFTER,
            backoff: (Duration::from_secs(12), Duration::from_secs(28)),
            queue: 1024,
            only_accounts: None,
            deliver_duplicates: false,
        }
    }

    /// How long to wait for each subscription's confirmation (default 10 s).
    pub fn confirm_timeout(mut self, timeout: Duration) -> Self {
        self.confirm_timeout = timeout;
        self
    }

    /// How long [`connect`](Self::connect) tries before giving up (default 30 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How often to send `update_presence` (default 15 s).
    ///
    /// The docs say every 30 s, but the server counts a subscriber online only for
    /// `PRESENCE_DURATION` after its last update, 20 s by default (Chatwoot's own clients send
    /// every 20 s): at 30 s an agent would look offline for 10 s of every cycle. 15 s leaves a
    /// margin for a slow network.
    pub fn presence_interval(mut self, interval: Duration) -> Self {
        self.presence_interval = interval;
        self
    }

    /// How long without any frame before the connection counts as dead (default 6 s: the
    /// server pings every 3 s).
    pub fn stale_after(mut self, after: Duration) -> Self {
        self.stale_after = after;
        self
    }

    /// Reconnect delays: the first in `[initial/2, initial]`, doubling per failure, never
    /// above `longest`, with jitter. The default (12 s, 28 s) gives 6–12 s first and at
    /// most 28 s, the range of `@rails/actioncable` 7.
    pub fn backoff(mut self, initial: Duration, longest: Duration) -> Self {
        self.backoff = (initial, longest);
        self
    }

    /// How many updates may wait for the consumer (default 1024). When the consumer falls
    /// behind, the client stops reading the socket rather than dropping events.
    pub fn queue_capacity(mut self, updates: usize) -> Self {
        self.queue = updates.max(1);
        self
    }

    /// Yields only the events of these accounts (and events without an account).
    pub fn only_accounts(mut self, accounts: impl IntoIterator<Item = i64>) -> Self {
        self.only_accounts = Some(accounts.into_iter().collect());
        self
    }

    /// With one subscription per account, every event of the user's token stream arrives
    /// once per subscription. By default each is delivered once, on the subscription of its
    /// own account; `true` delivers every copy.
    pub fn deliver_duplicates(mut self, deliver: bool) -> Self {
        self.deliver_duplicates = deliver;
        self
    }

    /// The identifiers this client subscribes with.
    fn identifiers(&self) -> Vec<(actioncable::Identifier, Option<i64>)> {
        let token = self.token.expose().to_owned();
        match self.user_id {
            None => vec![(
                actioncable::Identifier::new(ROOM_CHANNEL).param("pubsub_token", token),
                None,
            )],
            Some(user_id) => self
                .accounts
                .iter()
                .map(|&account| {
                    let identifier = actioncable::Identifier::new(ROOM_CHANNEL)
                        .param("pubsub_token", token.clone())
                        .param("account_id", account)
                        .param("user_id", user_id);
                    (identifier, Some(account))
                })
                .collect(),
        }
    }

    /// Connects, subscribes, and starts delivering.
    ///
    /// # Errors
    ///
    /// [`ClientError::Connect`] when no connection could be made within the connect
    /// timeout. Subscriptions that fail are reported through the client, not here.
    pub async fn connect(self) -> Result<Client, ClientError> {
        let cable = CableClient::builder(self.url.clone())
            .stale_after(self.stale_after)
            .backoff(self.backoff.0, self.backoff.1)
            .message_buffer(4096)
            .build()
            .map_err(|error| ClientError::Connect {
                message: error.to_string(),
            })?;
        match time::timeout(self.connect_timeout, cable.connect()).await {
            Ok(Ok(())) => {}
            Ok(Err(error)) => {
                return Err(ClientError::Connect {
                    message: error.to_string(),
                });
            }
            Err(_) => {
                cable.close().await;
                let message = format!(
                    "no welcome from {} within {:?}",
                    self.url, self.connect_timeout
                );
                return Err(ClientError::Connect { message });
            }
        }
        tracing::info!(url = %self.url, "onechat client connected");

        let (sender, queue) = mpsc::channel(self.queue);
        let accounts: Arc<BTreeSet<i64>> = Arc::new(self.accounts.iter().copied().collect());
        let down_since = Arc::new(Mutex::new(None));
        let mut subscriptions = Vec::new();
        let mut tasks = Vec::new();
        for (position, (request, account)) in self.identifiers().into_iter().enumerate() {
            let identifier: Identifier = match request.key().parse() {
                Ok(identifier) => identifier,
                Err(error) => {
                    return Err(ClientError::Connect {
                        message: error.to_string(),
                    });
                }
            };
            match time::timeout(self.confirm_timeout, cable.subscribe(request)).await {
                Ok(Ok(subscription)) => {
                    subscriptions.push(identifier.clone());
                    let pump = Pump {
                        subscription,
                        identifier,
                        account,
                        first: position == 0,
                        accounts: Arc::clone(&accounts),
                        only_accounts: self.only_accounts.clone(),
                        deliver_duplicates: self.deliver_duplicates,
                        presence_interval: self.presence_interval,
                        confirm_timeout: self.confirm_timeout,
                        cable: cable.clone(),
                        sender: sender.clone(),
                        down_since: Arc::clone(&down_since),
                    };
                    tasks.push(tokio::spawn(pump.run()));
                }
                Ok(Err(actioncable::Error::Rejected { .. })) => {
                    let _ = sender
                        .send(Err(ClientError::Rejected {
                            subscription: identifier,
                        }))
                        .await;
                }
                Ok(Err(error)) => {
                    return Err(ClientError::Connect {
                        message: error.to_string(),
                    });
                }
                Err(_) => {
                    tracing::warn!(account = ?account, "subscription not confirmed in time");
                    let _ = sender
                        .send(Err(ClientError::ConfirmationTimeout {
                            subscription: identifier,
                            after: self.confirm_timeout,
                        }))
                        .await;
                }
            }
        }
        if subscriptions.is_empty() {
            // Nothing to listen to: report what failed, then end.
            cable.close().await;
        } else {
            tasks.push(tokio::spawn(watch(cable.clone(), sender)));
        }
        Ok(Client {
            cable,
            queue,
            subscriptions,
            tasks,
        })
    }
}

/// Reports why the connection stopped for good, if it was not closed on purpose.
async fn watch(cable: CableClient, sender: mpsc::Sender<Result<Update, ClientError>>) {
    cable.done().await;
    let error = match cable.err() {
        None | Some(actioncable::Error::Closed) => return,
        Some(actioncable::Error::Disconnected { reason, .. }) => ClientError::Stopped {
            reason: reason.as_ref().map(|reason| reason.as_str().to_owned()),
            message: "the server disconnected and asked not to reconnect".to_owned(),
        },
        Some(actioncable::Error::GaveUp { attempts, .. }) => ClientError::Stopped {
            reason: None,
            message: format!("gave up after {attempts} connection attempts"),
        },
        // Other errors may quote the identifier (and its token): name the kind only.
        Some(_) => ClientError::Stopped {
            reason: None,
            message: "the connection failed".to_owned(),
        },
    };
    tracing::warn!(error = %error, "onechat client stopped");
    let _ = sender.send(Err(error)).await;
}

/// Reads one subscription: decodes its messages, schedules presence, watches
/// resubscriptions, and reports reconnects.
struct Pump {
    subscription: Subscription,
    identifier: Identifier,
    account: Option<i64>,
    first: bool,
    accounts: Arc<BTreeSet<i64>>,
    only_accounts: Option<BTreeSet<i64>>,
    deliver_duplicates: bool,
    presence_interval: Duration,
    confirm_timeout: Duration,
    cable: CableClient,
    sender: mpsc::Sender<Result<Update, ClientError>>,
    down_since: Arc<Mutex<Option<Instant>>>,
}

impl Pump {
    async fn run(self) {
        self.send_presence().await;
        let mut presence = time::interval_at(
            time::Instant::now() + self.presence_interval,
            self.presence_interval,
        );
        presence.set_missed_tick_behavior(time::MissedTickBehavior::Delay);
        let mut confirmed = true;
        // After a drop: when the connection came back while this subscription still waits
        // for its confirmation.
        let mut back_at: Option<Instant> = None;
        let mut timeout_reported = false;
        loop {
            tokio::select! {
                message = self.subscription.next() => {
                    let Some(message) = message else { break };
                    if !self.deliver(message.as_str()).await {
                        break;
                    }
                }
                event = self.subscription.next_event() => match event {
                    Some(CableEvent::Connected { reconnected }) => {
                        confirmed = true;
                        back_at = None;
                        timeout_reported = false;
                        self.send_presence().await;
                        if reconnected {
                            self.announce_reconnect().await;
                        }
                    }
                    Some(CableEvent::Disconnected { will_reconnect: true }) => {
                        confirmed = false;
                        self.down_since.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get_or_insert_with(Instant::now);
                    }
                    Some(CableEvent::Rejected) => {
                        let _ = self.sender.send(Err(ClientError::Rejected { subscription: self.identifier.clone() })).await;
                        break;
                    }
                    Some(CableEvent::Disconnected { will_reconnect: false }) | None => break,
                },
                _ = presence.tick(), if confirmed => self.send_presence().await,
                () = time::sleep(Duration::from_millis(250)), if !confirmed && !timeout_reported => {
                    if self.cable.connected() {
                        let since = *back_at.get_or_insert_with(Instant::now);
                        if since.elapsed() >= self.confirm_timeout {
                            timeout_reported = true;
                            let error = ClientError::ConfirmationTimeout { subscription: self.identifier.clone(), after: self.confirm_timeout };
                            let _ = self.sender.send(Err(error)).await;
                        }
                    } else {
                        back_at = None;
                    }
                }
            }
        }
    }

    /// Decodes and queues a message; `false` when the consumer is gone.
    async fn deliver(&self, text: &str) -> bool {
        let item = match Event::decode(text.as_bytes()) {
            Ok(event) => {
                if !self.wanted(&event) {
                    return true;
                }
                Ok(Update::Event(Box::new(Delivery {
                    subscription: self.identifier.clone(),
                    event,
                })))
            }
            Err(error) => {
                if !self.first && !self.deliver_duplicates {
                    // Every subscription of the token gets the same bad frame; report it once.
                    return true;
                }
                Err(ClientError::Decode {
                    subscription: self.identifier.clone(),
                    error,
                })
            }
        };
        self.sender.send(item).await.is_ok()
    }

    /// Whether this subscription delivers `event` (account filter and duplicates).
    fn wanted(&self, event: &Event) -> bool {
        let account = event.account_id().and_then(chat_events_core::Id::as_i64);
        if let (Some(only), Some(account)) = (&self.only_accounts, account)
            && !only.contains(&account)
        {
            return false;
        }
        if self.deliver_duplicates || self.accounts.len() <= 1 {
            return true;
        }
        match account {
            Some(account) if self.accounts.contains(&account) => self.account == Some(account),
            _ => self.first,
        }
    }

    async fn send_presence(&self) {
        if let Err(error) = self.subscription.perform("update_presence", ()).await {
            // Lost while disconnected; the next confirmation sends it again.
            tracing::debug!(account = ?self.account, error = %error_kind(&error), "update_presence not sent");
        }
    }

    async fn announce_reconnect(&self) {
        let since = self
            .down_since
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(since) = since {
            let downtime = since.elapsed();
            tracing::info!(?downtime, "onechat client reconnected");
            let _ = self.sender.send(Ok(Update::Reconnected { downtime })).await;
        }
    }
}

/// The kind of an `actioncable` error, without its text (which may quote the identifier).
fn error_kind(error: &actioncable::Error) -> &'static str {
    match error {
        actioncable::Error::NotConnected => "not connected",
        actioncable::Error::Closed => "closed",
        _ => "error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cable_urls() {
        assert_eq!(
            cable_url("https://chat.example.com"),
            "wss://chat.example.com/cable"
        );
        assert_eq!(
            cable_url("http://127.0.0.1:3000/"),
            "ws://127.0.0.1:3000/cable"
        );
        assert_eq!(
            cable_url("wss://chat.example.com/cable"),
            "wss://chat.example.com/cable"
        );
    }

    #[test]
    fn debug_and_errors_hide_the_token() {
        let builder = Client::agent("https://chat.example.com", "tok-SECRET", 7, [1, 2]);
        assert!(!format!("{builder:?}").contains("tok-SECRET"));
        let identifier: Identifier = builder.identifiers()[0].0.key().parse().unwrap();
        assert!(
            identifier.as_str().contains("tok-SECRET"),
            "the identifier itself carries it"
        );
        let error = ClientError::ConfirmationTimeout {
            subscription: identifier,
            after: Duration::from_secs(1),
        };
        assert!(!format!("{error} {error:?}").contains("tok-SECRET"));
        assert_eq!(
            error.to_string(),
            "onechat: the subscription of account 1 was not confirmed within 1s (a wrong token, user or account gets no answer)"
        );
    }
}
