//! The Rust clients measured by the client parts, each run as `bench child <kind> --key value…`
//! in its own process. A child prints `ready {json}` once every subscription is confirmed,
//! then `done {json}` after each round of `--events` events (the Node clients in
//! `tests/bench/*.js` print the same lines):
//!
//! - `ready`: `connect_ms` (from before dialling to the last confirmation), `rss_kib`
//!   (resident memory after the subscriptions settled) and `private_kib` (the part not
//!   shared with other processes: heap, stacks, written pages);
//! - `done`: `events`, `span_ms` (first to last event of the round), `cpu_ms` and
//!   `switches` (CPU time and context switches of the round), `rss_kib`.
//!
//! Kinds: `chatapp-ours` and `chatapp-raw` (`--port --channels a,b --events --rounds`, plus
//! `--auth` for ours; the raw reader signs with the test secret itself), `onechat-ours` and
//! `onechat-raw` (`--port --token --user --accounts --event --events --rounds`). The raw
//! readers take `--parse value` to parse what they count into a `serde_json::Value`.

use std::{
    collections::HashMap,
    hint::black_box,
    time::{Duration, Instant},
};

use chat_events_core::{EventSource, Update};
use chat_events_tests::peers::{APP_KEY, APP_SECRET, sign};
use futures_util::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest, http::HeaderValue};

use crate::usage::{Usage, private_kib, rss_kib};

/// Runs the child named by `args[0]`.
pub(crate) fn main(args: &[String]) {
    let kind = args.first().map(String::as_str).unwrap_or_default();
    let options: HashMap<&str, &str> = args[1.min(args.len())..]
        .chunks(2)
        .filter_map(|pair| match pair {
            [key, value] => Some((key.trim_start_matches("--"), value.as_str())),
            _ => None,
        })
        .collect();
    let get = |key: &str| -> &str {
        options
            .get(key)
            .copied()
            .unwrap_or_else(|| panic!("bench child {kind}: --{key} is missing"))
    };
    let number = |key: &str| -> u64 {
        get(key)
            .parse()
            .unwrap_or_else(|_| panic!("bench child {kind}: --{key} is not a number"))
    };
    let runtime = if std::env::var_os("BENCH_CURRENT_THREAD").is_some() {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    }
    .enable_all()
    .build()
    .expect("a tokio runtime");
    // `--parse value`: the raw reader also parses each counted frame into a
    // `serde_json::Value` (and a Pusher frame's data string too), as a hand-rolled client
    // that wants the data would.
    let parse_value = options.get("parse") == Some(&"value");
    let rounds = Rounds {
        events: number("events"),
        rounds: number("rounds"),
    };
    match kind {
        "chatapp-ours" => runtime.block_on(chatapp_ours(
            number("port") as u16,
            get("auth"),
            get("channels"),
            rounds,
        )),
        "chatapp-raw" => runtime.block_on(chatapp_raw(
            number("port") as u16,
            get("channels"),
            parse_value,
            rounds,
        )),
        "onechat-ours" => runtime.block_on(onechat_ours(
            number("port") as u16,
            get("token"),
            number("user") as i64,
            number("accounts") as i64,
            get("event"),
            rounds,
        )),
        "onechat-raw" => runtime.block_on(onechat_raw(
            number("port") as u16,
            get("token"),
            number("user") as i64,
            number("accounts") as i64,
            get("event"),
            parse_value,
            rounds,
        )),
        other => panic!("unknown bench child {other:?}"),
    }
}

/// How many events each round waits for, and how many rounds.
#[derive(Clone, Copy)]
struct Rounds {
    events: u64,
    rounds: u64,
}

/// Counts one round's events and reports it.
struct Round {
    expected: u64,
    events: u64,
    first: Option<Instant>,
    last: Option<Instant>,
    before: Usage,
}

impl Round {
    fn start(expected: u64) -> Self {
        Self {
            expected,
            events: 0,
            first: None,
            last: None,
            before: Usage::now(),
        }
    }

    /// How long to wait for the next event: a lost event ends the round after a quiet
    /// spell (and shows as missing in the report) instead of hanging the harness.
    fn patience(&self) -> Duration {
        if self.first.is_some() {
            Duration::from_secs(3)
        } else {
            Duration::from_secs(120)
        }
    }

