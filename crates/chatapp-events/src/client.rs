//! The live ChatApp client: Pusher protocol 7 over WebSocket, private channels, typed events.
//!
//! ```no_run
//! use chatapp_events::{Channel, EventSource, client::{Client, Update}};
//!
//! # async fn run() {
//! let token = std::env::var("CHATAPP_ACCESS_TOKEN").unwrap_or_default();
//! let mut client = Client::builder(token)
//!     .channel("private-v1.licenses.1229.messengers.grWhatsApp".parse::<Channel>().unwrap())
//!     .channel(Channel::Company { company_id: 2224 })
//!     .connect();
//! while let Some(item) = client.next_event().await {
//!     match item {
//!         Ok(Update::Event { channel, event }) => println!("{channel}: {}", event.name()),
//!         Ok(Update::Reconnected { downtime }) => println!("back after {downtime:?}: resync over REST"),
//!         Ok(_) => {}
//!         Err(error) => eprintln!("{error}"),
//!     }
//! }
//! # }
//! ```
//!
//! # Behaviour
//!
//! - **Connection**: `wss://socket.chatapp.online:6001/app/ChatsAppApiProdKey?protocol=7&client=…&version=…&flash=false`
//!   by default; host, port, TLS, key and auth URL are all settable (tests use `ws://127.0.0.1`).
//!   TLS goes through rustls with ring and the system's roots; [`ClientBuilder::connect`]
//!   installs ring as rustls' process-wide provider when the application has none (reqwest is
//!   built with `rustls-no-provider`; an application that builds its own reqwest clients
//!   *before* connecting and enables no TLS feature of reqwest's should install a provider
//!   first). `pusher:connection_established` is read with its `data` as a JSON string, an
//!   object or missing.
//! - **Private channels**: for each channel, a form POST of `socket_id` and `channel_name` to
//!   the auth endpoint with the access token as is in `Authorization` (no `Bearer`), then
//!   `pusher:subscribe` with the returned `auth`. After every reconnect every channel is
//!   authorised and subscribed again (the signature is bound to the socket id). On 401, 403
//!   or a redirect the [token refresh hook](ClientBuilder::token_refresh) is called once and
//!   the authorisation retried.
//! - **Heartbeat**: any frame resets the activity timer; after `min(configured, server's
//!   activity_timeout)` of silence the client sends `pusher:ping` and reconnects if nothing
//!   arrives within the pong timeout (30 s). A server `pusher:ping` is always answered with
//!   `pusher:pong`.
//! - **Close codes**: 4000–4099 and ≥ 4300 stop the client ([`ClientError::Closed`], fatal);
//!   4100–4199 reconnect with exponential backoff and jitter (at least 1 s, capped); 4200–4299
//!   reconnect at once; other drops back off.
//! - **Subscription failures** are reported for their channel and the other channels keep
//!   working: an auth answer other than 200 (status kept), an unusable auth body,
//!   `pusher:subscription_error`, a `pusher:error` 4009 (laravel-websockets and sockudo name
//!   no channel; they answer subscribes in arrival order, so it is charged to the oldest
//!   subscribe still waiting), or no answer within the pending timeout.
//! - **Output**: [`Update::Event`] with the channel, [`Update::Subscribed`],
//!   [`Update::Reconnected`] with the downtime (nothing is replayed: resync over REST), and
//!   errors; only [`ClientError::Closed`] is fatal. A frame whose data does not decode is
//!   reported with its raw text ([`ClientError::Decode`]) and the client goes on. A body
//!   without `meta` gets it from the channel name (see [`Update::Event`]).
//!   [`Client::state`] follows the connection (`Connecting`, `Connected`, `Unavailable`,
//!   `Disconnected`, `Failed`).
//! - **Secrets**: the access token and the auth signatures never appear in `Debug`,
//!   errors or logs.
//!
//! Written here because no Rust crate does this (reference §5: `pusher-rs` cannot call an
//! auth endpoint with headers, does not answer `pusher:ping`, drops non-string `data`, and
//! does not reconnect).

use std::{
    borrow::Cow,
    collections::BTreeMap,
    fmt,
    future::Future,
    pin::Pin,
    sync::Arc,
    time::{Duration, Instant},
};

use chat_events_core::{DecodeError, Decoded, EventSource, Secret, SourceError};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::value::RawValue;
use tokio::{
    sync::{mpsc, oneshot, watch},
    time,
};
use tokio_tungstenite::tungstenite::{self, Message, protocol::CloseFrame};

use crate::{Channel, Event};

/// ChatApp's socket host.
pub const DEFAULT_HOST: &str = "socket.chatapp.online";
/// ChatApp's socket port.
pub const DEFAULT_PORT: u16 = 6001;
/// ChatApp's Pusher app key.
pub const DEFAULT_APP_KEY: &str = "ChatsAppApiProdKey";
/// ChatApp's channel authorisation endpoint.
pub const DEFAULT_AUTH_URL: &str = "https://api.chatapp.online/broadcasting/auth";

