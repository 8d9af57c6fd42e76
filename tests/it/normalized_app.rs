//! A tiny multi-provider app written against the normalized model only: a help-desk feed
//! that turns whatever source it is given into lines. The same code runs unchanged against
//! each provider's testkit server (ChatApp's `PusherServer`, OneChat's `CableServer`, a
//! CodeChat webhook receiver fed by `testkit::post`), and its feed must equal what the same
//! app makes of the same fixtures decoded locally, with the values the fixtures hold.

use std::time::Duration;

use chat_events_core::{
    Decoded, EventSource, Fixture, Update,
    normalized::{Direction, Normalize, NormalizedEvent},
};
use tokio::time::timeout;

const WAIT: Duration = Duration::from_secs(10);

/// The app: one line per normalized event. It names no provider type.
#[derive(Debug, Default, PartialEq, Eq)]
struct Feed {
    lines: Vec<String>,
}

impl Feed {
    fn record<E: Normalize>(&mut self, decoded: &Decoded<E>) {
        for normalized in decoded.normalize() {
            let line = match normalized.event() {
                NormalizedEvent::Message(message) => format!(
                    "{} {} message {} from {} in {}: {}{:?}",
                    normalized.provider(),
                    if message.direction == Direction::Incoming {
                        "incoming"
                    } else {
                        "outgoing"
                    },
                    message.id,
                    message
                        .sender
                        .as_ref()
                        .map_or("?", |sender| sender.name.as_deref().unwrap_or(&sender.id)),
                    message.conversation.id,
                    message.text.as_deref().unwrap_or(""),
                    message
                        .attachments
                        .iter()
                        .map(|attachment| attachment.kind)
                        .collect::<Vec<_>>(),
                ),
                NormalizedEvent::MessageStatus(status) => format!(
                    "{} message {} is {:?}",
                    normalized.provider(),
                    status.message_id,
                    status.status
                ),
                NormalizedEvent::Typing(typing) => format!(
                    "{} {:?} in {}",
                    normalized.provider(),
                    typing.state,
                    typing.conversation.id
                ),
                NormalizedEvent::Presence(presence) => format!(
                    "{} {} is {:?}",
                    normalized.provider(),
                    presence.participant.id,
                    presence.status
                ),
                other => format!(
                    "{} {} ({})",
                    normalized.provider(),
                    other.kind(),
                    normalized.source().name()
                ),
            };
            self.lines.push(line);
        }
    }

    /// Feeds the app `events` events from `source`, skipping notices.
    async fn follow<Src, S, E>(source: &mut Src, events: usize) -> Self
    where
        Src: EventSource<Item = Update<S, E>>,
        Src::Error: std::fmt::Debug,
        E: Normalize,
    {
        let mut feed = Self::default();
        let mut seen = 0;
        while seen < events {
            let item = timeout(WAIT, source.next_event())
                .await
                .expect("an update within 10 s")
                .expect("the source is open")
                .expect("no error");
            if let Some(decoded) = item.decoded() {
                feed.record(decoded);
                seen += 1;
            }
        }
        feed
    }

    /// What the app makes of `fixtures` decoded here.
    fn of<E: Normalize>(fixtures: &[Fixture]) -> Self {
        let mut feed = Self::default();
        for fixture in fixtures {
            feed.record(&fixture.decode::<E>().unwrap());
        }
        feed
    }
}

fn fixtures(found: impl Fn(&str) -> Option<Fixture>, names: &[&str]) -> Vec<Fixture> {
    names
        .iter()
        .map(|name| found(name).unwrap_or_else(|| panic!("no fixture of {name}")))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_app_runs_against_the_chatapp_testkit() {
    use chatapp_events::{Channel, Event, testkit};

    let fixtures = fixtures(testkit::fixture, &["message", "messageStatus"]);
    let server = testkit::PusherServer::start().await.unwrap();
    let line: Channel = "private-v1.licenses.1229.messengers.grWhatsApp"
        .parse()
        .unwrap();
    let mut client = server
        .client("token")
        .channel(line.clone())
        .connect()
        .await
        .unwrap();
    assert!(server.subscribed(&line, WAIT).await);
    for fixture in &fixtures {
        let event = fixture.decode::<Event>().unwrap();
        assert_eq!(
            server.trigger(&line, event.name(), &fixture.body::<Event>()),
            1
        );
    }
    let feed = Feed::follow(&mut client, fixtures.len()).await;
    assert_eq!(feed, Feed::of::<Event>(&fixtures));
    assert_eq!(
        feed.lines,
        [
            "chatapp incoming message 123 from Test Test in private-1480005234h1360003129730259258: Test[]",
            "chatapp message wamid.HBgQMzQzMjQ3OTYxNDkwMjAzNxUCABEYEkE5MDlBMTFERTBBQkVCQkMyRAA= is Failed",
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_app_runs_against_the_onechat_testkit() {
    use onechat_events::{Event, testkit};

    let fixtures = fixtures(
        testkit::fixture,
        &[
            "message.created",
            "conversation.typing_on",
            "conversation.status_changed",
        ],
    );
    let server = testkit::CableServer::start().await.unwrap();
    let mut client = server.agent("tok", 7, vec![1]).connect().await.unwrap();
    assert!(server.subscribed(Some(1), 1, WAIT).await);
    for fixture in &fixtures {
        assert_eq!(server.broadcast_to_account(1, &fixture.body::<Event>()), 1);
    }
    let feed = Feed::follow(&mut client, fixtures.len()).await;
    assert_eq!(feed, Feed::of::<Event>(&fixtures));
    assert_eq!(
        feed.lines,
        [
            "onechat incoming message 106 from white-shadow-394 in 7: hi[]",
            "onechat Typing in 7",
            "onechat conversation_status_changed (conversation.status_changed)",
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_app_runs_against_the_codechat_testkit() {
    use codechat_events::{Event, receiver::Receiver, testkit};

    let fixtures = fixtures(
        testkit::fixture,
        &["messages.upsert", "messages.update", "presence.update"],
    );
    let (server, mut receiver) = Receiver::builder()
        .serve("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let url = format!("http://{}/", server.local_addr());
    for fixture in &fixtures {
        let answer = testkit::post(&url, fixture.json.clone()).await.unwrap();
        assert_eq!(answer.status, 200, "{}", fixture.path);
    }
    let feed = Feed::follow(&mut receiver, fixtures.len()).await;
    assert_eq!(feed, Feed::of::<Event>(&fixtures));
    assert_eq!(
        feed.lines,
        [
            "codechat incoming message 3EB0C7 from Maria in 5531911112222@s.whatsapp.net: Bom dia![]",
            "codechat message 3A8B7F4631EA2A840895 is Delivered",
            "codechat 5531911112222@s.whatsapp.net is Offline",
        ]
    );
    server.close().await.unwrap();
}
