//! The live OneChat client: Action Cable over WebSocket, typed events out.
//!
//! ```no_run
//! use onechat_events::{EventSource, client::{Client, Update}};
//!
//! # async fn run() -> Result<(), onechat_events::client::ClientError> {
//! let token = std::env::var("ONECHAT_PUBSUB_TOKEN").unwrap_or_default();
//! let mut client = Client::agent("https://chat.example.com", token, 7, [1, 2])
//!     .connect()
//!     .await?;
//! while let Some(item) = client.next_event().await {
//!     match item {
//!         Ok(Update::Event { source, event, .. }) => {
//!             println!("{:?}: {}", source.account_id(), event.name());
//!         }
//!         Ok(Update::Subscribed { source }) => println!("subscribed: {:?}", source.account_id()),
//!         Ok(Update::Reconnected { downtime }) => println!("back after {downtime:?}: resync over REST"),
//!         Ok(_) => {}
//!         Err(error) => eprintln!("{error}"),
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Behaviour
//!
//! - **Connection**: `<installation url>/cable` (`ws`/`wss`, TLS through rustls), requesting
//!   the `actioncable-v1-json` subprotocol. [`ClientBuilder::connect`] returns once the
//!   server has said `welcome` and every subscription has been sent, or with
//!   [`ClientError::Connect`] when that does not happen within
//!   [`ClientBuilder::connect_timeout`] (default 30 s; nothing keeps trying then).
//! - **Subscriptions**: `RoomChannel` with the pubsub token, once per account for an agent
//!   (`{channel, pubsub_token, account_id, user_id}`), once for a contact (no
//!   `account_id`/`user_id`); [`Client::sources`] lists them. Every later command repeats the
//!   subscription's identifier byte for byte. The subscribes are pipelined: all are sent at
//!   once and each confirmation is awaited on its own, with a timeout
//!   ([`ClientBuilder::confirm_timeout`], default 10 s), because Chatwoot answers a bad token
//!   with neither a confirmation nor a rejection. Each confirmation yields
//!   [`Update::Subscribed`](chat_events_core::Update::Subscribed), after the first connection
//!   and after every reconnect; a rejection or a missing confirmation is reported for that
//!   subscription alone ([`ClientError::Rejected`], [`ClientError::ConfirmationTimeout`],
//!   not fatal) and the others keep working. When no subscription is left the client stops
//!   ([`ClientError::Stopped`]).
//! - **Liveness**: the server pings every 3 s; no frame for [`ClientBuilder::stale_after`]
//!   (default 6 s) means the connection is dead and it is redialed, with backoff and jitter in
//!   the range of `@rails/actioncable` 7 ([`ClientBuilder::backoff`]). A `disconnect` with
//!   `reconnect: true` redials; with `reconnect: false` the client stops with
//!   [`ClientError::Stopped`], the only fatal error. After every `welcome` every subscription
//!   is sent again.
//! - **State**: [`Client::state`] follows the connection: `Connected`, `Connecting` while
//!   redialing, `Unavailable` when still not connected after
//!   [`ClientBuilder::unavailable_after`] (default 10 s; it keeps trying), `Closed` after
//!   [`Client::close`], `Failed` after a fatal stop.
//! - **Presence**: `update_presence` once every subscription of the first connection has
//!   its answer (each one is broadcast to every subscription of the token: sent during the
//!   burst of subscribes, they held up the server's confirmations of the rest), right after
//!   each resubscription, and then every [`ClientBuilder::presence_interval`] (default 15 s).
//! - **Output**: [`Update::Event`](chat_events_core::Update::Event) with the subscription it
//!   came on as its `source` and `received_at` taken when the message came off the connection
//!   (not when it is read from the client), and
//!   [`Update::Reconnected`](chat_events_core::Update::Reconnected) with the downtime once per
//!   reconnection, before the subscriptions' `Subscribed`: nothing sent while the connection
//!   was down is replayed, resync over REST then. Messages that do not decode are reported
//!   ([`ClientError::Decode`], raw text kept) and the client goes on. The client is an
//!   [`EventSource`] and a `futures::Stream`.
//! - **Accounts**: a user's token stream carries the events of all the user's accounts, and
//!   with one subscription per account each of them arrives once per subscription. By default
//!   each event is delivered once, on the subscription of its own account (or on the first
//!   subscription still running when it has no account, or its account's subscription ended);
//!   [`ClientBuilder::deliver_duplicates`] turns that off. [`ClientBuilder::only_accounts`]
//!   keeps the events of some accounts only.
//! - **Secrets**: the token is part of every identifier; `Debug` of the identifiers, the
//!   builder, the client and its updates, error messages and this module's logs never show
//!   it (they name the account).
//!
//! # Runtime, threads and cancellation
//!
//! - **Runtime**: Tokio, with the time and I/O drivers (`#[tokio::main]`, or a `Runtime` with
//!   `enable_all()`); [`ClientBuilder::connect`] spawns the client's tasks on it, so it must
//!   be called inside the runtime. Current-thread and multi-thread runtimes both work.
//! - **Threads**: [`Client`], [`Update`] and [`ClientError`] are `Send` and `Sync`.
//! - **Cancel safety**: [`EventSource::next_event`], [`EventSource::next_batch`] and
//!   `futures::Stream::poll_next` are cancel safe: a future dropped before it completes takes
//!   nothing from the queue, so no event is lost. [`Client::close`] is cancel safe: the
//!   request to close is made at its first poll and the tasks finish it on their own;
//!   dropping the [`Client`] closes the connection.
//! - **Tracing**: the client logs inside an `onechat_client` span (the cable URL), from its
//!   dial on, and each subscription inside an `onechat_subscription` span (its account)
//!   below it; tokens are never logged.
//!
//! # Built on `actioncable-client`
//!
//! The Action Cable state machine (connection, stale detection, backoff, resubscription on
//! welcome, `perform`) is Basecamp's `actioncable-client`. This module adds what OneChat
//! needs on top: the `RoomChannel` identifiers, pipelined subscriptions with confirmation
//! timeouts (also after reconnects), the presence schedule, typed decoding, the connection
//! state and the reconnect notice with downtime, account filtering, and errors that never
//! print a token. The crate does not tell when a connection is welcomed or lost, only when
//! a subscription is confirmed, so the client dials through a thin wrapper of the crate's
//! own WebSocket transport that notes `welcome` frames, lost connections and the `subscribe`
//! commands written.
//!
//! One limit comes from the crate and cannot be fixed from outside it: its own `tracing`
//! events at `debug` level (and a few `warn` ones, such as "message buffer full") include the
//! subscription identifier, which holds the pubsub token. Keep the `actioncable` target at
//! `error` in production log filters (`RUST_LOG=info,actioncable=error`). Each subscription
//! task takes messages off the crate's per-subscription buffer as soon as they arrive and
//! holds up to [`ClientBuilder::queue_capacity`] updates itself while the queue is full; only
//! a consumer that stays behind by more than that and the crate's 4096 buffered messages
//! per subscription loses messages (the crate drops them with that warning).

