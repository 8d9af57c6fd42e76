//! The OneChat client against real Rails Action Cable (Debian's ruby-actioncable + puma).

use std::time::Duration;

use chat_events_core::{ConnectionState, Decoded, Id, SourceError};
use chat_events_tests::fixtures;
use onechat_events::{
    Event, EventKind, EventSource, Identifier,
    client::{Client, ClientBuilder, ClientError, Update},
};
use tokio::time::timeout;

use chat_events_tests::peers::Rails;

fn fast(builder: ClientBuilder) -> ClientBuilder {
    builder
        .confirm_timeout(Duration::from_secs(3))
        // Rails pings every 3 s: two missed pings.
        .stale_after(Duration::from_secs(7))
        .backoff(Duration::from_millis(400), Duration::from_secs(1))
        .presence_interval(Duration::from_secs(60))
}

async fn next(client: &mut Client) -> Result<Update, ClientError> {
    timeout(Duration::from_secs(20), client.next_event())
        .await
        .expect("an update within 20 s")
        .expect("the client is open")
}

fn account(source: &Identifier) -> Option<i64> {
    source.account_id().and_then(Id::as_i64)
}

/// The next event that is not a presence update (the server answers every
/// `update_presence` with one), with its subscription's account. Skips `Subscribed`.
async fn next_event(client: &mut Client) -> (Option<i64>, Decoded<Event>) {
    loop {
        match next(client).await {
            Ok(Update::Event { source, event, .. })
                if event.kind() != EventKind::PresenceUpdate =>
            {
                return (account(&source), event);
            }
            Ok(Update::Event { .. } | Update::Subscribed { .. }) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

/// Reads until `accounts` are all subscribed (skipping presence updates); a broadcast
/// reaches a subscription only once the server has confirmed it.
async fn until_subscribed(client: &mut Client, accounts: &[Option<i64>]) {
    let mut waiting = accounts.to_vec();
    while !waiting.is_empty() {
        match next(client).await {
            Ok(Update::Subscribed { source }) => {
                let subscribed = account(&source);
                assert!(waiting.contains(&subscribed), "{subscribed:?} again");
                waiting.retain(|account| *account != subscribed);
            }
            Ok(Update::Event { event, .. }) if event.kind() == EventKind::PresenceUpdate => {}
            other => panic!("unexpected {other:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_broadcast_arrives_decoded_and_equal() {
    let rails = tokio::task::block_in_place(Rails::start);
    let mut client = fast(Client::agent(&rails.url(), "tok_solo", 9, [1]))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.sources().len(), 1);
    assert_eq!(*client.state().borrow(), ConnectionState::Connected);
    // Confirmed first, then the presence update that answers our update_presence (the one
    // the server broadcasts from `subscribed` may come before its stream is set up, or
    // not at all; more presence updates are skipped below).
    let (mut subscribed, mut presence) = (0, 0);
    while (subscribed, presence) != (1, 1) {
        match next(&mut client).await {
            Ok(Update::Subscribed { source }) => {
                assert_eq!(presence, 0, "Subscribed comes first");
                assert_eq!(account(&source), Some(1));
                subscribed += 1;
            }
            Ok(Update::Event { event, .. }) => {
                assert_eq!(event.kind(), EventKind::PresenceUpdate);
                presence += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let all = fixtures("onechat");
    for fixture in &all {
        let frame: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        // A data frame's broadcast, or a bare broadcast (the upstream dashboard specs).
        let message = frame.get("message").unwrap_or(&frame).to_string();
        let sent_at = std::time::SystemTime::now();
        tokio::task::block_in_place(|| rails.broadcast("tok_solo", &message));
        let expected = Event::decode(fixture.json.as_bytes()).unwrap();
        // An unknown event keeps the JSON it came in, here the server's frame: match on its
        // name.
        let arrived = |event: &Decoded<Event>| {
            if expected.is_unknown() {
                event.is_unknown() && event.name() == expected.name()
            } else {
                event.event() == expected.event()
            }
        };
        let (source, received_at) = loop {
            let Ok(Update::Event {
                source,
                event,
                received_at,
            }) = next(&mut client).await
            else {
                panic!("{}: expected an event", fixture.id())
            };
            // Our own presence updates may interleave with presence fixtures: match on content.
            if arrived(&event) {
                break (source, received_at);
            }
            assert_eq!(
                event.kind(),
                EventKind::PresenceUpdate,
                "{}: got {}",
                fixture.id(),
                event.name()
            );
        };
        assert_eq!(account(&source), Some(1));
        assert!(received_at >= sent_at, "{}", fixture.id());
    }
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_token_gets_the_confirmation_timeout_and_other_accounts_keep_working() {
    let rails = tokio::task::block_in_place(Rails::start);
    // Unknown token: no confirmation, no rejection; the timeout says so, then the client ends.
    let mut client = fast(Client::agent(&rails.url(), "tok_wrong", 7, [1]))
        .confirm_timeout(Duration::from_secs(2))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.sources().len(), 1);
    let Err(ClientError::ConfirmationTimeout {
        identifier: source,
        after,
    }) = next(&mut client).await
    else {
        panic!("expected a timeout")
    };
    assert_eq!((account(&source), after), (Some(1), Duration::from_secs(2)));
    // Nothing is left to listen to: the client stops, then ends.
    let Err(error @ ClientError::Stopped { .. }) = next(&mut client).await else {
        panic!("expected the stop")
    };
    assert!(error.is_fatal());
    assert!(
        timeout(Duration::from_secs(5), client.next_event())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(*client.state().borrow(), ConnectionState::Failed);

    // A user subscribed to an account it is not a member of: that one times out, the
    // other is confirmed and delivers.
    let mut client = fast(Client::agent(&rails.url(), "tok_agent", 7, [1, 3]))
        .confirm_timeout(Duration::from_secs(2))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.sources().len(), 2, "both were asked for");
    let (mut timed_out, mut subscribed, mut presence) = (false, false, 0);
    while !(timed_out && subscribed && presence >= 1) {
        match next(&mut client).await {
            Err(ClientError::ConfirmationTimeout {
                identifier: source, ..
            }) => {
                assert_eq!(account(&source), Some(3));
                timed_out = true;
            }
            Ok(Update::Subscribed { source }) => {
                assert_eq!(account(&source), Some(1));
                subscribed = true;
            }
            Ok(Update::Event { event, .. }) => {
                assert_eq!(event.kind(), EventKind::PresenceUpdate);
                presence += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(client.is_connected());
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_is_sent_after_confirmation_and_on_schedule() {
    let rails = tokio::task::block_in_place(Rails::start);
    let mut client = fast(Client::agent(&rails.url(), "tok_solo", 9, [1]))
        .presence_interval(Duration::from_millis(700))
        .connect()
        .await
        .unwrap();
    until_subscribed(&mut client, &[Some(1)]).await;
    tokio::time::sleep(Duration::from_millis(2450)).await;
    // One right after the confirmation, then at 0.7, 1.4 and 2.1 s.
    let count = tokio::task::block_in_place(|| rails.presence_count("tok_solo"));
    assert!((4..=5).contains(&count), "update_presence calls: {count}");
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_and_restarted_server_gives_reconnected_and_events_flow_again() {
    let mut rails = tokio::task::block_in_place(Rails::start);
    let port = rails.port;
    let mut client = fast(Client::agent(&rails.url(), "tok_solo", 9, [1]))
        .connect()
        .await
        .unwrap();
    until_subscribed(&mut client, &[Some(1)]).await;
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_solo",
            r#"{"event":"call.rejected","data":{"room_id":"before","account_id":1}}"#,
        );
    });
    assert_eq!(
        next_event(&mut client).await.1.kind(),
        EventKind::CallRejected
    );

    tokio::task::block_in_place(|| rails.kill());
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rails = tokio::task::block_in_place(|| Rails::start_on(port));
    let downtime = loop {
        match next(&mut client).await {
            Ok(Update::Reconnected { downtime }) => break downtime,
            Ok(Update::Event { event, .. }) => {
                assert_eq!(event.kind(), EventKind::PresenceUpdate);
            }
            // Redials while the server is down are reported, and are not fatal.
            Err(error @ ClientError::Connect { .. }) => assert!(!error.is_fatal()),
            other => panic!("unexpected {other:?}"),
        }
    };
    assert!(
        downtime >= Duration::from_secs(3) && downtime < Duration::from_secs(30),
        "{downtime:?}"
    );
    // Confirmed again on the new server before anything reaches the subscription.
    until_subscribed(&mut client, &[Some(1)]).await;
    assert!(client.is_connected());
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_solo",
            r#"{"event":"call.rejected","data":{"room_id":"after","account_id":1}}"#,
        );
    });
    let (_, event) = next_event(&mut client).await;
    let Event::CallRejected(rejected) = event.event() else {
        panic!()
    };
    assert_eq!(rejected.data.room_id, "after");
    // Presence went out again after the new confirmation (Rails handles the command on
    // its own worker: wait for it rather than race it).
    let mut presence = 0;
    for _ in 0..100 {
        presence = tokio::task::block_in_place(|| rails.presence_count("tok_solo"));
        if presence >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        presence >= 1,
        "no presence within 10 s of the new confirmation"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_subscription_per_account_delivers_each_event_once() {
    let rails = tokio::task::block_in_place(Rails::start);
    let mut client = fast(Client::agent(&rails.url(), "tok_agent", 7, [1, 2]))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.sources().len(), 2);
    until_subscribed(&mut client, &[Some(1), Some(2)]).await;
    // The token stream reaches both subscriptions; the account stream only its own.
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_agent",
            r#"{"event":"call.rejected","data":{"room_id":"for-2","account_id":2}}"#,
        );
        rails.broadcast("account_1", r#"{"event":"contact.deleted","data":{"id":415,"name":"x","type":"contact","account_id":1}}"#);
        rails.broadcast(
            "tok_agent",
            r#"{"event":"call.rejected","data":{"room_id":"last","account_id":1}}"#,
        );
    });
    // The two streams are separate subscriptions: their relative order is not fixed.
    let mut seen = Vec::new();
    for _ in 0..3 {
        let (account, event) = next_event(&mut client).await;
        let room = match event.event() {
            Event::CallRejected(rejected) => rejected.data.room_id.clone(),
            _ => String::new(),
        };
        seen.push((format!("{:?}", event.kind()), account, room));
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            ("CallRejected".to_owned(), Some(1), "last".to_owned()),
            ("CallRejected".to_owned(), Some(2), "for-2".to_owned()),
            ("ContactDeleted".to_owned(), Some(1), String::new()),
        ],
        "each event once, on its account's subscription"
    );
    // No copy of the token-stream events follows on the other subscription.
    assert!(
        timeout(Duration::from_secs(1), next_event(&mut client))
            .await
            .is_err(),
        "a duplicate arrived"
    );
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_subscribes_without_account_and_user() {
    let rails = tokio::task::block_in_place(Rails::start);
    let mut client = fast(Client::contact(&rails.url(), "tok_contact"))
        .connect()
        .await
        .unwrap();
    let source = client.sources()[0].clone();
    assert!(source.account_id().is_none() && source.user_id().is_none());
    let presence = loop {
        match next(&mut client).await {
            Ok(Update::Subscribed { source: subscribed }) => assert_eq!(subscribed, source),
            Ok(Update::Event { event, .. }) => break event,
            other => panic!("unexpected {other:?}"),
        }
    };
    let Event::PresenceUpdate(presence) = presence.event() else {
        panic!()
    };
    assert!(
        presence.data.contacts.is_absent(),
        "a contact's copy has no contacts"
    );
    client.close().await;
    assert_eq!(*client.state().borrow(), ConnectionState::Closed);
    // After close the client ends.
    while timeout(Duration::from_secs(5), client.next_event())
        .await
        .unwrap()
        .is_some()
    {}
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_listen_example_prints_events_as_json_lines() {
    use std::process::{Command, Stdio};
    let rails = tokio::task::block_in_place(Rails::start);
    let example = crate::example("onechat-events", "onechat_listen");
    let mut child = Command::new(&example)
        .args([
            "--url",
            &rails.url(),
            "--user-id",
            "9",
            "--account",
            "1",
            "--presence-secs",
            "60",
        ])
        .env("ONECHAT_PUBSUB_TOKEN", "tok_solo")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut read_line = crate::json_lines(&mut child);
    let first = tokio::task::block_in_place(&mut read_line);
    assert_eq!(first["event"], "presence.update");
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_solo",
            r#"{"event":"call.rejected","data":{"room_id":"example","account_id":1}}"#,
        );
    });
    let line = loop {
        let line = tokio::task::block_in_place(&mut read_line);
        if line["event"] != "presence.update" {
            break line;
        }
    };
    assert_eq!(
        (
            line["event"].as_str(),
            line["account"].as_i64(),
            line["account_id"].as_i64()
        ),
        (Some("call.rejected"), Some(1), Some(1))
    );
    assert_eq!(line["body"]["data"]["room_id"], "example");
    assert_eq!(
        line["body"],
        serde_json::json!({"event":"call.rejected","data":{"room_id":"example","account_id":1}})
    );
    assert!(
        Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let status = tokio::task::block_in_place(|| child.wait().unwrap());
    assert!(status.success(), "{status}");
}
