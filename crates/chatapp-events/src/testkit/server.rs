//! [`PusherServer`]: a Pusher 7 server with its authorisation endpoint, driven by the test.

use std::{
    collections::HashSet,
    fmt,
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use chat_events_core::unstable::testkit::{Loopback, lock};
use futures_util::{SinkExt, StreamExt};
use tokio::{
    net::TcpStream,
    sync::{Notify, mpsc},
};
use tokio_tungstenite::{
    WebSocketStream,
    tungstenite::{
        Message,
        protocol::{CloseFrame, frame::coding::CloseCode},
    },
};

use super::{APP_KEY, APP_SECRET, AuthCall, AuthEndpoint, AuthReply, scripted::accept, sign};
use crate::{Event, client::ClientBuilder};

/// What the test asks a connection to do.
enum Command {
    Frame(String),
    Close(u16, String),
    Drop,
    Pause(Duration),
}

struct Connection {
    commands: mpsc::UnboundedSender<Command>,
    channels: Arc<Mutex<HashSet<String>>>,
}

#[derive(Default)]
struct Shared {
    connections: Mutex<Vec<Connection>>,
    refused: Mutex<HashSet<String>>,
    changed: Notify,
}

/// A Pusher 7 server on 127.0.0.1 with its authorisation endpoint: confirms the
/// subscriptions its endpoint signed, answers pings, and delivers what the test triggers.
/// It stops when dropped. See the [module docs](super) for an example.
pub struct PusherServer {
    addr: SocketAddr,
    auth: AuthEndpoint,
    shared: Arc<Shared>,
    loopback: Loopback,
}

impl fmt::Debug for PusherServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PusherServer")
            .field("addr", &self.addr)
            .field("auth_url", &self.auth.url())
            .finish_non_exhaustive()
    }
}

impl Drop for PusherServer {
    fn drop(&mut self) {
        // The listener stops with `loopback`; the connections it handed out stop here.
        for connection in lock(&self.shared.connections).drain(..) {
            let _ = connection.commands.send(Command::Drop);
        }
    }
}

