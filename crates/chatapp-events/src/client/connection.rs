//! The connection task: dials the socket, waits for `pusher:connection_established`,
//! subscribes every channel, reads frames until the connection ends, and reconnects by the
//! [policy](super::policy).

use std::{
    borrow::Cow,
    collections::BTreeMap,
    sync::Arc,
    time::{Duration, Instant, SystemTime},
};

use chat_events_core::{ConnectionState, Decoded, Id, Maybe};
use futures_util::{SinkExt, StreamExt};
use tokio::{
    sync::{mpsc, watch},
    time,
};
use tokio_tungstenite::tungstenite::{self, Message, protocol::CloseFrame};
use tracing::Instrument;

use super::{
    ClientBuilder, ClientError, SubscriptionFailure, Update,
    auth::{Authorizer, tls_config},
    policy::{Backoff, Ended},
};
use crate::{
    Channel, Event,
    protocol::{ChannelEvent, ClientFrame, ServerFrame},
};

/// The WebSocket to the Pusher server.
type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A socket past its handshake: the socket id and the server's activity timeout.
pub(super) struct Dialed {
    socket: Socket,
    socket_id: String,
    server_timeout: Option<Duration>,
}

/// A dial that failed: what to do next, and what to report (if anything).
struct DialFailure {
    ended: Ended,
    report: Option<ClientError>,
}

impl DialFailure {
    fn connect(message: impl Into<String>) -> Self {
        Self {
            ended: Ended::DROPPED,
            report: Some(ClientError::connect(message, None)),
        }
    }

    fn connect_because(
        message: impl Into<String>,
        cause: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self {
            ended: Ended::DROPPED,
            report: Some(ClientError::connect(message, Some(Arc::new(cause)))),
        }
    }
}

/// A `pusher:subscribe` sent and not yet answered.
struct Pending {
    /// The channel asked for.
    channel: Channel,
    /// Send order on this connection: servers answer in this order.
    order: u64,
    /// When the subscribe was sent.
    since: Instant,
}

pub(super) struct Connection {
    config: ClientBuilder,
    /// When the current (or last) connection came up.
    up_since: Option<Instant>,
    updates: mpsc::Sender<Result<Update, ClientError>>,
    state: watch::Sender<ConnectionState>,
    authorizer: Authorizer,
    tls: Option<Arc<rustls::ClientConfig>>,
    backoff: Backoff,
}

