//! A stranger's program on the packaged crates: each provider README's decode example, then a
//! round trip through each provider's testkit (the embedded corpus, the in-process peer, the
//! SDK's transport). Prints one line per step; any failure exits non-zero.

mod readme;

use std::{collections::BTreeMap, error::Error, time::Duration};

type Result<T = ()> = std::result::Result<T, Box<dyn Error>>;

#[tokio::main]
async fn main() -> Result {
    // Every step is bounded: a hang fails the run instead of stalling it.
    tokio::time::timeout(Duration::from_secs(300), run())
        .await
        .map_err(|_| "the stranger's program did not finish within 300 s")?
}

async fn run() -> Result {
    readme::chatapp()?;
    println!("chatapp-events: the README's decode example ran");
    readme::codechat()?;
    println!("codechat-events: the README's decode example ran");
    readme::onechat()?;
    println!("onechat-events: the README's decode example ran");

    // `EXPECTED_FIXTURES`: `corpus=count,…`, the counts of the repository's fixture folders.
    let expected: BTreeMap<String, usize> = std::env::var("EXPECTED_FIXTURES")?
        .split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(corpus, count)| Ok((corpus.to_owned(), count.parse()?)))
        .collect::<Result<_>>()?;
    let embedded = [
        ("chatapp", chatapp_events::testkit::fixtures().len()),
        ("codechat", codechat_events::testkit::fixtures().len()),
        ("onechat", onechat_events::testkit::fixtures().len()),
        ("onechat-webhook", onechat_events::testkit::webhook_fixtures().len()),
    ];
    for (corpus, count) in embedded {
        let wanted = expected.get(corpus).copied().unwrap_or_default();
        if count == 0 || count != wanted {
            return Err(format!("{corpus}: {count} fixtures embedded, the repository has {wanted}").into());
        }
        println!("{corpus}: {count} fixtures embedded, as many as the repository holds");
    }

    println!("codechat-events: {} fixtures posted and received", codechat().await?);
    println!("chatapp-events: {} events pushed and received", chatapp().await?);
    println!("onechat-events: {} broadcasts received", onechat().await?);
    Ok(())
}

/// Every known fixture posted to a receiver on a free loopback port, each received typed.
async fn codechat() -> Result<usize> {
    use codechat_events::{EventSource, receiver::Receiver, testkit};

    // Unrelated payloads of the corpus share message ids (the docs reuse them): with the
    // record of repeats on, a later one would be answered as a repeat and not delivered.
    let (server, mut receiver) = Receiver::builder()
        .repeat_window(Duration::ZERO)
        .serve(([127, 0, 0, 1], 0).into())
        .await?;
    let url = format!("http://{}/", server.local_addr());
    let mut received = 0;
    let mut decodable = 0;
    for fixture in testkit::fixtures() {
        let Ok(decoded) = fixture.decode::<codechat_events::Event>() else {
            continue; // fixtures that document refused input
        };
        decodable += 1;
        let answer = testkit::post(&url, fixture.json.clone()).await?;
        if answer.status != 200 {
            return Err(format!("{}: answered {}", fixture.path, answer.status).into());
        }
        let update = tokio::time::timeout(Duration::from_secs(10), receiver.next_event())
            .await?
            .ok_or("the receiver closed")??;
        let name = update.event().map(|event| event.name().to_owned());
        if name.as_deref() != Some(decoded.name()) {
            return Err(format!("{}: received {name:?}", fixture.path).into());
        }
        received += 1;
    }
    server.close().await?;
    if received == 0 || received != decodable {
        return Err(format!("{received} of {decodable} decodable fixtures received").into());
    }
    Ok(received)
}

/// One fixture of every known event pushed on a private channel of the testkit's Pusher
/// server, received in order by the SDK's client.
async fn chatapp() -> Result<usize> {
    use chatapp_events::{Channel, Event, EventKind, EventSource, client::Update, testkit};

    let server = testkit::PusherServer::start().await?;
    let channel: Channel = "private-v1.licenses.1229.messengers.grWhatsApp".parse()?;
    let mut client = server.client("token").channel(channel.clone()).connect().await?;
    if !server.subscribed(&channel, Duration::from_secs(10)).await {
        return Err("the client did not subscribe".into());
    }
    let names: Vec<&str> = EventKind::KNOWN.to_vec();
    for name in &names {
        let fixture = testkit::fixture(name).ok_or_else(|| format!("no fixture of {name}"))?;
        server.trigger(&channel, name, &fixture.body::<Event>());
    }
    let mut received = Vec::new();
    while received.len() < names.len() {
        let update = tokio::time::timeout(Duration::from_secs(10), client.next_event())
            .await?
            .ok_or("the client closed")??;
        if let Update::Event { event, .. } = update {
            received.push(event.name().to_owned());
        }
    }
    if received != names {
        return Err(format!("received {received:?}").into());
    }
    client.close().await;
    Ok(received.len())
}

/// The fixtures of account 1 broadcast by the testkit's Action Cable server to that account,
/// received in order by the SDK's client as an agent.
async fn onechat() -> Result<usize> {
    use onechat_events::{Event, EventSource, client::Update, testkit};

    let server = testkit::CableServer::start().await?;
    let mut client = server.agent("pubsub-token", 7, vec![1]).connect().await?;
    if !server.subscribed(Some(1), 1, Duration::from_secs(10)).await {
        return Err("the client did not subscribe".into());
    }
    let mut sent = Vec::new();
    for fixture in testkit::fixtures() {
        let Ok(decoded) = fixture.decode::<Event>() else { continue };
        if decoded.is_unknown() || !decoded.belongs_to(1) {
            continue;
        }
        server.broadcast_to_account(1, &fixture.body::<Event>());
        sent.push(decoded.name().to_owned());
    }
    let mut received = Vec::new();
    while received.len() < sent.len() {
        let update = tokio::time::timeout(Duration::from_secs(10), client.next_event())
            .await?
            .ok_or("the client closed")??;
        if let Update::Event { event, .. } = update {
            received.push(event.name().to_owned());
        }
    }
    if received != sent || sent.len() < 10 {
        return Err(format!("sent {sent:?}, received {received:?}").into());
    }
    client.close().await;
    Ok(received.len())
}
