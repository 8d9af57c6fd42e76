//! ChatApp's Pusher client against sockudo, a real Pusher protocol 7 server (the `sockudo`
//! crate from crates.io), started per test on 127.0.0.1 with a free port. Events are
//! published through sockudo's signed HTTP API (`POST /apps/{id}/events`, as Laravel's
//! broadcaster does); private channels are authorised by a local auth endpoint that signs
//! with the app secret.

use std::{
    process::{Command, Stdio},
    time::Duration,
};

use chat_events_tests::peers::Sockudo;
use chatapp_events::{
    Channel, ConnectionState, Event,
    client::{ClientError, SubscriptionFailure, Update},
    testkit::{APP_KEY, AuthEndpoint, AuthReply},
};

use crate::chatapp_client::{body, builder, channels, next};

/// The fixtures published in these tests: `(wire event name, fixture)`.
const EVENTS: [(&str, &str); 4] = [
    ("messageStatus", "messageStatus"),
    ("employeeStatus", "employeeStatus"),
    ("quickResponse", "quickResponse.bulk-destroy"),
    ("message", "message"),
];

/// Reads updates until every channel in `expected` is subscribed; panics on anything else.
async fn until_subscribed(client: &mut chatapp_events::client::Client, expected: &[Channel]) {
    let mut subscribed = Vec::new();
    while subscribed.len() < expected.len() {
        match next(client).await {
            Some(Ok(Update::Subscribed { source: channel })) => subscribed.push(channel),
            other => panic!("expected subscriptions, got {other:?}"),
        }
    }
    subscribed.sort_by_key(ToString::to_string);
    let mut expected = expected.to_vec();
    expected.sort_by_key(ToString::to_string);
    assert_eq!(subscribed, expected);
}

/// The next event, as `(channel, decoded)`; panics on anything else.
async fn next_event(
    client: &mut chatapp_events::client::Client,
) -> (Channel, chatapp_events::Decoded<Event>) {
    match next(client).await {
        Some(Ok(Update::Event {
            source: channel,
            event,
            ..
        })) => (channel, event),
        other => panic!("expected an event, got {other:?}"),
    }
}