impl Connection {
    pub(super) fn new(
        config: ClientBuilder,
        updates: mpsc::Sender<Result<Update, ClientError>>,
        state: watch::Sender<ConnectionState>,
    ) -> Self {
        let authorizer = Authorizer::new(
            config.auth_url.clone(),
            config.token.clone(),
            config.refresh.clone(),
        );
        let backoff = Backoff::new(config.backoff.0, config.backoff.1);
        Self {
            config,
            up_since: None,
            updates,
            state,
            authorizer,
            tls: None,
            backoff,
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

    pub(super) fn tls(&mut self) -> Result<Arc<rustls::ClientConfig>, rustls::Error> {
        if let Some(tls) = &self.tls {
            return Ok(Arc::clone(tls));
        }
        let with_roots = self.config.tls
            || !self
                .config
                .auth_url
                .get(..7)
                .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"));
        let tls = tls_config(with_roots)?;
        self.tls = Some(Arc::clone(&tls));
        Ok(tls)
    }

    /// The first connection, retried by the policy within the connect timeout.
    pub(super) async fn first_dial(&mut self) -> Result<Dialed, ClientError> {
        let deadline = Instant::now() + self.config.connect_timeout;
        loop {
            let failure = match self.dial().await {
                Ok(dialed) => {
                    self.set_state(ConnectionState::Connected);
                    return Ok(dialed);
                }
                Err(failure) => failure,
            };
            let (message, cause) = match failure.report {
                Some(ClientError::Connect { message, cause }) => (message, cause),
                Some(other) => (other.to_string(), None),
                None => (
                    "the connection closed during the handshake".to_owned(),
                    None,
                ),
            };
            if let Ended::Fatal(error) = failure.ended {
                self.set_state(ConnectionState::Failed);
                return Err(error);
            }
            let delay = self.backoff.delay(&failure.ended);
            if Instant::now() + delay >= deadline {
                self.set_state(ConnectionState::Failed);
                return Err(ClientError::connect(
                    format!(
                        "{message} (no connection within {:?})",
                        self.config.connect_timeout
                    ),
                    cause,
                ));
            }
            tracing::info!(%message, ?delay, "chatapp client: first connection failed; retrying");
            time::sleep(delay).await;
        }
    }

    /// Runs the client from its first connection until it is closed or stopped.
    pub(super) async fn run(mut self, first: Dialed, mut closed: watch::Receiver<bool>) {
        let mut next = Some(first);
        let mut down_since: Option<Instant> = None;
        let mut ever_connected = false;
        let mut number: u64 = 0;
        loop {
            number += 1;
            // Everything one connection logs, from its dial to its end, is in its span.
            let span = tracing::info_span!("chatapp_connection", connection = number);
            let ended = tokio::select! {
                ended = self.connection(next.take(), &mut down_since, &mut ever_connected).instrument(span) => ended,
                _ = closed.wait_for(|closed| *closed) => Ended::Closed,
            };
            let delay = match ended {
                Ended::Closed => {
                    self.set_state(ConnectionState::Closed);
                    return;
                }
                Ended::Fatal(error) => {
                    tracing::warn!(%error, "chatapp client stopped");
                    self.set_state(ConnectionState::Failed);
                    let _ = self.emit(Err(error)).await;
                    return;
                }
                ended => {
                    // A connection that stayed up is a fresh start; a short one was a failure.
                    if self
                        .up_since
                        .take()
                        .is_some_and(|since| since.elapsed() >= super::policy::STABLE_AFTER)
                    {
                        self.backoff.reset();
                    }
                    self.backoff.delay(&ended)
                }
            };
            let since = *down_since.get_or_insert_with(Instant::now);
            if self.updates.is_closed() {
                return;
            }
            // Wait, turning `Unavailable` when the client has been down long enough.
            let unavailable_at = since + self.config.unavailable_after;
            let wake = time::Instant::now() + delay;
            loop {
                let flip = time::Instant::from_std(unavailable_at);
                tokio::select! {
                    () = time::sleep_until(wake) => break,
                    () = time::sleep_until(flip), if flip < wake && *self.state.borrow() != ConnectionState::Unavailable => {
                        self.set_state(ConnectionState::Unavailable);
                    }
                    _ = closed.wait_for(|closed| *closed) => {
                        self.set_state(ConnectionState::Closed);
                        return;
                    }
                }
            }
            if since.elapsed() < self.config.unavailable_after {
                self.set_state(ConnectionState::Connecting);
            }
        }
    }

    /// One connection: the given socket, or a new dial; then the session on it.
    async fn connection(
        &mut self,
        dialed: Option<Dialed>,
        down_since: &mut Option<Instant>,
        ever_connected: &mut bool,
    ) -> Ended {
        let dialed = match dialed {
            Some(dialed) => dialed,
            None => match self.dial().await {
                Ok(dialed) => dialed,
                Err(failure) => {
                    if let Some(report) = failure.report
                        && !self.emit(Err(report)).await
                    {
                        return Ended::Closed;
                    }
                    return failure.ended;
                }
            },
        };
        self.session(dialed, down_since, ever_connected).await
    }

    /// Opens the WebSocket and waits for `pusher:connection_established`.
    async fn dial(&mut self) -> Result<Dialed, DialFailure> {
        let url = self.config.url();
        let connector = if self.config.tls {
            let tls = self.tls().map_err(|error| {
                let error = ClientError::connect("TLS setup failed", Some(Arc::new(error)));
                DialFailure {
                    ended: Ended::Fatal(error.clone()),
                    report: Some(error),
                }
            })?;
            Some(tokio_tungstenite::Connector::Rustls(tls))
        } else {
            None
        };
        let dial = tokio_tungstenite::connect_async_tls_with_config(
            url.as_str(),
            Some(self.config.websocket_config()),
            false,
            connector,
        );
        let mut socket = match time::timeout(self.config.handshake_timeout, dial).await {
            Ok(Ok((socket, _))) => socket,
            Ok(Err(error)) => {
                let message = match &error {
                    tungstenite::Error::Http(response) => format!("HTTP {}", response.status()),
                    other => other.to_string(),
                };
                return Err(DialFailure::connect_because(message, error));
            }
            Err(_) => {
                return Err(DialFailure::connect("the WebSocket did not open in time"));
            }
        };
        match time::timeout(self.config.handshake_timeout, established(&mut socket)).await {
            Ok(Ok((socket_id, server_timeout))) => Ok(Dialed {
                socket,
                socket_id,
                server_timeout,
            }),
            Ok(Err(ended)) => Err(DialFailure {
                report: match &ended {
                    Ended::Fatal(_) => None,
                    _ => Some(ClientError::connect(
                        "the connection closed during the handshake",
                        None,
                    )),
                },
                ended,
            }),
            Err(_) => Err(DialFailure::connect(
                "no pusher:connection_established in time",
            )),
        }
    }

    /// One connection, from its handshake to its end.
    async fn session(
        &mut self,
        dialed: Dialed,
        down_since: &mut Option<Instant>,
        ever_connected: &mut bool,
    ) -> Ended {
        let Dialed {
            mut socket,
            socket_id,
            server_timeout,
        } = dialed;
        let activity = server_timeout.map_or(self.config.activity_timeout, |server| {
            server.min(self.config.activity_timeout)
        });
        self.set_state(ConnectionState::Connected);
        self.up_since = Some(Instant::now());
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
                        return Ended::DROPPED;
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
                    if socket.send(Message::text(ClientFrame::Ping.to_json())).await.is_err() {
                        return Ended::DROPPED;
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
        let tls = self.tls().map_err(|message| {
            Ended::Fatal(ClientError::connect(
                "TLS setup failed",
                Some(Arc::new(message)),
            ))
        })?;
        for channel in self.config.channels.clone() {
            match self.authorizer.authorize(&tls, socket_id, &channel).await {
                Ok(auth) => {
                    let subscribe = ClientFrame::Subscribe {
                        channel: &channel,
                        auth: &auth,
                    };
                    if socket
                        .send(Message::text(subscribe.to_json()))
                        .await
                        .is_err()
                    {
                        return Err(Ended::DROPPED);
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
        let received_at = SystemTime::now();
        let Ok(frame) = ServerFrame::parse(text) else {
            let error = ClientError::Protocol {
                message: "not a Pusher frame".to_owned(),
                raw: text.as_bytes().to_vec(),
            };
            return (!self.emit(Err(error)).await).then_some(Ended::Closed);
        };
        match frame {
            ServerFrame::Ping => {
                let pong = socket
                    .send(Message::text(ClientFrame::Pong.to_json()))
                    .await;
                if pong.is_err() {
                    return Some(Ended::DROPPED);
                }
            }
            ServerFrame::SubscriptionSucceeded { channel } => {
                if let Some(Pending { channel, .. }) = pending.remove(&*channel) {
                    tracing::debug!(%channel, "subscribed");
                    if !self.emit(Ok(Update::Subscribed { source: channel })).await {
                        return Some(Ended::Closed);
                    }
                }
            }
            ServerFrame::SubscriptionError { channel, status } => {
                if let Some(Pending { channel, .. }) = pending.remove(&*channel) {
                    let failure = SubscriptionFailure::SubscriptionError { status };
                    let _ = self
                        .emit(Err(ClientError::Subscription { channel, failure }))
                        .await;
                }
            }
            ServerFrame::Error { code, message } => {
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
            ServerFrame::Event(event) => {
                return (!self.on_event(event, text, received_at).await).then_some(Ended::Closed);
            }
            _ => {}
        }
        None
    }

    /// Decodes and queues an application event; `false` when the consumer is gone.
    async fn on_event(&self, event: ChannelEvent<'_>, text: &str, received_at: SystemTime) -> bool {
        let Ok(channel) = event.channel.parse::<Channel>() else {
            let error = ClientError::Protocol {
                message: "an event on an unknown channel".to_owned(),
                raw: text.as_bytes().to_vec(),
            };
            return self.emit(Err(error)).await;
        };
        // The data of a Pusher event is a JSON string holding JSON: once unescaped, the text
        // is ours and becomes the kept raw JSON without another copy.
        let decoded = match event.data {
            Some(Cow::Owned(data)) => Decoded::decode_owned(Some(&event.event), data),
            Some(Cow::Borrowed(data)) => Event::decode_named(&event.event, data.as_bytes()),
            None => Event::decode_named(&event.event, b"null"),
        };
        let item = match decoded {
            Ok(decoded) => Ok(Update::Event {
                event: fill_meta(&channel, decoded),
                source: channel,
                received_at,
            }),
            Err(error) => Err(ClientError::Decode { channel, error }),
        };
        self.emit(item).await
    }
}

/// Fills a `meta` the body left out from the channel the event came on: the line and
/// messenger of a line channel, the company and user of the others. A body that has a
/// `meta` is left as decoded; the raw JSON stays as sent either way.
fn fill_meta(channel: &Channel, event: Decoded<Event>) -> Decoded<Event> {
    fn fill(slot: &mut Maybe<Id>, value: u64) {
        if slot.is_absent()
            && let Ok(value) = i64::try_from(value)
        {
            *slot = Maybe::Value(value.into());
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
                    meta.messenger_type = Maybe::Value(messenger_type.clone());
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
            return Err(Ended::DROPPED);
        };
        let text = match message {
            Message::Text(text) => text,
            Message::Close(frame) => return Err(close_policy(frame.as_ref())),
            _ => continue,
        };
        match ServerFrame::parse(text.as_str()) {
            Ok(ServerFrame::ConnectionEstablished {
                socket_id,
                activity_timeout,
            }) => return Ok((socket_id, activity_timeout)),
            Ok(ServerFrame::Error { code, message }) => {
                return Err(Ended::from_code(code.unwrap_or(0), message));
            }
            // A handshake without a socket id cannot authorise anything: try again.
            Err(_) if text.as_str().contains("pusher:connection_established") => {
                return Err(Ended::DROPPED);
            }
            _ => {}
        }
    }
}

/// What a close frame means.
fn close_policy(frame: Option<&CloseFrame>) -> Ended {
    match frame {
        Some(frame) => Ended::from_code(u16::from(frame.code), frame.reason.to_string()),
        None => Ended::DROPPED,
    }
}
