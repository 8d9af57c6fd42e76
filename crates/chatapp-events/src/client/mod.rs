//! The live ChatApp client: Pusher protocol 7 over WebSocket, private channels, typed events.
//!
//! ```no_run
//! use chatapp_events::{Channel, EventSource, client::{Client, Update}};
//!
//! # async fn run() -> Result<(), chatapp_events::client::ClientError> {
//! let token = std::env::var("CHATAPP_ACCESS_TOKEN").unwrap_or_default();
//! let mut client = Client::builder(token)
//!     .channel("private-v1.licenses.1229.messengers.grWhatsApp".parse::<Channel>().unwrap())
//!     .channel(Channel::Company { company_id: 2224 })
//!     .connect()
//!     .await?;
//! while let Some(item) = client.next_event().await {
//!     match item {
//!         Ok(Update::Event { source, event, .. }) => println!("{source}: {}", event.name()),
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
//! - **Connection**: `wss://socket.chatapp.online:6001/app/ChatsAppApiProdKey?protocol=7&client=…&version=…&flash=false`
//!   by default; host, port, TLS, key and auth URL are all settable (tests use `ws://127.0.0.1`).
//!   [`ClientBuilder::connect`] returns once the first connection is established (retrying
//!   within [`ClientBuilder::connect_timeout`], following the close-code policy), or with the
//!   reason it could not be. TLS goes through rustls with ring and the system's roots, in a
//!   `ClientConfig` of the client's own (the socket and the auth requests share it): nothing
//!   process-wide is installed, so the application keeps whatever rustls provider it
//!   chooses. `pusher:connection_established` is read with its `data` as a JSON string, an
//!   object or missing.
//! - **Private channels**: for each channel, a form POST of `socket_id` and `channel_name` to
//!   the auth endpoint with the access token as is in `Authorization` (no `Bearer`), then
//!   `pusher:subscribe` with the returned `auth` (`auth` module). After every reconnect
//!   every channel is authorised and subscribed again (the signature is bound to the socket
//!   id). On 401, 403 or a redirect the [token refresh hook](ClientBuilder::token_refresh) is
//!   called once and the authorisation retried.
//! - **Heartbeat**: any frame resets the activity timer; after `min(configured, server's
//!   activity_timeout)` of silence the client sends `pusher:ping` and reconnects if nothing
//!   arrives within the pong timeout (30 s). A server `pusher:ping` is always answered with
//!   `pusher:pong`.
//! - **Close codes** ([`CloseAction`](crate::protocol::CloseAction), `policy` module):
//!   4000–4099 and ≥ 4300 stop the client ([`ClientError::Stopped`], fatal); 4100–4199
//!   reconnect with exponential backoff and jitter (at least 1 s, capped); 4200–4299
//!   reconnect at once; other drops back off.
//! - **Subscription failures** are reported for their channel and the other channels keep
//!   working: an auth answer other than 200 (status kept), an unusable auth body,
//!   `pusher:subscription_error`, a `pusher:error` 4009 (laravel-websockets and sockudo name
//!   no channel; they answer subscribes in arrival order, so it is charged to the oldest
//!   subscribe still waiting), or no answer within the pending timeout.
//! - **Output**: [`Update::Event`](chat_events_core::Update::Event) with the channel as its
//!   `source`, [`Update::Subscribed`](chat_events_core::Update::Subscribed),
//!   [`Update::Reconnected`](chat_events_core::Update::Reconnected) with the downtime (nothing
//!   is replayed: resync over REST), and errors; only [`ClientError::Stopped`] is fatal. A
//!   frame whose data does not decode is reported with its raw text ([`ClientError::Decode`])
//!   and the client goes on. A body without `meta` gets it from the channel name.
//!   [`Client::state`] follows the connection (`Connecting`, `Connected`, `Unavailable`,
//!   `Closed`, `Failed`). The client is an [`EventSource`] and a `futures::Stream`.
//! - **Secrets**: the access token and the auth signatures never appear in `Debug`,
//!   errors or logs.
//!
//! # Runtime, threads and cancellation
//!
//! - **Runtime**: Tokio, with the time and I/O drivers (`#[tokio::main]`, or a `Runtime` with
//!   `enable_all()`); [`ClientBuilder::connect`] spawns the connection task on it, so it must
//!   be called inside the runtime. Current-thread and multi-thread runtimes both work.
//! - **Threads**: [`Client`], [`Update`] and [`ClientError`] are `Send` and `Sync`; the
//!   client can move between tasks.
//! - **Cancel safety**: [`EventSource::next_event`], [`EventSource::next_batch`] and
//!   `futures::Stream::poll_next` are cancel safe: a future dropped before it completes (in
//!   `tokio::select!`, under a timeout) takes nothing from the queue, so no event is lost.
//!   [`Client::close`] is cancel safe too: the request to close is made at its first poll and
//!   the connection task finishes it on its own; dropping the [`Client`] closes at once.
//! - **Tracing**: the client logs inside a `chatapp_client` span (the host), from its first
//!   dial on; each connection after the first, from its dial to its end, inside a
//!   `chatapp_connection` span (its number).
//!
//! The Pusher frames, the authorisation request and answer and the close-code classes are in
//! the runtime-free [`protocol`](crate::protocol) module; this module only drives them:
//! `connection` (the socket, its reading loop and reconnects), `auth` (the HTTP
//! authorisation and the token refresh) and `policy` (reconnect delays).
//!
//! Written here because no Rust crate does this (reference §5: `pusher-rs` cannot call an
//! auth endpoint with headers, does not answer `pusher:ping`, drops non-string `data`, and
//! does not reconnect).

