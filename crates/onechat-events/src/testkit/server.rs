//! [`CableServer`]: an Action Cable server speaking Rails' frames for `RoomChannel`, driven
//! by the test.

use std::{
    collections::HashMap,
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
use tokio_tungstenite::tungstenite::Message;

use super::scripted::{CableSocket, accept, confirm, data, disconnect, ping, reject, welcome};
use crate::{Event, client::ClientBuilder};

/// What the test asks a connection to do.
enum Command {
    /// Data frames for the subscriptions that match, built per identifier.
    Broadcast(Target, String),
    Frame(String),
    Disconnect(String, bool),
    Drop,
    Pause(Duration),
}

#[derive(Clone)]
enum Target {
    Token(String),
    Account(i64),
}

/// One confirmed subscription: its identifier text and what it names.
#[derive(Clone)]
struct Subscription {
    identifier: String,
    token: String,
    account: Option<i64>,
}

struct Connection {
    commands: mpsc::UnboundedSender<Command>,
    subscriptions: Arc<Mutex<Vec<Subscription>>>,
}

#[derive(Default)]
struct Shared {
    connections: Mutex<Vec<Connection>>,
    refused: Mutex<Vec<String>>,
    presence: Mutex<HashMap<(String, Option<i64>), usize>>,
    changed: Notify,
}

/// An Action Cable server on 127.0.0.1 that answers as Rails with Chatwoot's `RoomChannel`:
/// `welcome`, a ping every few seconds, `confirm_subscription` (or `reject_subscription` for
/// a refused token), presence counted, and the broadcasts the test makes. It stops when
/// dropped. See the [module docs](super) for an example.
pub struct CableServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    loopback: Loopback,
}

impl fmt::Debug for CableServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CableServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for CableServer {
    fn drop(&mut self) {
        // The listener stops with `loopback`; the connections it handed out stop here.
        for connection in lock(&self.shared.connections).drain(..) {
            let _ = connection.commands.send(Command::Drop);
        }
    }
}