/// The state of the connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConnectionState {
    /// Not started yet.
    Initialized,
    /// Dialing or waiting for `pusher:connection_established`.
    Connecting,
    /// Connected; channels are (re)subscribing.
    Connected,
    /// Still not connected after 10 s of trying; the client keeps trying.
    Unavailable,
    /// Closed on request.
    Disconnected,
    /// Stopped for good (a fatal close code).
    Failed,
}

/// What the client yields.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Update {
    /// An event on a channel.
    Event {
        /// The channel it came on.
        channel: Channel,
        /// The event, with the JSON it came in. When the body has no `meta`, it is filled
        /// from the channel (`licenseId` and `messengerType` of a line channel, `companyId`
        /// and `userId` of the others); [`Decoded::raw`] keeps the body as sent.
        event: Box<Decoded<Event>>,
    },
    /// A channel's subscription succeeded (after every connection).
    Subscribed {
        /// The channel.
        channel: Channel,
    },
    /// The connection came back after `downtime`; nothing sent meanwhile is replayed.
    Reconnected {
        /// How long the client was not connected.
        downtime: Duration,
    },
}

/// Why a channel could not be subscribed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SubscriptionFailure {
    /// The auth endpoint answered a status other than 200 (after one token refresh for 401
    /// and 403, when a hook is set).
    AuthStatus {
        /// The HTTP status.
        status: u16,
    },
    /// The auth endpoint could not be reached.
    AuthUnreachable,
    /// The auth endpoint answered 200 without a usable `{"auth": "…"}` (HTML, doubled
    /// encoding, an empty key).
    AuthBody,
    /// The server answered `pusher:subscription_error`.
    SubscriptionError {
        /// The status it gave, if any.
        status: Option<u16>,
    },
    /// The server answered `pusher:error` 4009 (a bad signature) while this channel was the
    /// oldest subscribe waiting for an answer.
    Unauthorized,
    /// No answer within the pending timeout.
    Timeout,
}

impl fmt::Display for SubscriptionFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AuthStatus { status } => write!(f, "the auth endpoint answered {status}"),
            Self::AuthUnreachable => f.write_str("the auth endpoint could not be reached"),
            Self::AuthBody => f.write_str("the auth endpoint's answer has no usable `auth`"),
            Self::SubscriptionError {
                status: Some(status),
            } => write!(f, "subscription error {status}"),
            Self::SubscriptionError { status: None } => f.write_str("subscription error"),
            Self::Unauthorized => f.write_str("the server refused the signature (4009)"),
            Self::Timeout => f.write_str("no answer to the subscription in time"),
        }
    }
}

/// What can go wrong. Only [`ClientError::Closed`] is fatal.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// The server closed with a code that means "do not come back" (4000–4099, ≥ 4300).
    Closed {
        /// The close code.
        code: u16,
        /// The server's reason text.
        reason: String,
    },
    /// A connection attempt failed; the client retries.
    Connect {
        /// Why.
        message: String,
    },
    /// A channel event's data is not a ChatApp event this version can decode; the raw text
    /// is in `error.raw()`.
    Decode {
        /// The channel it came on.
        channel: Channel,
        /// Why, with the JSON path.
        error: DecodeError,
    },
    /// The server sent something that is not a Pusher frame (garbage, binary); skipped.
    Protocol {
        /// What was wrong.
        message: String,
        /// The frame's bytes.
        raw: Vec<u8>,
    },
    /// The server sent `pusher:error` that concerns no pending subscription.
    Server {
        /// Its code, if any.
        code: Option<u16>,
        /// Its message.
        message: String,
    },
    /// A channel could not be subscribed; the others keep working.
    Subscription {
        /// The channel.
        channel: Channel,
        /// Why.
        failure: SubscriptionFailure,
    },
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Closed { code, reason } => write!(
                f,
                "chatapp: the server closed the connection ({code} {reason}); not reconnecting"
            ),
            Self::Connect { message } => {
                write!(f, "chatapp: connection failed: {message}; retrying")
            }
            Self::Decode { channel, error } => write!(f, "chatapp: on {channel}: {error}"),
            Self::Protocol { message, raw } => write!(
                f,
                "chatapp: skipped a frame ({message}, {} bytes)",
                raw.len()
            ),
            Self::Server {
                code: Some(code),
                message,
            } => write!(f, "chatapp: server error {code}: {message}"),
            Self::Server {
                code: None,
                message,
            } => write!(f, "chatapp: server error: {message}"),
            Self::Subscription { channel, failure } => {
                write!(f, "chatapp: cannot subscribe to {channel}: {failure}")
            }
        }
    }
}

impl std::error::Error for ClientError {}

impl SourceError for ClientError {
    fn is_fatal(&self) -> bool {
        matches!(self, Self::Closed { .. })
    }
}

type RefreshFuture = Pin<Box<dyn Future<Output = Option<Secret>> + Send>>;
type RefreshHook = Arc<dyn Fn() -> RefreshFuture + Send + Sync>;

