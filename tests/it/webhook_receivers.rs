//! The webhook receivers' authentication and repeats over real HTTP: Chatwoot's signature on
//! the OneChat receiver, Evolution API's JWT and shared secrets on the CodeChat receiver,
//! repeats answered without being delivered, and a signed delivery posted five times stored
//! once in a real JetStream (`nats-server -js`), also across a restarted receiver.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chat_events_core::{EventSource, Secret};
use chat_events_nats::{Sink, StoreFirst, StreamSettings, headers};
use chat_events_tests::peers::Nats;
use chat_events_webhook::auth::{chatwoot, evolution};
use onechat_events::{
    receiver::{Receiver, ReceiverBuilder, Server},
    testkit::{self, Posted},
    webhook_events::WebhookEvent,
};
use tokio::time::timeout;

const SECRET: &str = "whsec-test-8f2e";
const DELIVERY: &str = "0b6e6a3e-3f7e-4a59-9a9e-2f1d7c4b8e10";

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A `message_created` body of the corpus.
fn message_created() -> String {
    testkit::webhook_fixtures()
        .into_iter()
        .find(|fixture| {
            fixture
                .decode::<WebhookEvent>()
                .is_ok_and(|decoded| matches!(decoded.event(), WebhookEvent::MessageCreated(_)))
        })
        .expect("a message_created fixture")
        .json
}

async fn serve(builder: ReceiverBuilder) -> (Server, Receiver, String) {
    let (server, receiver) = builder
        .path("/chatwoot")
        .serve(([127, 0, 0, 1], 0).into())
        .await
        .unwrap();
    let url = format!("http://{}/chatwoot", server.local_addr());
    (server, receiver, url)
}

/// POSTs `body` with Chatwoot's three headers, signed with `secret` at `at`.
async fn post_signed_at(url: &str, secret: &str, at: u64, body: &str, delivery: &str) -> Posted {
    let signature = chatwoot::sign(&Secret::new(secret), at, body.as_bytes());
    testkit::post_with(
        url,
        &[
            ("x-chatwoot-signature", &signature),
            ("x-chatwoot-timestamp", &at.to_string()),
            ("x-chatwoot-delivery", delivery),
        ],
        body,
    )
    .await
    .unwrap()
}

fn reason(posted: &Posted) -> String {
    assert_eq!(posted.status, 401, "{posted:?}");
    let json = posted.json().expect("a JSON body");
    assert_eq!(json["error"], "unauthorized");
    json["reason"].as_str().expect("a reason").to_owned()
}

