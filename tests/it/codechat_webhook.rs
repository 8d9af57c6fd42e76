//! The CodeChat webhook receiver over real HTTP on 127.0.0.1.

use std::{
    collections::HashSet,
    net::SocketAddr,
    time::{Duration, SystemTime},
};

use chat_events_tests::fixtures;
use codechat_events::{
    Decoded, Event, EventSource, SourceError,
    receiver::{Receiver, ReceiverBuilder, ReceiverError, Request, Server, Update},
};
use futures_util::StreamExt;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
    time::timeout,
};

const LOCAL: &str = "127.0.0.1:0";

async fn start(builder: ReceiverBuilder) -> (Server, Receiver, String) {
    let (server, receiver) = builder.serve(LOCAL.parse().unwrap()).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    (server, receiver, base)
}

async fn next(receiver: &mut Receiver) -> Result<Update, ReceiverError> {
    timeout(Duration::from_secs(10), receiver.next_event())
        .await
        .expect("an item within 10 s")
        .expect("the receiver is open")
}

/// Request headers, as a test case lists them.
type Headers = &'static [(&'static str, &'static str)];

/// Awaits `future`, for at most 10 s.
async fn within<F: Future>(future: F) -> F::Output {
    timeout(Duration::from_secs(10), future)
        .await
        .expect("done within 10 s")
}

/// The event of an update (the receiver yields nothing else).
fn event(update: &Update) -> &Decoded<Event> {
    update.decoded().expect("the receiver yields events only")
}

/// The request an update came in.
fn source_of(update: &Update) -> &Request {
    update.source().expect("an event has a source")
}

