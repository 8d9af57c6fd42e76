//! The OneChat testkit's `CableServer` against the real client: subscriptions confirmed per
//! account, broadcasts to an account or a token, presence counted, a refused token
//! rejected, and `disconnect`, dropped sockets and pauses seen as from Rails.

use std::time::Duration;

use onechat_events::{
    Event, EventKind,
    client::{Client, ClientError, Update},
    testkit::CableServer,
};

use chat_events_tests::fixtures;

use crate::onechat_fake_cable::next;

const WAIT: Duration = Duration::from_secs(10);

/// A documented broadcast (the `message` of a fixture data frame), for `account`.
fn broadcast(stem: &str, account: i64) -> String {
    let fixture = fixtures("onechat")
        .into_iter()
        .find(|fixture| fixture.stem == stem)
        .unwrap();
    let frame: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
    let mut message = frame.get("message").cloned().unwrap_or(frame);
    message["data"]["account_id"] = account.into();
    message.to_string()
}

/// The next event's kind, skipping notices.
async fn next_kind(client: &mut Client) -> EventKind {
    loop {
        match next(client).await {
            Some(Ok(Update::Event { event, .. })) => return event.kind(),
            Some(Ok(_)) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broadcasts_reach_the_subscriptions_they_name_and_presence_is_counted() {
    let server = CableServer::start().await.unwrap();
    let mut client = server
        .agent("tok", 7, vec![1, 2])
        .presence_interval(Duration::from_millis(200))
        .connect()
        .await
        .unwrap();
    assert!(server.subscribed(Some(1), 1, WAIT).await);
    assert!(server.subscribed(Some(2), 1, WAIT).await);
    assert_eq!(server.subscriptions(Some(3)), 0);

    assert_eq!(
        server.broadcast_to_account(2, &broadcast("conversation.typing_on", 2)),
        1
    );
    assert_eq!(
        next_kind(&mut client).await,
        EventKind::ConversationTypingOn
    );
    // To the token: every subscription of it gets a copy; the client delivers one.
    server.broadcast_to_token("tok", &broadcast("message.created", 1));
    assert_eq!(next_kind(&mut client).await, EventKind::MessageCreated);
    // A typed value goes out as its JSON.
    let typed = Event::decode(broadcast("conversation.typing_off", 1).as_bytes())
        .unwrap()
        .into_event();
    server.broadcast_event(1, &typed);
    assert_eq!(
        next_kind(&mut client).await,
        EventKind::ConversationTypingOff
    );

    // The client keeps its agents online: update_presence per account.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(server.presence("tok", Some(1)) >= 1);
    assert!(server.presence("tok", Some(2)) >= 1);
    assert_eq!(server.presence("other", Some(1)), 0);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_is_rejected() {
    let server = CableServer::start().await.unwrap();
    server.refuse("bad");
    let mut client = server.agent("bad", 7, vec![1]).connect().await.unwrap();
    let error = loop {
        match next(&mut client).await {
            Some(Err(error)) => break error,
            Some(Ok(_)) => {}
            None => panic!("ended without an error"),
        }
    };
    assert!(matches!(error, ClientError::Rejected { .. }), "{error:?}");
    assert_eq!(server.subscriptions(Some(1)), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disconnects_drops_and_pauses_are_seen_as_from_rails() {
    let server = CableServer::start_with_ping(Duration::from_millis(300))
        .await
        .unwrap();
    let mut client = server
        .agent("tok", 7, vec![1])
        .stale_after(Duration::from_millis(1200))
        .backoff(Duration::from_millis(50), Duration::from_millis(100))
        .connect()
        .await
        .unwrap();
    assert!(server.subscribed(Some(1), 1, WAIT).await);
    for fault in ["server_restart", "drop", "pause"] {
        let hit = match fault {
            "server_restart" => server.disconnect("server_restart", true),
            "drop" => server.drop_connections(),
            _ => server.pause(Duration::from_secs(3)),
        };
        assert_eq!(hit, 1, "{fault}");
        loop {
            match next(&mut client).await {
                Some(Ok(Update::Reconnected { .. })) => break,
                Some(Ok(_) | Err(ClientError::Connect { .. })) => {}
                other => panic!("{fault}: unexpected {other:?}"),
            }
        }
        match next(&mut client).await {
            Some(Ok(Update::Subscribed { .. })) => {}
            other => panic!("{fault}: unexpected {other:?}"),
        }
        server.broadcast_to_account(1, &broadcast("conversation.typing_on", 1));
        assert_eq!(
            next_kind(&mut client).await,
            EventKind::ConversationTypingOn,
            "{fault}"
        );
    }
    // `disconnect` without reconnect (Rails' `unauthorized`) stops the client for good.
    assert!(server.disconnect("unauthorized", false) >= 1);
    let error = loop {
        match next(&mut client).await {
            Some(Err(error)) => break error,
            Some(Ok(_)) => {}
            None => panic!("ended without an error"),
        }
    };
    assert!(
        matches!(&error, ClientError::Stopped { reason: Some(reason), .. } if reason == "unauthorized"),
        "{error:?}"
    );
    assert!(next(&mut client).await.is_none());
}