    /// Counts `n` events; true once the round is complete (and reported).
    fn count(&mut self, n: u64) -> bool {
        if n == 0 {
            return false;
        }
        let now = Instant::now();
        self.first.get_or_insert(now);
        self.last = Some(now);
        self.events += n;
        if self.events < self.expected {
            return false;
        }
        self.report();
        true
    }

    /// Reports the round as it stands.
    fn report(&self) {
        let span = match (self.first, self.last) {
            (Some(first), Some(last)) => (last - first).as_secs_f64(),
            _ => 0.0,
        };
        let used = Usage::now().since(self.before);
        println!(
            "done {}",
            serde_json::json!({
                "events": self.events,
                "span_ms": span * 1e3,
                "cpu_ms": used.cpu_ns as f64 / 1e6,
                "switches": used.switches,
                "rss_kib": rss_kib(),
            })
        );
    }
}

/// Reads `client` until `subscriptions` are confirmed (events in between are skipped), says
/// `ready`, then counts each round's events (those `wanted` says to count) and reports it.
async fn subscribe_and_count<S, Src, E>(
    client: &mut S,
    started: Instant,
    subscriptions: u64,
    rounds: Rounds,
    wanted: impl Fn(&chat_events_core::Decoded<E>) -> bool,
) where
    S: EventSource<Item = Update<Src, E>>,
    Src: std::fmt::Debug,
    E: std::fmt::Debug,
{
    let mut batch = Vec::with_capacity(512);
    let mut subscribed = 0;
    while subscribed < subscriptions {
        assert!(client.next_batch(&mut batch, 512).await > 0, "closed");
        for item in batch.drain(..) {
            match item {
                Ok(Update::Subscribed { .. }) => subscribed += 1,
                Ok(Update::Event { .. }) => {}
                Ok(other) => panic!("while subscribing: {other:?}"),
                Err(error) => panic!("while subscribing: {error}"),
            }
        }
    }
    ready(started).await;
    for _ in 0..rounds.rounds {
        let mut round = Round::start(rounds.events);
        loop {
            let Ok(got) =
                tokio::time::timeout(round.patience(), client.next_batch(&mut batch, 512)).await
            else {
                round.report();
                break;
            };
            assert!(got > 0, "closed");
            let mut events = 0;
            for item in batch.drain(..) {
                match item {
                    Ok(Update::Event { event, .. }) => {
                        if wanted(&event) {
                            events += 1;
                        }
                        black_box(event);
                    }
                    Ok(_) => {}
                    Err(error) => panic!("client: {error}"),
                }
            }
            if round.count(events) {
                break;
            }
        }
    }
}

async fn ready(started: Instant) {
    let connect_ms = started.elapsed().as_secs_f64() * 1e3;
    // Let the subscriptions settle (presence answers, allocator) before measuring memory.
    tokio::time::sleep(Duration::from_millis(500)).await;
    println!(
        "ready {}",
        serde_json::json!({
            "connect_ms": connect_ms,
            "rss_kib": rss_kib(),
            "private_kib": private_kib(),
        })
    );
}

async fn chatapp_ours(port: u16, auth: &str, channels: &str, rounds: Rounds) {
    let started = Instant::now();
    let channels: Vec<chatapp_events::Channel> = channels
        .split(',')
        .map(|name| name.parse().expect("a channel name"))
        .collect();
    let mut builder = chatapp_events::client::Client::builder("bench-token")
        .host("127.0.0.1")
        .port(port)
        .tls(false)
        .app_key(APP_KEY)
        .auth_url(auth);
    for channel in &channels {
        builder = builder.channel(channel.clone());
    }
    let mut client = builder
        .connect()
        .await
        .expect("the ChatApp client connects");
    subscribe_and_count(&mut client, started, channels.len() as u64, rounds, |_| {
        true
    })
    .await;
    client.close().await;
}

