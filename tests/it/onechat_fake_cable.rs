//! The OneChat client against a scripted Action Cable server in this process, for what Rails
//! will not do on demand: stop pinging, disconnect with each reason and flag, send garbage
//! and binary frames, confirm late or never.

use std::{
    future::Future,
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use futures_util::{SinkExt, StreamExt};
use onechat_events::{
    Event, EventKind, EventSource,
    client::{Client, ClientError, Update},
};
use tokio::{net::TcpListener, time::timeout};
use tokio_tungstenite::{
    WebSocketStream,
    tungstenite::{
        Message,
        handshake::server::{Request, Response},
    },
};

type Ws = WebSocketStream<tokio::net::TcpStream>;

/// Serves Action Cable on 127.0.0.1, running `script` for each connection (numbered from
/// 0). Returns the address and the connection count.
async fn fake_cable<F, Fut>(script: F) -> (SocketAddr, Arc<AtomicUsize>)
where
    F: Fn(usize, Ws) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&connections);
    let script = Arc::new(script);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let index = count.fetch_add(1, Ordering::SeqCst);
            let script = Arc::clone(&script);
            tokio::spawn(async move {
                #[allow(clippy::result_large_err)] // the signature is tungstenite's callback
                let accept = |_: &Request, mut response: Response| {
                    response.headers_mut().insert(
                        "Sec-WebSocket-Protocol",
                        "actioncable-v1-json".parse().unwrap(),
                    );
                    Ok(response)
                };
                if let Ok(ws) = tokio_tungstenite::accept_hdr_async(stream, accept).await {
                    script(index, ws).await;
                }
            });
        }
    });
    (addr, connections)
}

