//! Events relayed into NATS JetStream (`chat-events-nats`) against a real `nats-server -js`
//! started per test on 127.0.0.1 (Debian's package): byte-for-byte bodies with their subjects
//! and headers, one copy per event from two relays, nothing lost across a server restart,
//! redelivery of what a consumer did not acknowledge.

use std::time::{Duration, SystemTime};

use chat_events_core::{EventSource, Update};
use chat_events_nats::{Relayed, Sink, Source, StoreFirst, StreamSettings, headers};
use chat_events_tests::{fixtures, peers::Nats};
use codechat_events::receiver::Receiver;
use tokio::time::timeout;

/// Reads `count` messages from the stream with a fresh ephemeral consumer.
async fn stored(nats: &Nats, count: usize) -> Vec<async_nats::jetstream::Message> {
    nats.stored(count, Duration::from_millis(1)).await.0
}

async fn stream_count(nats: &Nats) -> u64 {
    let client = async_nats::connect(nats.url()).await.unwrap();
    let context = async_nats::jetstream::new(client);
    let mut stream = context.get_stream("CHAT_EVENTS").await.unwrap();
    stream.info().await.unwrap().state.messages
}

fn header(message: &async_nats::jetstream::Message, name: &str) -> String {
    message
        .headers
        .as_ref()
        .unwrap()
        .get(name)
        .unwrap()
        .as_str()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_codechat_fixture_from_the_receiver_is_stored_byte_for_byte() {
    let nats = tokio::task::block_in_place(Nats::start);
    let sink = Sink::connect(&nats.url(), &StreamSettings::default())
        .await
        .unwrap();
    // Unrelated payloads of the corpus share message ids: no record of repeats here.
    let (server, mut receiver) = Receiver::builder()
        .path("/hook")
        .repeat_window(Duration::ZERO)
        .serve("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = format!("http://{}/hook", server.local_addr());
    let http = chat_events_tests::peers::http_client();
    let mut relayed = Vec::new();
    for fixture in fixtures("codechat") {
        let response = http
            .post(&url)
            .header("content-type", "application/json")
            .body(fixture.json.clone())
            .send()
            .await
            .unwrap();
        if response.status() != 200 {
            continue; // refused bodies are the receiver's tests' business
        }
        let Some(Ok(Update::Event {
            source,
            event,
            received_at,
        })) = timeout(Duration::from_secs(10), receiver.next_event())
            .await
            .unwrap()
        else {
            panic!("an event for {}", fixture.id());
        };
        let stored = sink
            .publish(Relayed::of("codechat", &source.path, &event, received_at))
            .await
            .unwrap();
        assert!(!stored.duplicate, "{}", fixture.id());
        relayed.push((
            event.name().to_owned(),
            event.raw().get().to_owned(),
            !event.is_unknown(),
        ));
    }
    assert!(relayed.len() > 150, "{} relayed", relayed.len());
    let messages = stored(&nats, relayed.len()).await;
    for ((name, raw, known), message) in relayed.iter().zip(&messages) {
        assert_eq!(message.payload.as_ref(), raw.as_bytes(), "{name}");
        assert_eq!(
            message.subject.as_str(),
            chat_events_nats::subject("chat-events", "codechat", name)
        );
        assert_eq!(header(message, headers::PROVIDER), "codechat");
        assert_eq!(header(message, headers::EVENT), *name);
        assert_eq!(header(message, headers::SOURCE), "/hook");
        assert_eq!(header(message, headers::KNOWN), known.to_string());
        assert!(header(message, headers::RECEIVED_AT).ends_with('Z'));
        assert_eq!(
            header(message, headers::MSG_ID),
            chat_events_nats::message_id("codechat", "/hook", raw)
        );
    }
    server.close().await.unwrap();
}

fn events() -> Vec<chat_events_core::Decoded<codechat_events::Event>> {
    fixtures("codechat")
        .iter()
        .take(20)
        .map(|fixture| codechat_events::Event::decode(fixture.json.as_bytes()).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_relays_of_the_same_events_store_each_once() {
    let nats = tokio::task::block_in_place(Nats::start);
    let settings = StreamSettings::default();
    let first = Sink::connect(&nats.url(), &settings).await.unwrap();
    let second = Sink::connect(&nats.url(), &settings).await.unwrap();
    let events = events();
    let at = SystemTime::now();
    let mut duplicates = 0;
    for event in &events {
        // Both relays see the same event on the same source (a little apart in time).
        let a = first
            .publish(Relayed::of("codechat", "/hook", event, at))
            .await
            .unwrap();
        let b = second
            .publish(Relayed::of(
                "codechat",
                "/hook",
                event,
                at + Duration::from_millis(3),
            ))
            .await
            .unwrap();
        assert!(!a.duplicate);
        assert!(b.duplicate);
        assert_eq!(a.sequence, b.sequence);
        duplicates += 1;
    }
    assert_eq!(duplicates, events.len());
    assert_eq!(stream_count(&nats).await, events.len() as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_server_loses_nothing_the_sink_was_given() {
    let mut nats = tokio::task::block_in_place(Nats::start);
    let sink = Sink::connect(&nats.url(), &StreamSettings::default())
        .await
        .unwrap()
        .retries(40, Duration::from_millis(100))
        // Attempts time out while the server is down, so events are stored by retries.
        .ack_timeout(Duration::from_millis(500));
    let events = events();
    let (before, after) = events.split_at(10);
    for event in before {
        sink.publish(Relayed::of("codechat", "/hook", event, SystemTime::now()))
            .await
            .unwrap();
    }
    tokio::task::block_in_place(|| nats.kill());
    let publishing = {
        let sink = sink.clone();
        let after: Vec<_> = after.to_vec();
        tokio::spawn(async move {
            let mut stored = 0;
            for event in &after {
                sink.publish(Relayed::of("codechat", "/hook", event, SystemTime::now()))
                    .await
                    .unwrap();
                stored += 1;
            }
            stored
        })
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        !publishing.is_finished(),
        "nothing can be stored while the server is down"
    );
    tokio::task::block_in_place(|| nats.restart());
    let published = timeout(Duration::from_secs(30), publishing)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(published, after.len());
    assert_eq!(stream_count(&nats).await, events.len() as u64);
    // Those stored by a retry (the first of `after` at least) carry every header, as a
    // first attempt's do: a retry builds them again.
    let messages = stored(&nats, events.len()).await;
    for (event, message) in events.iter().zip(&messages) {
        let raw = event.raw().get();
        assert_eq!(message.payload.as_ref(), raw.as_bytes());
        assert_eq!(header(message, headers::PROVIDER), "codechat");
        assert_eq!(header(message, headers::EVENT), event.name());
        assert_eq!(header(message, headers::SOURCE), "/hook");
        assert!(header(message, headers::RECEIVED_AT).ends_with('Z'));
        assert_eq!(
            header(message, headers::MSG_ID),
            chat_events_nats::message_id("codechat", "/hook", raw)
        );
    }
    // And a sink that cannot store says so instead of dropping the event.
    tokio::task::block_in_place(|| nats.kill());
    let error = sink
        .clone()
        .retries(2, Duration::from_millis(50))
        .publish(Relayed::of(
            "codechat",
            "/hook",
            &events[0],
            SystemTime::now(),
        ))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("not stored"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_consumer_that_did_not_acknowledge_gets_the_event_again() {
    let nats = tokio::task::block_in_place(Nats::start);
    let settings = StreamSettings::default();
    let sink = Sink::connect(&nats.url(), &settings).await.unwrap();
    let events = events();
    for event in &events[..3] {
        sink.publish(Relayed::of("codechat", "/hook", event, SystemTime::now()))
            .await
            .unwrap();
    }
    let client = async_nats::connect(nats.url()).await.unwrap();
    let context = async_nats::jetstream::new(client);
    let mut source =
        Source::<codechat_events::Event>::bind(&context, &settings, "svc", Duration::from_secs(1))
            .await
            .unwrap();
    let mut names = Vec::new();
    for (index, relayed) in events[..3].iter().enumerate() {
        let delivered = timeout(Duration::from_secs(10), source.next_event())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        assert_eq!(delivered.provider, "codechat");
        assert_eq!(delivered.source, "/hook");
        assert_eq!(
            &delivered.event, relayed,
            "typed and equal to the relayed event"
        );
        names.push(delivered.event.name().to_owned());
        // The consumer "crashes" before handling the third one.
        if index < 2 {
            delivered.ack().await.unwrap();
        }
    }
    drop(source);
    let mut source =
        Source::<codechat_events::Event>::bind(&context, &settings, "svc", Duration::from_secs(1))
            .await
            .unwrap();
    let again = timeout(Duration::from_secs(10), source.next_event())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(again.event.name(), names[2]);
    assert_eq!(again.event, events[2]);
    again.ack().await.unwrap();
    assert!(
        timeout(Duration::from_secs(2), source.next_event())
            .await
            .is_err(),
        "acknowledged events are not delivered again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_receiver_answers_503_while_it_cannot_store_and_200_once_stored() {
    let mut nats = tokio::task::block_in_place(Nats::start);
    let sink = Sink::connect(&nats.url(), &StreamSettings::default())
        .await
        .unwrap()
        .retries(2, Duration::from_millis(50));
    let (server, mut receiver) = Receiver::builder()
        .path("/hook")
        .persist(StoreFirst::new(sink))
        .serve("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = format!("http://{}/hook", server.local_addr());
    let http = chat_events_tests::peers::http_client();
    let bodies: Vec<String> = fixtures("codechat")
        .iter()
        .take(3)
        .map(|fixture| fixture.json.clone())
        .collect();
    let post = |body: String| {
        http.post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    assert_eq!(post(bodies[0].clone()).await.unwrap().status(), 200);
    tokio::task::block_in_place(|| nats.kill());
    let refused = post(bodies[1].clone()).await.unwrap();
    assert_eq!(refused.status(), 503);
    assert_eq!(refused.headers()["retry-after"], "1");
    tokio::task::block_in_place(|| nats.restart());
    // The sender retries: stored this time.
    let mut status = 0;
    for _ in 0..50 {
        status = post(bodies[1].clone()).await.unwrap().status().as_u16();
        if status == 200 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(status, 200);
    assert_eq!(post(bodies[2].clone()).await.unwrap().status(), 200);
    // Every 200 is in the log, once; the refused attempt is not.
    assert_eq!(stream_count(&nats).await, 3);
    // And the consumer of the receiver got exactly the three answered 200.
    let mut delivered = 0;
    while let Ok(Some(item)) = timeout(Duration::from_millis(500), receiver.next_event()).await {
        assert!(item.is_ok());
        delivered += 1;
    }
    assert_eq!(delivered, 3);
    server.close().await.unwrap();
}