/// Configures a [`Client`]; every setting has ChatApp's production default.
#[must_use]
pub struct ClientBuilder {
    host: String,
    port: u16,
    tls: bool,
    app_key: String,
    auth_url: String,
    token: Secret,
    refresh: Option<RefreshHook>,
    channels: Vec<Channel>,
    activity_timeout: Duration,
    pong_timeout: Duration,
    subscribe_timeout: Duration,
    handshake_timeout: Duration,
    backoff: (Duration, Duration),
    queue: usize,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("app_key", &self.app_key)
            .field("auth_url", &self.auth_url)
            .field("token", &self.token)
            .field("channels", &self.channels)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The socket host (default `socket.chatapp.online`).
    pub fn host(mut self, host: impl Into<String>) -> Self {
        self.host = host.into();
        self
    }

    /// The socket port (default 6001).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Whether to use TLS (`wss`, default true).
    pub fn tls(mut self, tls: bool) -> Self {
        self.tls = tls;
        self
    }

    /// The Pusher app key (default `ChatsAppApiProdKey`).
    pub fn app_key(mut self, key: impl Into<String>) -> Self {
        self.app_key = key.into();
        self
    }

    /// The channel authorisation endpoint (default ChatApp's `/broadcasting/auth`).
    pub fn auth_url(mut self, url: impl Into<String>) -> Self {
        self.auth_url = url.into();
        self
    }

    /// A channel to subscribe to.
    pub fn channel(mut self, channel: Channel) -> Self {
        if !self.channels.contains(&channel) {
            self.channels.push(channel);
        }
        self
    }

    /// Called when the auth endpoint answers 401, 403 or a redirect (Laravel sends a guest to
    /// its login page; redirects are not followed): return a new access token (say,
    /// from `POST /v1/tokens/refresh`) and the authorisation is tried once more with it;
    /// return `None` to give up on that channel.
    pub fn token_refresh<F, Fut>(mut self, refresh: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Option<Secret>> + Send + 'static,
    {
        self.refresh = Some(Arc::new(move || Box::pin(refresh()) as RefreshFuture));
        self
    }

    /// Idle time before the client pings (default 120 s; the server's `activity_timeout` is
    /// used when it is shorter).
    pub fn activity_timeout(mut self, timeout: Duration) -> Self {
        self.activity_timeout = timeout;
        self
    }

    /// How long to wait for any frame after a ping before reconnecting (default 30 s).
    pub fn pong_timeout(mut self, timeout: Duration) -> Self {
        self.pong_timeout = timeout;
        self
    }

    /// How long a subscription may stay unanswered (default 10 s).
    pub fn subscribe_timeout(mut self, timeout: Duration) -> Self {
        self.subscribe_timeout = timeout;
        self
    }

    /// How long to wait for `pusher:connection_established` after the WebSocket opened
    /// (default 15 s).
    pub fn handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = timeout;
        self
    }

    /// Reconnect delays after drops and 41xx codes: `initial`, doubling, at most `longest`,
    /// with jitter (defaults 1 s and 60 s; the initial delay is never below 1 s for 41xx).
    pub fn backoff(mut self, initial: Duration, longest: Duration) -> Self {
        self.backoff = (initial, longest.max(initial));
        self
    }

    /// How many updates may wait for the consumer (default 1024); when it falls behind the
    /// client stops reading the socket instead of dropping events.
    pub fn queue_capacity(mut self, updates: usize) -> Self {
        self.queue = updates.max(1);
        self
    }

    fn url(&self) -> String {
        let scheme = if self.tls { "wss" } else { "ws" };
        format!(
            "{scheme}://{}:{}/app/{}?protocol=7&client=rust-chatapp-events&version={}&flash=false",
            self.host,
            self.port,
            self.app_key,
            env!("CARGO_PKG_VERSION")
        )
    }

    /// Starts the client; it connects in the background and keeps reconnecting until
    /// [`Client::close`] or a fatal close code.
    pub fn connect(self) -> Client {
        // reqwest comes without a built-in provider (`rustls-no-provider`): make ring the
        // process default unless the application installed one, so reqwest clients the
        // application builds later do not panic for want of a provider.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (updates, queue) = mpsc::channel(self.queue);
        let (state_sender, state) = watch::channel(ConnectionState::Initialized);
        let (close, closed) = oneshot::channel();
        let task = tokio::spawn(Connection::new(self, updates, state_sender).run(closed));
        Client {
            queue,
            state,
            close: Some(close),
            task,
        }
    }
}

/// A running ChatApp client.
pub struct Client {
    queue: mpsc::Receiver<Result<Update, ClientError>>,
    state: watch::Receiver<ConnectionState>,
    close: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("state", &*self.state.borrow())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for the access token (`v1.tokens.make`), with ChatApp's production settings.
    pub fn builder(access_token: impl Into<Secret>) -> ClientBuilder {
        ClientBuilder {
            host: DEFAULT_HOST.to_owned(),
            port: DEFAULT_PORT,
            tls: true,
            app_key: DEFAULT_APP_KEY.to_owned(),
            auth_url: DEFAULT_AUTH_URL.to_owned(),
            token: access_token.into(),
            refresh: None,
            channels: Vec::new(),
            activity_timeout: Duration::from_secs(120),
            pong_timeout: Duration::from_secs(30),
            subscribe_timeout: Duration::from_secs(10),
            handshake_timeout: Duration::from_secs(15),
            backoff: (Duration::from_secs(1), Duration::from_secs(60)),
            queue: 1024,
        }
    }