mod link;
mod subscription;
mod supervisor;

use chat_events_core::unstable::bounded_wait;
use std::{
    collections::BTreeSet,
    fmt,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Duration,
};

use actioncable::Client as CableClient;
use chat_events_core::{ConnectionState, DecodeError, EventSource, Secret, SourceError};
use tokio::{
    sync::{mpsc, watch},
    task::JoinSet,
    time::{self, Instant},
};
use tracing::Instrument;

use self::{
    link::{Link, Watched},
    subscription::{Pump, Routing, Settings},
    supervisor::Supervisor,
};
use crate::{Event, Identifier, ROOM_CHANNEL};

/// Default for [`ClientBuilder::confirm_timeout`].
pub const DEFAULT_CONFIRM_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`ClientBuilder::connect_timeout`].
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// Default for [`ClientBuilder::presence_interval`].
pub const DEFAULT_PRESENCE_INTERVAL: Duration = Duration::from_secs(15);
/// Default for [`ClientBuilder::stale_after`]: two missed server pings.
pub const DEFAULT_STALE_AFTER: Duration = Duration::from_secs(6);
/// Default for [`ClientBuilder::unavailable_after`].
pub const DEFAULT_UNAVAILABLE_AFTER: Duration = Duration::from_secs(10);
/// Default for [`ClientBuilder::handshake_timeout`].
pub const DEFAULT_HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`ClientBuilder::max_message_size`]: 8 MiB.
pub const DEFAULT_MAX_MESSAGE_SIZE: usize = 8 << 20;

/// How many messages the Action Cable client buffers per subscription.
const MESSAGE_BUFFER: usize = 4096;

/// What the client yields: events with the subscription they came on (`source`),
/// subscriptions and reconnects.
pub type Update = chat_events_core::Update<Identifier, Event>;

