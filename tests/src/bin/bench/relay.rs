//! Relay throughput into JetStream: [`chat_events_nats::Sink`] against raw `async-nats`
//! JetStream publishes of the same bytes to the same subjects (each awaiting its
//! acknowledgement), both with the same number of concurrent publishers, on one
//! `nats-server -js` started for the run. The sink's extra work is the headers, the content
//! id (a canonical re-serialization and a SHA-256) and the in-flight bound.

use std::{sync::Arc, time::Instant};

use chat_events_core::Decoded;
use chat_events_nats::{Relayed, Sink, StreamSettings};
use chat_events_tests::peers::Nats;

use crate::{Row, Scale};

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
                    let payload = bytes::Bytes::copy_from_slice(event.raw().get().as_bytes());
                    raw.publish(subject, payload)
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
        rates.push((ours, bare));
    }
    rates.sort_by(|a, b| (a.0 / a.1).total_cmp(&(b.0 / b.1)));
    let (ours, bare) = rates[rates.len() / 2];
    vec![Row {
        what: "relay into JetStream / raw async-nats publishes".into(),
        ratio: ours / bare,
        target: None,
        detail: format!(
            "{total} events, {tasks} publishers, median of {}: ours {ours:.0}/s, raw {bare:.0}/s",
            rates.len()
        ),
    }]
}