    /// The connection state now, and its changes (`state().changed().await`).
    pub fn state(&self) -> watch::Receiver<ConnectionState> {
        self.state.clone()
    }

    /// Closes the connection; the client then yields what is queued and `None`.
    pub async fn close(&mut self) {
        if let Some(close) = self.close.take() {
            let _ = close.send(());
        }
        let _ = (&mut self.task).await;
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        self.task.abort();
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

/// A Pusher frame: `{event, channel?, data?}`, `data` a JSON string, an object, or missing.
#[derive(Deserialize)]
struct Frame<'a> {
    #[serde(borrow)]
    event: Cow<'a, str>,
    #[serde(borrow, default)]
    channel: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

impl Frame<'_> {
    /// The data as JSON text: a string's content (Pusher encodes data twice), an object as is.
    fn data_text(&self) -> Option<Cow<'_, str>> {
        let raw = self.data?;
        if raw.get().starts_with('"') {
            serde_json::from_str::<String>(raw.get())
                .ok()
                .map(Cow::Owned)
        } else {
            Some(Cow::Borrowed(raw.get()))
        }
    }

    /// A field of the data, whatever its encoding.
    fn data_field<T: for<'de> Deserialize<'de>>(&self, field: &str) -> Option<T> {
        let value: serde_json::Value = serde_json::from_str(&self.data_text()?).ok()?;
        serde_json::from_value(value.get(field)?.clone()).ok()
    }

    /// An integer field of the data, sent as a number or a string (servers differ).
    fn data_int<T: TryFrom<u64>>(&self, field: &str) -> Option<T> {
        let number = self.data_field::<chat_events_core::Num<u64>>(field)?;
        T::try_from(number.get()).ok()
    }
}

/// Why a connection ended, and what to do next.
enum Ended {
    /// Closed on request.
    Closed,
    /// Stop for good.
    Fatal(ClientError),
    /// Reconnect now.
    Now,
    /// Reconnect after a delay; `over_capacity` marks a 41xx code (at least 1 s).
    Backoff { over_capacity: bool },
}

struct Connection {
    config: ClientBuilder,
    updates: mpsc::Sender<Result<Update, ClientError>>,
    state: watch::Sender<ConnectionState>,
    http: Option<reqwest::Client>,
    tls: Option<Arc<rustls::ClientConfig>>,
}

/// The auth endpoint's answer.
#[derive(Deserialize)]
struct AuthAnswer {
    /// `key:signature`.
    auth: String,
}

/// The WebSocket to the Pusher server.
type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A `pusher:subscribe` sent and not yet answered.
struct Pending {
    /// The channel asked for.
    channel: Channel,
    /// Send order on this connection: servers answer in this order.
    order: u64,
    /// When the subscribe was sent.
    since: Instant,
}

/// rustls with the ring provider and the system's roots.
fn tls_config() -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    for certificate in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(certificate);
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|error| error.to_string())?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(Arc::new(config))
}

impl Connection {
    fn new(
        config: ClientBuilder,
        updates: mpsc::Sender<Result<Update, ClientError>>,
        state: watch::Sender<ConnectionState>,
    ) -> Self {
        Self {
            config,
            updates,
            state,
            http: None,
            tls: None,
        }
    }

    fn set_state(&self, state: ConnectionState) {
        self.state.send_if_modified(|current| {
            let changed = *current != state;
            *current = state;
            changed
        });
    }

    /// Queues an update; `false` when the consumer is gone.
    async fn emit(&self, item: Result<Update, ClientError>) -> bool {
        self.updates.send(item).await.is_ok()
    }

    async fn run(mut self, mut closed: oneshot::Receiver<()>) {
        let mut failures: u32 = 0;
        let mut down_since: Option<Instant> = None;
        let mut ever_connected = false;
        loop {
            self.set_state(
                if failures > 0
                    && down_since.is_some_and(|since| since.elapsed() > Duration::from_secs(10))
                {
                    ConnectionState::Unavailable
                } else {
                    ConnectionState::Connecting
                },
            );
            let ended = tokio::select! {
                ended = self.session(&mut down_since, &mut ever_connected, &mut failures) => ended,
                _ = &mut closed => Ended::Closed,
            };
            let delay = match ended {
                Ended::Closed => {
                    self.set_state(ConnectionState::Disconnected);
                    return;
                }
                Ended::Fatal(error) => {
                    tracing::warn!(%error, "chatapp client stopped");
                    self.set_state(ConnectionState::Failed);
                    let _ = self.emit(Err(error)).await;
                    return;
                }
                Ended::Now => Duration::ZERO,
                Ended::Backoff { over_capacity } => {
                    failures = failures.saturating_add(1);
                    let (initial, longest) = self.config.backoff;
                    let delay = initial
                        .saturating_mul(1 << failures.saturating_sub(1).min(16))
                        .min(longest);
                    // Jitter: somewhere in the upper half, so clients do not come back at once.
                    let delay = delay / 2 + jitter(delay / 2);
                    // 41xx: "reconnect after at least 1 s".
                    if over_capacity {
                        delay.max(Duration::from_secs(1))
                    } else {
                        delay
                    }
                }
            };
            down_since.get_or_insert_with(Instant::now);
            if self.updates.is_closed() {
                return;
            }
            tokio::select! {
                () = time::sleep(delay) => {}
                _ = &mut closed => {
                    self.set_state(ConnectionState::Disconnected);
                    return;
                }
            }
        }
    }