/// One item of the client's queue.
type Item = Result<Update, ClientError>;

/// What can go wrong. Only [`ClientError::Stopped`] is fatal; after it the client yields
/// `None`.
///
/// Messages name a subscription by its account, never by its token.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The first connection could not be made (from [`ClientBuilder::connect`] only).
    Connect {
        /// What failed, in words.
        message: String,
        /// The error underneath (I/O, TLS, WebSocket), when there is one; also
        /// [`Error::source`](std::error::Error::source).
        cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
    },
    /// The builder's configuration cannot work (an agent without an account, an installation
    /// URL that is not `http(s)://…`): from [`ClientBuilder::connect`], before any dial.
    Config {
        /// What is wrong.
        message: String,
    },
    /// A subscription got neither a confirmation nor a rejection in time: for OneChat, a
    /// wrong token, user or account. On the first connection the subscription is given up;
    /// after a reconnect the client keeps waiting for a late confirmation.
    ConfirmationTimeout {
        /// The subscription.
        identifier: Identifier,
        /// How long the client waited.
        after: Duration,
    },
    /// A message on a subscription is not a OneChat event it can decode; its text is in
    /// `error.raw()`.
    Decode {
        /// The subscription it came on.
        identifier: Identifier,
        /// Why, with the JSON path.
        error: DecodeError,
    },
    /// The server rejected a subscription; the others keep working.
    Rejected {
        /// The subscription.
        identifier: Identifier,
    },
    /// The client stopped for good: the server said `disconnect` with `reconnect: false`,
    /// reconnecting gave up, or no subscription is left.
    Stopped {
        /// The server's reason (`unauthorized`…), when it gave one.
        reason: Option<String>,
        /// What stopped it.
        message: String,
    },
}

/// A subscription in words, without its token.
fn describe(source: &Identifier) -> String {
    match source.account_id() {
        Some(account) => format!("the subscription of account {account}"),
        None => "the contact subscription".to_owned(),
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Connect { message, .. } => write!(f, "onechat: cannot connect: {message}"),
            Self::Config { message } => write!(f, "onechat: bad configuration: {message}"),
            Self::ConfirmationTimeout {
                identifier: source,
                after,
            } => write!(
                f,
                "onechat: {} was not confirmed within {after:?} (a wrong token, user or account gets no answer)",
                describe(source)
            ),
            Self::Decode {
                identifier: source,
                error,
            } => {
                write!(f, "onechat: on {}: {error}", describe(source))
            }
            Self::Rejected { identifier: source } => {
                write!(f, "onechat: {} was rejected", describe(source))
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

impl std::error::Error for ClientError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Decode { error, .. } => Some(error),
            Self::Connect {
                cause: Some(cause), ..
            } => Some(&**cause),
            _ => None,
        }
    }
}

impl SourceError for ClientError {
    fn is_fatal(&self) -> bool {
        matches!(self, Self::Stopped { .. })
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
    unavailable_after: Duration,
    backoff: (Duration, Duration),
    queue: usize,
    only_accounts: Option<BTreeSet<i64>>,
    deliver_duplicates: bool,
    handshake_timeout: Duration,
    max_message_size: usize,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("url", &self.url)
            .field("token", &self.token)
            .field("user_id", &self.user_id)
            .field("accounts", &self.accounts)
            .field("confirm_timeout", &self.confirm_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("presence_interval", &self.presence_interval)
            .field("stale_after", &self.stale_after)
            .field("backoff", &self.backoff)
            .finish_non_exhaustive()
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
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            handshake_timeout: DEFAULT_HANDSHAKE_TIMEOUT,
            max_message_size: DEFAULT_MAX_MESSAGE_SIZE,
            presence_interval: DEFAULT_PRESENCE_INTERVAL,
            stale_after: DEFAULT_STALE_AFTER,
            unavailable_after: DEFAULT_UNAVAILABLE_AFTER,
            backoff: (Duration::from_secs(12), Duration::from_secs(28)),
            queue: 1024,
            only_accounts: None,
            deliver_duplicates: false,
        }
    }

    /// How long to wait for each subscription's confirmation (default 10 s).
    pub fn confirm_timeout(mut self, timeout: Duration) -> Self {
        self.confirm_timeout = bounded_wait(timeout);
        self
    }