async fn nothing_more<S: EventSource>(receiver: &mut S) {
    assert!(
        timeout(Duration::from_millis(300), receiver.next_event())
            .await
            .is_err(),
        "nothing else is delivered"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chatwoot_signature_is_checked_as_chatwoot_makes_it() {
    let (server, mut receiver, url) = serve(
        Receiver::builder()
            .signature_secret("old-secret")
            .signature_secret(SECRET),
    )
    .await;
    let body = message_created();
    let at = now();

    // Right, with the new secret and with the one being rotated out.
    let right = post_signed_at(&url, SECRET, at, &body, "d-1").await;
    assert_eq!(right.status, 200, "{right:?}");
    let rotated = post_signed_at(&url, "old-secret", at, &body, "d-2").await;
    assert_eq!(rotated.status, 200, "{rotated:?}");
    for delivery in ["d-1", "d-2"] {
        let update = receiver.next_event().await.unwrap().unwrap();
        assert!(matches!(
            update.event(),
            Some(WebhookEvent::MessageCreated(_))
        ));
        let source = update.source().unwrap();
        assert_eq!(source.delivery.as_deref(), Some(delivery));
        assert_eq!(source.path, "/chatwoot");
    }

    // Wrong secret, a body changed by one byte, stale, future, missing headers.
    let wrong = post_signed_at(&url, "not-the-secret", at, &body, "d-3").await;
    assert_eq!(reason(&wrong), "bad_signature");
    let signature = chatwoot::sign(&Secret::new(SECRET), at, body.as_bytes());
    let changed = body.replacen('"', "'", 1);
    let headers = |signature: &str, timestamp: &str| {
        vec![
            ("x-chatwoot-signature".to_owned(), signature.to_owned()),
            ("x-chatwoot-timestamp".to_owned(), timestamp.to_owned()),
        ]
    };
    let post = |headers: Vec<(String, String)>, body: String| {
        let url = url.clone();
        async move {
            let headers: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            testkit::post_with(&url, &headers, body).await.unwrap()
        }
    };
    let one_byte = post(headers(&signature, &at.to_string()), changed).await;
    assert_eq!(reason(&one_byte), "bad_signature");
    // A minute past the 300 s tolerance either way: `at` is in whole seconds and the clock
    // moves while the test runs, so `at + 301` is inside the tolerance once a second has
    // passed (the exact edges are `auth::chatwoot`'s unit test, on a fixed clock).
    let stale = post_signed_at(&url, SECRET, at - 360, &body, "d-4").await;
    assert_eq!(reason(&stale), "stale_timestamp");
    let future = post_signed_at(&url, SECRET, at + 360, &body, "d-5").await;
    assert_eq!(reason(&future), "future_timestamp");
    let unsigned = testkit::post(&url, body.clone()).await.unwrap();
    assert_eq!(reason(&unsigned), "missing_signature");
    let no_time = post(
        vec![("x-chatwoot-signature".to_owned(), signature.clone())],
        body.clone(),
    )
    .await;
    assert_eq!(reason(&no_time), "missing_timestamp");
    let malformed = post(headers(&signature[7..], &at.to_string()), body.clone()).await;
    assert_eq!(reason(&malformed), "malformed_signature");
    // Refusals never echo what was sent, nor the secret.
    for refused in [&wrong, &one_byte, &stale, &malformed] {
        assert!(!refused.body.contains(SECRET), "{}", refused.body);
        assert!(
            !refused.body.contains(&signature[7..17]),
            "{}",
            refused.body
        );
    }
    nothing_more(&mut receiver).await;
    server.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_delivery_posted_five_times_is_delivered_once() {
    let (server, mut receiver, url) = serve(Receiver::builder().signature_secret(SECRET)).await;
    let body = message_created();
    let secret = Secret::new(SECRET);
    let mut repeats = 0;
    for attempt in 0..5 {
        let posted = testkit::post_signed(&url, &secret, DELIVERY, body.clone())
            .await
            .unwrap();
        assert_eq!(posted.status, 200, "attempt {attempt}: {posted:?}");
        let json = posted.json().unwrap();
        assert_eq!(json["event"], "message_created");
        if json["repeat"] == true {
            repeats += 1;
        }
    }
    assert_eq!(
        repeats, 4,
        "the first is delivered, the other four are repeats"
    );
    let update = receiver.next_event().await.unwrap().unwrap();
    assert_eq!(
        update.source().and_then(|s| s.delivery.as_deref()),
        Some(DELIVERY)
    );
    nothing_more(&mut receiver).await;
    // Another delivery id with the same body is another delivery.
    let other = testkit::post_signed(&url, &secret, "another-id", body.clone())
        .await
        .unwrap();
    assert_eq!(other.json().unwrap().get("repeat"), None);
    assert!(receiver.next_event().await.unwrap().is_ok());
    server.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_id_of_kilobytes_is_bounded_and_still_recognised() {
    let (server, mut receiver, url) = serve(Receiver::builder().signature_secret(SECRET)).await;
    let body = message_created();
    let secret = Secret::new(SECRET);
    let long = "d".repeat(6_000);
    let first = testkit::post_signed(&url, &secret, &long, body.clone())
        .await
        .unwrap();
    assert_eq!(first.status, 200, "{first:?}");
    let again = testkit::post_signed(&url, &secret, &long, body.clone())
        .await
        .unwrap();
    assert_eq!(again.json().unwrap()["repeat"], true);
    let update = receiver.next_event().await.unwrap().unwrap();
    let delivery = update.source().and_then(|s| s.delivery.clone()).unwrap();
    assert!(
        delivery.starts_with("sha256:") && delivery.len() <= 128,
        "{delivery}"
    );
    nothing_more(&mut receiver).await;
    server.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeat_whose_first_was_refused_gets_through() {
    // Nobody reads the queue of one event: the second delivery is answered 503 (queue
    // full), and its repeat, once there is room, is delivered, not taken for a repeat.
    let (server, mut receiver, url) = serve(
        Receiver::builder()
            .signature_secret(SECRET)
            .queue_capacity(1)
            .queue_wait(Duration::from_millis(50)),
    )
    .await;
    let body = message_created();
    let secret = Secret::new(SECRET);
    assert_eq!(
        testkit::post_signed(&url, &secret, "first", body.clone())
            .await
            .unwrap()
            .status,
        200
    );
    let full = testkit::post_signed(&url, &secret, "second", body.clone())
        .await
        .unwrap();
    // 429, which Chatwoot's agent bots retry (they do not retry 503).
    assert_eq!(full.status, 429, "{full:?}");
    assert_eq!(full.header("retry-after"), Some("1"));
    assert!(receiver.next_event().await.unwrap().is_ok());
    let retried = testkit::post_signed(&url, &secret, "second", body.clone())
        .await
        .unwrap();
    assert_eq!(retried.status, 200);
    assert_eq!(
        retried.json().unwrap().get("repeat"),
        None,
        "delivered, not a repeat"
    );
    let update = receiver.next_event().await.unwrap().unwrap();
    assert_eq!(
        update.source().and_then(|s| s.delivery.as_deref()),
        Some("second")
    );
    server.close().await.unwrap();
}

/// Holds each event in `persist` until the test lets it go; says when one has come in.
struct Held {
    gate: std::sync::Arc<tokio::sync::Semaphore>,
    entered: tokio::sync::mpsc::UnboundedSender<()>,
}

#[async_trait::async_trait]
impl chat_events_webhook::Persist<WebhookEvent> for Held {
    async fn persist(
        &self,
        _: &chat_events_webhook::Request,
        _: &chat_events_core::Decoded<WebhookEvent>,
        _: SystemTime,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let _ = self.entered.send(());
        let _permit = self.gate.acquire().await?;
        Ok(())
    }
}

/// `future`, or a failure naming `what` after ten seconds (a hang here would otherwise hold
/// the whole test run).
async fn within<T>(what: &str, future: impl Future<Output = T>) -> T {
    timeout(Duration::from_secs(10), future)
        .await
        .unwrap_or_else(|_| panic!("{what}: nothing after 10 s"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_repeat_of_a_delivery_still_being_handled_is_asked_to_retry() {
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(0));
    let (entered, mut entering) = tokio::sync::mpsc::unbounded_channel();
    let (server, mut receiver, url) =
        serve(Receiver::builder().signature_secret(SECRET).persist(Held {
            gate: std::sync::Arc::clone(&gate),
            entered,
        }))
        .await;
    let body = message_created();
    let secret = Secret::new(SECRET);
    let first = tokio::spawn({
        let (url, secret, body) = (url.clone(), secret.clone(), body.clone());
        async move {
            testkit::post_signed(&url, &secret, DELIVERY, body)
                .await
                .unwrap()
        }
    });
    // The repeat is posted only once the first is held in `persist` (posted earlier, the
    // repeat could be the one that arrives first and is held).
    within("the first delivery reaching persist", entering.recv())
        .await
        .expect("the receiver is running");
    // Its repeat meanwhile is asked to retry (429 for Chatwoot), not delivered, not taken
    // for done.
    let busy = within(
        "the repeat's answer",
        testkit::post_signed(&url, &secret, DELIVERY, body.clone()),
    )
    .await
    .unwrap();
    assert_eq!(busy.status, 429, "{busy:?}");
    assert_eq!(busy.json().unwrap()["error"], "in_flight");
    gate.add_permits(10);
    assert_eq!(
        within("the first delivery's answer", first)
            .await
            .unwrap()
            .status,
        200
    );
    let again = within(
        "the answer to a repeat of a delivery done",
        testkit::post_signed(&url, &secret, DELIVERY, body.clone()),
    )
    .await
    .unwrap();
    assert_eq!(again.json().unwrap()["repeat"], true);
    assert!(
        within("the delivered event", receiver.next_event())
            .await
            .unwrap()
            .is_ok()
    );
    assert!(
        entering.try_recv().is_err(),
        "only the first reached persist"
    );
    nothing_more(&mut receiver).await;
    server.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_delivery_is_stored_once_in_jetstream_also_after_a_restart() {
    let nats = tokio::task::block_in_place(Nats::start);
    let settings = StreamSettings::default();
    let sink = Sink::connect(&nats.url(), &settings).await.unwrap();
    let body = message_created();
    let secret = Secret::new(SECRET);
    // Two receivers one after the other (a restart: the second has an empty record).
    for run in 0..2 {
        let (server, mut receiver, url) = serve(
            Receiver::builder()
                .signature_secret(SECRET)
                .persist(StoreFirst::new(sink.clone())),
        )
        .await;
        for _ in 0..5 {
            let posted = testkit::post_signed(&url, &secret, DELIVERY, body.clone())
                .await
                .unwrap();
            assert_eq!(posted.status, 200, "run {run}: {posted:?}");
        }
        assert!(receiver.next_event().await.unwrap().is_ok(), "run {run}");
        server.close().await.unwrap();
    }
    let (messages, more) = nats.stored(1, Duration::from_millis(500)).await;
    assert!(!more, "ten posts of one delivery, stored once");
    let client = async_nats::connect(nats.url()).await.unwrap();
    let mut stream = async_nats::jetstream::new(client)
        .get_stream("CHAT_EVENTS")
        .await
        .unwrap();
    assert_eq!(stream.info().await.unwrap().state.messages, 1);
    let message = &messages[0];
    let header = |name: &str| {
        message
            .headers
            .as_ref()
            .and_then(|h| h.get(name))
            .map(|v| v.as_str().to_owned())
    };
    assert_eq!(header(headers::DELIVERY).as_deref(), Some(DELIVERY));
    assert_eq!(
        header(headers::MSG_ID),
        Some(chat_events_nats::delivery_message_id(
            "onechat-webhook",
            "/chatwoot",
            DELIVERY
        ))
    );
    assert_eq!(message.payload.as_ref(), body.trim().as_bytes());
    assert_eq!(
        message.subject.as_str(),
        "chat-events.onechat-webhook.message_created"
    );
}

mod codechat {
    use super::{EventSource, Secret, base64url, evolution, nothing_more, now, reason};
    use codechat_events::{
        Event,
        receiver::{Receiver, ReceiverBuilder},
        testkit as codechat_testkit,
    };

    async fn serve(
        builder: ReceiverBuilder,
    ) -> (codechat_events::receiver::Server, Receiver, String) {
        let (server, receiver) = builder
            .path("/evolution")
            .serve(([127, 0, 0, 1], 0).into())
            .await
            .unwrap();
        let url = format!("http://{}/evolution", server.local_addr());
        (server, receiver, url)
    }

    fn upsert(id: &str) -> String {
        format!(
            r#"{{"event":"messages.upsert","instance":"sales","data":{{"key":{{"remoteJid":"5531988887777@s.whatsapp.net","fromMe":false,"id":"{id}"}},"pushName":"Ann","message":{{"conversation":"olá"}},"messageTimestamp":1733500000}}}}"#
        )
    }

    fn receipt(id: &str, status: &str) -> String {
        format!(
            r#"{{"event":"messages.update","instance":"sales","data":{{"keyId":"{id}","remoteJid":"5531988887777@s.whatsapp.net","fromMe":true,"status":"{status}"}}}}"#
        )
    }

    fn token(secret: &str, iat: u64, exp: u64) -> String {
        format!(
            "Bearer {}",
            evolution::sign(&Secret::new(secret), iat, exp).unwrap()
        )
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn evolution_jwts_are_checked() {
        let (server, mut receiver, url) = serve(Receiver::builder().jwt_secret("jwt-key")).await;
        let at = now();
        let post = |authorization: Option<String>| {
            let url = url.clone();
            async move {
                let headers: Vec<(&str, &str)> = authorization
                    .as_deref()
                    .map(|value| vec![("authorization", value)])
                    .unwrap_or_default();
                codechat_testkit::post_with(&url, &headers, upsert("3EB0A1"))
                    .await
                    .unwrap()
            }
        };
        assert_eq!(post(Some(token("jwt-key", at, at + 600))).await.status, 200);
        let update = receiver.next_event().await.unwrap().unwrap();
        assert!(matches!(update.event(), Some(Event::MessagesUpsert(_))));
        let authorization =
            codechat_testkit::evolution_authorization(&Secret::new("jwt-key")).unwrap();
        // The same message again: a repeat (the JWT is checked first, then the record).
        let again = post(Some(authorization)).await;
        assert_eq!(again.json().unwrap()["repeat"], true);
        assert_eq!(reason(&post(None).await), "missing_token");
        assert_eq!(
            reason(&post(Some(token("other-key", at, at + 600))).await),
            "bad_signature"
        );
        assert_eq!(
            reason(&post(Some(token("jwt-key", at - 700, at - 100))).await),
            "expired"
        );
        assert_eq!(
            reason(&post(Some(token("jwt-key", at + 600, at + 1200))).await),
            "issued_in_future"
        );
        // `alg: none`, and an RS256 header signed with the key as an HMAC secret.
        let claims = "eyJpYXQiOjE3MzM1MDAwMDAsImV4cCI6OTk5OTk5OTk5OX0";
        let none = format!("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{claims}.");
        assert_eq!(reason(&post(Some(none)).await), "unsupported_algorithm");
        let rs256_header = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";
        // base64url of the HMAC, without padding (hex → bytes → base64url by hand).
        let signature = base64url(
            &hex::decode(chat_events_tests::peers::hmac_hex(
                "jwt-key",
                &format!("{rs256_header}.{claims}"),
            ))
            .unwrap(),
        );
        let confused = format!("Bearer {rs256_header}.{claims}.{signature}");
        assert_eq!(reason(&post(Some(confused)).await), "unsupported_algorithm");
        nothing_more(&mut receiver).await;
        server.close().await.unwrap();
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_repeated_message_is_delivered_once_and_each_receipt_status_once() {
        let (server, mut receiver, url) = serve(
            Receiver::builder()
                .secret_header("apikey", "first-key")
                .secret_header("apikey", "second-key"),
        )
        .await;
        let post = |body: String, key: &'static str| {
            let url = url.clone();
            async move {
                codechat_testkit::post_with(&url, &[("apikey", key)], body)
                    .await
                    .unwrap()
            }
        };
        // Either key of a rotation is taken; a wrong one is named as such.
        assert_eq!(post(upsert("A1"), "first-key").await.status, 200);
        assert_eq!(
            post(upsert("A1"), "second-key").await.json().unwrap()["repeat"],
            true
        );
        assert_eq!(
            reason(&post(upsert("A1"), "third-key").await),
            "wrong_secret"
        );
        assert_eq!(post(upsert("B2"), "first-key").await.status, 200);
        for status in ["DELIVERY_ACK", "READ", "READ"] {
            assert_eq!(post(receipt("A1", status), "first-key").await.status, 200);
        }
        let mut deliveries = Vec::new();
        for _ in 0..4 {
            let update = receiver.next_event().await.unwrap().unwrap();
            deliveries.push(update.source().unwrap().delivery.clone().unwrap());
        }
        assert_eq!(
            deliveries,
            [
                "sales/messages.upsert/A1",
                "sales/messages.upsert/B2",
                "sales/messages.update/A1/DELIVERY_ACK",
                "sales/messages.update/A1/READ",
            ]
        );
        nothing_more(&mut receiver).await;
        server.close().await.unwrap();
    }
}

/// RFC 4648 base64url without padding.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