    /// Opens the WebSocket and waits for `pusher:connection_established`: the socket, its
    /// id and the server's activity timeout.
    async fn dial(&mut self) -> Result<(Socket, String, Option<Duration>), Ended> {
        let url = self.config.url();
        let connector = if self.config.tls {
            if self.tls.is_none() {
                match tls_config() {
                    Ok(config) => self.tls = Some(config),
                    Err(message) => return Err(Ended::Fatal(ClientError::Connect { message })),
                }
            }
            self.tls.clone().map(tokio_tungstenite::Connector::Rustls)
        } else {
            None
        };
        let dial =
            tokio_tungstenite::connect_async_tls_with_config(url.as_str(), None, false, connector);
        let mut socket = match time::timeout(self.config.handshake_timeout, dial).await {
            Ok(Ok((socket, _))) => socket,
            Ok(Err(error)) => {
                let message = match &error {
                    tungstenite::Error::Http(response) => format!("HTTP {}", response.status()),
                    other => other.to_string(),
                };
                let _ = self.emit(Err(ClientError::Connect { message })).await;
                return Err(Ended::Backoff {
                    over_capacity: false,
                });
            }
            Err(_) => {
                let _ = self
                    .emit(Err(ClientError::Connect {
                        message: "the WebSocket did not open in time".to_owned(),
                    }))
                    .await;
                return Err(Ended::Backoff {
                    over_capacity: false,
                });
            }
        };

        // pusher:connection_established (or a pusher:error instead).
        let (socket_id, server_timeout) =
            match time::timeout(self.config.handshake_timeout, established(&mut socket)).await {
                Ok(Ok(pair)) => pair,
                Ok(Err(ended)) => return Err(ended),
                Err(_) => {
                    let _ = self
                        .emit(Err(ClientError::Connect {
                            message: "no pusher:connection_established in time".to_owned(),
                        }))
                        .await;
                    return Err(Ended::Backoff {
                        over_capacity: false,
                    });
                }
            };
        Ok((socket, socket_id, server_timeout))
    }

