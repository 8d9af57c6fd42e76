//! The ChatApp client against the scripted Pusher server of `pusher_fake`: dialects,
//! heartbeats, close codes, auth failures, token refresh, garbage.

use std::{
    fmt::Write as _,
    net::SocketAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use chat_events_core::SourceError;
use chatapp_events::{
    Channel, ConnectionState, Event, EventKind, EventSource, Secret,
    client::{Client, ClientBuilder, ClientError, SubscriptionFailure, Update},
};
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::{
    Message,
    protocol::{CloseFrame, frame::coding::CloseCode},
};

use chatapp_events::testkit::{
    APP_KEY, APP_SECRET, AuthEndpoint, AuthReply, ScriptedServer, Session, sign,
};

pub(crate) const TOKEN: &str = "$2y$10$l.SQOBOaqz3ZU65JAlEK4ughTCzIbcVGpJIUNTVnGpaKOYOd4M";

pub(crate) fn channels() -> [Channel; 4] {
    [
        "private-v1.licenses.1229.messengers.grWhatsApp"
            .parse()
            .unwrap(),
        Channel::Company { company_id: 2224 },
        Channel::User { user_id: 685 },
        Channel::CompanyUser {
            company_id: 2223,
            user_id: 685,
        },
    ]
}

pub(crate) fn builder(addr: SocketAddr, auth_url: &str) -> ClientBuilder {
    Client::builder(TOKEN)
        .host("127.0.0.1")
        .port(addr.port())
        .tls(false)
        .app_key(APP_KEY)
        .auth_url(auth_url)
        .backoff(Duration::from_millis(100), Duration::from_millis(400))
        .subscribe_timeout(Duration::from_secs(3))
}

pub(crate) async fn next(client: &mut Client) -> Option<Result<Update, ClientError>> {
    timeout(Duration::from_secs(15), client.next_event())
        .await
        .expect("an update within 15 s")
}

/// The next update that is not a `Subscribed` notice.
async fn next_kept(client: &mut Client) -> Option<Result<Update, ClientError>> {
    loop {
        match next(client).await {
            Some(Ok(Update::Subscribed { .. })) => {}
            other => return other,
        }
    }
}

pub(crate) fn body(event: &str) -> String {
    let path = chat_events_tests::workspace_root()
        .join("tests/fixtures/chatapp/000_3eeb06198ae497e6")
        .join(format!("{event}.jsonc"));
    chat_events_tests::jsonc::strip(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Subscribes every channel the client asks for, answering as `with_data` says.
async fn subscribe_all(
    session: &mut Session,
    socket_id: &str,
    count: usize,
    with_data: bool,
) -> Vec<String> {
    let mut subscribed = Vec::new();
    for _ in 0..count {
        let Some((channel, auth)) = session.subscribe().await else {
            break;
        };
        if session.answer(socket_id, &channel, &auth, with_data).await {
            subscribed.push(channel);
        }
    }
    subscribed
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscribes_all_four_channel_kinds_and_delivers_typed_events() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        assert!(
            session
                .path()
                .starts_with("/app/app-key?protocol=7&client=rust-chatapp-events&version="),
            "{}",
            session.path()
        );
        assert!(session.path().ends_with("&flash=false"));
        session.established("1234.5678", 30).await;
        let channels = subscribe_all(&mut session, "1234.5678", 4, false).await;
        assert_eq!(channels.len(), 4);
        for (channel, event) in channels.iter().zip([
            "messageStatus",
            "employeeStatus",
            "quickResponse.bulk-destroy",
            "message",
        ]) {
            let name = event.split('.').next().unwrap();
            session.event(channel, name, &body(event)).await;
        }
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut builder = builder(addr, &auth_url);
    for channel in channels() {
        builder = builder.channel(channel);
    }
    let mut client = builder.connect().await.unwrap();
    let mut subscribed = Vec::new();
    let mut events = Vec::new();
    while events.len() < 4 {
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { source: channel })) => subscribed.push(channel),
            Some(Ok(Update::Event {
                source: channel,
                event,
                ..
            })) => events.push((channel, event)),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(subscribed, channels());
    for ((channel, event), (expected_channel, fixture)) in
        events.iter().zip(channels().iter().zip([
            "messageStatus",
            "employeeStatus",
            "quickResponse.bulk-destroy",
            "message",
        ]))
    {
        assert_eq!(channel, expected_channel);
        let expected = Event::decode(body(fixture).as_bytes()).unwrap();
        assert_eq!(event.event(), expected.event(), "{fixture}");
    }
    // The access token went to the auth endpoint as is, with the socket id and channel.
    let calls = auth.calls();
    assert_eq!(calls.len(), 4);
    assert!(
        calls
            .iter()
            .all(|call| call.authorization.as_deref() == Some(TOKEN)
                && call.socket_id == "1234.5678")
    );
    assert_eq!(
        calls[0].channel,
        "private-v1.licenses.1229.messengers.grWhatsApp"
    );
    assert_eq!(*client.state().borrow(), ConnectionState::Connected);
    client.close().await;
    assert_eq!(*client.state().borrow(), ConnectionState::Closed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn established_data_as_object_or_string_with_either_activity_timeout() {
    for (frame, dialect) in [
        (
            r#"{"event":"pusher:connection_established","data":{"socket_id":"1.1","activity_timeout":120}}"#,
            "object, 120 (sockudo)",
        ),
        (
            r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.1\",\"activity_timeout\":30}"}"#,
            "string, 30 (laravel-websockets)",
        ),
        (
            r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.1\"}"}"#,
            "no activity timeout",
        ),
    ] {
        let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
        let auth_url = auth.url().to_owned();
        let server = ScriptedServer::start(move |_, mut session| async move {
            session.send_raw(Message::text(frame)).await;
            subscribe_all(&mut session, "1.1", 1, true).await;
            session.serve_pings(false).await;
        })
        .await
        .unwrap();
        let addr = server.addr();
        let mut client = builder(addr, &auth_url)
            .channel(Channel::User { user_id: 685 })
            .connect()
            .await
            .unwrap();
        assert!(
            matches!(next(&mut client).await, Some(Ok(Update::Subscribed { .. }))),
            "{dialect}"
        );
        client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_server_pings_and_pings_when_idle() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let answered = Arc::new(AtomicUsize::new(0));
    let idle_pings = Arc::new(AtomicUsize::new(0));
    let counters = (Arc::clone(&answered), Arc::clone(&idle_pings));
    let server = ScriptedServer::start(move |_, mut session| {
        let (answers, pings) = (Arc::clone(&counters.0), Arc::clone(&counters.1));
        async move {
            session.established("2.2", 120).await;
            subscribe_all(&mut session, "2.2", 1, true).await;
            // sockudo's ping: no data.
            session
                .send(serde_json::json!({ "event": "pusher:ping" }))
                .await;
            while let Some(frame) = session.recv().await {
                match frame["event"].as_str() {
                    Some("pusher:pong") => {
                        answers.fetch_add(1, Ordering::SeqCst);
                    }
                    Some("pusher:ping") => {
                        pings.fetch_add(1, Ordering::SeqCst);
                        // laravel-websockets' pong: no data.
                        session
                            .send(serde_json::json!({ "event": "pusher:pong" }))
                            .await;
                    }
                    _ => {}
                }
            }
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    // The client's activity timeout (1 s) is below the server's (120 s): it wins.
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .activity_timeout(Duration::from_secs(1))
        .pong_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    assert!(matches!(
        next(&mut client).await,
        Some(Ok(Update::Subscribed { .. }))
    ));
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert_eq!(
        answered.load(Ordering::SeqCst),
        1,
        "the server's ping was answered"
    );
    assert!(
        idle_pings.load(Ordering::SeqCst) >= 2,
        "the client pinged when idle"
    );
    assert_eq!(
        server.connections(),
        1,
        "answered pings keep the connection"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_pong_means_reconnect_with_new_authorisation() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|index, mut session| async move {
        let socket_id = format!("{index}.99");
        session.established(&socket_id, 120).await;
        subscribe_all(&mut session, &socket_id, 1, true).await;
        if index == 0 {
            // Swallow everything, pings included.
            while session.recv().await.is_some() {}
        } else {
            session.serve_pings(true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::Company { company_id: 2224 })
        .activity_timeout(Duration::from_millis(500))
        .pong_timeout(Duration::from_millis(500))
        .connect()
        .await
        .unwrap();
    assert!(matches!(
        next(&mut client).await,
        Some(Ok(Update::Subscribed { .. }))
    ));
    let Some(Ok(Update::Reconnected { downtime })) = next(&mut client).await else {
        panic!("expected a reconnect")
    };
    assert!(downtime < Duration::from_secs(2), "{downtime:?}");
    assert!(
        matches!(next(&mut client).await, Some(Ok(Update::Subscribed { .. }))),
        "resubscribed"
    );
    assert_eq!(server.connections(), 2);
    let socket_ids: Vec<String> = auth
        .calls()
        .iter()
        .map(|call| call.socket_id.clone())
        .collect();
    assert_eq!(
        socket_ids,
        ["0.99", "1.99"],
        "authorised again for the new socket"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_tcp_connection_is_redialed() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|index, mut session| async move {
        session.established("3.3", 120).await;
        subscribe_all(&mut session, "3.3", 1, true).await;
        if index == 0 {
            drop(session); // no close frame: the TCP connection just ends
        } else {
            let channel = "private-v1.users.685";
            session
                .event(channel, "quickResponse", &body("quickResponse.destroy"))
                .await;
            session.serve_pings(true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .connect()
        .await
        .unwrap();
    let mut reconnected = false;
    loop {
        match next_kept(&mut client).await {
            Some(Ok(Update::Reconnected { .. })) => reconnected = true,
            Some(Ok(Update::Event { event, .. })) => {
                assert_eq!(event.kind(), EventKind::QuickResponse);
                break;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(reconnected);
    assert_eq!(server.connections(), 2);
    client.close().await;
}

/// A client whose first connection is closed with `code`; the servers stay up as long as
/// the tuple's middle does.
async fn close_with(
    code: u16,
) -> (
    Client,
    (ScriptedServer, AuthEndpoint),
    Arc<std::sync::Mutex<Vec<Instant>>>,
) {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let times = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&times);
    let server = ScriptedServer::start(move |index, mut session| {
        let times = Arc::clone(&seen);
        async move {
            times.lock().unwrap().push(Instant::now());
            session.established("4.4", 120).await;
            subscribe_all(&mut session, "4.4", 1, true).await;
            if index == 0 {
                let frame = CloseFrame {
                    code: CloseCode::from(code),
                    reason: "scripted".into(),
                };
                session.send_raw(Message::Close(Some(frame))).await;
            }
            session.serve_pings(true).await;
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .backoff(Duration::from_millis(100), Duration::from_millis(200))
        .connect()
        .await
        .unwrap();
    (client, (server, auth), times)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_code_4001_stops_the_client() {
    let (mut client, (server, _auth), _) = close_with(4001).await;
    let error = loop {
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { .. })) => {}
            Some(Err(error)) => break error,
            other => panic!("unexpected {other:?}"),
        }
    };
    assert!(
        matches!(&error, ClientError::Stopped { code: 4001, .. }),
        "{error:?}"
    );
    assert!(error.is_fatal());
    assert!(next(&mut client).await.is_none());
    assert_eq!(*client.state().borrow(), ConnectionState::Failed);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(server.connections(), 1, "no redial after 4001");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_codes_4100_4200_4201_reconnect_with_their_delays() {
    for (code, at_least, at_most) in [
        (4100, Duration::from_secs(1), Duration::from_millis(2500)),
        (4200, Duration::ZERO, Duration::from_millis(500)),
        (4201, Duration::ZERO, Duration::from_millis(500)),
    ] {
        let (mut client, (server, _auth), times) = close_with(code).await;
        loop {
            match next(&mut client).await {
                Some(Ok(Update::Reconnected { .. })) => break,
                Some(Ok(Update::Subscribed { .. })) => {}
                other => panic!("{code}: unexpected {other:?}"),
            }
        }
        let times = times.lock().unwrap().clone();
        let gap = times[1] - times[0];
        assert!(
            gap >= at_least && gap <= at_most,
            "{code}: redialed after {gap:?}"
        );
        assert_eq!(server.connections(), 2, "{code}");
        client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_failures_are_reported_per_channel_and_the_rest_works() {
    let auth = AuthEndpoint::start(|call| match call.channel.as_str() {
        "private-v1.licenses.1229.messengers.grWhatsApp" => AuthReply::Status(500),
        "private-v1.companies.2224" => AuthReply::Html,
        "private-v1.users.685" => AuthReply::Status(403),
        _ => AuthReply::Sign,
    })
    .await
    .unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("5.5", 120).await;
        let channels = subscribe_all(&mut session, "5.5", 1, false).await;
        assert_eq!(channels, ["private-v1.companies.2223.users.685"]);
        session
            .event(&channels[0], "message", &body("message"))
            .await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut builder = builder(addr, &auth_url);
    for channel in channels() {
        builder = builder.channel(channel);
    }
    let mut client = builder.connect().await.unwrap();
    let mut failures = Vec::new();
    loop {
        match next_kept(&mut client).await {
            Some(Err(ClientError::Subscription { channel, failure })) => {
                failures.push((channel, failure));
            }
            Some(Ok(Update::Event {
                source: channel,
                event,
                ..
            })) => {
                assert_eq!(
                    channel,
                    Channel::CompanyUser {
                        company_id: 2223,
                        user_id: 685
                    }
                );
                assert_eq!(event.kind(), EventKind::Message);
                break;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        failures
            .iter()
            .map(|(_, failure)| failure.clone())
            .collect::<Vec<_>>(),
        [
            SubscriptionFailure::AuthStatus { status: 500 },
            SubscriptionFailure::AuthBody,
            SubscriptionFailure::AuthStatus { status: 403 }
        ]
    );
    let shown = failures
        .iter()
        .fold(String::new(), |mut shown, (channel, failure)| {
            let _ = writeln!(shown, "{channel} {failure}");
            shown
        });
    assert!(!shown.contains(TOKEN));
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_401_403_or_redirect_calls_the_refresh_hook_once_and_retries() {
    for (status, new_token, expected_calls) in [
        (401, "fresh-token", 2),
        (401, "still-refused", 2),
        (403, "fresh-token", 2),
        (302, "fresh-token", 2),
        (302, "still-refused", 2),
    ] {
        let auth = AuthEndpoint::start(move |call| {
            if call.authorization.as_deref() == Some("fresh-token") {
                AuthReply::Sign
            } else {
                AuthReply::Status(status)
            }
        })
        .await
        .unwrap();
        let auth_url = auth.url().to_owned();
        let server = ScriptedServer::start(|_, mut session| async move {
            session.established("6.6", 120).await;
            subscribe_all(&mut session, "6.6", 1, true).await;
            session.serve_pings(true).await;
        })
        .await
        .unwrap();
        let addr = server.addr();
        let refreshes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&refreshes);
        let mut client = builder(addr, &auth_url)
            .channel(Channel::User { user_id: 685 })
            .token_refresh(move || {
                counter.fetch_add(1, Ordering::SeqCst);
                async move { Some(Secret::new(new_token)) }
            })
            .connect()
            .await
            .unwrap();
        let outcome = next(&mut client).await;
        if new_token == "fresh-token" {
            assert!(
                matches!(outcome, Some(Ok(Update::Subscribed { .. }))),
                "{outcome:?}"
            );
        } else {
            assert!(
                matches!(
                    outcome,
                    Some(Err(ClientError::Subscription {
                        failure: SubscriptionFailure::AuthStatus { status: got },
                        ..
                    })) if got == status
                ),
                "{status}: {outcome:?}"
            );
        }
        assert_eq!(
            refreshes.load(Ordering::SeqCst),
            1,
            "{status} {new_token}: one refresh"
        );
        let authorizations: Vec<Option<String>> = auth
            .calls()
            .iter()
            .map(|call| call.authorization.clone())
            .collect();
        assert_eq!(authorizations.len(), expected_calls);
        assert_eq!(authorizations[0].as_deref(), Some(TOKEN));
        assert_eq!(authorizations[1].as_deref(), Some(new_token));
        client.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_subscription_failures_in_each_dialect() {
    let auth = AuthEndpoint::start(|call| {
        if call.channel == "private-v1.companies.2224" {
            AuthReply::WrongSecret
        } else {
            AuthReply::Sign
        }
    })
    .await
    .unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("7.7", 120).await;
        // soketi: subscription_error with the channel and a status.
        let (channel, _) = session.subscribe().await.unwrap();
        session.send(serde_json::json!({ "event": "pusher:subscription_error", "channel": channel, "data": { "type": "AuthError", "error": "x", "status": 401 } })).await;
        // laravel-websockets and sockudo: pusher:error 4009, no channel.
        let (channel, auth) = session.subscribe().await.unwrap();
        assert!(!session.answer("7.7", &channel, &auth, false).await);
        // A server that never answers the third.
        let _ = session.subscribe().await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .channel(Channel::Company { company_id: 2224 })
        .channel(Channel::CompanyUser {
            company_id: 2223,
            user_id: 685,
        })
        .subscribe_timeout(Duration::from_secs(1))
        .connect()
        .await
        .unwrap();
    let mut failures = Vec::new();
    while failures.len() < 3 {
        match next(&mut client).await {
            Some(Err(ClientError::Subscription { channel, failure })) => {
                failures.push((channel.to_string(), failure));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        failures,
        [
            (
                "private-v1.companies.2223.users.685".to_owned(),
                SubscriptionFailure::Timeout
            ),
            (
                "private-v1.companies.2224".to_owned(),
                SubscriptionFailure::Unauthorized
            ),
            (
                "private-v1.users.685".to_owned(),
                SubscriptionFailure::SubscriptionError { status: Some(401) }
            ),
        ]
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_binary_and_undecodable_frames_are_reported_and_skipped() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("8.8", 120).await;
        let channels = subscribe_all(&mut session, "8.8", 1, true).await;
        let channel = channels[0].clone();
        session.send_raw(Message::text("garbage, not JSON")).await;
        session.send_raw(Message::binary(vec![1, 2, 3])).await;
        session
            .event(
                &channel,
                "chatRead",
                r#"{"data":[{"chat":{"id":{"bad":true}}}],"meta":{"type":"chatRead"}}"#,
            )
            .await;
        session
            .event(
                &channel,
                "chatPinned",
                r#"{"data":[{"chat":{"id":"1"}}],"meta":{"type":"chatPinned"}}"#,
            )
            .await;
        session
            .event(&channel, "chatArchive", &body("chatArchive"))
            .await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(
            "private-v1.licenses.1229.messengers.grWhatsApp"
                .parse()
                .unwrap(),
        )
        .connect()
        .await
        .unwrap();
    assert!(
        matches!(next_kept(&mut client).await, Some(Err(ClientError::Protocol { raw, .. })) if raw == b"garbage, not JSON")
    );
    assert!(
        matches!(next_kept(&mut client).await, Some(Err(ClientError::Protocol { raw, .. })) if raw == [1, 2, 3])
    );
    let Some(Err(ClientError::Decode { error, .. })) = next_kept(&mut client).await else {
        panic!("expected the decode error")
    };
    assert_eq!(
        (error.event(), error.path()),
        (Some("chatRead"), Some("data[0].chat.id"))
    );
    assert!(
        error
            .raw()
            .is_some_and(|raw| raw.starts_with(br#"{"data":[{"chat""#))
    );
    let Some(Ok(Update::Event { event, .. })) = next_kept(&mut client).await else {
        panic!()
    };
    assert!(event.is_unknown() && event.name() == "chatPinned");
    let Some(Ok(Update::Event { event, .. })) = next_kept(&mut client).await else {
        panic!()
    };
    assert_eq!(event.kind(), EventKind::ChatArchive);
    assert_eq!(
        server.connections(),
        1,
        "nothing of this ends the connection"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pusher_error_instead_of_the_handshake_follows_the_code_policy() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.send(serde_json::json!({ "event": "pusher:error", "data": { "code": 4001, "message": "App key app-key does not exist" } })).await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let error = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .connect()
        .await
        .expect_err("4001 refuses the first connection");
    let ClientError::Stopped { code: 4001, reason } = &error else {
        panic!("expected the stop, got {error}")
    };
    assert!(reason.contains("does not exist"));
    assert!(error.is_fatal());
    assert_eq!(server.connections(), 1, "no second dial");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_fails_connect_after_its_timeout_with_the_reason() {
    let addr: SocketAddr = format!("127.0.0.1:{}", crate::free_port()).parse().unwrap();
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let started = Instant::now();
    let error = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .backoff(Duration::from_millis(100), Duration::from_millis(200))
        .connect_timeout(Duration::from_millis(800))
        .connect()
        .await
        .expect_err("nothing listens");
    let ClientError::Connect { message, cause } = &error else {
        panic!("expected a connect error, got {error}")
    };
    assert!(message.contains("no connection within 800ms"), "{message}");
    // The dial's own error (connection refused) is kept as the cause.
    assert!(cause.is_some(), "{error:?}");
    assert!(std::error::Error::source(&error).is_some());
    assert!(
        !error.is_fatal(),
        "a connect error is not a stop of a running client"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "it retried"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_goes_away_makes_the_client_unavailable_while_it_keeps_trying() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    // The first connection works; then the server closes it with 1006-like drops forever.
    let server = ScriptedServer::start(|index, mut session| async move {
        if index == 0 {
            session.established("1.1", 30).await;
            let _ = session.subscribe().await;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // Drop the socket without a handshake.
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .backoff(Duration::from_millis(100), Duration::from_millis(200))
        .unavailable_after(Duration::from_millis(600))
        .connect()
        .await
        .unwrap();
    assert!(client.is_connected());
    let mut state = client.state();
    assert!(
        timeout(
            Duration::from_secs(10),
            state.wait_for(|state| *state == ConnectionState::Unavailable)
        )
        .await
        .is_ok()
    );
    // Meanwhile every failed attempt was reported, and it kept dialling.
    assert!(matches!(
        next_kept(&mut client).await,
        Some(Err(ClientError::Connect { .. }))
    ));
    assert!(server.connections() >= 3);
    client.close().await;
    assert_eq!(*client.state().borrow(), ConnectionState::Closed);
    assert!(!client.is_connected());
}

/// A `MakeWriter` into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Set in the child process that [`neither_the_token_nor_a_signature_reaches_logs_or_debug_output`]
/// runs itself in.
const LOG_CHILD: &str = "CHAT_EVENTS_LOG_CAPTURE_CHILD";

/// Runs its scenario in a child process of this test binary, alone.
///
/// `tracing` caches per call site whether anyone listens. A subscriber set while other tests
/// (threads of the same process) reach the client's call sites for the first time can miss
/// them: a call site registering concurrently keeps "nobody listens". So the scenario runs
/// in a process of its own, as the only test, with a global subscriber set before anything
/// logs.
#[test]
fn neither_the_token_nor_a_signature_reaches_logs_or_debug_output() {
    if std::env::var_os(LOG_CHILD).is_some() {
        let captured = Captured::default();
        let writer = captured.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .init();
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(secrets_stay_out_of_logs_and_debug(captured));
        return;
    }
    let name = "chatapp_client::neither_the_token_nor_a_signature_reaches_logs_or_debug_output";
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(LOG_CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the scenario failed in its own process:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("1 passed"),
        "the child did not run the scenario:\n{stdout}"
    );
}

async fn secrets_stay_out_of_logs_and_debug(captured: Captured) {
    // The first auth answer is 401, so the refresh path logs too.
    let auth = AuthEndpoint::start(|call| {
        if call.authorization.as_deref() == Some(TOKEN) {
            AuthReply::Status(401)
        } else {
            AuthReply::Sign
        }
    })
    .await
    .unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("3.3", 120).await;
        subscribe_all(&mut session, "3.3", 1, true).await;
        session
            .event(
                "private-v1.users.685",
                "messageStatus",
                &body("messageStatus"),
            )
            .await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .token_refresh(|| async { Some(Secret::new("refreshed-token-value".to_owned())) })
        .connect()
        .await
        .unwrap();
    let mut shown = format!("{client:?}");
    for _ in 0..2 {
        let update = next(&mut client).await;
        let _ = writeln!(shown, "{update:?}");
    }
    client.close().await;
    let signature = sign(APP_KEY, APP_SECRET, "3.3", "private-v1.users.685");
    let signature = signature.split_once(':').unwrap().1.to_owned();
    assert_eq!(auth.calls().len(), 2, "401, then the refreshed token");
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("chatapp client connected"), "{logs}");
    for (secret, what) in [
        (TOKEN, "the access token"),
        ("refreshed-token-value", "the refreshed token"),
        (signature.as_str(), "the channel signature"),
    ] {
        assert!(!logs.contains(secret), "{what} in the logs:\n{logs}");
        assert!(!shown.contains(secret), "{what} in Debug output:\n{shown}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meta_left_out_of_a_body_is_filled_from_the_channel() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let line = "private-v1.licenses.1229.messengers.grWhatsApp";
    // A `chatStatus` body without `meta`, and one whose `meta` names another line.
    let bare = r#"{"data":[{"type":"close","chat":{"id":"70000000000@c.us"}}]}"#;
    let own = r#"{"data":[{"type":"open","chat":{"id":"1@c.us"}}],"meta":{"licenseId":7,"messengerType":"telegram"}}"#;
    let server = ScriptedServer::start(move |_, mut session| async move {
        session.established("4.4", 120).await;
        subscribe_all(&mut session, "4.4", 2, false).await;
        session.event(line, "chatStatus", bare).await;
        session.event(line, "chatStatus", own).await;
        session
            .event("private-v1.companies.2224", "chatStatus", bare)
            .await;
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(line.parse().unwrap())
        .channel(Channel::Company { company_id: 2224 })
        .connect()
        .await
        .unwrap();
    let mut events = Vec::new();
    while events.len() < 3 {
        match next_kept(&mut client).await {
            Some(Ok(Update::Event { event, .. })) => events.push(event),
            other => panic!("unexpected {other:?}"),
        }
    }
    let id = |id: Option<&chatapp_events::Id>| id.map(|id| id.as_str().into_owned());
    let meta = events[0].meta().unwrap();
    assert_eq!(id(meta.license_id.get()).as_deref(), Some("1229"));
    assert_eq!(
        meta.messenger_type
            .get()
            .map(chatapp_events::MessengerType::as_str),
        Some("grWhatsApp")
    );
    assert!(meta.company_id.is_absent());
    assert_eq!(events[0].raw().get(), bare, "the raw body stays as sent");
    // What the body says wins over the channel.
    let meta = events[1].meta().unwrap();
    assert_eq!(id(meta.license_id.get()).as_deref(), Some("7"));
    assert_eq!(
        meta.messenger_type
            .get()
            .map(chatapp_events::MessengerType::as_str),
        Some("telegram")
    );
    // A company channel fills the company only.
    let meta = events[2].meta().unwrap();
    assert_eq!(id(meta.company_id.get()).as_deref(), Some("2224"));
    assert!(meta.license_id.is_absent());
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_is_a_stream_with_its_sources_and_state() {
    use futures_util::StreamExt;

    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("5.6", 30).await;
        let channels = subscribe_all(&mut session, "5.6", 2, true).await;
        for channel in &channels {
            session.event(channel, "chatRead", &body("chatRead")).await;
        }
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .channel(Channel::Company { company_id: 2224 })
        .connect()
        .await
        .unwrap();
    assert_eq!(
        client.sources(),
        [
            Channel::User { user_id: 685 },
            Channel::Company { company_id: 2224 }
        ]
    );
    assert!(client.is_connected());
    assert_eq!(*client.state().borrow(), ConnectionState::Connected);
    let before = std::time::SystemTime::now();
    let mut stream = client;
    let items: Vec<Update> = timeout(
        Duration::from_secs(10),
        stream
            .by_ref()
            .filter_map(|item| async move { item.ok() })
            .take(4)
            .collect(),
    )
    .await
    .unwrap();
    let subscribed: Vec<&Channel> = items
        .iter()
        .filter(|item| matches!(item, Update::Subscribed { .. }))
        .filter_map(Update::source)
        .collect();
    assert_eq!(subscribed.len(), 2);
    for item in &items {
        if let Update::Event {
            source,
            event,
            received_at,
        } = item
        {
            assert!(stream.sources().contains(source));
            assert_eq!(event.kind(), EventKind::ChatRead);
            assert!(*received_at >= before);
        }
    }
    assert_eq!(items.iter().filter_map(Update::event).count(), 2);
    stream.close().await;
    assert_eq!(*stream.state().borrow(), ConnectionState::Closed);
    assert!(stream.next().await.is_none(), "nothing after close");
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
async fn a_ping_flood_from_a_server_that_never_reads_keeps_memory_bounded() {
    let _turn = crate::MEMORY.lock().await;
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&sent);
    let server = ScriptedServer::start(move |index, mut session| {
        let counter = Arc::clone(&counter);
        async move {
            session.established("9.9", 120).await;
            if index > 0 {
                session.serve_pings(true).await;
                return;
            }
            // WebSocket pings and pusher:ping frames, as fast as the socket takes them, never
            // reading the answers: the client's answers pile up unless it bounds them.
            let payload = vec![7_u8; 100];
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(4) {
                let frame = if counter.load(Ordering::SeqCst).is_multiple_of(2) {
                    Message::Ping(payload.clone().into())
                } else {
                    Message::text(r#"{"event":"pusher:ping"}"#)
                };
                if timeout(Duration::from_secs(2), session.feed(frame))
                    .await
                    .map_or(true, |sent| sent.is_err())
                {
                    break;
                }
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    })
    .await
    .unwrap();
    let addr = server.addr();
    let before = rss();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .connect()
        .await
        .unwrap();
    // Drain whatever the client reports while the flood lasts.
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut peak = before;
    while Instant::now() < deadline {
        let _ = timeout(Duration::from_millis(200), client.next_event()).await;
        peak = peak.max(rss());
    }
    client.close().await;
    let grown = peak.saturating_sub(before);
    eprintln!(
        "flood: {} frames sent, {} connections, RSS grew {} MiB",
        sent.load(Ordering::SeqCst),
        server.connections(),
        grown >> 20
    );
    assert!(grown < 64 << 20, "memory grew by {} MiB", grown >> 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_always_says_reconnect_now_is_not_dialled_in_a_loop() {
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|_, mut session| async move {
        session.established("4.2", 120).await;
        session
            .send_raw(Message::Close(Some(CloseFrame {
                code: CloseCode::from(4200),
                reason: "restarting".into(),
            })))
            .await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .connect()
        .await
        .unwrap();
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(3) {
        let _ = timeout(Duration::from_millis(100), client.next_event()).await;
    }
    client.close().await;
    let dialled = server.connections();
    // Before: thousands of dials in 3 s (no delay, the failure count reset on each
    // connect). Now: a jittered minimum, then backoff while connections stay short.
    assert!(dialled >= 3, "it does come back: {dialled}");
    assert!(dialled <= 20, "dialled {dialled} times in 3 s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_over_the_limit_ends_the_connection_before_it_is_read() {
    let _turn = crate::MEMORY.lock().await;
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let server = ScriptedServer::start(|index, mut session| async move {
        session.established("7.7", 120).await;
        if index == 0 {
            // A 100 MB text frame: the client must refuse it from its header.
            let huge = format!(
                "{{\"event\":\"message\",\"channel\":\"private-v1.users.685\",\"data\":\"{}\"}}",
                "x".repeat(100 << 20)
            );
            session.send_raw(Message::text(huge)).await;
        }
        session.serve_pings(true).await;
    })
    .await
    .unwrap();
    let addr = server.addr();
    let before = rss();
    let mut client = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .max_message_size(1 << 20)
        .connect()
        .await
        .unwrap();
    let reconnected = timeout(Duration::from_secs(15), async {
        loop {
            if let Some(Ok(Update::Reconnected { .. })) = client.next_event().await {
                return;
            }
        }
    })
    .await;
    assert!(
        reconnected.is_ok(),
        "the client came back after the oversized frame"
    );
    assert!(server.connections() >= 2);
    client.close().await;
    // The test's own 100 MB string lives on the server side of this process; the client
    // must not have buffered a second copy.
    let grown = rss().saturating_sub(before);
    assert!(grown < 180 << 20, "memory grew by {} MiB", grown >> 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_accepts_tcp_but_never_handshakes_is_reported() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&accepted);
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            held.push(stream); // never answers the WebSocket upgrade
        }
    });
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let error = builder(addr, &auth_url)
        .channel(Channel::User { user_id: 685 })
        .handshake_timeout(Duration::from_millis(300))
        .connect_timeout(Duration::from_secs(2))
        .connect()
        .await
        .expect_err("no handshake, no client");
    let ClientError::Connect { message, .. } = &error else {
        panic!("{error}")
    };
    assert!(message.contains("did not open in time"), "{message}");
    let dials = accepted.load(Ordering::SeqCst);
    assert!(
        (2..=10).contains(&dials),
        "{dials} dials within the connect timeout"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_configuration_that_cannot_work_is_refused_before_dialling() {
    let refused = |builder: ClientBuilder| async move {
        match builder.connect().await {
            Err(ClientError::Config { message }) => message,
            Err(other) => panic!("expected a configuration error, got {other}"),
            Ok(_) => panic!("expected a configuration error, got a client"),
        }
    };
    // Nothing listens on port 9: a dial would be a Connect error, not a Config one.
    let no_channel = Client::builder("token")
        .host("127.0.0.1")
        .port(9)
        .tls(false);
    assert!(refused(no_channel).await.contains("no channel"));
    let bad_url = Client::builder("token")
        .host("127.0.0.1")
        .port(9)
        .auth_url("/broadcasting/auth")
        .channel(Channel::User { user_id: 1 });
    assert!(refused(bad_url).await.contains("auth URL"));
    let bad_host = Client::builder("token")
        .host("https://example.com")
        .channel(Channel::User { user_id: 1 });
    assert!(refused(bad_host).await.contains("host"));
}