/// POSTs `body` as CodeChat does, through the testkit: the status and the body (JSON when
/// it is).
async fn post(url: &str, body: impl Into<Vec<u8>>) -> (u16, serde_json::Value) {
    let answer = codechat_events::testkit::post(url, body).await.unwrap();
    let json = answer
        .json()
        .unwrap_or_else(|| serde_json::Value::String(answer.body.clone()));
    (answer.status, json)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_is_delivered_decoded_and_equal() {
    // Unrelated payloads of the corpus share message ids (the docs reuse them): the record of
    // repeats is off here, and tested in `webhook_receivers`.
    let (server, mut receiver, base) = start(
        Receiver::builder()
            .path("/hooks/codechat")
            .repeat_window(Duration::ZERO),
    )
    .await;
    let client = crate::http_client();
    let all = fixtures("codechat");
    for fixture in &all {
        let response = client
            .post(format!("{base}/hooks/codechat"))
            .header("content-type", "application/json; charset=utf-8")
            .header("Resource-Owner", "5531988887777@s.whatsapp.net")
            .body(fixture.json.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{}", fixture.id());
        let answer: serde_json::Value = response.json().await.unwrap();
        let update = next(&mut receiver)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.id()));
        let expected = Event::decode(fixture.json.as_bytes()).unwrap();
        assert_eq!(event(&update).event(), expected.event(), "{}", fixture.id());
        // The raw JSON is the value as sent; whitespace around it (upstream files cut from an
        // indented array start with spaces) is not part of it.
        assert_eq!(
            event(&update).raw().get(),
            fixture.json.trim(),
            "{}",
            fixture.id()
        );
        let source = source_of(&update);
        assert_eq!(
            (source.path.as_str(), source.owner.as_deref()),
            ("/hooks/codechat", Some("5531988887777@s.whatsapp.net")),
            "{}",
            fixture.id()
        );
        // A message's events name their delivery: instance (or owner), event, message id.
        if let Some(delivery) = &source.delivery {
            assert!(
                delivery.contains(&format!("/{}/", expected.name())),
                "{}: {delivery}",
                fixture.id()
            );
        } else {
            assert!(
                !matches!(
                    expected.event(),
                    Event::MessagesUpsert(p) | Event::SendMessage(p)
                        if p.data.get().and_then(codechat_events::objects::WebhookMessage::message_id).is_some()
                ),
                "{}: a message with an id has a delivery id",
                fixture.id()
            );
        }
        assert_eq!(answer["event"], expected.name(), "{}", fixture.id());
        // Known, except the upstream file UNKNOWN.md lists (an event no server sends).
        assert_eq!(answer["known"], !expected.is_unknown(), "{}", fixture.id());
    }
    server.close().await.unwrap();
    assert!(
        timeout(Duration::from_secs(5), receiver.next_event())
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_its_status_and_a_json_error() {
    let (server, mut receiver, base) = start(Receiver::builder().body_limit(1024)).await;
    let url = format!("{base}/");
    let client = crate::http_client();

    let (status, body) = post(&url, r#"{"event": "messages.upsert", "data": "#).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    assert_eq!(
        (body["line"].as_u64(), body["column"].as_u64()),
        (Some(1), Some(37))
    );
    let (status, body) = post(&url, vec![0xff_u8, 0xfe, 0x00]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    let (status, body) = post(&url, "").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    let (status, body) = post(&url, r#"{"data":{}}"#).await;
    assert_eq!(
        (status, body["error"].as_str(), body["path"].as_str()),
        (400, Some("missing_event_name"), Some("event"))
    );

    let response = client
        .post(&url)
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    let response = client.post(&url).body("{}").send().await.unwrap();
    assert_eq!(response.status(), 415, "no content type");

    let big = format!(
        r#"{{"event":"chats.delete","data":["{}"]}}"#,
        "x".repeat(2000)
    );
    let (status, body) = post(&url, big.clone()).await;
    assert_eq!(
        (status, body["error"].as_str(), body["limit"].as_u64()),
        (413, Some("payload_too_large"), Some(1024))
    );
    // Without a Content-Length (chunked), the limit holds while reading.
    let mut request = b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    for chunk in big.as_bytes().chunks(100) {
        request.extend(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend(chunk);
        request.extend(b"\r\n");
    }
    request.extend(b"0\r\n\r\n");
    let answer = raw_http(server.local_addr(), &request).await;
    assert!(
        answer.starts_with("HTTP/1.1 413"),
        "chunked body over the limit: {answer}"
    );

    let response = client.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "POST");

    // An unknown event is accepted and delivered as Unknown.
    let (status, body) = post(&url, r#"{"event":"typebot.start","data":{"x":1}}"#).await;
    assert_eq!((status, body["known"].as_bool()), (200, Some(false)));
    let update = next(&mut receiver).await.unwrap();
    assert_eq!(event(&update).kind().as_str(), "typebot.start");
    assert!(!event(&update).kind().is_known());

    // A known event with a broken body: 422 with the path, reported with the raw body.
    let broken = r#"{"event":"call.upsert","data":{"id":"A1","isVideo":"+55 31 9 1111"}}"#;
    let (status, body) = post(&url, broken).await;
    assert_eq!(
        (status, body["error"].as_str(), body["path"].as_str()),
        (422, Some("invalid_event"), Some("data.isVideo"))
    );
    assert!(
        !body.to_string().contains("+55 31"),
        "the error body must not quote the payload: {body}"
    );
    let refused = next(&mut receiver).await.unwrap_err();
    assert_eq!(refused.raw(), broken.as_bytes());
    assert!(!refused.is_fatal());
    let ReceiverError::Decode {
        request: source,
        error,
        ..
    } = &refused
    else {
        panic!("not a decode error: {refused:?}")
    };
    assert_eq!(error.event(), Some("call.upsert"));
    assert_eq!(source, &Request::new("/", None));
    for shown in [refused.to_string(), format!("{refused:?}")] {
        assert!(!shown.contains("+55 31"), "no payload contents: {shown}");
        assert!(shown.contains("call.upsert"), "{shown}");
    }

    server.close().await.unwrap();
    assert!(
        receiver.next_event().await.is_none(),
        "nothing else was accepted"
    );
}

/// Sends raw bytes over one HTTP/1.1 connection and returns the whole answer as text.
async fn raw_http(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

fn upsert(id: usize) -> String {
    format!(
        r#"{{"event":"messages.upsert","instance":"sales-01","data":{{"keyId":"id-{id}","keyFromMe":false,"messageType":"conversation","content":{{"text":"n{id}"}},"messageTimestamp":1718791402}}}}"#
    )
}

fn key_id(update: &Update) -> String {
    let Event::MessagesUpsert(upsert) = event(update).event() else {
        panic!("not an upsert")
    };
    upsert
        .data
        .get()
        .and_then(codechat_events::objects::WebhookMessage::id)
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_secret_is_checked_where_it_is_configured() {
    let client = crate::http_client();
    let body = upsert(1);

    let (server, mut receiver, base) = start(
        Receiver::builder()
            .path("/hook")
            .secret_header("apikey", "s3cr3t"),
    )
    .await;
    for (value, status) in [
        (None, 401),
        (Some("s3cr3"), 401),
        (Some("s3cr3t!"), 401),
        (Some("S3CR3T"), 401),
        (Some("s3cr3t"), 200),
    ] {
        let mut request = client
            .post(format!("{base}/hook"))
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(value) = value {
            request = request.header("apikey", value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), status, "{value:?}");
    }
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-1");
    server.close().await.unwrap();

    let (server, mut receiver, base) = start(
        Receiver::builder()
            .path("/hook")
            .secret_query("token", "a b&c"),
    )
    .await;
    assert_eq!(post(&format!("{base}/hook"), body.clone()).await.0, 401);
    assert_eq!(
        post(&format!("{base}/hook?token=a+b"), body.clone())
            .await
            .0,
        401
    );
    assert_eq!(
        post(
            &format!("{base}/hook?owner=x&token=a%20b%26c"),
            body.clone()
        )
        .await
        .0,
        200
    );
    let update = next(&mut receiver).await.unwrap();
    assert_eq!(
        source_of(&update),
        &Request::new("/hook", Some("x".to_owned())),
        "owner from the query, the secret in no field"
    );
    server.close().await.unwrap();

    let (server, mut receiver, base) =
        start(Receiver::builder().path("/hook").secret_path("p4th")).await;
    assert_eq!(
        post(&format!("{base}/hook"), body.clone()).await.0,
        404,
        "no route without the segment"
    );
    assert_eq!(
        post(&format!("{base}/hook/wrong"), body.clone()).await.0,
        401
    );
    assert_eq!(
        post(&format!("{base}/hook/p4th"), body.clone()).await.0,
        200
    );
    let update = next(&mut receiver).await.unwrap();
    assert_eq!(key_id(&update), "id-1");
    assert_eq!(
        source_of(&update).path,
        "/hook",
        "the path without the secret segment"
    );
    server.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_answers_503_and_accepts_nothing() {
    let (server, mut receiver, base) = start(Receiver::builder().queue_capacity(2)).await;
    let client = crate::http_client();
    let url = format!("{base}/");
    assert_eq!(post(&url, upsert(1)).await.0, 200);
    assert_eq!(post(&url, upsert(2)).await.0, 200);
    let response = client
        .post(&url)
        .header("content-type", "application/json")
        .body(upsert(3))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "queue_full");
    // The consumer catches up; the sender retries.
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-1");
    assert_eq!(post(&url, upsert(3)).await.0, 200);
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-2");
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-3");
    server.close().await.unwrap();
    assert!(receiver.next_event().await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_posts_are_delivered_exactly_once() {
    const POSTS: usize = 1000;
    let (server, mut receiver, base) = start(Receiver::builder()).await;
    let consumer = tokio::spawn(async move {
        let mut seen = Vec::with_capacity(POSTS);
        while seen.len() < POSTS {
            seen.push(key_id(&next(&mut receiver).await.unwrap()));
        }
        (seen, receiver)
    });
    let url = format!("{base}/");
    let posts: Vec<_> = (0..POSTS)
        .map(|id| {
            let url = url.clone();
            tokio::spawn(async move { post(&url, upsert(id)).await.0 })
        })
        .collect();
    for post in posts {
        assert_eq!(post.await.unwrap(), 200);
    }
    let (seen, mut receiver) = timeout(Duration::from_secs(30), consumer)
        .await
        .unwrap()
        .unwrap();
    let unique: HashSet<&String> = seen.iter().collect();
    assert_eq!(
        (seen.len(), unique.len()),
        (POSTS, POSTS),
        "each event once"
    );
    assert!((0..POSTS).all(|id| unique.contains(&format!("id-{id}"))));
    server.close().await.unwrap();
    assert!(
        receiver.next_event().await.is_none(),
        "no duplicate after the last"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_finishes_requests_in_flight_and_keeps_what_was_accepted() {
    let (server, mut receiver, base) = start(Receiver::builder()).await;
    let addr = server.local_addr();
    for id in 0..5 {
        assert_eq!(post(&format!("{base}/"), upsert(id)).await.0, 200);
    }
    // A request whose body is still arriving when the shutdown starts.
    let body = upsert(5);
    let (head, tail) = body.as_bytes().split_at(body.len() / 2);
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    stream.write_all(head).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let closing = tokio::spawn(server.close());
    tokio::time::sleep(Duration::from_millis(200)).await;
    stream.write_all(tail).await.unwrap();
    let mut answer = Vec::new();
    timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    timeout(Duration::from_secs(10), closing)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    // New connections are refused now.
    assert!(TcpStream::connect(addr).await.is_err());
    let mut ids = Vec::new();
    while let Some(item) = timeout(Duration::from_secs(5), receiver.next_event())
        .await
        .unwrap()
    {
        ids.push(key_id(&item.unwrap()));
    }
    assert_eq!(ids, (0..6).map(|id| format!("id-{id}")).collect::<Vec<_>>());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_router_mounts_in_a_users_app() {
    let (webhooks, mut receiver) = Receiver::builder()
        .path("/codechat")
        .router()
        .expect("a valid configuration");
    let app = axum::Router::new()
        .nest("/webhooks", webhooks)
        .route("/health", axum::routing::get(|| async { "ok" }));
    let listener = tokio::net::TcpListener::bind(LOCAL).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let client = crate::http_client();
    assert_eq!(
        client
            .get(format!("http://{addr}/health"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ok"
    );
    let response = client
        .post(format!("http://{addr}/webhooks/codechat"))
        .header("content-type", "application/json")
        .header("x-owner", "5531988887777@s.whatsapp.net")
        .body(upsert(7))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let update = next(&mut receiver).await.unwrap();
    assert_eq!(key_id(&update), "id-7");
    assert_eq!(
        source_of(&update),
        &Request::new(
            "/webhooks/codechat",
            Some("5531988887777@s.whatsapp.net".to_owned())
        ),
        "the path includes the prefix the router is nested under"
    );
    server.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_source_names_the_owner_wherever_it_is_sent_and_the_path_without_the_secret() {
    const SECRET: &str = "s3cr3t-segment";
    let (server, mut receiver, base) = start(
        Receiver::builder()
            .path("/hooks/codechat")
            .secret_path(SECRET),
    )
    .await;
    let client = crate::http_client();
    let url = format!("{base}/hooks/codechat/{SECRET}");
    let owner = |owner: &str| Some(owner.to_owned());
    // (headers, query, the owner it names): v1.3's header, v1.2.7's, the older query; the
    // headers win over the query, `Resource-Owner` over `x-owner`.
    let cases: [(Headers, &str, Option<&str>); 6] = [
        (
            &[("Resource-Owner", "a@s.whatsapp.net")],
            "",
            Some("a@s.whatsapp.net"),
        ),
        (
            &[("x-owner", "b@s.whatsapp.net")],
            "",
            Some("b@s.whatsapp.net"),
        ),
        (&[], "?owner=c%40s.whatsapp.net", Some("c@s.whatsapp.net")),
        (&[], "", None),
        (
            &[
                ("x-owner", "b@s.whatsapp.net"),
                ("resource-owner", "a@s.whatsapp.net"),
            ],
            "?owner=c",
            Some("a@s.whatsapp.net"),
        ),
        (
            &[("X-Owner", "b@s.whatsapp.net")],
            "?owner=c",
            Some("b@s.whatsapp.net"),
        ),
    ];
    for (id, (headers, query, expected)) in cases.into_iter().enumerate() {
        let before = SystemTime::now();
        let mut request = client
            .post(format!("{url}{query}"))
            .header("content-type", "application/json")
            .body(upsert(id));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        assert_eq!(request.send().await.unwrap().status(), 200, "{headers:?}");
        let update = next(&mut receiver).await.unwrap();
        let Update::Event {
            source,
            received_at,
            ..
        } = &update
        else {
            panic!("not an event: {update:?}")
        };
        assert_eq!(key_id(&update), format!("id-{id}"));
        assert_eq!(source.owner.as_deref(), expected, "{headers:?} {query}");
        assert_eq!(source.path, "/hooks/codechat");
        assert_eq!(source.to_string(), "/hooks/codechat", "Display is the path");
        assert!(!format!("{source:?}").contains(SECRET));
        assert!((before..=SystemTime::now()).contains(received_at));
    }

    // A refused body names its request the same way, and never the secret or the payload.
    let broken = r#"{"event":"call.upsert","data":{"id":"A1","isVideo":"+55 31 9 1111"}}"#;
    let response = client
        .post(&url)
        .header("content-type", "application/json")
        .header("x-owner", "b@s.whatsapp.net")
        .body(broken)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let refused = next(&mut receiver).await.unwrap_err();
    let ReceiverError::Decode {
        request: source, ..
    } = &refused
    else {
        panic!("not a decode error: {refused:?}")
    };
    assert_eq!(
        source,
        &Request::new("/hooks/codechat", owner("b@s.whatsapp.net"))
    );
    for shown in [refused.to_string(), format!("{refused:?}")] {
        assert!(
            !shown.contains(SECRET) && !shown.contains("+55 31"),
            "{shown}"
        );
        assert!(shown.contains("/hooks/codechat"), "{shown}");
    }
    server.close().await.unwrap();

    // The route `/` with a secret segment: the path is `/`.
    let (server, mut receiver, base) = start(Receiver::builder().secret_path(SECRET)).await;
    assert_eq!(post(&format!("{base}/{SECRET}"), upsert(1)).await.0, 200);
    assert_eq!(
        source_of(&next(&mut receiver).await.unwrap()),
        &Request::new("/", None)
    );
    server.close().await.unwrap();

    // Nested in an app: the prefix is part of the path, the secret is not.
    let (webhooks, mut receiver) = Receiver::builder()
        .path("/codechat")
        .secret_path(SECRET)
        .router()
        .expect("a valid configuration");
    let app = axum::Router::new().nest("/webhooks", webhooks);
    let listener = tokio::net::TcpListener::bind(LOCAL).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = tokio::spawn(async move { axum::serve(listener, app).await });
    assert_eq!(
        post(
            &format!("http://{addr}/webhooks/codechat/{SECRET}?owner=q"),
            upsert(2)
        )
        .await
        .0,
        200
    );
    assert_eq!(
        source_of(&next(&mut receiver).await.unwrap()),
        &Request::new("/webhooks/codechat", owner("q"))
    );
    app.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_receiver_is_a_stream_of_updates_and_errors() {
    let (server, mut receiver, base) = start(Receiver::builder().path("/s")).await;
    let url = format!("{base}/s");
    assert_eq!(post(&url, upsert(1)).await.0, 200);
    let update = within(receiver.next()).await.unwrap().unwrap();
    assert_eq!(key_id(&update), "id-1");
    assert_eq!(source_of(&update), &Request::new("/s", None));

    let broken = r#"{"event":"call.upsert","data":{"id":"A1","isVideo":"yes please"}}"#;
    assert_eq!(post(&url, broken).await.0, 422);
    assert_eq!(post(&url, upsert(2)).await.0, 200);
    let refused = within(receiver.next()).await.unwrap().unwrap_err();
    assert_eq!(refused.raw(), broken.as_bytes());
    let update = within(receiver.next()).await.unwrap().unwrap();
    assert_eq!(
        update
            .into_decoded()
            .map(|decoded| decoded.name().to_owned()),
        Some("messages.upsert".to_owned())
    );

    // Combinators work on it: the next two events, by key.
    for id in 3..5 {
        assert_eq!(post(&url, upsert(id)).await.0, 200);
    }
    let ids: Vec<String> = within(
        receiver
            .by_ref()
            .take(2)
            .map(|item| key_id(&item.unwrap()))
            .collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(ids, ["id-3", "id-4"]);
    server.close().await.unwrap();
    assert!(within(receiver.next()).await.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_delivers_what_is_queued_then_ends() {
    let (server, mut receiver, base) = start(Receiver::builder().queue_capacity(8)).await;
    let addr = server.local_addr();
    for id in 0..3 {
        assert_eq!(post(&format!("{base}/"), upsert(id)).await.0, 200);
    }
    // Nothing has been read yet when the server stops.
    timeout(Duration::from_secs(10), server.close())
        .await
        .expect("close returns once the server has stopped")
        .unwrap();
    assert!(TcpStream::connect(addr).await.is_err(), "no new connection");
    let mut ids = Vec::new();
    while let Some(item) = timeout(Duration::from_secs(5), receiver.next())
        .await
        .expect("the receiver ends instead of waiting")
    {
        ids.push(key_id(&item.unwrap()));
    }
    assert_eq!(ids, ["id-0", "id-1", "id-2"]);
    assert!(receiver.next().await.is_none(), "it stays ended");
    assert!(receiver.next_event().await.is_none());
}

#[tokio::test(flavor = "current_thread")]
async fn a_configuration_that_cannot_work_is_refused_before_serving() {
    const SECRET: &str = "hook-secret-value";
    let refused = |builder: ReceiverBuilder| match builder.router() {
        Err(error) => error.to_string(),
        Ok(_) => panic!("expected a configuration error"),
    };
    assert!(refused(Receiver::builder().secret_header("api key", SECRET)).contains("`api key`"));
    // axum would panic on a route parameter or wildcard: refused instead.
    assert!(refused(Receiver::builder().path("/hooks/:instance")).contains("must be literal"));
    assert!(refused(Receiver::builder().path("/hooks/{instance}")).contains("must be literal"));
    assert!(refused(Receiver::builder().body_limit(0)).contains("body limit"));
    // Limits too large for tokio are clamped, not a panic inside the queue or the server.
    assert!(
        Receiver::builder()
            .queue_capacity(usize::MAX)
            .max_connections(usize::MAX)
            .header_timeout(Duration::MAX)
            .router()
            .is_ok()
    );
    let (server, _receiver) = Receiver::builder()
        .max_connections(usize::MAX)
        .queue_capacity(usize::MAX)
        .serve(([127, 0, 0, 1], 0).into())
        .await
        .expect("clamped limits serve");
    server.close().await.expect("a clean stop");
    // A refused secret header is forgotten once a valid secret is set.
    assert!(
        Receiver::builder()
            .secret_header("api key", SECRET)
            .secret_query("token", SECRET)
            .router()
            .is_ok()
    );
    // serve says the same, as an InvalidInput I/O error, before binding.
    let error = Receiver::builder()
        .secret_header("api key", SECRET)
        .serve(([127, 0, 0, 1], 0).into())
        .await
        .map(|_| ())
        .expect_err("refused");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert!(
        !format!("{error} {error:?}").contains(SECRET),
        "the secret never shows"
    );
    // A valid header name is accepted.
    assert!(
        Receiver::builder()
            .secret_header("apikey", SECRET)
            .router()
            .is_ok()
    );
}