impl PusherServer {
    /// Starts the server and its endpoint on free ports of 127.0.0.1.
    ///
    /// # Errors
    ///
    /// A port could not be bound.
    pub async fn start() -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let policy = Arc::clone(&shared);
        let auth = AuthEndpoint::start(move |call: &AuthCall| {
            if lock(&policy.refused).contains(&call.channel) {
                AuthReply::Status(403)
            } else {
                AuthReply::Sign
            }
        })
        .await?;
        let serving = Arc::clone(&shared);
        let loopback =
            Loopback::start(move |index, stream| serve(stream, index, Arc::clone(&serving)))
                .await?;
        Ok(Self {
            addr: loopback.addr(),
            auth,
            shared,
            loopback,
        })
    }

    /// A ChatApp client builder pointed at this server (host, port, no TLS, app key, auth
    /// endpoint), with `access_token`: add channels and connect.
    pub fn client(&self, access_token: &str) -> ClientBuilder {
        crate::client::Client::builder(access_token)
            .host("127.0.0.1")
            .port(self.addr.port())
            .tls(false)
            .app_key(APP_KEY)
            .auth_url(self.auth.url())
    }

    /// Where the WebSocket server listens.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The authorisation endpoint's URL.
    pub fn auth_url(&self) -> &str {
        self.auth.url()
    }

    /// Every authorisation request so far.
    pub fn auth_calls(&self) -> Vec<AuthCall> {
        self.auth.calls()
    }

    /// How many connections it has accepted.
    pub fn connections(&self) -> usize {
        self.loopback.accepted()
    }

    /// Waits until a connection is subscribed to `channel`; `false` after `timeout`.
    pub async fn subscribed(&self, channel: &impl fmt::Display, timeout: Duration) -> bool {
        let channel = channel.to_string();
        let wait = async {
            loop {
                let changed = self.shared.changed.notified();
                if self.subscribers(&channel) > 0 {
                    return;
                }
                changed.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }

    /// How many connections are subscribed to `channel`.
    pub fn subscribers(&self, channel: &str) -> usize {
        lock(&self.shared.connections)
            .iter()
            .filter(|connection| lock(&connection.channels).contains(channel))
            .count()
    }

    fn broadcast(&self, command: impl Fn() -> Command, only: Option<&str>) -> usize {
        lock(&self.shared.connections)
            .iter()
            .filter(|connection| {
                only.is_none_or(|channel| lock(&connection.channels).contains(channel))
            })
            .filter(|connection| connection.commands.send(command()).is_ok())
            .count()
    }

    /// Delivers event `name` with `body` (the JSON text of the event's body, as a ChatApp
    /// backend triggers it) to every connection subscribed to `channel`: queued in order on
    /// each connection; returns how many.
    pub fn trigger(&self, channel: &impl fmt::Display, name: &str, body: &str) -> usize {
        let channel = channel.to_string();
        let frame =
            serde_json::json!({ "event": name, "channel": channel, "data": body }).to_string();
        self.broadcast(|| Command::Frame(frame.clone()), Some(&channel))
    }

    /// Delivers a typed event (its JSON and its name) to `channel`; how many.
    pub fn trigger_event(&self, channel: &impl fmt::Display, event: &Event) -> usize {
        let body = serde_json::to_string(event).unwrap_or_default();
        self.trigger(channel, event.name(), &body)
    }

    /// Sends any frame (a JSON text) to every connection, subscribed or not; how many.
    pub fn send_frame(&self, frame: &str) -> usize {
        self.broadcast(|| Command::Frame(frame.to_owned()), None)
    }

    /// The endpoint refuses (403) to authorise `channel` from now on; existing subscriptions
    /// stay.
    pub fn refuse(&self, channel: &impl fmt::Display) {
        lock(&self.shared.refused).insert(channel.to_string());
    }

    /// The endpoint authorises `channel` again.
    pub fn allow(&self, channel: &impl fmt::Display) {
        lock(&self.shared.refused).remove(&channel.to_string());
    }

    /// Sends `pusher:error` with `code` and `message` to every connection; how many.
    pub fn error(&self, code: u16, message: &str) -> usize {
        let frame = serde_json::json!({ "event": "pusher:error", "data": { "code": code, "message": message } })
            .to_string();
        self.send_frame(&frame)
    }

    /// Closes every connection with a close frame of `code` and `reason`; how many.
    pub fn close(&self, code: u16, reason: &str) -> usize {
        self.broadcast(|| Command::Close(code, reason.to_owned()), None)
    }

    /// Drops every connection's socket without a close frame (a network failure); how many.
    pub fn drop_connections(&self) -> usize {
        self.broadcast(|| Command::Drop, None)
    }

    /// Every connection stops reading and answering (pings included) for `duration`: a
    /// dead connection, as the client sees it; how many.
    pub fn pause(&self, duration: Duration) -> usize {
        self.broadcast(|| Command::Pause(duration), None)
    }
}

/// One connection: `connection_established`, then subscriptions, pings and the test's
/// commands until either side ends it.
async fn serve(stream: TcpStream, index: usize, shared: Arc<Shared>) {
    let Some((mut ws, _path)) = accept(stream).await else {
        return;
    };
    let socket_id = format!("{}.{}", 1000 + index, 1);
    let (commands, mut inbox) = mpsc::unbounded_channel();
    let channels = Arc::new(Mutex::new(HashSet::new()));
    lock(&shared.connections).push(Connection {
        commands,
        channels: Arc::clone(&channels),
    });
    let established = serde_json::json!({
        "event": "pusher:connection_established",
        "data": serde_json::json!({ "socket_id": socket_id, "activity_timeout": 120 }).to_string(),
    });
    if ws
        .send(Message::text(established.to_string()))
        .await
        .is_ok()
    {
        run(&mut ws, &socket_id, &mut inbox, &channels, &shared).await;
    }
    lock(&shared.connections).retain(|connection| !Arc::ptr_eq(&connection.channels, &channels));
    shared.changed.notify_waiters();
}

async fn run(
    ws: &mut WebSocketStream<TcpStream>,
    socket_id: &str,
    inbox: &mut mpsc::UnboundedReceiver<Command>,
    channels: &Mutex<HashSet<String>>,
    shared: &Shared,
) {
    loop {
        tokio::select! {
            command = inbox.recv() => match command {
                Some(Command::Frame(text)) => {
                    if ws.send(Message::text(text)).await.is_err() {
                        return;
                    }
                }
                Some(Command::Close(code, reason)) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: reason.into() };
                    let _ = ws.send(Message::Close(Some(frame))).await;
                    return;
                }
                Some(Command::Pause(duration)) => tokio::time::sleep(duration).await,
                Some(Command::Drop) | None => return,
            },
            message = ws.next() => {
                let text = match message {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                    Some(Ok(_)) => continue,
                };
                let Ok(frame) = serde_json::from_str::<serde_json::Value>(text.as_str()) else {
                    continue;
                };
                let Reply { frame, changed } = answer(&frame, socket_id, channels);
                if changed {
                    shared.changed.notify_waiters();
                }
                if let Some(frame) = frame
                    && ws.send(Message::text(frame)).await.is_err()
                {
                    return;
                }
            }
        }
    }
}

/// What to send back to a client frame, and whether the subscriptions changed.
#[derive(Default)]
struct Reply {
    frame: Option<String>,
    changed: bool,
}

fn answer(frame: &serde_json::Value, socket_id: &str, channels: &Mutex<HashSet<String>>) -> Reply {
    let data = &frame["data"];
    let reply = |frame: serde_json::Value, changed: bool| Reply {
        frame: Some(frame.to_string()),
        changed,
    };
    match frame["event"].as_str() {
        Some("pusher:ping") => reply(
            serde_json::json!({ "event": "pusher:pong", "data": {} }),
            false,
        ),
        Some("pusher:subscribe") => {
            let Some(channel) = data["channel"].as_str() else {
                return Reply::default();
            };
            let private = channel.starts_with("private-") || channel.starts_with("presence-");
            let auth = data["auth"].as_str().unwrap_or_default();
            if private && auth != sign(APP_KEY, APP_SECRET, socket_id, channel) {
                return reply(
                    serde_json::json!({ "event": "pusher:error", "data": { "code": 4009, "message": "Invalid Signature" } }),
                    false,
                );
            }
            lock(channels).insert(channel.to_owned());
            reply(
                serde_json::json!({ "event": "pusher_internal:subscription_succeeded", "channel": channel, "data": "{}" }),
                true,
            )
        }
        Some("pusher:unsubscribe") => {
            if let Some(channel) = data["channel"].as_str() {
                lock(channels).remove(channel);
            }
            Reply {
                frame: None,
                changed: true,
            }
        }
        _ => Reply::default(),
    }
}