    /// One connection, from dialing to its end.
    async fn session(
        &mut self,
        down_since: &mut Option<Instant>,
        ever_connected: &mut bool,
        failures: &mut u32,
    ) -> Ended {
        let (mut socket, socket_id, server_timeout) = match self.dial().await {
            Ok(dialed) => dialed,
            Err(ended) => return ended,
        };
        let activity = server_timeout.map_or(self.config.activity_timeout, |server| {
            server.min(self.config.activity_timeout)
        });
        self.set_state(ConnectionState::Connected);
        *failures = 0;
        tracing::info!(activity_timeout = ?activity, "chatapp client connected");
        if *ever_connected {
            let downtime = down_since
                .take()
                .map(|since| since.elapsed())
                .unwrap_or_default();
            if !self.emit(Ok(Update::Reconnected { downtime })).await {
                return Ended::Closed;
            }
        }
        *down_since = None;
        *ever_connected = true;

        let mut pending = match self.subscribe_all(&mut socket, &socket_id).await {
            Ok(pending) => pending,
            Err(ended) => return ended,
        };

        // Read until the connection ends.
        let mut ping_sent = false;
        let mut idle = Box::pin(time::sleep(activity));
        let mut pending_check = time::interval(Duration::from_millis(250));
        loop {
            tokio::select! {
                frame = socket.next() => {
                    idle.as_mut().reset(time::Instant::now() + activity);
                    ping_sent = false;
                    let Some(Ok(message)) = frame else {
                        return Ended::Backoff { over_capacity: false };
                    };
                    match message {
                        Message::Text(text) => {
                            if let Some(ended) = self.on_text(&mut socket, text.as_str(), &mut pending).await {
                                return ended;
                            }
                        }
                        Message::Binary(bytes) => {
                            let error = ClientError::Protocol { message: "binary frame".to_owned(), raw: bytes.to_vec() };
                            if !self.emit(Err(error)).await {
                                return Ended::Closed;
                            }
                        }
                        Message::Close(frame) => return close_policy(frame.as_ref()),
                        Message::Ping(_) | Message::Pong(_) | Message::Frame(_) => {}
                    }
                }
                () = &mut idle => {
                    if ping_sent {
                        tracing::info!("no answer to pusher:ping; reconnecting");
                        return Ended::Now;
                    }
                    ping_sent = true;
                    idle.as_mut().reset(time::Instant::now() + self.config.pong_timeout);
                    if socket.send(Message::text(r#"{"event":"pusher:ping","data":{}}"#)).await.is_err() {
                        return Ended::Backoff { over_capacity: false };
                    }
                }
                _ = pending_check.tick(), if !pending.is_empty() => {
                    let timeout = self.config.subscribe_timeout;
                    let expired: Vec<String> = pending.iter().filter(|(_, waiting)| waiting.since.elapsed() >= timeout).map(|(name, _)| name.clone()).collect();
                    for name in expired {
                        if let Some(Pending { channel, .. }) = pending.remove(&name) {
                            let _ = self.emit(Err(ClientError::Subscription { channel, failure: SubscriptionFailure::Timeout })).await;
                        }
                    }
                }
            }
        }
    }

    /// Authorises every channel and sends its `pusher:subscribe`: the subscribes waiting for
    /// an answer.
    async fn subscribe_all(
        &mut self,
        socket: &mut Socket,
        socket_id: &str,
    ) -> Result<BTreeMap<String, Pending>, Ended> {
        let mut pending: BTreeMap<String, Pending> = BTreeMap::new();
        for channel in self.config.channels.clone() {
            match self.authorize(socket_id, &channel).await {
                Ok(auth) => {
                    let subscribe = serde_json::json!({
                        "event": "pusher:subscribe",
                        "data": { "auth": auth.expose(), "channel": channel.to_string() }
                    });
                    if socket
                        .send(Message::text(subscribe.to_string()))
                        .await
                        .is_err()
                    {
                        return Err(Ended::Backoff {
                            over_capacity: false,
                        });
                    }
                    pending.insert(
                        channel.to_string(),
                        Pending {
                            channel,
                            order: pending.len() as u64,
                            since: Instant::now(),
                        },
                    );
                }
                Err(failure) => {
                    tracing::warn!(%channel, %failure, "channel not authorised");
                    let _ = self
                        .emit(Err(ClientError::Subscription { channel, failure }))
                        .await;
                }
            }
        }
        Ok(pending)
    }

    /// Handles one text frame; `Some` when the connection must end.
    async fn on_text<S>(
        &self,
        socket: &mut S,
        text: &str,
        pending: &mut BTreeMap<String, Pending>,
    ) -> Option<Ended>
    where
        S: futures_util::Sink<Message> + Unpin,
    {
        let Ok(frame) = serde_json::from_str::<Frame<'_>>(text) else {
            let error = ClientError::Protocol {
                message: "not a Pusher frame".to_owned(),
                raw: text.as_bytes().to_vec(),
            };
            return (!self.emit(Err(error)).await).then_some(Ended::Closed);
        };
        let channel = frame.channel.as_deref();
        match &*frame.event {
            "pusher:ping" => {
                if socket
                    .send(Message::text(r#"{"event":"pusher:pong","data":{}}"#))
                    .await
                    .is_err()
                {
                    return Some(Ended::Backoff {
                        over_capacity: false,
                    });
                }
            }
            "pusher:pong" | "pusher:connection_established" => {}
            "pusher_internal:subscription_succeeded" => {
                if let Some(Pending { channel, .. }) = channel.and_then(|name| pending.remove(name))
                {
                    tracing::debug!(%channel, "subscribed");
                    if !self.emit(Ok(Update::Subscribed { channel })).await {
                        return Some(Ended::Closed);
                    }
                }
            }
            "pusher:subscription_error" => {
                if let Some(Pending { channel, .. }) = channel.and_then(|name| pending.remove(name))
                {
                    let status = frame.data_int::<u16>("status");
                    let failure = SubscriptionFailure::SubscriptionError { status };
                    let _ = self
                        .emit(Err(ClientError::Subscription { channel, failure }))
                        .await;
                }
            }
            "pusher:error" => {
                let code = frame.data_int::<u16>("code");
                let message = frame.data_field::<String>("message").unwrap_or_default();
                let oldest = pending
                    .iter()
                    .min_by_key(|(_, waiting)| waiting.order)
                    .map(|(name, _)| name.clone());
                if let (Some(4009), Some(oldest)) = (code, oldest) {
                    // laravel-websockets and sockudo name no channel; they answer subscribes
                    // in the order they arrive, so the refused one is the oldest still waiting.
                    if let Some(Pending { channel, .. }) = pending.remove(&oldest) {
                        let _ = self
                            .emit(Err(ClientError::Subscription {
                                channel,
                                failure: SubscriptionFailure::Unauthorized,
                            }))
                            .await;
                    }
                } else if !self.emit(Err(ClientError::Server { code, message })).await {
                    return Some(Ended::Closed);
                }
            }
            name if name.starts_with("pusher:") || name.starts_with("pusher_internal:") => {}
            name => {
                let Some(channel) = channel.and_then(|name| name.parse::<Channel>().ok()) else {
                    let error = ClientError::Protocol {
                        message: "an event on an unknown channel".to_owned(),
                        raw: text.as_bytes().to_vec(),
                    };
                    return (!self.emit(Err(error)).await).then_some(Ended::Closed);
                };
                let data = frame.data_text().unwrap_or(Cow::Borrowed("null"));
                let item = match Event::decode_named(name, data.as_bytes()) {
                    Ok(event) => Ok(Update::Event {
                        event: Box::new(fill_meta(&channel, event)),
                        channel,
                    }),
                    Err(error) => Err(ClientError::Decode { channel, error }),
                };
                if !self.emit(item).await {
                    return Some(Ended::Closed);
                }
            }
        }
        None
    }

    /// POSTs `socket_id` and `channel_name` to the auth endpoint; on 401/403 or a redirect
    /// (Laravel sends a guest to its login page) refreshes the token once and tries again.
    async fn authorize(
        &mut self,
        socket_id: &str,
        channel: &Channel,
    ) -> Result<Secret, SubscriptionFailure> {
        let mut refreshed = false;
        loop {
            let status = self.auth_request(socket_id, channel).await?;
            match status {
                Ok(auth) => return Ok(auth),
                Err(status @ (300..=399 | 401 | 403)) if !refreshed => {
                    let Some(refresh) = self.config.refresh.clone() else {
                        return Err(SubscriptionFailure::AuthStatus { status });
                    };
                    match refresh().await {
                        Some(token) => {
                            tracing::info!(%channel, "access token refreshed after {status}");
                            self.config.token = token;
                            refreshed = true;
                        }
                        None => return Err(SubscriptionFailure::AuthStatus { status }),
                    }
                }
                Err(status) => return Err(SubscriptionFailure::AuthStatus { status }),
            }
        }
    }

    /// One auth request: `Ok(Ok(auth))`, `Ok(Err(status))` for a non-200 answer.
    async fn auth_request(
        &mut self,
        socket_id: &str,
        channel: &Channel,
    ) -> Result<Result<Secret, u16>, SubscriptionFailure> {
        if self.http.is_none() {
            let mut builder = reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .redirect(reqwest::redirect::Policy::none());
            // reqwest is built without a process-wide crypto provider, so it always gets
            // our ring-backed config, also for plain-http endpoints (it panics otherwise).
            if self.tls.is_none() {
                self.tls = Some(tls_config().map_err(|_| SubscriptionFailure::AuthUnreachable)?);
            }
            if let Some(tls) = &self.tls {
                builder = builder.use_preconfigured_tls((**tls).clone());
            }
            self.http = Some(
                builder
                    .build()
                    .map_err(|_| SubscriptionFailure::AuthUnreachable)?,
            );
        }
        let http = self
            .http
            .as_ref()
            .ok_or(SubscriptionFailure::AuthUnreachable)?;
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("socket_id", socket_id)
            .append_pair("channel_name", &channel.to_string())
            .finish();
        let response = http
            .post(&self.config.auth_url)
            .header("Authorization", self.config.token.expose())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|_| SubscriptionFailure::AuthUnreachable)?;
        let status = response.status().as_u16();
        if status != 200 {
            return Ok(Err(status));
        }
        let text = response
            .text()
            .await
            .map_err(|_| SubscriptionFailure::AuthUnreachable)?;
        let answer: AuthAnswer =
            serde_json::from_str(&text).map_err(|_| SubscriptionFailure::AuthBody)?;
        // `key:signature`, the key non-empty and the signature not JSON again.
        match answer.auth.split_once(':') {
            Some((key, signature))
                if !key.is_empty() && !signature.is_empty() && !answer.auth.starts_with('{') =>
            {
                Ok(Ok(Secret::new(answer.auth)))
            }
            _ => Err(SubscriptionFailure::AuthBody),
        }
    }
}

/// Fills a `meta` the body left out from the channel the event came on: the line and
/// messenger of a line channel, the company and user of the others. A body that has a
/// `meta` is left as decoded; the raw JSON stays as sent either way.
fn fill_meta(channel: &Channel, event: Decoded<Event>) -> Decoded<Event> {
    fn fill(slot: &mut chat_events_core::Maybe<chat_events_core::Id>, value: u64) {
        if slot.is_absent()
            && let Ok(value) = i64::try_from(value)
        {
            *slot = chat_events_core::Maybe::Value(value.into());
        }
    }
    let (mut event, raw) = event.into_parts();
    if let Some(payload) = event
        .payload_mut()
        .filter(|payload| payload.meta().is_empty())
    {
        let meta = payload.meta_mut();
        match channel {
            Channel::LineMessenger {
                license_id,
                messenger_type,
            } => {
                fill(&mut meta.license_id, *license_id);
                if meta.messenger_type.is_absent() {
                    meta.messenger_type = chat_events_core::Maybe::Value(messenger_type.clone());
                }
            }
            Channel::Company { company_id } => fill(&mut meta.company_id, *company_id),
            Channel::CompanyUser {
                company_id,
                user_id,
            } => {
                fill(&mut meta.company_id, *company_id);
                fill(&mut meta.user_id, *user_id);
            }
            Channel::User { user_id } => fill(&mut meta.user_id, *user_id),
        }
    }
    Decoded::from_parts(event, raw)
}

/// Reads frames until `pusher:connection_established`: its socket id and activity timeout.
async fn established<S>(socket: &mut S) -> Result<(String, Option<Duration>), Ended>
where
    S: futures_util::Stream<Item = Result<Message, tungstenite::Error>> + Unpin,
{
    loop {
        let Some(Ok(message)) = socket.next().await else {
            return Err(Ended::Backoff {
                over_capacity: false,
            });
        };
        let text = match message {
            Message::Text(text) => text,
            Message::Close(frame) => return Err(close_policy(frame.as_ref())),
            _ => continue,
        };
        let Ok(frame) = serde_json::from_str::<Frame<'_>>(text.as_str()) else {
            continue;
        };
        match &*frame.event {
            "pusher:connection_established" => {
                let socket_id: Option<String> = frame.data_field("socket_id");
                let timeout: Option<u64> = frame.data_int("activity_timeout");
                let Some(socket_id) = socket_id else {
                    return Err(Ended::Backoff {
                        over_capacity: false,
                    });
                };
                return Ok((
                    socket_id,
                    timeout
                        .filter(|seconds| *seconds > 0)
                        .map(Duration::from_secs),
                ));
            }
            "pusher:error" => {
                let code = frame.data_int::<u16>("code").unwrap_or(0);
                let reason = frame.data_field::<String>("message").unwrap_or_default();
                return Err(code_policy(code, reason));
            }
            _ => {}
        }
    }
}