    /// How long [`connect`](Self::connect) tries before giving up (default 30 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = bounded_wait(timeout);
        self
    }

    /// How often to send `update_presence` (default 15 s).
    ///
    /// The docs say every 30 s, but the server counts a subscriber online only for
    /// `PRESENCE_DURATION` after its last update, 20 s by default (Chatwoot's own clients send
    /// every 20 s): at 30 s an agent would look offline for 10 s of every cycle. 15 s leaves a
    /// margin for a slow network. At least 10 ms (a shorter interval is raised to it).
    pub fn presence_interval(mut self, interval: Duration) -> Self {
        self.presence_interval = bounded_wait(interval).max(Duration::from_millis(10));
        self
    }

    /// How long a dial may take, TCP, TLS and the WebSocket upgrade together (default
    /// [`DEFAULT_HANDSHAKE_TIMEOUT`]). A server that accepts the connection but never
    /// upgrades it is then reported ([`ClientError::Connect`], not fatal) and redialled.
    pub fn handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = bounded_wait(timeout);
        self
    }

    /// The largest message the client accepts (default [`DEFAULT_MAX_MESSAGE_SIZE`]); a
    /// larger one ends the connection before it is read in, and the client redials.
    pub fn max_message_size(mut self, bytes: usize) -> Self {
        self.max_message_size = bytes.max(1024);
        self
    }

    /// How long without any frame before the connection counts as dead (default 6 s: the
    /// server pings every 3 s).
    pub fn stale_after(mut self, after: Duration) -> Self {
        self.stale_after = bounded_wait(after);
        self
    }

    /// How long the client may stay disconnected before its state becomes
    /// [`ConnectionState::Unavailable`] (default 10 s). It keeps trying.
    pub fn unavailable_after(mut self, after: Duration) -> Self {
        self.unavailable_after = bounded_wait(after);
        self
    }

    /// Reconnect delays: the first in `[initial/2, initial]`, doubling per failure, never
    /// above `longest`, with jitter. The default (12 s, 28 s) gives 6–12 s first and at
    /// most 28 s, the range of `@rails/actioncable` 7.
    pub fn backoff(mut self, initial: Duration, longest: Duration) -> Self {
        self.backoff = (bounded_wait(initial), bounded_wait(longest));
        self
    }

    /// How many updates may wait for the consumer (default 1024), and how many each
    /// subscription holds besides while the queue is full. Beyond that the Action Cable
    /// client buffers 4096 messages per subscription, then drops (with a warning).
    pub fn queue_capacity(mut self, updates: usize) -> Self {
        self.queue = updates.clamp(1, tokio::sync::Semaphore::MAX_PERMITS);
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

    /// The identifiers this client subscribes with, and their accounts (each account once).
    fn identifiers(&self) -> Vec<(actioncable::Identifier, Option<i64>)> {
        let token = self.token.expose().to_owned();
        match self.user_id {
            None => vec![(
                actioncable::Identifier::new(ROOM_CHANNEL).param("pubsub_token", token),
                None,
            )],
            Some(user_id) => {
                let mut seen = BTreeSet::new();
                self.accounts
                    .iter()
                    .filter(|account| seen.insert(**account))
                    .map(|&account| {
                        let identifier = actioncable::Identifier::new(ROOM_CHANNEL)
                            .param("pubsub_token", token.clone())
                            .param("account_id", account)
                            .param("user_id", user_id);
                        (identifier, Some(account))
                    })
                    .collect()
            }
        }
    }

    /// Refuses an installation URL that cannot work, before any dial.
    fn check(&self) -> Result<(), &'static str> {
        let host = self
            .url
            .strip_prefix("wss://")
            .or_else(|| self.url.strip_prefix("ws://"))
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_default();
        if host.is_empty() || host.contains(' ') {
            return Err("the installation URL must be an absolute http(s):// or ws(s):// URL");
        }
        Ok(())
    }

    /// Makes the first connection: returns once the server said `welcome`.
    async fn dial(
        &self,
        link: watch::Sender<Link>,
        deadline: Instant,
    ) -> Result<CableClient, ClientError> {
        let cable = CableClient::builder(self.url.clone())
            .transport(Watched::new(
                link,
                self.handshake_timeout,
                self.max_message_size,
            ))
            .stale_after(self.stale_after)
            .backoff(self.backoff.0, self.backoff.1)
            .message_buffer(MESSAGE_BUFFER)
            .build()
            .map_err(|error| ClientError::Config {
                message: error.to_string(),
            })?;
        match time::timeout_at(deadline, cable.connect()).await {
            Ok(Ok(())) => Ok(cable),
            Ok(Err(error)) => Err(ClientError::Connect {
                message: error.to_string(),
                cause: Some(Arc::new(error)),
            }),
            Err(_) => {
                let last = cable
                    .last_error()
                    .map(|error| format!(" (last: {error})"))
                    .unwrap_or_default();
                cable.close().await;
                let message = format!(
                    "no welcome from {} within {:?}{last}",
                    self.url, self.connect_timeout
                );
                Err(ClientError::Connect {
                    message,
                    cause: None,
                })
            }
        }
    }

    /// Connects, sends every subscription, and starts delivering. Confirmations come later,
    /// as [`Update::Subscribed`](chat_events_core::Update::Subscribed) or as errors of
    /// their subscription.
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] when the configuration cannot work (an agent without an
    /// account, an installation URL that is not `http(s)://…`); [`ClientError::Connect`] when
    /// no connection could be made within the connect timeout (with the last reason, and its
    /// error in `cause` when there is one).
    // One sequence, read top to bottom: check, dial, subscribe, start the tasks.
    #[allow(clippy::too_many_lines)]
    pub async fn connect(self) -> Result<Client, ClientError> {
        self.check().map_err(|message| ClientError::Config {
            message: message.to_owned(),
        })?;
        let requests = self.identifiers();
        if requests.is_empty() {
            return Err(ClientError::Config {
                message: "an agent needs at least one account to subscribe to".to_owned(),
            });
        }
        let sources = requests
            .iter()
            .map(|(request, _)| request.key().parse::<Identifier>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| ClientError::Config {
                message: "cannot build the subscription identifier".to_owned(),
            })?;

        let (link_sender, link) = watch::channel(Link::default());
        let deadline = Instant::now() + self.connect_timeout;
        // The dial and everything after it log inside the client's span.
        let span = tracing::info_span!("onechat_client", url = %self.url);
        let cable = self
            .dial(link_sender, deadline)
            .instrument(span.clone())
            .await?;
        span.in_scope(|| tracing::info!("onechat client connected"));

        let (updates, queue) = mpsc::channel(self.queue);
        let welcomes = link.borrow().welcomes;
        // Failed dials before the first welcome were the first connection's business.
        let failures_before = link.borrow().failed_dials;
        let (announced_sender, announced) = watch::channel(welcomes);
        let routing = Arc::new(Routing::new(
            requests.iter().map(|(_, account)| *account),
            self.only_accounts.clone(),
            self.deliver_duplicates,
        ));
        let settings = Arc::new(Settings {
            confirm_timeout: self.confirm_timeout,
            presence_interval: self.presence_interval,
            backlog: self.queue,
        });
        let keys: Vec<String> = requests.iter().map(|(request, _)| request.key()).collect();
        let mut pumps = JoinSet::new();
        for (position, ((request, account), source)) in
            requests.into_iter().zip(&sources).enumerate()
        {
            pumps.spawn(
                Pump {
                    cable: cable.clone(),
                    request,
                    source: source.clone(),
                    account,
                    position,
                    routing: Arc::clone(&routing),
                    settings: Arc::clone(&settings),
                    updates: updates.clone(),
                    link: link.clone(),
                    announced: announced.clone(),
                }
                .run()
                // One span per subscription: its account (the token is never logged).
                .instrument(tracing::info_span!(
                    parent: &span,
                    "onechat_subscription",
                    account = account
                )),
            );
        }
        // Each task sends its subscribe at once; wait until all are written (or the
        // connection dropped meanwhile: the crate sends them again after the next welcome).
        let mut written = link.clone();
        let all_written = written
            .wait_for(|link| !link.is_up() || keys.iter().all(|key| link.subscribed.contains(key)));
        if time::timeout_at(deadline, all_written).await.is_err() {
            tracing::warn!("onechat subscriptions not all sent within the connect timeout");
        }

        let up = link.borrow().is_up();
        let (state_sender, state) = watch::channel(if up {
            ConnectionState::Connected
        } else {
            ConnectionState::Connecting
        });
        let (closer, closing) = watch::channel(false);
        tokio::spawn(
            Supervisor {
                cable: cable.clone(),
                link,
                state: state_sender,
                announced: announced_sender,
                updates,
                closing,
                pumps,
                unavailable_after: self.unavailable_after,
                reported_downtime: Duration::ZERO,
                reported_failures: failures_before,
            }
            .run()
            .instrument(span),
        );
        Ok(Client {
            cable,
            queue,
            state,
            closer,
            sources,
        })
    }
}

