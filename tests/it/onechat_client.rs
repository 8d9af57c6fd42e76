//! The OneChat client against real Rails Action Cable (Debian's ruby-actioncable + puma).

use std::time::Duration;

use chat_events_tests::fixtures;
use onechat_events::{
    Event, EventKind, EventSource,
    client::{Client, ClientBuilder, ClientError, Delivery, Update},
};
use tokio::time::timeout;

use crate::rails_cable::Rails;

fn fast(builder: ClientBuilder) -> ClientBuilder {
    builder
        .confirm_timeout(Duration::from_secs(3))
        .stale_after(Duration::from_secs(2))
        .backoff(Duration::from_millis(400), Duration::from_secs(1))
        .presence_interval(Duration::from_secs(60))
}

async fn next(client: &mut Client) -> Result<Update, ClientError> {
    timeout(Duration::from_secs(20), client.next_event())
        .await
        .expect("an update within 20 s")
        .expect("the client is open")
}

/// The next event that is not a presence update (the server answers every
/// `update_presence` with one).
async fn next_event(client: &mut Client) -> Box<Delivery> {
    loop {
        match next(client).await {
            Ok(Update::Event(delivery)) if delivery.event.kind() != EventKind::PresenceUpdate => {
                return delivery;
            }
            Ok(_) => {}
            Err(error) => panic!("unexpected error: {error}"),
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
    assert_eq!(client.subscriptions().len(), 1);
    // The two presence updates of the subscription (on subscribe, on our update_presence).
    for _ in 0..2 {
        let Ok(Update::Event(presence)) = next(&mut client).await else {
            panic!("expected presence")
        };
        assert_eq!(presence.event.kind(), EventKind::PresenceUpdate);
    }
    let all = fixtures("onechat");
    for fixture in &all {
        let frame: serde_json::Value = serde_json::from_str(&fixture.json).unwrap();
        let message = frame["message"].to_string();
        tokio::task::block_in_place(|| rails.broadcast("tok_solo", &message));
        let expected = Event::decode(fixture.json.as_bytes()).unwrap();
        let delivery = loop {
            let Ok(Update::Event(delivery)) = next(&mut client).await else {
                panic!("{}: expected an event", fixture.id())
            };
            // Our own presence updates may interleave with presence fixtures: match on content.
            if delivery.event.event() == expected.event() {
                break delivery;
            }
            assert_eq!(
                delivery.event.kind(),
                EventKind::PresenceUpdate,
                "{}: got {}",
                fixture.id(),
                delivery.event.name()
            );
        };
        assert_eq!(
            delivery
                .subscription
                .account_id()
                .and_then(chat_events_core::Id::as_i64),
            Some(1)
        );
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
    assert!(client.subscriptions().is_empty());
    let Err(ClientError::ConfirmationTimeout {
        subscription,
        after,
    }) = next(&mut client).await
    else {
        panic!("expected a timeout")
    };
    assert_eq!(
        (
            subscription
                .account_id()
                .and_then(chat_events_core::Id::as_i64),
            after
        ),
        (Some(1), Duration::from_secs(2))
    );
    assert!(
        timeout(Duration::from_secs(5), client.next_event())
            .await
            .unwrap()
            .is_none()
    );

    // A user subscribed to an account it is not a member of: that one times out, the
    // other is confirmed and delivers.
    let mut client = fast(Client::agent(&rails.url(), "tok_agent", 7, [1, 3]))
        .confirm_timeout(Duration::from_secs(2))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.subscriptions().len(), 1);
    let mut timed_out = false;
    let mut presence = 0;
    while !(timed_out && presence >= 2) {
        match next(&mut client).await {
            Err(ClientError::ConfirmationTimeout { subscription, .. }) => {
                assert_eq!(
                    subscription
                        .account_id()
                        .and_then(chat_events_core::Id::as_i64),
                    Some(3)
                );
                timed_out = true;
            }
            Ok(Update::Event(delivery)) => {
                assert_eq!(delivery.event.kind(), EventKind::PresenceUpdate);
                presence += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_is_sent_after_confirmation_and_on_schedule() {
    let rails = tokio::task::block_in_place(Rails::start);
    let client = fast(Client::agent(&rails.url(), "tok_solo", 9, [1]))
        .presence_interval(Duration::from_millis(700))
        .connect()
        .await
        .unwrap();
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
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_solo",
            r#"{"event":"call.rejected","data":{"room_id":"before","account_id":1}}"#,
        );
    });
    assert_eq!(
        next_event(&mut client).await.event.kind(),
        EventKind::CallRejected
    );

    tokio::task::block_in_place(|| rails.kill());
    tokio::time::sleep(Duration::from_secs(3)).await;
    let rails = tokio::task::block_in_place(|| Rails::start_on(port));
    let downtime = loop {
        match next(&mut client).await {
            Ok(Update::Reconnected { downtime }) => break downtime,
            Ok(Update::Event(delivery)) => {
                assert_eq!(delivery.event.kind(), EventKind::PresenceUpdate);
            }
            other => panic!("unexpected {other:?}"),
        }
    };
    assert!(
        downtime >= Duration::from_secs(3) && downtime < Duration::from_secs(30),
        "{downtime:?}"
    );
    tokio::task::block_in_place(|| {
        rails.broadcast(
            "tok_solo",
            r#"{"event":"call.rejected","data":{"room_id":"after","account_id":1}}"#,
        );
    });
    let delivery = next_event(&mut client).await;
    let Event::CallRejected(rejected) = delivery.event.event() else {
        panic!()
    };
    assert_eq!(rejected.data.room_id, "after");
    // Presence went out again after the new confirmation.
    assert!(tokio::task::block_in_place(|| rails.presence_count("tok_solo")) >= 1);
    client.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_subscription_per_account_delivers_each_event_once() {
    let rails = tokio::task::block_in_place(Rails::start);
    let mut client = fast(Client::agent(&rails.url(), "tok_agent", 7, [1, 2]))
        .connect()
        .await
        .unwrap();
    assert_eq!(client.subscriptions().len(), 2);
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
        let delivery = next_event(&mut client).await;
        let room = match delivery.event.event() {
            Event::CallRejected(rejected) => rejected.data.room_id.clone(),
            _ => String::new(),
        };
        let account = delivery
            .subscription
            .account_id()
            .and_then(chat_events_core::Id::as_i64);
        seen.push((format!("{:?}", delivery.event.kind()), account, room));
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
    let subscription = client.subscriptions()[0].clone();
    assert!(subscription.account_id().is_none() && subscription.user_id().is_none());
    let Ok(Update::Event(delivery)) = next(&mut client).await else {
        panic!()
    };
    let Event::PresenceUpdate(presence) = delivery.event.event() else {
        panic!()
    };
    assert!(
        presence.data.contacts.is_absent(),
        "a contact's copy has no contacts"
    );
    client.close().await;
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
    let example = crate::example("onechat-events", "listen");
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