impl CableServer {
    /// Starts the server on a free port of 127.0.0.1, pinging every 3 seconds as Rails does.
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with_ping(Duration::from_secs(3)).await
    }

    /// Starts the server pinging every `interval`.
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start_with_ping(interval: Duration) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        let serving = Arc::clone(&shared);
        let loopback =
            Loopback::start(move |_, stream| serve(stream, Arc::clone(&serving), interval)).await?;
        Ok(Self {
            addr: loopback.addr(),
            shared,
            loopback,
        })
    }

    /// The installation URL to give a client (`http://127.0.0.1:<port>`).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A OneChat agent client builder pointed at this server.
    pub fn agent(&self, pubsub_token: &str, user_id: i64, accounts: Vec<i64>) -> ClientBuilder {
        crate::client::Client::agent(&self.url(), pubsub_token, user_id, accounts)
    }

    /// A OneChat contact (widget) client builder pointed at this server.
    pub fn contact(&self, pubsub_token: &str) -> ClientBuilder {
        crate::client::Client::contact(&self.url(), pubsub_token)
    }

    /// How many connections it has accepted.
    pub fn connections(&self) -> usize {
        self.loopback.accepted()
    }

    /// How many confirmed subscriptions name `account` (`None`: a contact's, without one).
    pub fn subscriptions(&self, account: Option<i64>) -> usize {
        lock(&self.shared.connections)
            .iter()
            .map(|connection| {
                lock(&connection.subscriptions)
                    .iter()
                    .filter(|subscription| subscription.account == account)
                    .count()
            })
            .sum()
    }

    /// Waits until `count` subscriptions name `account`; `false` after `timeout`.
    pub async fn subscribed(&self, account: Option<i64>, count: usize, timeout: Duration) -> bool {
        let wait = async {
            loop {
                let changed = self.shared.changed.notified();
                if self.subscriptions(account) >= count {
                    return;
                }
                changed.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }

    /// How many `update_presence` commands came for `pubsub_token` and `account`.
    pub fn presence(&self, pubsub_token: &str, account: Option<i64>) -> usize {
        lock(&self.shared.presence)
            .get(&(pubsub_token.to_owned(), account))
            .copied()
            .unwrap_or(0)
    }

    /// Subscriptions with `pubsub_token` are rejected (`reject_subscription`) from now on.
    pub fn refuse(&self, pubsub_token: &str) {
        lock(&self.shared.refused).push(pubsub_token.to_owned());
    }

    fn broadcast(&self, command: impl Fn() -> Command) -> usize {
        lock(&self.shared.connections)
            .iter()
            .filter(|connection| connection.commands.send(command()).is_ok())
            .count()
    }

    /// Broadcasts `message` (a broadcast's JSON text, `{"event": …, "data": …}`) to every
    /// subscription of `pubsub_token`, as Chatwoot's `ActionCableBroadcastJob` does; how many
    /// connections it was queued to.
    pub fn broadcast_to_token(&self, pubsub_token: &str, message: &str) -> usize {
        let target = Target::Token(pubsub_token.to_owned());
        self.broadcast(|| Command::Broadcast(target.clone(), message.to_owned()))
    }

    /// Broadcasts `message` to every subscription that names `account`; how many
    /// connections it was queued to.
    pub fn broadcast_to_account(&self, account: i64, message: &str) -> usize {
        self.broadcast(|| Command::Broadcast(Target::Account(account), message.to_owned()))
    }

    /// Broadcasts a typed event (its JSON) to every subscription that names `account`.
    pub fn broadcast_event(&self, account: i64, event: &Event) -> usize {
        let message = serde_json::to_string(event).unwrap_or_default();
        self.broadcast_to_account(account, &message)
    }

    /// Sends any text frame to every connection.
    pub fn send_frame(&self, frame: &str) -> usize {
        self.broadcast(|| Command::Frame(frame.to_owned()))
    }

    /// Sends `disconnect` with `reason` and `reconnect`, then closes, on every connection.
    pub fn disconnect(&self, reason: &str, reconnect: bool) -> usize {
        self.broadcast(|| Command::Disconnect(reason.to_owned(), reconnect))
    }

    /// Drops every connection's socket without a word (a network failure).
    pub fn drop_connections(&self) -> usize {
        self.broadcast(|| Command::Drop)
    }

    /// Every connection stops reading, answering and pinging for `duration` (a stale
    /// server, as the client sees it).
    pub fn pause(&self, duration: Duration) -> usize {
        self.broadcast(|| Command::Pause(duration))
    }
}

async fn serve(stream: TcpStream, shared: Arc<Shared>, interval: Duration) {
    let Some(mut ws) = accept(stream).await else {
        return;
    };
    let (commands, mut inbox) = mpsc::unbounded_channel();
    let subscriptions = Arc::new(Mutex::new(Vec::new()));
    lock(&shared.connections).push(Connection {
        commands,
        subscriptions: Arc::clone(&subscriptions),
    });
    if ws.send(welcome()).await.is_ok() {
        run(&mut ws, &mut inbox, &subscriptions, &shared, interval).await;
    }
    lock(&shared.connections)
        .retain(|connection| !Arc::ptr_eq(&connection.subscriptions, &subscriptions));
    shared.changed.notify_waiters();
}

async fn run(
    ws: &mut CableSocket,
    inbox: &mut mpsc::UnboundedReceiver<Command>,
    subscriptions: &Mutex<Vec<Subscription>>,
    shared: &Shared,
    interval: Duration,
) {
    let mut beat = tokio::time::interval(interval);
    beat.tick().await;
    loop {
        let frames: Vec<Message> = tokio::select! {
            _ = beat.tick() => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |elapsed| elapsed.as_secs());
                vec![ping(now)]
            }
            command = inbox.recv() => match command {
                Some(Command::Broadcast(target, message)) => lock(subscriptions)
                    .iter()
                    .filter(|subscription| match &target {
                        Target::Token(token) => subscription.token == *token,
                        Target::Account(account) => subscription.account == Some(*account),
                    })
                    .map(|subscription| data(&subscription.identifier, &message))
                    .collect(),
                Some(Command::Frame(text)) => vec![Message::text(text)],
                Some(Command::Disconnect(reason, reconnect)) => {
                    let _ = ws.send(disconnect(&reason, reconnect)).await;
                    let _ = ws.close(None).await;
                    return;
                }
                Some(Command::Pause(duration)) => {
                    tokio::time::sleep(duration).await;
                    Vec::new()
                }
                Some(Command::Drop) | None => return,
            },
            message = ws.next() => {
                let text = match message {
                    Some(Ok(Message::Text(text))) => text,
                    Some(Ok(Message::Close(_)) | Err(_)) | None => return,
                    Some(Ok(_)) => continue,
                };
                command(text.as_str(), subscriptions, shared)
            }
        };
        for frame in frames {
            if ws.send(frame).await.is_err() {
                return;
            }
        }
    }
}

/// The frames that answer a client command.
fn command(text: &str, subscriptions: &Mutex<Vec<Subscription>>, shared: &Shared) -> Vec<Message> {
    let Ok(command) = serde_json::from_str::<serde_json::Value>(text) else {
        return Vec::new();
    };
    let Some(identifier) = command["identifier"].as_str() else {
        return Vec::new();
    };
    let fields: serde_json::Value = serde_json::from_str(identifier).unwrap_or_default();
    let token = fields["pubsub_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let account = fields["account_id"].as_i64();
    match command["command"].as_str() {
        Some("subscribe") => {
            if fields["channel"] != "RoomChannel" || lock(&shared.refused).contains(&token) {
                return vec![reject(identifier)];
            }
            let mut list = lock(subscriptions);
            if !list.iter().any(|known| known.identifier == identifier) {
                list.push(Subscription {
                    identifier: identifier.to_owned(),
                    token,
                    account,
                });
            }
            drop(list);
            shared.changed.notify_waiters();
            vec![confirm(identifier)]
        }
        Some("unsubscribe") => {
            lock(subscriptions).retain(|known| known.identifier != identifier);
            shared.changed.notify_waiters();
            Vec::new()
        }
        Some("message") => {
            let action: serde_json::Value = command["data"]
                .as_str()
                .and_then(|data| serde_json::from_str(data).ok())
                .unwrap_or_default();
            if action["action"] == "update_presence" {
                *lock(&shared.presence).entry((token, account)).or_insert(0) += 1;
                shared.changed.notify_waiters();
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
