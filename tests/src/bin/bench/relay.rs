//! Relay throughput into JetStream: [`chat_events_nats::Sink`] against raw `async-nats`
//! JetStream publishes of the same bytes to the same subjects (each awaiting its
//! acknowledgement), both with the same number of concurrent publishers, on one
//! `nats-server -js` started for the run. The sink's extra work is the headers, the content
//! id (a canonical re-serialization and a SHA-256) and the in-flight bound.
//!
//! A third run splits the gap: raw publishes that carry the very headers the sink writes
//! (a distinct `Nats-Msg-Id` each, built before the clock starts). What it loses against
//! the plain raw publishes is the server's work for the headers and the de-duplication
//! (parsing, storing, tracking the ids: on this machine the same two cores as the client);
//! what the sink loses against it is the client's work.

use std::{sync::Arc, time::Instant};

use async_nats::HeaderMap;
use chat_events_core::Decoded;
use chat_events_nats::{Relayed, Sink, StreamSettings, headers};
use chat_events_tests::peers::Nats;

use crate::{Row, Scale, Target};

/// Runs the relay part.
pub(crate) async fn run(scale: Scale) -> Vec<Row> {
    let nats = tokio::task::block_in_place(Nats::start);
    let events: Vec<Decoded<codechat_events::Event>> = chat_events_tests::fixtures("codechat")
        .iter()
        .filter_map(|fixture| codechat_events::Event::decode(fixture.json.as_bytes()).ok())
        .collect();
    let events = Arc::new(events);
    let total: usize = scale.pick(20_000, 200);
    let tasks: usize = 32;
    let settings = StreamSettings::default();
    let sink = Sink::connect(&nats.url(), &settings)
        .await
        .expect("the sink connects");
    let client = async_nats::connect(nats.url()).await.expect("nats");
    let raw = async_nats::jetstream::new(client);

    // (ours, raw with the sink's headers, raw) per round.
    let mut rates = Vec::new();
    for round in 0..scale.pick(3, 1) {
        // Ours: each event under a distinct source so that none is a duplicate.
        let started = Instant::now();
        let mut handles = Vec::new();
        for task in 0..tasks {
            let (sink, events) = (sink.clone(), Arc::clone(&events));
            handles.push(tokio::spawn(async move {
                for n in (task..total).step_by(tasks) {
                    let event = &events[n % events.len()];
                    let source = format!("/bench/{round}/{n}");
                    sink.publish(Relayed::of(
                        "codechat",
                        &source,
                        event,
                        std::time::SystemTime::now(),
                    ))
                    .await
                    .expect("stored");
                }
            }));
        }
        for handle in handles {
            handle.await.expect("a publisher");
        }
        let ours = total as f64 / started.elapsed().as_secs_f64();

        // Raw with the sink's headers, every publish built before the clock starts.
        let mut prepared: Vec<Vec<_>> = (0..tasks)
            .map(|task| {
                (task..total)
                    .step_by(tasks)
                    .map(|n| {
                        let event = &events[n % events.len()];
                        let source = format!("/bench/headers/{round}/{n}");
                        let subject =
                            chat_events_nats::subject("chat-events", "codechat", event.name());
                        (subject, sink_headers(event, &source), raw_bytes(event))
                    })
                    .collect()
            })
            .collect();
        let started = Instant::now();
        let mut handles = Vec::new();
        for publishes in prepared.drain(..) {
            let raw = raw.clone();
            handles.push(tokio::spawn(async move {
                for (subject, headers, payload) in publishes {
                    let ack = raw
                        .publish_with_headers(subject, headers, payload)
                        .await
                        .expect("sent")
                        .await
                        .expect("stored");
                    assert!(!ack.duplicate, "every message id is distinct");
                }
            }));
        }
        for handle in handles {
            handle.await.expect("a publisher");
        }
        let with_headers = total as f64 / started.elapsed().as_secs_f64();

        // Raw: the same bytes to the same subjects, acknowledgements awaited.
        let started = Instant::now();
        let mut handles = Vec::new();
        for task in 0..tasks {
            let (raw, events) = (raw.clone(), Arc::clone(&events));
            handles.push(tokio::spawn(async move {
                for n in (task..total).step_by(tasks) {
                    let event = &events[n % events.len()];
                    let subject =
                        chat_events_nats::subject("chat-events", "codechat", event.name());
                    raw.publish(subject, raw_bytes(event))
                        .await
                        .expect("sent")
                        .await
                        .expect("stored");
                }
            }));
        }
        for handle in handles {
            handle.await.expect("a publisher");
        }
        let bare = total as f64 / started.elapsed().as_secs_f64();
        rates.push((ours, with_headers, bare));
    }
    rows(total, tasks, &rates)
}

/// The rows from each round's (ours, raw with the sink's headers, raw) rates: each ratio
/// is the median round's for that ratio.
fn rows(total: usize, tasks: usize, rates: &[(f64, f64, f64)]) -> Vec<Row> {
    let median = |ratio: &dyn Fn(&(f64, f64, f64)) -> f64| {
        let mut rates = rates.to_vec();
        rates.sort_by(|a, b| ratio(a).total_cmp(&ratio(b)));
        rates[rates.len() / 2]
    };
    let (ours, _, bare) = median(&|rate| rate.0 / rate.2);
    let (_, with_headers, bare_too) = median(&|rate| rate.1 / rate.2);
    let (ours_too, with_headers_too, _) = median(&|rate| rate.0 / rate.1);
    let rounds = rates.len();
    vec![
        Row {
            what: "relay into JetStream / raw async-nats publishes".into(),
            ratio: ours / bare,
            target: Some(Target::AtLeast(0.8)),
            detail: format!(
                "{total} events, {tasks} publishers, median of {rounds}: ours {ours:.0}/s, raw {bare:.0}/s"
            ),
        },
        Row {
            what: "relay: raw publishes with the sink's headers / raw (server's share)".into(),
            ratio: with_headers / bare_too,
            target: None,
            detail: format!(
                "median of {rounds}: {with_headers:.0}/s with headers and distinct Nats-Msg-Id, {bare_too:.0}/s without"
            ),
        },
        Row {
            what: "relay into JetStream / raw publishes with its headers (client's share)".into(),
            ratio: ours_too / with_headers_too,
            target: None,
            detail: format!(
                "median of {rounds}: ours {ours_too:.0}/s, raw with the same headers {with_headers_too:.0}/s"
            ),
        },
    ]
}

/// The event's JSON as the message body.
fn raw_bytes(event: &Decoded<codechat_events::Event>) -> bytes::Bytes {
    bytes::Bytes::copy_from_slice(event.raw().get().as_bytes())
}

/// The headers [`Sink::publish`] writes for `event` from `source`.
fn sink_headers(event: &Decoded<codechat_events::Event>, source: &str) -> HeaderMap {
    let raw = event.raw().get();
    let mut map = HeaderMap::new();
    map.insert(headers::PROVIDER, "codechat");
    map.insert(headers::EVENT, event.name());
    map.insert(headers::SOURCE, source);
    // The sink writes the time of receipt; its length is what the server sees.
    map.insert(headers::RECEIVED_AT, "2026-12-07T20:45:57.123Z");
    map.insert(
        headers::KNOWN,
        if event.is_unknown() { "false" } else { "true" },
    );
    map.insert(
        headers::MSG_ID,
        chat_events_nats::message_id("codechat", source, raw).as_str(),
    );
    map
}