/// A websocket reader that subscribes like a Pusher client and only counts data frames.
async fn chatapp_raw(port: u16, channels: &str, parse_value: bool, rounds: Rounds) {
    let started = Instant::now();
    let url = format!("ws://127.0.0.1:{port}/app/{APP_KEY}?protocol=7&client=bench&version=1");
    let (mut socket, _) = tokio_tungstenite::connect_async(url)
        .await
        .expect("sockudo accepts");
    let established = next_text(&mut socket).await;
    let envelope: serde_json::Value = serde_json::from_str(&established).expect("JSON");
    let data: serde_json::Value =
        serde_json::from_str(envelope["data"].as_str().expect("data")).expect("JSON data");
    let socket_id = data["socket_id"].as_str().expect("a socket id").to_owned();
    let channels: Vec<&str> = channels.split(',').collect();
    for channel in &channels {
        let auth = sign(APP_KEY, APP_SECRET, &socket_id, channel);
        let subscribe = serde_json::json!({
            "event": "pusher:subscribe",
            "data": { "channel": channel, "auth": auth },
        });
        socket
            .send(Message::text(subscribe.to_string()))
            .await
            .expect("send");
    }
    let mut subscribed = 0;
    while subscribed < channels.len() {
        let text = next_text(&mut socket).await;
        if text.contains("pusher_internal:subscription_succeeded") {
            subscribed += 1;
        }
    }
    ready(started).await;
    for _ in 0..rounds.rounds {
        let mut round = Round::start(rounds.events);
        loop {
            let Ok(text) = tokio::time::timeout(round.patience(), next_text(&mut socket)).await
            else {
                round.report();
                break;
            };
            if text.contains("\"pusher") {
                continue;
            }
            if parse_value {
                let frame: serde_json::Value = serde_json::from_str(&text).expect("a JSON frame");
                let data: serde_json::Value =
                    serde_json::from_str(frame["data"].as_str().expect("string data"))
                        .expect("JSON data");
                black_box((frame, data));
            }
            if round.count(1) {
                break;
            }
        }
    }
}

async fn next_text<S>(socket: &mut S) -> String
where
    S: StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    loop {
        match socket.next().await {
            Some(Ok(Message::Text(text))) => return text.as_str().to_owned(),
            Some(Ok(Message::Close(frame))) => panic!("closed by the server: {frame:?}"),
            Some(Ok(_)) => {}
            Some(Err(error)) => panic!("websocket: {error}"),
            None => panic!("the websocket ended"),
        }
    }
}

async fn onechat_ours(
    port: u16,
    token: &str,
    user: i64,
    accounts: i64,
    wanted: &str,
    rounds: Rounds,
) {
    let started = Instant::now();
    let mut client = onechat_events::client::Client::agent(
        &format!("http://127.0.0.1:{port}"),
        token.to_owned(),
        user,
        1..=accounts,
    )
    .connect()
    .await
    .expect("the OneChat client connects");
    subscribe_and_count(&mut client, started, accounts as u64, rounds, |event| {
        event.event().name() == wanted
    })
    .await;
    client.close().await;
}

/// A websocket reader that subscribes like an Action Cable client and only counts the
/// frames that carry the wanted event (every subscription's copy).
async fn onechat_raw(
    port: u16,
    token: &str,
    user: i64,
    accounts: i64,
    wanted: &str,
    parse_value: bool,
    rounds: Rounds,
) {
    let started = Instant::now();
    let mut request = format!("ws://127.0.0.1:{port}/cable")
        .into_client_request()
        .expect("a request");
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static("actioncable-v1-json"),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("Rails accepts");
    while !next_text(&mut socket).await.contains("welcome") {}
    for account in 1..=accounts {
        let identifier = serde_json::json!({
            "channel": "RoomChannel",
            "pubsub_token": token,
            "account_id": account,
            "user_id": user,
        })
        .to_string();
        let subscribe = serde_json::json!({ "command": "subscribe", "identifier": identifier });
        socket
            .send(Message::text(subscribe.to_string()))
            .await
            .expect("send");
    }
    let mut confirmed = 0;
    while confirmed < accounts {
        if next_text(&mut socket)
            .await
            .contains("confirm_subscription")
        {
            confirmed += 1;
        }
    }
    ready(started).await;
    let needle = format!("\"event\":\"{wanted}\"");
    for _ in 0..rounds.rounds {
        let mut round = Round::start(rounds.events);
        loop {
            let Ok(text) = tokio::time::timeout(round.patience(), next_text(&mut socket)).await
            else {
                round.report();
                break;
            };
            if !text.contains(&needle) {
                continue;
            }
            if parse_value {
                black_box(serde_json::from_str::<serde_json::Value>(&text).expect("a JSON frame"));
            }
            if round.count(1) {
                break;
            }
        }
    }
}