/// Waits until the client's state satisfies `wanted`.
async fn until_state(
    client: &chatapp_events::client::Client,
    wanted: impl Fn(ConnectionState) -> bool,
    what: &str,
) {
    let mut state = client.state();
    tokio::time::timeout(
        Duration::from_secs(15),
        state.wait_for(|state| wanted(*state)),
    )
    .await
    .unwrap_or_else(|_| panic!("{what} within 15 s"))
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_events_arrive_on_all_four_channel_kinds() {
    let server = Sockudo::start();
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let mut client = channels()
        .into_iter()
        .fold(builder(server.addr(), &auth_url), |builder, channel| {
            builder.channel(channel)
        })
        .connect()
        .await
        .unwrap();
    until_subscribed(&mut client, &channels()).await;
    for (channel, (name, fixture)) in channels().iter().zip(EVENTS) {
        server.trigger(channel, name, &body(fixture)).await;
        let (got_channel, event) = next_event(&mut client).await;
        assert_eq!(&got_channel, channel);
        assert_eq!(event.event().name(), name, "{fixture}");
        let expected = Event::decode_named(name, body(fixture).as_bytes()).unwrap();
        assert_eq!(event, expected, "{fixture} through sockudo");
    }
    // An event the model does not know arrives whole.
    let channel = Channel::User { user_id: 685 };
    server
        .trigger(&channel, "invoiceCreated", r#"{"id":7,"sum":"12.50"}"#)
        .await;
    let (_, event) = next_event(&mut client).await;
    assert!(event.event().is_unknown());
    assert_eq!(event.event().name(), "invoiceCreated");
    assert_eq!(event.raw().get(), r#"{"id":7,"sum":"12.50"}"#);
    // Every channel was authorised once, for sockudo's socket id.
    let calls = auth.calls();
    assert_eq!(calls.len(), 4);
    assert!(
        calls
            .iter()
            .all(|call| call.socket_id == calls[0].socket_id)
    );
    assert!(calls[0].socket_id.contains('.'), "{}", calls[0].socket_id);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_server_means_new_authorisation_and_resubscription() {
    let mut server = Sockudo::start();
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let watched = [
        Channel::Company { company_id: 2224 },
        Channel::User { user_id: 685 },
    ];
    let mut client = builder(server.addr(), &auth_url)
        .channel(watched[0].clone())
        .channel(watched[1].clone())
        .connect()
        .await
        .unwrap();
    until_subscribed(&mut client, &watched).await;
    let first_socket = auth.calls()[0].socket_id.clone();

    let port = server.port();
    server.kill();
    until_state(
        &client,
        |state| state != ConnectionState::Connected,
        "the client notices the dead server",
    )
    .await;
    // Down for a second: with a 100–400 ms backoff the client dials (and is refused) meanwhile.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let server = Sockudo::start_on(port);
    let mut refused = 0;
    let downtime = loop {
        match next(&mut client).await {
            Some(Ok(Update::Reconnected { downtime })) => break downtime,
            // Dials while the server is down are refused, reported and retried.
            Some(Err(ClientError::Connect { message, .. })) => {
                assert!(message.contains("refused"), "{message}");
                refused += 1;
            }
            other => panic!("expected Reconnected, got {other:?}"),
        }
    };
    assert!(downtime > Duration::ZERO);
    assert!(
        refused >= 1,
        "the dead server was noticed by a refused dial"
    );
    until_subscribed(&mut client, &watched).await;
    let calls = auth.calls();
    assert_eq!(calls.len(), 4, "both channels authorised again");
    assert_ne!(calls[2].socket_id, first_socket, "for the new socket id");
    assert_eq!(calls[2].socket_id, calls[3].socket_id);

    server
        .trigger(&watched[1], "messageStatus", &body("messageStatus"))
        .await;
    let (channel, event) = next_event(&mut client).await;
    assert_eq!(channel, watched[1]);
    assert_eq!(event.event().name(), "messageStatus");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_signature_fails_that_channel_and_the_others_work() {
    let server = Sockudo::start();
    let refused = Channel::Company { company_id: 2224 };
    let refused_name = refused.to_string();
    let auth = AuthEndpoint::start(move |call| {
        if call.channel == refused_name {
            AuthReply::WrongSecret
        } else {
            AuthReply::Sign
        }
    })
    .await
    .unwrap();
    let auth_url = auth.url().to_owned();
    let good = [
        Channel::User { user_id: 685 },
        Channel::CompanyUser {
            company_id: 2223,
            user_id: 685,
        },
    ];
    let mut client = builder(server.addr(), &auth_url)
        .channel(good[0].clone())
        .channel(refused.clone())
        .channel(good[1].clone())
        .connect()
        .await
        .unwrap();
    let mut subscribed = Vec::new();
    let mut failed = Vec::new();
    while subscribed.len() + failed.len() < 3 {
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { source: channel })) => subscribed.push(channel),
            Some(Err(ClientError::Subscription { channel, failure })) => {
                failed.push((channel, failure));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        failed,
        [(refused.clone(), SubscriptionFailure::Unauthorized)]
    );
    assert_eq!(subscribed, good);
    // Nothing published on the refused channel reaches the client; the others do.
    server
        .trigger(&refused, "employeeStatus", &body("employeeStatus"))
        .await;
    server.trigger(&good[1], "message", &body("message")).await;
    let (channel, event) = next_event(&mut client).await;
    assert_eq!(channel, good[1]);
    assert_eq!(event.event().name(), "message");
    assert_eq!(*client.state().borrow(), ConnectionState::Connected);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frozen_server_is_detected_by_ping_and_left() {
    let server = Sockudo::start();
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let channel = Channel::User { user_id: 685 };
    let mut client = builder(server.addr(), &auth_url)
        .channel(channel.clone())
        .activity_timeout(Duration::from_secs(1))
        .pong_timeout(Duration::from_secs(1))
        .handshake_timeout(Duration::from_secs(2))
        .connect()
        .await
        .unwrap();
    until_subscribed(&mut client, std::slice::from_ref(&channel)).await;
    // Answered pings keep the connection over several activity timeouts.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(*client.state().borrow(), ConnectionState::Connected);
    assert_eq!(auth.calls().len(), 1, "no reconnect while answered");

    // SIGSTOP: the TCP connection stays open, nothing answers.
    server.signal("-STOP");
    until_state(
        &client,
        |state| state != ConnectionState::Connected,
        "an unanswered ping ends the connection",
    )
    .await;
    server.signal("-CONT");
    let reconnected = loop {
        match next(&mut client).await {
            Some(Ok(Update::Reconnected { downtime })) => break downtime,
            // Dial attempts while frozen time out; they are reported and retried.
            Some(Err(ClientError::Connect { .. })) => {}
            other => panic!("expected Reconnected, got {other:?}"),
        }
    };
    assert!(reconnected > Duration::ZERO);
    until_subscribed(&mut client, std::slice::from_ref(&channel)).await;
    server
        .trigger(&channel, "messageStatus", &body("messageStatus"))
        .await;
    let (_, event) = next_event(&mut client).await;
    assert_eq!(event.event().name(), "messageStatus");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_listen_example_prints_events_as_json_lines() {
    let server = Sockudo::start();
    let auth = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth_url = auth.url().to_owned();
    let example = crate::example("chatapp-events", "chatapp_listen");
    let channel = Channel::Company { company_id: 2224 };
    let mut child = Command::new(&example)
        .args(["--host", "127.0.0.1", "--port", &server.port().to_string()])
        .args(["--no-tls", "--app-key", APP_KEY, "--auth-url", &auth_url])
        .args(["--channel", &channel.to_string()])
        .env("CHATAPP_ACCESS_TOKEN", crate::chatapp_client::TOKEN)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut read_line = crate::json_lines(&mut child);
    let first = tokio::task::block_in_place(&mut read_line);
    assert_eq!(first["subscribed"], channel.to_string());
    server
        .trigger(&channel, "employeeStatus", &body("employeeStatus"))
        .await;
    let line = tokio::task::block_in_place(&mut read_line);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(line["channel"], channel.to_string());
    assert_eq!(line["event"], "employeeStatus");
    let expected: serde_json::Value = serde_json::from_str(&body("employeeStatus")).unwrap();
    assert_eq!(line["body"], expected);
    // The token went to the auth endpoint, from the environment.
    assert_eq!(
        auth.calls()[0].authorization.as_deref(),
        Some(crate::chatapp_client::TOKEN)
    );
}
