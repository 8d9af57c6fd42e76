//! The OneChat client against a scripted Action Cable server in this process, for what Rails
//! will not do on demand: stop pinging, disconnect with each reason and flag, send garbage
//! and binary frames, confirm late, never or all at once, refuse connections for a while.

use std::{
    collections::BTreeSet,
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::{Duration, Instant, SystemTime},
};

use chat_events_core::{ConnectionState, Id, SourceError};
use futures_util::{SinkExt, StreamExt};
use onechat_events::{
    Event, EventKind, EventSource, Identifier,
    client::{Client, ClientBuilder, ClientError, Update},
    testkit::{
        self, CableSocket, Message, ScriptedCable, confirm, data, reject, welcome_and_subscribes,
    },
};
use tokio::{sync::watch, time::timeout};

type Ws = CableSocket;

/// Sends `welcome`, reads the `subscribe` command and returns its identifier.
async fn welcome_and_subscribe(ws: &mut Ws) -> String {
    welcome_and_subscribes(ws, 1).await.remove(0)
}

/// The account of an identifier's text.
fn account_of(identifier: &str) -> Option<i64> {
    let fields: serde_json::Value = serde_json::from_str(identifier).unwrap();
    fields["account_id"].as_i64()
}

/// Reads the client's commands until it goes away, pinging every second when `ping` is set.
async fn idle(ws: Ws, ping: bool) {
    testkit::idle(ws, ping.then_some(Duration::from_secs(1))).await;
}

fn builder_for(addr: SocketAddr, accounts: &[i64]) -> ClientBuilder {
    Client::agent(&format!("http://{addr}"), "tok", 7, accounts.to_vec())
        .confirm_timeout(Duration::from_secs(3))
        .stale_after(Duration::from_millis(1500))
        .backoff(Duration::from_millis(200), Duration::from_millis(500))
        .presence_interval(Duration::from_secs(60))
}

fn builder(addr: SocketAddr) -> ClientBuilder {
    builder_for(addr, &[1])
}

pub(crate) async fn next(client: &mut Client) -> Option<Result<Update, ClientError>> {
    timeout(Duration::from_secs(15), client.next_event())
        .await
        .expect("an update within 15 s")
}

fn account(source: &Identifier) -> Option<i64> {
    source.account_id().and_then(Id::as_i64)
}

/// The next update, which must be `Subscribed`: its account.
async fn next_subscribed(client: &mut Client) -> Option<i64> {
    match next(client).await {
        Some(Ok(Update::Subscribed { source })) => account(&source),
        other => panic!("expected Subscribed, got {other:?}"),
    }
}