/// Sends `welcome`, reads the `subscribe` command and returns its identifier.
async fn welcome_and_subscribe(ws: &mut Ws) -> String {
    ws.send(Message::text(r#"{"type":"welcome"}"#))
        .await
        .unwrap();
    loop {
        let Some(Ok(Message::Text(text))) = ws.next().await else {
            panic!("the client went away")
        };
        let command: serde_json::Value = serde_json::from_str(&text).unwrap();
        if command["command"] == "subscribe" {
            return command["identifier"].as_str().unwrap().to_owned();
        }
    }
}

fn confirm(identifier: &str) -> Message {
    Message::text(
        serde_json::json!({ "identifier": identifier, "type": "confirm_subscription" }).to_string(),
    )
}

fn data(identifier: &str, message: &str) -> Message {
    Message::text(format!(
        r#"{{"identifier":{},"message":{message}}}"#,
        serde_json::Value::from(identifier)
    ))
}

/// Reads (and ignores) the client's commands, pinging every second when `ping` is set.
async fn idle(mut ws: Ws, ping: bool) {
    let mut beat = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            frame = ws.next() => if frame.is_none() { return },
            _ = beat.tick(), if ping => {
                if ws.send(Message::text(r#"{"type":"ping","message":1736743200}"#)).await.is_err() {
                    return;
                }
            }
        }
    }
}

fn builder(addr: SocketAddr) -> onechat_events::client::ClientBuilder {
    Client::agent(&format!("http://{addr}"), "tok", 7, [1])
        .confirm_timeout(Duration::from_secs(3))
        .stale_after(Duration::from_millis(1500))
        .backoff(Duration::from_millis(200), Duration::from_millis(500))
        .presence_interval(Duration::from_secs(60))
}

async fn next(client: &mut Client) -> Option<Result<Update, ClientError>> {
    timeout(Duration::from_secs(15), client.next_event())
        .await
        .expect("an update within 15 s")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_stops_pinging_is_stale_and_redialed() {
    let (addr, connections) = fake_cable(|index, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        ws.send(confirm(&identifier)).await.unwrap();
        // The first connection goes silent; the second one pings.
        idle(ws, index > 0).await;
    })
    .await;
    let mut client = builder(addr).connect().await.unwrap();
    let Some(Ok(Update::Reconnected { downtime })) = next(&mut client).await else {
        panic!("expected a reconnect")
    };
    assert!(downtime < Duration::from_secs(5), "{downtime:?}");
    assert_eq!(connections.load(Ordering::SeqCst), 2);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_without_reconnect_stops_with_the_reason() {
    let (addr, connections) = fake_cable(|_, mut ws| async move {
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
    .await;
    let mut client = builder(addr).connect().await.unwrap();
    let Some(Err(error)) = next(&mut client).await else {
        panic!("expected the stop")
    };
    assert!(
        matches!(&error, ClientError::Stopped { reason: Some(reason), .. } if reason == "unauthorized"),
        "{error:?}"
    );
    assert!(chat_events_core::SourceError::is_fatal(&error));
    assert!(
        next(&mut client).await.is_none(),
        "nothing after a fatal error"
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(connections.load(Ordering::SeqCst), 1, "no redial");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnect_with_reconnect_redials_for_each_reason() {
    for frame in [
        r#"{"type":"disconnect","reason":"server_restart","reconnect":true}"#,
        r#"{"type":"disconnect","reason":null,"reconnect":true}"#,
        r#"{"type":"disconnect","reason":"remote","reconnect":true}"#,
    ] {
        let (addr, connections) = fake_cable(move |index, mut ws| async move {
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
        .await;
        let mut client = builder(addr).connect().await.unwrap();
        let mut reconnected = false;
        loop {
            match next(&mut client).await {
                Some(Ok(Update::Reconnected { .. })) => reconnected = true,
                Some(Ok(Update::Event(delivery)))
                    if delivery.event.kind() == EventKind::CallRejected =>
                {
                    break;
                }
                other => panic!("{frame}: unexpected {other:?}"),
            }
        }
        assert!(reconnected, "{frame}");
        assert_eq!(connections.load(Ordering::SeqCst), 2, "{frame}");
        client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_binary_and_undecodable_frames_do_not_stop_the_client() {
    let (addr, _) = fake_cable(|_, mut ws| async move {
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
    .await;
    let mut client = builder(addr)
        .stale_after(Duration::from_secs(10))
        .connect()
        .await
        .unwrap();
    let Some(Err(ClientError::Decode { error, .. })) = next(&mut client).await else {
        panic!("expected the decode error")
    };
    assert_eq!(error.event(), Some("message.created"));
    assert_eq!(error.path(), Some("data.id"));
    assert_eq!(
        error.raw(),
        Some(&br#"{"event":"message.created","data":{"id":{"no":"object ids"}}}"#[..])
    );
    let Some(Ok(Update::Event(unknown))) = next(&mut client).await else {
        panic!()
    };
    assert!(unknown.event.is_unknown());
    let Some(Ok(Update::Event(delivery))) = next(&mut client).await else {
        panic!()
    };
    let Event::CallRejected(rejected) = delivery.event.event() else {
        panic!()
    };
    assert_eq!(rejected.data.room_id, "still-here");
    assert!(client.is_connected());
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_confirmation_is_waited_for_and_a_missing_one_times_out() {
    let (addr, _) = fake_cable(|_, mut ws| async move {
        let identifier = welcome_and_subscribe(&mut ws).await;
        tokio::time::sleep(Duration::from_millis(1200)).await;
        ws.send(confirm(&identifier)).await.unwrap();
        idle(ws, true).await;
    })
    .await;
    let client = builder(addr).connect().await.unwrap();
    assert_eq!(
        client.subscriptions().len(),
        1,
        "confirmed after 1.2 s, within the 3 s timeout"
    );

    let (addr, _) = fake_cable(|_, mut ws| async move {
        let _ = welcome_and_subscribe(&mut ws).await;
        idle(ws, true).await;
    })
    .await;
    let mut client = builder(addr)
        .confirm_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    assert!(matches!(
        next(&mut client).await,
        Some(Err(ClientError::ConfirmationTimeout { .. }))
    ));
    assert!(next(&mut client).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resubscription_that_is_never_confirmed_is_reported() {
    let (addr, _) = fake_cable(|index, mut ws| async move {
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
    .await;
    let mut client = builder(addr)
        .confirm_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    let Some(Err(ClientError::ConfirmationTimeout { after, .. })) = next(&mut client).await else {
        panic!("expected a timeout")
    };
    assert_eq!(after, Duration::from_secs(1));
    client.close().await;
}
