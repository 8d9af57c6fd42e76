//! The CodeChat webhook receiver over real HTTP on 127.0.0.1.

use std::{collections::HashSet, net::SocketAddr, time::Duration};

use chat_events_tests::fixtures;
use codechat_events::{
    Event, EventSource,
    webhook::{Builder, Delivery, Receiver, Server, WebhookError},
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
    time::timeout,
};

const LOCAL: &str = "127.0.0.1:0";

async fn start(builder: Builder) -> (Server, Receiver, String) {
    let (server, receiver) = builder.serve(LOCAL.parse().unwrap()).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    (server, receiver, base)
}

async fn next(receiver: &mut Receiver) -> Result<Delivery, WebhookError> {
    timeout(Duration::from_secs(10), receiver.next_event())
        .await
        .expect("an item within 10 s")
        .expect("the receiver is open")
}

async fn post(
    client: &reqwest::Client,
    url: &str,
    body: impl Into<reqwest::Body>,
) -> (u16, serde_json::Value) {
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fixture_is_delivered_decoded_and_equal() {
    let (server, mut receiver, base) = start(Receiver::builder().path("/hooks/codechat")).await;
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
        let delivery = next(&mut receiver)
            .await
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.id()));
        let expected = Event::decode(fixture.json.as_bytes()).unwrap();
        assert_eq!(delivery.event.event(), expected.event(), "{}", fixture.id());
        assert_eq!(
            delivery.event.raw().get(),
            fixture.json.trim_end(),
            "{}",
            fixture.id()
        );
        assert_eq!(
            delivery.owner.as_deref(),
            Some("5531988887777@s.whatsapp.net")
        );
        assert_eq!(answer["event"], expected.name(), "{}", fixture.id());
        assert_eq!(answer["known"], true);
    }
    server.shutdown().await.unwrap();
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

    let (status, body) = post(&client, &url, r#"{"event": "messages.upsert", "data": "#).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    assert_eq!(
        (body["line"].as_u64(), body["column"].as_u64()),
        (Some(1), Some(37))
    );
    let (status, body) = post(&client, &url, vec![0xff_u8, 0xfe, 0x00]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    let (status, body) = post(&client, &url, "").await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_json"))
    );
    let (status, body) = post(&client, &url, r#"{"data":{}}"#).await;
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
    let (status, body) = post(&client, &url, big.clone()).await;
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
    let (status, body) = post(&client, &url, r#"{"event":"typebot.start","data":{"x":1}}"#).await;
    assert_eq!((status, body["known"].as_bool()), (200, Some(false)));
    let delivery = next(&mut receiver).await.unwrap();
    assert_eq!(delivery.event.kind().as_str(), "typebot.start");
    assert!(!delivery.event.kind().is_known());

    // A known event with a broken body: 422 with the path, reported with the raw body.
    let broken = r#"{"event":"call.upsert","data":{"id":"A1","isVideo":"+55 31 9 1111"}}"#;
    let (status, body) = post(&client, &url, broken).await;
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
    assert_eq!(refused.error.event(), Some("call.upsert"));

    server.shutdown().await.unwrap();
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

fn key_id(delivery: &Delivery) -> String {
    let Event::MessagesUpsert(upsert) = delivery.event.event() else {
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
    server.shutdown().await.unwrap();

    let (server, mut receiver, base) = start(
        Receiver::builder()
            .path("/hook")
            .secret_query("token", "a b&c"),
    )
    .await;
    assert_eq!(
        post(&client, &format!("{base}/hook"), body.clone()).await.0,
        401
    );
    assert_eq!(
        post(&client, &format!("{base}/hook?token=a+b"), body.clone())
            .await
            .0,
        401
    );
    assert_eq!(
        post(
            &client,
            &format!("{base}/hook?owner=x&token=a%20b%26c"),
            body.clone()
        )
        .await
        .0,
        200
    );
    let delivery = next(&mut receiver).await.unwrap();
    assert_eq!(delivery.owner.as_deref(), Some("x"), "owner from the query");
    server.shutdown().await.unwrap();

    let (server, mut receiver, base) =
        start(Receiver::builder().path("/hook").secret_path("p4th")).await;
    assert_eq!(
        post(&client, &format!("{base}/hook"), body.clone()).await.0,
        404,
        "no route without the segment"
    );
    assert_eq!(
        post(&client, &format!("{base}/hook/wrong"), body.clone())
            .await
            .0,
        401
    );
    assert_eq!(
        post(&client, &format!("{base}/hook/p4th"), body.clone())
            .await
            .0,
        200
    );
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-1");
    server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_answers_503_and_accepts_nothing() {
    let (server, mut receiver, base) = start(Receiver::builder().queue_capacity(2)).await;
    let client = crate::http_client();
    let url = format!("{base}/");
    assert_eq!(post(&client, &url, upsert(1)).await.0, 200);
    assert_eq!(post(&client, &url, upsert(2)).await.0, 200);
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
    assert_eq!(post(&client, &url, upsert(3)).await.0, 200);
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-2");
    assert_eq!(key_id(&next(&mut receiver).await.unwrap()), "id-3");
    server.shutdown().await.unwrap();
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
    let client = crate::http_client();
    let url = format!("{base}/");
    let posts: Vec<_> = (0..POSTS)
        .map(|id| {
            let (client, url) = (client.clone(), url.clone());
            tokio::spawn(async move { post(&client, &url, upsert(id)).await.0 })
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
    server.shutdown().await.unwrap();
    assert!(
        receiver.next_event().await.is_none(),
        "no duplicate after the last"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_finishes_requests_in_flight_and_keeps_what_was_accepted() {
    let (server, mut receiver, base) = start(Receiver::builder()).await;
    let addr = server.local_addr();
    let client = crate::http_client();
    for id in 0..5 {
        assert_eq!(post(&client, &format!("{base}/"), upsert(id)).await.0, 200);
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
    let shutdown = tokio::spawn(server.shutdown());
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
    timeout(Duration::from_secs(10), shutdown)
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
    let (webhooks, mut receiver) = Receiver::builder().path("/codechat").router();
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
    let delivery = next(&mut receiver).await.unwrap();
    assert_eq!(
        (key_id(&delivery), delivery.owner.as_deref()),
        ("id-7".to_owned(), Some("5531988887777@s.whatsapp.net"))
    );
    server.abort();
}