mod auth;
mod connection;
mod policy;

use chat_events_core::unstable::bounded_wait;
use std::{
    fmt,
    future::Future,
    pin::Pin,
    sync::Arc,
    task::{Context, Poll},
    time::Duration,
};

use chat_events_core::{ConnectionState, DecodeError, EventSource, Secret, SourceError};
use tokio::sync::{mpsc, watch};
use tracing::Instrument;

use crate::{Channel, Event};

/// ChatApp's socket host.
pub const DEFAULT_HOST: &str = "socket.chatapp.online";
/// ChatApp's socket port.
pub const DEFAULT_PORT: u16 = 6001;
/// ChatApp's Pusher app key.
pub const DEFAULT_APP_KEY: &str = "ChatsAppApiProdKey";
/// ChatApp's channel authorisation endpoint.
pub const DEFAULT_AUTH_URL: &str = "https://api.chatapp.online/broadcasting/auth";

/// What the client yields: events with the channel they came on (`source`), subscriptions
/// and reconnects.
pub type Update = chat_events_core::Update<Channel, Event>;

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

/// What can go wrong. Only [`ClientError::Stopped`] is fatal.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ClientError {
    /// A connection attempt failed: from [`ClientBuilder::connect`] when no first connection
    /// could be made; in the stream when a reconnect attempt failed (the client retries).
    Connect {
        /// What failed, in words.
        message: String,
        /// The error underneath (I/O, TLS, WebSocket, HTTP), when there is one; also
        /// [`Error::source`](std::error::Error::source).
        cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
    },
    /// The builder's configuration cannot work (no channel, an auth URL that is not
    /// `http(s)://…`, an empty host): from [`ClientBuilder::connect`], before any dial.
    Config {
        /// What is wrong.
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
    /// The client stopped for good: the server closed with a code that means "do not come
    /// back" (4000–4099, ≥ 4300).
    Stopped {
        /// The close code.
        code: u16,
        /// The server's reason text.
        reason: String,
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
            Self::Stopped { code, reason } => write!(
                f,
                "chatapp: the server closed the connection ({code} {reason}); not reconnecting"
            ),
            Self::Connect { message, .. } => write!(f, "chatapp: connection failed: {message}"),
            Self::Config { message } => write!(f, "chatapp: bad configuration: {message}"),
            Self::Decode {
                channel: source,
                error,
            } => write!(f, "chatapp: on {source}: {error}"),
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
            Self::Subscription {
                channel: source,
                failure,
            } => {
                write!(f, "chatapp: cannot subscribe to {source}: {failure}")
            }
        }
    }
}

impl ClientError {
    pub(crate) fn connect(
        message: impl Into<String>,
        cause: Option<Arc<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        Self::Connect {
            message: message.into(),
            cause,
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
    connect_timeout: Duration,
    unavailable_after: Duration,
    backoff: (Duration, Duration),
    queue: usize,
    max_message_size: usize,
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
        self.activity_timeout = bounded_wait(timeout);
        self
    }

    /// How long to wait for any frame after a ping before reconnecting (default 30 s).
    pub fn pong_timeout(mut self, timeout: Duration) -> Self {
        self.pong_timeout = bounded_wait(timeout);
        self
    }

    /// How long a subscription may stay unanswered (default 10 s).
    pub fn subscribe_timeout(mut self, timeout: Duration) -> Self {
        self.subscribe_timeout = bounded_wait(timeout);
        self
    }

    /// How long to wait for `pusher:connection_established` after the WebSocket opened
    /// (default 15 s).
    pub fn handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = bounded_wait(timeout);
        self
    }

