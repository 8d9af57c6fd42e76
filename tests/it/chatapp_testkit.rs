//! The ChatApp testkit's `PusherServer` against the real client: what a user's test does
//! with it (subscribe, push typed and raw events, refuse a channel, fail the connection in
//! each way) works, and the client sees each fault as it would from ChatApp.

use std::time::Duration;

use chat_events_core::SourceError;
use chatapp_events::{
    Channel, Event,
    client::{Client, ClientError, SubscriptionFailure, Update},
    testkit::PusherServer,
};

use crate::chatapp_client::{body, next};

const WAIT: Duration = Duration::from_secs(10);

fn line() -> Channel {
    "private-v1.licenses.1229.messengers.grWhatsApp"
        .parse()
        .unwrap()
}

/// The next event, skipping notices.
async fn next_event(client: &mut Client) -> chatapp_events::Decoded<Event> {
    loop {
        match next(client).await {
            Some(Ok(Update::Event { event, .. })) => return event,
            Some(Ok(_)) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivers_raw_and_typed_events_to_subscribed_channels() {
    let server = PusherServer::start().await.unwrap();
    let user = Channel::User { user_id: 685 };
    let mut client = server
        .client("token")
        .channel(line())
        .channel(user.clone())
        .connect()
        .await
        .unwrap();
    assert!(server.subscribed(&line(), WAIT).await);
    assert!(server.subscribed(&user, WAIT).await);
    assert_eq!(server.subscribers(&line().to_string()), 1);
    // The endpoint was asked for both private channels, with the access token.
    let calls = server.auth_calls();
    assert_eq!(calls.len(), 2);
    assert!(
        calls
            .iter()
            .all(|call| call.authorization.as_deref() == Some("token"))
    );
    assert!(
        !format!("{calls:?}").contains("token\""),
        "the token stays out of Debug"
    );

    assert_eq!(
        server.trigger(&line(), "messageStatus", &body("messageStatus")),
        1
    );
    let event = next_event(&mut client).await;
    assert!(matches!(event.event(), Event::MessageStatus(_)));
    assert_eq!(event.raw().get(), body("messageStatus").trim());

    // A typed value goes out as its JSON under its name, and comes back equal.
    let typed = Event::decode(body("chatTag").as_bytes())
        .unwrap()
        .into_event();
    assert_eq!(server.trigger_event(&user, &typed), 1);
    let event = next_event(&mut client).await;
    assert_eq!(event.event(), &typed);
    // Nobody is subscribed to this one.
    assert_eq!(
        server.trigger(&Channel::Company { company_id: 1 }, "chatTag", "{}"),
        0
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_channel_fails_alone() {
    let server = PusherServer::start().await.unwrap();
    let user = Channel::User { user_id: 685 };
    server.refuse(&user);
    let mut client = server
        .client("token")
        .channel(line())
        .channel(user.clone())
        .connect()
        .await
        .unwrap();
    let mut failed = None;
    let mut subscribed = None;
    while failed.is_none() || subscribed.is_none() {
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { source })) => subscribed = Some(source),
            Some(Err(ClientError::Subscription {
                channel: source,
                failure,
            })) => {
                failed = Some((source, failure));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(subscribed, Some(line()));
    assert_eq!(
        failed,
        Some((
            user.clone(),
            SubscriptionFailure::AuthStatus { status: 403 }
        ))
    );
    assert_eq!(server.subscribers(&user.to_string()), 0);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_codes_drops_and_pauses_make_the_client_reconnect_and_resubscribe() {
    let server = PusherServer::start().await.unwrap();
    let mut client = server
        .client("token")
        .channel(line())
        .backoff(Duration::from_millis(50), Duration::from_millis(100))
        .activity_timeout(Duration::from_millis(500))
        .pong_timeout(Duration::from_millis(500))
        .connect()
        .await
        .unwrap();
    assert!(server.subscribed(&line(), WAIT).await);
    let mut expected_connections = 1;
    for fault in ["close 4200", "drop", "pause"] {
        let hit = match fault {
            "close 4200" => server.close(4200, "reconnect"),
            "drop" => server.drop_connections(),
            _ => server.pause(Duration::from_secs(3)),
        };
        assert_eq!(hit, 1, "{fault}");
        expected_connections += 1;
        loop {
            match next(&mut client).await {
                Some(Ok(Update::Reconnected { .. })) => break,
                Some(Ok(_) | Err(ClientError::Connect { .. } | ClientError::Server { .. })) => {}
                other => panic!("{fault}: unexpected {other:?}"),
            }
        }
        // The client says when it is subscribed again: wait for that, not for
        // `server.subscribed`, which a paused connection still satisfies until it reads
        // again and finds the client gone.
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { source })) if source == line() => {}
            other => panic!("{fault}: unexpected {other:?}"),
        }
        assert!(server.subscribers(&line().to_string()) >= 1, "{fault}");
        assert!(server.connections() >= expected_connections, "{fault}");
        expected_connections = server.connections();
        // Events flow again on the new connection.
        assert!(server.trigger(&line(), "messageStatus", &body("messageStatus")) >= 1);
        assert!(matches!(
            next_event(&mut client).await.event(),
            Event::MessageStatus(_)
        ));
    }
    // As a Pusher server disabling the app: `pusher:error` 4001 (reported), then the close
    // with 4001, which stops the client for good.
    assert!(server.error(4001, "App disabled") >= 1);
    let next_error = async |client: &mut Client| loop {
        match next(client).await {
            Some(Err(error)) => break error,
            Some(Ok(_)) => {}
            None => panic!("ended without an error"),
        }
    };
    let reported = next_error(&mut client).await;
    assert!(
        matches!(
            &reported,
            ClientError::Server {
                code: Some(4001),
                ..
            }
        ) && !reported.is_fatal(),
        "{reported:?}"
    );
    assert!(server.close(4001, "App disabled") >= 1);
    let stopped = next_error(&mut client).await;
    assert!(
        matches!(&stopped, ClientError::Stopped { code: 4001, .. }) && stopped.is_fatal(),
        "{stopped:?}"
    );
    assert!(next(&mut client).await.is_none());
}