/// What a close frame means.
fn close_policy(frame: Option<&CloseFrame>) -> Ended {
    match frame {
        Some(frame) => code_policy(u16::from(frame.code), frame.reason.to_string()),
        None => Ended::Backoff {
            over_capacity: false,
        },
    }
}

/// Pusher's close codes (protocol doc, "Error Codes").
fn code_policy(code: u16, reason: String) -> Ended {
    match code {
        4000..=4099 | 4300.. => Ended::Fatal(ClientError::Closed { code, reason }),
        4100..=4199 => Ended::Backoff {
            over_capacity: true,
        },
        4200..=4299 => Ended::Now,
        _ => Ended::Backoff {
            over_capacity: false,
        },
    }
}

/// A pseudo-random duration in `[0, up_to]` from the standard library's randomly seeded
/// hasher: enough to spread reconnects, no crate needed.
fn jitter(up_to: Duration) -> Duration {
    use std::hash::{BuildHasher, Hasher};
    // Each RandomState has fresh keys, so an empty hash is a new random number.
    let hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = u64::try_from(up_to.as_nanos()).unwrap_or(u64::MAX);
    Duration::from_nanos(hasher.finish() % nanos.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_defaults_and_url() {
        let builder = Client::builder("$2y$10$secret-token");
        assert_eq!(
            builder.url(),
            format!(
                "wss://socket.chatapp.online:6001/app/ChatsAppApiProdKey?protocol=7&client=rust-chatapp-events&version={}&flash=false",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert_eq!(builder.auth_url, DEFAULT_AUTH_URL);
        assert!(!format!("{builder:?}").contains("secret-token"));
        let local = Client::builder("t")
            .host("127.0.0.1")
            .port(6001)
            .tls(false)
            .app_key("app-key");
        assert!(
            local
                .url()
                .starts_with("ws://127.0.0.1:6001/app/app-key?protocol=7&")
        );
    }

    #[test]
    fn frames_with_data_as_string_object_or_missing() {
        let string: Frame<'_> = serde_json::from_str(r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\",\"activity_timeout\":30}"}"#).unwrap();
        assert_eq!(
            string.data_field::<String>("socket_id").as_deref(),
            Some("1.2")
        );
        assert_eq!(string.data_int::<u64>("activity_timeout"), Some(30));
        let object: Frame<'_> = serde_json::from_str(
            r#"{"event":"pusher:error","data":{"code":4009,"message":"Invalid Signature"}}"#,
        )
        .unwrap();
        assert_eq!(object.data_int::<u16>("code"), Some(4009));
        // Some servers quote numbers.
        let quoted: Frame<'_> = serde_json::from_str(
            r#"{"event":"pusher:subscription_error","data":{"status":"401","code":"70000"}}"#,
        )
        .unwrap();
        assert_eq!(quoted.data_int::<u16>("status"), Some(401));
        assert_eq!(quoted.data_int::<u16>("code"), None, "out of range");
        let missing: Frame<'_> = serde_json::from_str(r#"{"event":"pusher:pong"}"#).unwrap();
        assert!(missing.data_text().is_none());
    }

    #[test]
    fn close_code_policy() {
        assert!(matches!(
            code_policy(4001, String::new()),
            Ended::Fatal(ClientError::Closed { code: 4001, .. })
        ));
        assert!(matches!(code_policy(4000, String::new()), Ended::Fatal(_)));
        assert!(matches!(code_policy(4301, String::new()), Ended::Fatal(_)));
        assert!(matches!(
            code_policy(4100, String::new()),
            Ended::Backoff {
                over_capacity: true
            }
        ));
        assert!(matches!(code_policy(4200, String::new()), Ended::Now));
        assert!(matches!(code_policy(4201, String::new()), Ended::Now));
        assert!(matches!(
            code_policy(1006, String::new()),
            Ended::Backoff {
                over_capacity: false
            }
        ));
    }

    #[test]
    fn jitter_stays_in_range() {
        for _ in 0..100 {
            assert!(jitter(Duration::from_millis(10)) <= Duration::from_millis(10));
        }
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }
}