/// The next `count` updates, which must be `Subscribed`: their accounts.
async fn subscribed_accounts(client: &mut Client, count: usize) -> BTreeSet<Option<i64>> {
    let mut accounts = BTreeSet::new();
    for _ in 0..count {
        assert!(
            accounts.insert(next_subscribed(client).await),
            "Subscribed twice"
        );
    }
    accounts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_stops_pinging_is_stale_and_redialed() {
    let server = ScriptedCable::start(|index, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        ws.send(confirm(&identifier)).await.unwrap();
        // The first connection goes silent; the second one pings.
        idle(ws, index > 0).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr).connect().await.unwrap();
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    let Some(Ok(Update::Reconnected { downtime })) = next(&mut client).await else {
        panic!("expected a reconnect")
    };
    assert!(downtime < Duration::from_secs(5), "{downtime:?}");
    assert_eq!(
        next_subscribed(&mut client).await,
        Some(1),
        "confirmed again"
    );
    assert_eq!(server.connections(), 2);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_without_reconnect_stops_with_the_reason() {
    let server = ScriptedCable::start(|_, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        ws.send(confirm(&identifier)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
        let _ = ws
            .send(Message::text(
                r#"{"type":"disconnect","reason":"unauthorized","reconnect":false}"#,
            ))
            .await;
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr).connect().await.unwrap();
    let state = client.state();
    assert_eq!(*state.borrow(), ConnectionState::Connected);
    assert!(client.is_connected());
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    let Some(Err(error)) = next(&mut client).await else {
        panic!("expected the stop")
    };
    assert!(
        matches!(&error, ClientError::Stopped { reason: Some(reason), .. } if reason == "unauthorized"),
        "{error:?}"
    );
    assert!(error.is_fatal());
    // The state is final before the error is queued.
    assert_eq!(*state.borrow(), ConnectionState::Failed);
    assert!(!client.is_connected());
    assert!(
        next(&mut client).await.is_none(),
        "nothing after a fatal error"
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(server.connections(), 1, "no redial");
    // Closing a stopped client returns at once and leaves it failed.
    timeout(Duration::from_secs(5), client.close())
        .await
        .unwrap();
    assert_eq!(*state.borrow(), ConnectionState::Failed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_with_reconnect_redials_for_each_reason() {
    for frame in [
        r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
        r#"{"type":"disconnect","reason":null,"reconnect":true}"#,
        r#"{"type":"disconnect","reason":"remote","reconnect":true}"#,
    ] {
        let server = ScriptedCable::start(move |index, mut ws| async move {
            let identifier = welcome_and_subscribe(&mut ws).await;
            ws.send(confirm(&identifier)).await.unwrap();
            if index == 0 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                let _ = ws.send(Message::text(frame)).await;
                let _ = ws.close(None).await;
            } else {
                ws.send(data(
                    &identifier,
                    r#"{"event":"call.rejected","data":{"room_id":"again","account_id":1}}"#,
                ))
                .await
                .unwrap();
                idle(ws, true).await;
            }
        })
        .await
        .unwrap();
        let addr = server.addr();
        let mut client = builder(addr).connect().await.unwrap();
        assert_eq!(next_subscribed(&mut client).await, Some(1), "{frame}");
        assert!(
            matches!(
                next(&mut client).await,
                Some(Ok(Update::Reconnected { .. }))
            ),
            "{frame}"
        );
        // Confirmed again, then the event that followed the confirmation.
        assert_eq!(next_subscribed(&mut client).await, Some(1), "{frame}");
        match next(&mut client).await {
            Some(Ok(Update::Event { event, .. })) if event.kind() == EventKind::CallRejected => {}
            other => panic!("{frame}: unexpected {other:?}"),
        }
        assert_eq!(server.connections(), 2, "{frame}");
        client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_binary_and_undecodable_frames_do_not_stop_the_client() {
    let server = ScriptedCable::start(|_, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        ws.send(confirm(&identifier)).await.unwrap();
        ws.send(Message::text("this is not JSON")).await.unwrap();
        ws.send(Message::binary(vec![0xde, 0xad, 0xbe, 0xef]))
            .await
            .unwrap();
        ws.send(Message::text(r#"{"type":"something_new"}"#))
            .await
            .unwrap();
        // A known event whose data does not fit.
        ws.send(data(
            &identifier,
            r#"{"event":"message.created","data":{"id":{"no":"object ids"}}}"#,
        ))
        .await
        .unwrap();
        // An event this version does not know.
        ws.send(data(
            &identifier,
            r#"{"event":"conversation.lock_toggle","data":{"id":57,"locked":true,"account_id":1}}"#,
        ))
        .await
        .unwrap();
        ws.send(data(
            &identifier,
            r#"{"event":"call.rejected","data":{"room_id":"still-here","account_id":1}}"#,
        ))
        .await
        .unwrap();
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr)
        .stale_after(Duration::from_secs(10))
        .connect()
        .await
        .unwrap();
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    // The events are on their way; read them a while later.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let read_at = SystemTime::now();
    let Some(Err(ClientError::Decode {
        identifier: source,
        error,
    })) = next(&mut client).await
    else {
        panic!("expected the decode error")
    };
    assert_eq!(account(&source), Some(1));
    assert_eq!(error.event(), Some("message.created"));
    assert_eq!(error.path(), Some("data.id"));
    assert_eq!(
        error.raw(),
        Some(&br#"{"event":"message.created","data":{"id":{"no":"object ids"}}}"#[..])
    );
    assert!(!error.to_string().contains("object ids"), "no payload text");
    let Some(Ok(Update::Event { event: unknown, .. })) = next(&mut client).await else {
        panic!()
    };
    assert!(unknown.is_unknown());
    let Some(Ok(Update::Event {
        source,
        event,
        received_at,
    })) = next(&mut client).await
    else {
        panic!()
    };
    let Event::CallRejected(rejected) = event.event() else {
        panic!()
    };
    assert_eq!(rejected.data.room_id, "still-here");
    assert_eq!(account(&source), Some(1));
    // Stamped when the frame came in, not when it was read from the client.
    let waited = read_at.duration_since(received_at).unwrap();
    assert!(waited >= Duration::from_millis(800), "{waited:?}");
    assert!(client.is_connected());
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_confirmation_is_waited_for_and_a_missing_one_times_out() {
    let server = ScriptedCable::start(|_, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        ws.send(confirm(&identifier)).await.unwrap();
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr).connect().await.unwrap();
    assert_eq!(client.sources().len(), 1);
    assert_eq!(
        next_subscribed(&mut client).await,
        Some(1),
        "confirmed after 1.2 s, within the 3 s timeout"
    );
    client.close().await;

    let server = ScriptedCable::start(|_, mut ws| async move {
        let _ = welcome_and_subscribe(&mut ws).await;
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr)
        .confirm_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    let Some(Err(error @ ClientError::ConfirmationTimeout { .. })) = next(&mut client).await else {
        panic!("expected a timeout")
    };
    assert!(!error.is_fatal());
    // With no subscription left, the client stops.
    let Some(Err(error @ ClientError::Stopped { reason: None, .. })) = next(&mut client).await
    else {
        panic!("expected the stop")
    };
    assert!(
        error.to_string().contains("no subscription is left"),
        "{error}"
    );
    assert_eq!(*client.state().borrow(), ConnectionState::Failed);
    assert!(next(&mut client).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resubscription_that_is_never_confirmed_is_reported() {
    let server = ScriptedCable::start(|index, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        if index == 0 {
            ws.send(confirm(&identifier)).await.unwrap();
            tokio::time::sleep(Duration::from_millis(200)).await;
            let _ = ws
                .send(Message::text(
                    r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
                ))
                .await;
            let _ = ws.close(None).await;
        } else {
            // The token was rotated meanwhile: the server never confirms again.
            idle(ws, true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr)
        .confirm_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    assert!(matches!(
        next(&mut client).await,
        Some(Ok(Update::Reconnected { .. }))
    ));
    let Some(Err(ClientError::ConfirmationTimeout { after, .. })) = next(&mut client).await else {
        panic!("expected a timeout")
    };
    assert_eq!(after, Duration::from_secs(1));
    assert!(client.is_connected(), "the connection itself is fine");
    client.close().await;
}

/// What the pipelining server saw.
#[derive(Default)]
struct Pipeline {
    /// Different identifiers subscribed before the first confirmation went out.
    before_confirming: AtomicUsize,
    confirmed: AtomicBool,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscriptions_are_pipelined_and_each_confirmation_is_reported() {
    const ACCOUNTS: [i64; 4] = [1, 2, 3, 4];
    // Each confirmation takes this long; one after the other they would take 4 × 2 s.
    const DELAY: Duration = Duration::from_secs(2);
    let pipeline = Arc::new(Pipeline::default());
    let seen = Arc::clone(&pipeline);
    let server = ScriptedCable::start(move |_, mut ws| {
        let seen = Arc::clone(&seen);
        async move {
            ws.send(Message::text(r#"{"type":"welcome"}"#))
                .await
                .unwrap();
            let mut identifiers = BTreeSet::new();
            let window = tokio::time::sleep(DELAY);
            tokio::pin!(window);
            loop {
                tokio::select! {
                    frame = ws.next() => {
                        let Some(Ok(Message::Text(text))) = frame else { return };
                        let command: serde_json::Value = serde_json::from_str(&text).unwrap();
                        if command["command"] == "subscribe" {
                            identifiers.insert(command["identifier"].as_str().unwrap().to_owned());
                        }
                    }
                    () = &mut window => break,
                }
            }
            seen.before_confirming
                .store(identifiers.len(), Ordering::SeqCst);
            seen.confirmed.store(true, Ordering::SeqCst);
            for identifier in &identifiers {
                ws.send(confirm(identifier)).await.unwrap();
            }
            idle(ws, true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let started = Instant::now();
    let mut client = builder_for(addr, &ACCOUNTS)
        .confirm_timeout(Duration::from_secs(10))
        // The server does not ping while it holds the confirmations back.
        .stale_after(Duration::from_secs(10))
        .connect()
        .await
        .unwrap();
    assert!(
        !pipeline.confirmed.load(Ordering::SeqCst),
        "connect() returns without waiting for confirmations"
    );
    let sources: BTreeSet<_> = client.sources().iter().map(account).collect();
    assert_eq!(sources, ACCOUNTS.map(Some).into());
    assert_eq!(subscribed_accounts(&mut client, 4).await, sources);
    assert_eq!(
        pipeline.before_confirming.load(Ordering::SeqCst),
        4,
        "every subscribe was sent before the first confirmation"
    );
    let elapsed = started.elapsed();
    assert!(elapsed < DELAY * 3, "{elapsed:?}, not 4 × {DELAY:?}");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_subscription_is_reported_again_after_each_reconnect() {
    let server = ScriptedCable::start(|index, mut ws| async move {
        for identifier in welcome_and_subscribes(&mut ws, 2).await {
            ws.send(confirm(&identifier)).await.unwrap();
        }
        if index < 2 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let _ = ws
                .send(Message::text(
                    r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
                ))
                .await;
            let _ = ws.close(None).await;
        } else {
            idle(ws, true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder_for(addr, &[1, 2]).connect().await.unwrap();
    let both = BTreeSet::from([Some(1), Some(2)]);
    assert_eq!(subscribed_accounts(&mut client, 2).await, both);
    for reconnect in 1..=2 {
        // The notice first, then each subscription confirmed again.
        assert!(
            matches!(
                next(&mut client).await,
                Some(Ok(Update::Reconnected { .. }))
            ),
            "reconnect {reconnect}"
        );
        assert_eq!(
            subscribed_accounts(&mut client, 2).await,
            both,
            "reconnect {reconnect}"
        );
    }
    assert_eq!(server.connections(), 3);
    assert!(
        timeout(Duration::from_millis(500), client.next_event())
            .await
            .is_err(),
        "nothing more"
    );
    client.close().await;
}

/// Waits (at most 10 s) until the state is `wanted`.
async fn wait_state(state: &watch::Receiver<ConnectionState>, wanted: ConnectionState) {
    timeout(
        Duration::from_secs(10),
        state.clone().wait_for(|now| *now == wanted),
    )
    .await
    .unwrap_or_else(|_| panic!("no {wanted:?} within 10 s"))
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_state_follows_the_connection() {
    // The first connection drops; the next ones are refused until the test allows them.
    let allow = Arc::new(AtomicBool::new(false));
    let allowed = Arc::clone(&allow);
    let server = ScriptedCable::start(move |index, mut ws| {
        let allowed = Arc::clone(&allowed);
        async move {
            if index > 0 && !allowed.load(Ordering::SeqCst) {
                return;
            }
            let identifier = welcome_and_subscribe(&mut ws).await;
            ws.send(confirm(&identifier)).await.unwrap();
            if index == 0 {
                tokio::time::sleep(Duration::from_millis(200)).await;
                return;
            }
            idle(ws, true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr)
        .unavailable_after(Duration::from_millis(800))
        .connect()
        .await
        .unwrap();
    let mut state = client.state();
    assert_eq!(*state.borrow_and_update(), ConnectionState::Connected);
    // Every state the watch shows, in order.
    let seen = Arc::new(Mutex::new(vec![ConnectionState::Connected]));
    let record = Arc::clone(&seen);
    let mut watching = client.state();
    tokio::spawn(async move {
        while watching.changed().await.is_ok() {
            let now = *watching.borrow_and_update();
            let mut seen = record.lock().unwrap();
            if seen.last() != Some(&now) {
                seen.push(now);
            }
        }
    });
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    wait_state(&state, ConnectionState::Unavailable).await;
    assert!(!client.is_connected());
    allow.store(true, Ordering::SeqCst);
    wait_state(&state, ConnectionState::Connected).await;
    assert!(client.is_connected());
    let Some(Ok(Update::Reconnected { downtime })) = next(&mut client).await else {
        panic!("expected a reconnect")
    };
    assert!(downtime >= Duration::from_millis(800), "{downtime:?}");
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    client.close().await;
    assert_eq!(*state.borrow(), ConnectionState::Closed);
    assert!(next(&mut client).await.is_none(), "closed: the client ends");
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        *seen.lock().unwrap(),
        [
            ConnectionState::Connected,
            ConnectionState::Connecting,
            ConnectionState::Unavailable,
            ConnectionState::Connected,
            ConnectionState::Closed,
        ]
    );
}

/// The next item through `futures::Stream`.
async fn stream_next(client: &mut Client) -> Option<Result<Update, ClientError>> {
    timeout(Duration::from_secs(15), StreamExt::next(client))
        .await
        .expect("an item within 15 s")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_is_a_stream() {
    let server = ScriptedCable::start(|_, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        ws.send(confirm(&identifier)).await.unwrap();
        ws.send(data(
            &identifier,
            r#"{"event":"call.rejected","data":{"room_id":"streamed","account_id":1}}"#,
        ))
        .await
        .unwrap();
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr).connect().await.unwrap();
    assert!(matches!(
        stream_next(&mut client).await,
        Some(Ok(Update::Subscribed { .. }))
    ));
    let Some(Ok(update)) = stream_next(&mut client).await else {
        panic!()
    };
    let Some(Event::CallRejected(rejected)) = update.event() else {
        panic!("{update:?}")
    };
    assert_eq!(rejected.data.room_id, "streamed");
    client.close().await;
    assert!(StreamExt::next(&mut client).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_subscription_is_reported_and_the_token_never_shows() {
    const TOKEN: &str = "tok-SECRET-7f3a";
    let server = ScriptedCable::start(|_, mut ws| async move {
        for identifier in welcome_and_subscribes(&mut ws, 2).await {
            if account_of(&identifier) == Some(2) {
                ws.send(reject(&identifier)).await.unwrap();
            } else {
                ws.send(confirm(&identifier)).await.unwrap();
                ws.send(data(
                    &identifier,
                    r#"{"event":"message.created","data":{"id":{"no":"object ids"}}}"#,
                ))
                .await
                .unwrap();
                ws.send(data(
                    &identifier,
                    r#"{"event":"call.rejected","data":{"room_id":"r","account_id":1}}"#,
                ))
                .await
                .unwrap();
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        let _ = ws
            .send(Message::text(
                r#"{"type":"disconnect","reason":"unauthorized","reconnect":false}"#,
            ))
            .await;
        idle(ws, true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let builder = Client::agent(&format!("http://{addr}"), TOKEN, 7, [1, 2])
        .backoff(Duration::from_millis(200), Duration::from_millis(500));
    let mut shown = vec![format!("{builder:?}")];
    let mut client = builder.connect().await.unwrap();
    shown.push(format!("{client:?} {:?}", client.sources()));
    assert!(
        client.sources()[0].as_str().contains(TOKEN),
        "the identifier text itself carries it"
    );
    let (mut rejected, mut decode, mut stopped, mut events) = (0, 0, 0, 0);
    while let Some(item) = next(&mut client).await {
        match &item {
            Err(error @ ClientError::Rejected { identifier: source }) => {
                assert_eq!(account(source), Some(2));
                assert!(!error.is_fatal());
                rejected += 1;
            }
            Err(ClientError::Decode {
                identifier: source, ..
            }) => {
                assert_eq!(account(source), Some(1));
                decode += 1;
            }
            Err(ClientError::Stopped { .. }) => stopped += 1,
            Ok(Update::Event { .. }) => events += 1,
            Ok(Update::Subscribed { source }) => assert_eq!(account(source), Some(1)),
            other => panic!("unexpected {other:?}"),
        }
        match &item {
            Ok(update) => shown.push(format!("{update:?}")),
            Err(error) => shown.push(format!("{error} {error:?}")),
        }
    }
    assert_eq!((rejected, decode, stopped, events), (1, 1, 1, 1));
    for text in &shown {
        assert!(!text.contains(TOKEN), "{text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_server_is_a_connect_error_within_the_timeout() {
    let port = crate::free_port();
    let started = Instant::now();
    let error = Client::agent(&format!("http://127.0.0.1:{port}"), "tok", 7, [1])
        .backoff(Duration::from_millis(100), Duration::from_millis(200))
        .connect_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    let ClientError::Connect { message, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(message.contains("within 1s"), "{message}");
    assert!(!error.is_fatal(), "only Stopped is fatal");

    let error = Client::agent(&format!("http://127.0.0.1:{port}"), "tok", 7, [])
        .connect()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, ClientError::Config { message } if message.contains("at least one account")),
        "{error:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_consumer_loses_nothing_and_dropping_the_client_hangs_up() {
    const EVENTS: usize = 300;
    let hung_up = Arc::new(AtomicBool::new(false));
    let noticed = Arc::clone(&hung_up);
    let server = ScriptedCable::start(move |_, mut ws| {
        let noticed = Arc::clone(&noticed);
        async move {
            let identifier = welcome_and_subscribe(&mut ws).await;
            ws.send(confirm(&identifier)).await.unwrap();
            for room in 0..EVENTS {
                let event = format!(
                    r#"{{"event":"call.rejected","data":{{"room_id":"{room}","account_id":1}}}}"#
                );
                ws.send(data(&identifier, &event)).await.unwrap();
            }
            idle(ws, true).await;
            noticed.store(true, Ordering::SeqCst);
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    // Room for 4 updates in the queue (and 4 more held per subscription): the rest waits
    // in the Action Cable client's buffer until the consumer catches up.
    let mut client = builder(addr)
        .stale_after(Duration::from_secs(10))
        .queue_capacity(4)
        .connect()
        .await
        .unwrap();
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    tokio::time::sleep(Duration::from_secs(1)).await;
    for expected in 0..EVENTS {
        let Some(Ok(Update::Event { event, .. })) = next(&mut client).await else {
            panic!("event {expected} is missing")
        };
        let Event::CallRejected(rejected) = event.event() else {
            panic!()
        };
        assert_eq!(rejected.data.room_id, expected.to_string(), "in order");
    }
    drop(client);
    for _ in 0..50 {
        if hung_up.load(Ordering::SeqCst) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the connection is still open 5 s after the client was dropped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_accepts_tcp_but_never_upgrades_is_reported_while_redialling() {
    // Connection 0 is a normal Action Cable session that the server drops after a moment;
    // every later connection is accepted at the TCP level and never answered.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let dials = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&dials);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            if counted.fetch_add(1, Ordering::SeqCst) > 0 {
                held.push(stream);
                continue;
            }
            tokio::spawn(async move {
                let mut ws = testkit::accept(stream).await.unwrap();
                let identifier = welcome_and_subscribe(&mut ws).await;
                ws.send(confirm(&identifier)).await.unwrap();
                tokio::time::sleep(Duration::from_millis(300)).await;
            });
        }
    });
    let mut client = builder(addr)
        .handshake_timeout(Duration::from_millis(400))
        .connect()
        .await
        .unwrap();
    assert_eq!(next_subscribed(&mut client).await, Some(1));
    // Before: nothing surfaced for 38 s while it redialled. Now each failed dial is a
    // non-fatal Connect error naming why.
    let started = Instant::now();
    let error = loop {
        match next(&mut client).await {
            Some(Err(error @ ClientError::Connect { .. })) => break error,
            Some(Ok(_)) => {}
            other => panic!("{other:?}"),
        }
    };
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(!error.is_fatal());
    assert!(error.to_string().contains("reconnecting failed"), "{error}");
    assert!(!error.to_string().contains("tok"), "{error}");
    assert!(dials.load(Ordering::SeqCst) >= 2);
    client.close().await;
}

/// The resident memory of this process, in bytes (Linux).
fn rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .unwrap_or(0)
        * 1024
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ping_flood_or_a_huge_frame_keeps_memory_bounded() {
    let _turn = crate::MEMORY.lock().await;
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&sent);
    let server = ScriptedCable::start(move |index, mut ws| {
        let counter = Arc::clone(&counter);
        async move {
            let identifier = welcome_and_subscribe(&mut ws).await;
            ws.send(confirm(&identifier)).await.unwrap();
            match index {
                // Action Cable pings and WebSocket pings as fast as the socket takes them,
                // never reading what the client writes.
                0 => {
                    let started = Instant::now();
                    while started.elapsed() < Duration::from_secs(3) {
                        let frame = if counter.load(Ordering::SeqCst).is_multiple_of(2) {
                            Message::text(r#"{"type":"ping","message":1736743200}"#)
                        } else {
                            Message::Ping(vec![9_u8; 100].into())
                        };
                        if timeout(Duration::from_secs(2), ws.feed(frame))
                            .await
                            .map_or(true, |sent| sent.is_err())
                        {
                            break;
                        }
                        counter.fetch_add(1, Ordering::SeqCst);
                    }
                }
                // A 64 MB message: refused from its header.
                1 => {
                    let huge = format!(
                        r#"{{"identifier":{},"message":{{"event":"presence.update","data":{{"pad":"{}"}}}}}}"#,
                        serde_json::Value::from(identifier.as_str()),
                        "x".repeat(64 << 20)
                    );
                    let _ = ws.send(Message::text(huge)).await;
                    idle(ws, true).await;
                }
                _ => idle(ws, true).await,
            }
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let before = rss();
    let mut client = builder(addr)
        .max_message_size(1 << 20)
        .connect()
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(8);
    let mut peak = before;
    while Instant::now() < deadline && server.connections() < 3 {
        let _ = timeout(Duration::from_millis(200), client.next_event()).await;
        peak = peak.max(rss());
    }
    client.close().await;
    let grown = peak.saturating_sub(before);
    assert!(
        server.connections() >= 3,
        "it moved on from the flood and the huge frame"
    );
    // The test's own 64 MB string lives in this process on the server side.
    assert!(grown < 160 << 20, "memory grew by {} MiB", grown >> 20);
    eprintln!(
        "onechat flood: {} frames, {} connections, RSS grew {} MiB",
        sent.load(Ordering::SeqCst),
        server.connections(),
        grown >> 20
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_presence_updates_wait_for_the_whole_burst_of_subscribes() {
    // Every presence update is broadcast to each subscription of the token: sent while the
    // server is still confirming a burst of subscribes, they hold the rest up. The server
    // here confirms accounts 1–3 at once and account 4 a second later.
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = Arc::clone(&log);
    let server = ScriptedCable::start(move |_, mut ws| {
        let seen = Arc::clone(&seen);
        async move {
            ws.send(Message::text(r#"{"type":"welcome"}"#))
                .await
                .unwrap();
            let mut held: Option<String> = None;
            let mut delaying_4 = false;
            let delay = tokio::time::sleep(Duration::from_secs(3600));
            tokio::pin!(delay);
            loop {
                tokio::select! {
                    frame = ws.next() => {
                        let text = match frame {
                            Some(Ok(Message::Text(text))) => text,
                            Some(Ok(_)) => continue,
                            _ => return,
                        };
                        let command: serde_json::Value = serde_json::from_str(&text).unwrap();
                        let identifier = command["identifier"].as_str().unwrap().to_owned();
                        let account = account_of(&identifier).unwrap();
                        match command["command"].as_str().unwrap() {
                            // The client repeats an unanswered subscribe: the first one starts
                            // the delay.
                            "subscribe" if account == 4 && delaying_4 => {}
                            "subscribe" if account == 4 => {
                                delaying_4 = true;
                                held = Some(identifier);
                                delay.as_mut().reset(tokio::time::Instant::now() + Duration::from_secs(1));
                            }
                            "subscribe" => {
                                ws.send(confirm(&identifier)).await.unwrap();
                                seen.lock().unwrap().push(format!("confirm {account}"));
                            }
                            "message" if command["data"].as_str().unwrap().contains("update_presence") => {
                                seen.lock().unwrap().push(format!("presence {account}"));
                            }
                            _ => {}
                        }
                    }
                    () = &mut delay, if held.is_some() => {
                        let identifier = held.take().unwrap();
                        ws.send(confirm(&identifier)).await.unwrap();
                        seen.lock().unwrap().push("confirm 4".to_owned());
                    }
                }
            }
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder_for(addr, &[1, 2, 3, 4])
        .stale_after(Duration::from_secs(10))
        .connect()
        .await
        .unwrap();
    assert_eq!(subscribed_accounts(&mut client, 4).await.len(), 4);
    let deadline = Instant::now() + Duration::from_secs(10);
    while log.lock().unwrap().len() < 8 {
        assert!(Instant::now() < deadline, "{:?}", log.lock().unwrap());
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let log = log.lock().unwrap().clone();
    let last_confirm = log.iter().position(|entry| entry == "confirm 4").unwrap();
    let first_presence = log
        .iter()
        .position(|entry| entry.starts_with("presence"))
        .unwrap();
    assert!(last_confirm < first_presence, "{log:?}");
    let mut presence: Vec<&String> = log[last_confirm + 1..].iter().collect();
    presence.sort();
    assert_eq!(
        presence,
        ["presence 1", "presence 2", "presence 3", "presence 4"],
        "{log:?}"
    );
    client.close().await;
}