/// A live connection to a OneChat installation. Dropping it closes the connection.
pub struct Client {
    cable: CableClient,
    queue: mpsc::Receiver<Item>,
    state: watch::Receiver<ConnectionState>,
    closer: watch::Sender<bool>,
    sources: Vec<Identifier>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("state", &*self.state.borrow())
            .field("sources", &self.sources)
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

    /// The subscriptions this client asked for, confirmed or not (one per account for an
    /// agent, one for a contact).
    pub fn sources(&self) -> &[Identifier] {
        &self.sources
    }

    /// The connection state now, and its changes (`state().changed().await`).
    pub fn state(&self) -> watch::Receiver<ConnectionState> {
        self.state.clone()
    }

    /// Whether the connection is up right now.
    pub fn is_connected(&self) -> bool {
        self.state.borrow().is_connected()
    }

    /// Closes the connection and returns when the connection task has ended; the state is
    /// then [`ConnectionState::Closed`] (or `Failed`, if the client had stopped already).
    /// The client then yields what is queued and `None`.
    pub async fn close(&self) {
        self.closer.send_replace(true);
        self.cable.close().await;
        let mut state = self.state.clone();
        // Ends when the state is final, or when the task is gone (its sender dropped).
        let _ = state.wait_for(|state| state.is_final()).await;
    }
}