    /// How long [`connect`](Self::connect) keeps trying to make the first connection before
    /// it gives up (default 30 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = bounded_wait(timeout);
        self
    }

    /// How long the client may stay disconnected before its state becomes
    /// [`ConnectionState::Unavailable`] (default 10 s, as pusher-js). It keeps trying.
    pub fn unavailable_after(mut self, after: Duration) -> Self {
        self.unavailable_after = bounded_wait(after);
        self
    }

    /// Reconnect delays after drops and 41xx codes: `initial`, doubling, at most `longest`,
    /// with jitter (defaults 1 s and 60 s; the initial delay is never below 1 s for 41xx).
    pub fn backoff(mut self, initial: Duration, longest: Duration) -> Self {
        self.backoff = (bounded_wait(initial), bounded_wait(longest.max(initial)));
        self
    }

    /// How many updates may wait for the consumer (default 1024); when it falls behind the
    /// client stops reading the socket instead of dropping events.
    pub fn queue_capacity(mut self, updates: usize) -> Self {
        self.queue = updates.clamp(1, tokio::sync::Semaphore::MAX_PERMITS);
        self
    }

    /// The largest message (and frame) the client accepts from the server (default 8 MiB);
    /// a larger one ends the connection before it is read, and the client reconnects.
    pub fn max_message_size(mut self, bytes: usize) -> Self {
        self.max_message_size = bytes.max(1024);
        self
    }

    /// Refuses a configuration that cannot work, before any dial.
    fn check(&self) -> Result<(), ClientError> {
        let config = |message: &str| {
            Err(ClientError::Config {
                message: message.to_owned(),
            })
        };
        if self.channels.is_empty() {
            return config("no channel to subscribe (add one with `channel(…)`)");
        }
        let with_port = self.host.contains(':') && !self.host.starts_with('[');
        if self.host.trim().is_empty() || self.host.contains(['/', ' ']) || with_port {
            return config("the host must be a host name (no scheme, port, path or spaces)");
        }
        match reqwest::Url::parse(&self.auth_url) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(()),
            _ => config("the auth URL must be an absolute http:// or https:// URL"),
        }
    }

    fn url(&self) -> String {
        crate::protocol::socket_url(&self.host, self.port, self.tls, &self.app_key)
    }

    /// Bounded buffers: incoming messages and frames up to `max_message_size`, and at most
    /// 1 MiB of outgoing frames waiting for a server that does not read (a flood of pings
    /// then ends the connection instead of growing the client).
    fn websocket_config(&self) -> tokio_tungstenite::tungstenite::protocol::WebSocketConfig {
        tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
            .read_buffer_size(16 * 1024)
            .write_buffer_size(0)
            .max_write_buffer_size(1 << 20)
            .max_message_size(Some(self.max_message_size))
            .max_frame_size(Some(self.max_message_size))
    }

    /// Makes the first connection and starts the client: it then subscribes every channel
    /// and keeps reconnecting until [`Client::close`] or a fatal close code.
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] for a configuration that cannot work (no channel, a bad auth
    /// URL or host, a TLS setup that fails); [`ClientError::Connect`] when no connection could be established within
    /// the connect timeout (the last reason is in the message, its error in `cause`); or
    /// [`ClientError::Stopped`] when the server refused with a code that means "do not come
    /// back".
    pub async fn connect(self) -> Result<Client, ClientError> {
        self.check()?;
        let host = self.host.clone();
        let sources = self.channels.clone();
        let (updates, queue) = mpsc::channel(self.queue);
        let (state_sender, state) = watch::channel(ConnectionState::Connecting);
        let (closer, close_requested) = watch::channel(false);
        let mut connection = connection::Connection::new(self, updates, state_sender);
        // TLS is set up once, here: a failure is a configuration that cannot work.
        connection.tls().map_err(|error| ClientError::Config {
            message: format!("TLS setup failed: {error}"),
        })?;
        // The first dial and everything after it log inside the client's span.
        let span = tracing::info_span!("chatapp_client", host = %host);
        let first = connection.first_dial().instrument(span.clone()).await?;
        let task = tokio::spawn(connection.run(first, close_requested).instrument(span));
        Ok(Client {
            queue,
            state,
            closer,
            sources,
            task,
        })
    }
}

/// A running ChatApp client.
pub struct Client {
    queue: mpsc::Receiver<Result<Update, ClientError>>,
    state: watch::Receiver<ConnectionState>,
    closer: watch::Sender<bool>,
    sources: Vec<Channel>,
    task: tokio::task::JoinHandle<()>,
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
            connect_timeout: Duration::from_secs(30),
            unavailable_after: Duration::from_secs(10),
            backoff: (Duration::from_secs(1), Duration::from_secs(60)),
            queue: 1024,
            max_message_size: 8 << 20,
        }
    }

    /// The channels this client subscribes to.
    pub fn sources(&self) -> &[Channel] {
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

    /// Closes the connection and returns when the client has stopped; it then yields what
    /// is queued and `None`.
    pub async fn close(&self) {
        let _ = self.closer.send(true);
        let mut state = self.state.clone();
        // Ends when the state is final, or when the task is gone (its sender dropped).
        let _ = state.wait_for(|state| state.is_final()).await;
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
}