#[async_trait::async_trait]
impl EventSource for Client {
    type Item = Update;
    type Error = ClientError;

    async fn next_event(&mut self) -> Option<Result<Update, ClientError>> {
        self.queue.recv().await
    }

    /// Takes every update that is ready (up to `limit`) in one wake-up.
    async fn next_batch(
        &mut self,
        buffer: &mut Vec<Result<Update, ClientError>>,
        limit: usize,
    ) -> usize {
        self.queue.recv_many(buffer, limit).await
    }
}

impl futures_core::Stream for Client {
    type Item = Result<Update, ClientError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.queue.poll_recv(cx)
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
    fn one_subscription_per_account() {
        let builder = Client::agent("https://chat.example.com", "tok", 7, [2, 1, 2]);
        let accounts: Vec<_> = builder
            .identifiers()
            .into_iter()
            .map(|(_, account)| account)
            .collect();
        assert_eq!(accounts, [Some(2), Some(1)]);
        let contact = Client::contact("https://chat.example.com", "tok").identifiers();
        assert_eq!(contact.len(), 1);
        assert!(!contact[0].0.params().contains_key("account_id"));
    }

    #[test]
    fn debug_and_errors_hide_the_token() {
        let builder = Client::agent("https://chat.example.com", "tok-SECRET", 7, [1, 2]);
        assert!(!format!("{builder:?}").contains("tok-SECRET"));
        let source: Identifier = builder.identifiers()[0].0.key().parse().unwrap();
        assert!(
            source.as_str().contains("tok-SECRET"),
            "the identifier itself carries it"
        );
        let decode = Event::decode(br#"{"event":"message.created","data":{"id":{}}}"#)
            .expect_err("an object id does not decode");
        let errors = [
            ClientError::ConfirmationTimeout {
                identifier: source.clone(),
                after: Duration::from_secs(1),
            },
            ClientError::Decode {
                identifier: source.clone(),
                error: decode,
            },
            ClientError::Rejected {
                identifier: source.clone(),
            },
        ];
        for error in &errors {
            let shown = format!("{error} {error:?}");
            assert!(!shown.contains("tok-SECRET"), "{shown}");
            assert!(shown.contains("account 1"), "{shown}");
            assert!(!error.is_fatal());
        }
        assert_eq!(
            errors[0].to_string(),
            "onechat: the subscription of account 1 was not confirmed within 1s (a wrong token, user or account gets no answer)"
        );
        let stopped = ClientError::Stopped {
            reason: Some("unauthorized".to_owned()),
            message: "the server disconnected and asked not to reconnect".to_owned(),
        };
        assert!(stopped.is_fatal());
        assert!(
            !ClientError::Connect {
                message: String::new(),
                cause: None
            }
            .is_fatal()
        );
        let update = Update::Subscribed { source };
        assert!(!format!("{update:?}").contains("tok-SECRET"));
    }
}
