//! The webhook receivers against a bare axum handler that discards the body, all in this
//! process on the same runtime, each under `wrk` (Debian's package) with wrk's default load
//! (2 threads, 10 connections): CodeChat's receiver posted a real `messages.upsert` body,
//! Chatwoot's (OneChat) receiver a real `message_created` body **signed**
//! (`X-Chatwoot-Signature`, checked per request). Each request is a new delivery (a new
//! message id for CodeChat, a new `X-Chatwoot-Delivery` for Chatwoot, made by the wrk
//! script), so the record of repeats is exercised and nothing is answered as a repeat. The
//! consumer of our receiver does nothing but count what it is handed, in batches.
//!
//! A third baseline under the same load is the least any typed receiver does: a handler
//! that decodes the body with `Event::decode` and hands the event to a consumer task over a
//! tokio channel, nothing more; our receivers against it say what their checks, limits,
//! record of repeats and answers cost.
//!
//! The same requests are also handed to the routers **in-process** (`tower`'s `oneshot`, one
//! after another, no sockets), beside `Event::decode` of the same bodies: what the request
//! path costs in user space, without the kernel's TCP work and `wrk`, which take most of
//! this machine's two cores under load and make the req/s figures move ±10 %.

use std::{
    fmt::Write as _,
    net::SocketAddr,
    process::Command,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use axum::{Router, body::Body, http::StatusCode, routing::post};
use chat_events_core::Secret;
use chat_events_core::{EventSource, Update};
use chat_events_webhook::{Receiver, ReceiverBuilder, Webhook, auth::chatwoot};
use tower::ServiceExt as _;

use crate::{Row, Scale, Target, usage::Usage};

/// How to get wrk.
const WRK_HINT: &str = "the receiver benchmark needs `wrk`: run `apt-get install -y wrk` (cargo xtask bench installs it)";

/// What one wrk run reported.
#[derive(Clone, Copy, Debug, Default)]
struct Load {
    requests: u64,
    non_2xx: u64,
    errors: u64,
    per_second: f64,
    p99_ms: f64,
    /// This process's CPU time per request wrk counted, in microseconds.
    cpu_us: f64,
    /// This process's context switches per request wrk counted.
    switches: f64,
}

impl Load {
    /// Adds this process's usage during the run, per request.
    fn with_usage(mut self, used: Usage) -> Self {
        let requests = self.requests.max(1) as f64;
        self.cpu_us = used.cpu_ns as f64 / 1e3 / requests;
        self.switches = used.switches as f64 / requests;
        self
    }
}

/// The Chatwoot webhook secret of the signed benchmark.
const SECRET: &str = "bench-secret";

/// A wrk script posting `body` with a new delivery each request: `{ID}` in `body` and in
/// `headers` becomes `<thread>-<count>`.
fn script(
    dir: &std::path::Path,
    name: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> std::path::PathBuf {
    let (prefix, suffix) = body.split_once("{ID}").unwrap_or((body, ""));
    assert!(!body.contains("]==]"));
    let mut lua = String::from(
        "local threads = 0\nfunction setup(thread)\n  threads = threads + 1\n  thread:set(\"tid\", threads)\nend\nlocal n = 0\nfunction request()\n  n = n + 1\n  local id = tid .. \"-\" .. n\n  local headers = {}\n  headers[\"Content-Type\"] = \"application/json\"\n",
    );
    for (name, value) in headers {
        let (before, after) = value.split_once("{ID}").unwrap_or((value, ""));
        let value = if value.contains("{ID}") {
            format!("\"{before}\" .. id .. \"{after}\"")
        } else {
            format!("\"{value}\"")
        };
        let _ = writeln!(lua, "  headers[\"{name}\"] = {value}");
    }
    if body.contains("{ID}") {
        let _ = write!(
            lua,
            "  return wrk.format(\"POST\", nil, headers, [==[{prefix}]==] .. id .. [==[{suffix}]==])\nend\n"
        );
    } else {
        let _ = write!(
            lua,
            "  return wrk.format(\"POST\", nil, headers, [==[{prefix}]==])\nend\n"
        );
    }
    let path = dir.join(name);
    std::fs::write(&path, lua).expect("the wrk script");
    path
}

/// The wrk scripts: CodeChat's `messages.upsert` with a new message id per request, and
/// Chatwoot's `message_created`, signed, with a new delivery id per request.
fn scripts(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let codechat = chat_events_tests::fixtures("codechat")
        .into_iter()
        .find(|fixture| fixture.stem == "messages.upsert.open-source")
        .expect("the messages.upsert fixture");
    let chatwoot = chat_events_tests::fixtures("onechat-webhook")
        .into_iter()
        .find(|fixture| fixture.stem == "message_created.chatwoot-docs-2022")
        .expect("the message_created fixture");
    let codechat_body = codechat.json.replacen("3EB0A1B2C3D4E5F60718", "{ID}", 1);
    assert!(codechat_body.contains("{ID}"), "the message id to vary");
    let codechat_script = script(dir, "codechat.lua", &codechat_body, &[]);
    // Signed once, at the start: the signature covers the timestamp and the body, not the
    // delivery id, and stays within the tolerance for the whole run.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let body = chatwoot.json.trim();
    let signature = chatwoot::sign(&Secret::new(SECRET), now, body.as_bytes());
    let timestamp = now.to_string();
    let chatwoot_script = script(
        dir,
        "chatwoot.lua",
        body,
        &[
            ("X-Chatwoot-Signature", &signature),
            ("X-Chatwoot-Timestamp", &timestamp),
            ("X-Chatwoot-Delivery", "{ID}"),
        ],
    );
    (codechat_script, chatwoot_script)
}

/// Runs the receiver part.
pub(crate) async fn run(scale: Scale) -> Vec<Row> {
    let dir = std::env::temp_dir().join(format!("chat-events-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let (codechat_script, chatwoot_script) = scripts(&dir);
    let seconds = scale.pick(10, 1);
    let rounds = scale.pick(3, 1);
    let (mut ours, mut signed) = (Vec::new(), Vec::new());
    let (mut bare, mut bare_signed) = (Vec::new(), Vec::new());
    let (mut least, mut least_chatwoot) = (Vec::new(), Vec::new());
    let (mut lost, mut extra) = (0_u64, 0_u64);
    for _ in 0..rounds {
        let mut count = |(load, delivered): (Load, u64)| {
            let answered = load.requests - load.non_2xx;
            lost += answered.saturating_sub(delivered);
            extra += delivered.saturating_sub(answered);
            load
        };
        let codechat = codechat_events::receiver::Receiver::builder();
        ours.push(count(
            receiver_round(codechat, &codechat_script, seconds).await,
        ));
        let chatwoot = onechat_events::receiver::Receiver::builder().signature_secret(SECRET);
        signed.push(count(
            receiver_round(chatwoot, &chatwoot_script, seconds).await,
        ));
        bare.push(bare_round(&codechat_script, seconds).await);
        bare_signed.push(bare_round(&chatwoot_script, seconds).await);
        least.push(least_round(codechat_events::Event::decode, &codechat_script, seconds).await);
        least_chatwoot.push(
            least_round(
                onechat_events::webhook_events::WebhookEvent::decode,
                &chatwoot_script,
                seconds,
            )
            .await,
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let in_process = in_process(scale).await;
    let ours = median(&ours);
    let signed = median(&signed);
    let bare = median(&bare);
    let bare_signed = median(&bare_signed);
    let least = median(&least);
    let least_chatwoot = median(&least_chatwoot);
    let non_2xx: u64 = ours.non_2xx + signed.non_2xx;
    let mut rows = vec![
        Row {
            what: "receiver req/s / bare axum".into(),
            ratio: ours.per_second / bare.per_second,
            target: Some(Target::AtLeast(0.8)),
            detail: format!(
                "CodeChat; wrk -t2 -c10 -d{seconds}s, median of {rounds}: ours {:.0} req/s, axum {:.0} req/s",
                ours.per_second, bare.per_second
            ),
        },
        Row {
            what: "Chatwoot receiver (signed) req/s / bare axum".into(),
            ratio: signed.per_second / bare_signed.per_second,
            target: Some(Target::AtLeast(0.8)),
            detail: format!(
                "X-Chatwoot-Signature checked per request, a new delivery id each: ours {:.0} req/s, axum {:.0} req/s (same requests)",
                signed.per_second, bare_signed.per_second
            ),
        },
        Row {
            what: "receiver p99 latency / bare axum".into(),
            ratio: ours.p99_ms / bare.p99_ms,
            target: None,
            detail: format!(
                "CodeChat {:.2} ms (axum {:.2} ms), Chatwoot signed {:.2} ms (axum {:.2} ms)",
                ours.p99_ms, bare.p99_ms, signed.p99_ms, bare_signed.p99_ms
            ),
        },
        cpu_row([&ours, &signed], [&bare, &bare_signed]),
        Row {
            what: "receiver non-2xx answers (count)".into(),
            ratio: non_2xx as f64,
            target: Some(Target::AtMost(0.0)),
            detail: format!("{} socket errors", ours.errors + signed.errors),
        },
        Row {
            what: "receiver 2xx not delivered (count)".into(),
            ratio: lost as f64,
            target: Some(Target::AtMost(0.0)),
            detail: format!(
                "{extra} delivered whose answer wrk did not wait for (in flight when it stopped)"
            ),
        },
    ];
    rows.extend(versus_least([&ours, &signed], [&least, &least_chatwoot]));
    rows.extend(in_process.rows());
    rows
}

fn median(loads: &[Load]) -> Load {
    let mut sorted = loads.to_vec();
    sorted.sort_by(|a, b| a.per_second.total_cmp(&b.per_second));
    sorted[sorted.len() / 2]
}

/// Our receiver under wrk: what wrk saw, and how many events the consumer got.
async fn receiver_round<E: Webhook>(
    builder: ReceiverBuilder<E>,
    script: &std::path::Path,
    seconds: u32,
) -> (Load, u64) {
    let (server, mut receiver): (_, Receiver<E>) = builder
        .path("/webhook")
        .serve("127.0.0.1:0".parse().expect("an address"))
        .await
        .expect("the receiver starts");
    let delivered = Arc::new(AtomicU64::new(0));
    let counted = Arc::clone(&delivered);
    let consumer = tokio::spawn(async move {
        let mut batch = Vec::with_capacity(256);
        while receiver.next_batch(&mut batch, 256).await > 0 {
            for item in batch.drain(..) {
                match item {
                    Ok(Update::Event { .. }) => {
                        counted.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(_) => {}
                    Err(error) => panic!("the receiver reported {error}"),
                }
            }
        }
    });
    let before = Usage::now();
    let load = wrk(script, server.local_addr(), seconds)
        .await
        .with_usage(Usage::now().since(before));
    // Requests wrk abandoned when it stopped may still be answered and delivered.
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.close().await.expect("the receiver stops");
    let _ = tokio::time::timeout(Duration::from_secs(5), consumer).await;
    (load, delivered.load(Ordering::Relaxed))
}

/// This process's CPU time and context switches per request, ours against bare axum.
fn cpu_row([ours, signed]: [&Load; 2], [bare, bare_signed]: [&Load; 2]) -> Row {
    Row {
        what: "receiver CPU per request / bare axum".into(),
        ratio: ours.cpu_us / bare.cpu_us,
        target: None,
        detail: format!(
            "this process's CPU time per request: CodeChat {:.1} µs, {:.2} context switches (axum {:.1} µs, {:.2}); Chatwoot signed {:.1} µs, {:.2} (axum {:.1} µs, {:.2})",
            ours.cpu_us,
            ours.switches,
            bare.cpu_us,
            bare.switches,
            signed.cpu_us,
            signed.switches,
            bare_signed.cpu_us,
            bare_signed.switches
        ),
    }
}

/// Our receivers against the least typed receiver under the same load: what our checks,
/// limits, record of repeats and answers cost beyond decoding and handing off.
fn versus_least([ours, signed]: [&Load; 2], [least, least_chatwoot]: [&Load; 2]) -> Vec<Row> {
    vec![
        Row {
            what: "receiver req/s / the least typed receiver (decode, hand-off)".into(),
            ratio: ours.per_second / least.per_second,
            target: None,
            detail: format!(
                "CodeChat: ours {:.0} req/s; a handler that only decodes and hands the event to a consumer task {:.0} req/s",
                ours.per_second, least.per_second
            ),
        },
        Row {
            what: "Chatwoot receiver (signed) req/s / the least typed receiver".into(),
            ratio: signed.per_second / least_chatwoot.per_second,
            target: None,
            detail: format!(
                "ours {:.0} req/s (signature, timestamp, repeats checked); decode and hand-off only {:.0} req/s",
                signed.per_second, least_chatwoot.per_second
            ),
        },
    ]
}

/// A bare axum handler that discards the body, under wrk.
async fn bare_round(script: &std::path::Path, seconds: u32) -> Load {
    router_round(bare_router(), script, seconds).await
}

/// A bare axum handler that discards the body.
fn bare_router() -> Router {
    Router::new().route(
        "/webhook",
        post(|body: axum::body::Bytes| async move {
            drop(body);
            StatusCode::OK
        }),
    )
}

/// The least typed receiver (see [`least_receiver`]) of `E`, under wrk.
async fn least_round<E: Send + 'static, F: std::fmt::Debug + Send + 'static>(
    decode: fn(&[u8]) -> Result<E, F>,
    script: &std::path::Path,
    seconds: u32,
) -> Load {
    let (app, consumer) = least_receiver(decode);
    let consumer = tokio::spawn(consumer);
    let load = router_round(app, script, seconds).await;
    consumer.abort();
    load
}

/// `app` served by `axum::serve` under wrk.
async fn router_round(app: Router, script: &std::path::Path, seconds: u32) -> Load {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let addr = listener.local_addr().expect("an address");
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let before = Usage::now();
    let load = wrk(script, addr, seconds)
        .await
        .with_usage(Usage::now().since(before));
    server.abort();
    load
}

async fn wrk(script: &std::path::Path, addr: SocketAddr, seconds: u32) -> Load {
    let script = script.to_owned();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("wrk")
            .args(["-t2", "-c10", &format!("-d{seconds}s"), "--latency", "-s"])
            .arg(&script)
            .arg(format!("http://{addr}/webhook"))
            .output()
    })
    .await
    .expect("the wrk thread")
    .unwrap_or_else(|error| panic!("cannot run wrk ({error}): {WRK_HINT}"));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "wrk failed: {text}");
    parse_wrk(&text)
}

/// Reads wrk's report.
fn parse_wrk(text: &str) -> Load {
    let mut load = Load::default();
    for line in text.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["99%", latency] => load.p99_ms = milliseconds(latency),
            [count, "requests", "in", ..] => load.requests = count.parse().unwrap_or(0),
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                load.non_2xx = count.parse().unwrap_or(0);
            }
            ["Requests/sec:", rate] => load.per_second = rate.parse().unwrap_or(0.0),
            ["Socket", "errors:", rest @ ..] => {
                load.errors = rest
                    .iter()
                    .filter_map(|word| word.trim_end_matches(',').parse::<u64>().ok())
                    .sum();
            }
            _ => {}
        }
    }
    assert!(load.requests > 0, "wrk reported no requests:\n{text}");
    load
}

/// `1.23ms`, `456.00us`, `1.02s` in milliseconds.
fn milliseconds(text: &str) -> f64 {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().unwrap_or(f64::NAN);
    match unit {
        "us" => number / 1e3,
        "ms" => number,
        "s" => number * 1e3,
        "m" => number * 60e3,
        _ => f64::NAN,
    }
}

/// Microseconds per request, in-process.
struct InProcess {
    bare: f64,
    codechat: Stages,
    chatwoot: Stages,
}

/// One provider's microseconds per request, in-process.
struct Stages {
    /// Our receiver.
    ours: f64,
    /// `Event::decode` of the body alone.
    decode: f64,
    /// The least typed receiver.
    least: f64,
}

impl InProcess {
    /// Its rows, CodeChat's and Chatwoot's.
    fn rows(&self) -> [Row; 2] {
        [
            self.row(
                "CodeChat",
                &self.codechat,
                "decode, hand to a consumer task",
            ),
            self.row(
                "Chatwoot signed",
                &self.chatwoot,
                "decode, hand to a consumer task; no signature",
            ),
        ]
    }

    /// The row of `stages` (`provider` names them; `least` says what the least typed
    /// receiver leaves out).
    fn row(&self, provider: &str, stages: &Stages, least: &str) -> Row {
        Row {
            what: format!("receiver in-process, {provider}: time per request / bare axum router"),
            ratio: stages.ours / self.bare,
            target: None,
            detail: format!(
                "no sockets: ours {:.2} µs, of which Event::decode of the body alone {:.2} µs; the least typed receiver ({least}) {:.2} µs; bare router {:.2} µs",
                stages.ours, stages.decode, stages.least, self.bare
            ),
        }
    }
}

/// The routers driven without sockets (see the module doc): each request is a new delivery,
/// as under wrk; a consumer task takes the events in batches.
async fn in_process(scale: Scale) -> InProcess {
    let requests: u64 = scale.pick(50_000, 100);
    let codechat = chat_events_tests::fixtures("codechat")
        .into_iter()
        .find(|fixture| fixture.stem == "messages.upsert.open-source")
        .expect("the messages.upsert fixture")
        .json;
    let chatwoot = chat_events_tests::fixtures("onechat-webhook")
        .into_iter()
        .find(|fixture| fixture.stem == "message_created.chatwoot-docs-2022")
        .expect("the message_created fixture")
        .json
        .trim()
        .to_owned();
    // Bodies made before the clock starts: a new message id each for CodeChat.
    let codechat_bodies: Vec<String> = (0..requests)
        .map(|n| codechat.replacen("3EB0A1B2C3D4E5F60718", &format!("3EB0{n:016X}"), 1))
        .collect();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    let signature = chatwoot::sign(&Secret::new(SECRET), now, chatwoot.as_bytes());
    let codechat_request = |n: usize| {
        axum::http::Request::post("/webhook")
            .header("content-type", "application/json")
            .body(Body::from(codechat_bodies[n].clone()))
            .expect("a request")
    };
    let chatwoot_request = |n: usize| {
        axum::http::Request::post("/webhook")
            .header("content-type", "application/json")
            .header("X-Chatwoot-Signature", signature.as_str())
            .header("X-Chatwoot-Timestamp", now.to_string())
            .header("X-Chatwoot-Delivery", format!("delivery-{n}"))
            .body(Body::from(chatwoot.clone()))
            .expect("a request")
    };
    let decode_time = |body: &str, decode: &dyn Fn(&[u8]) -> bool| {
        let started = std::time::Instant::now();
        for _ in 0..requests {
            assert!(
                decode(std::hint::black_box(body.as_bytes())),
                "the body decodes"
            );
        }
        started.elapsed().as_secs_f64() * 1e6 / requests as f64
    };

    let bare = drive(bare_router(), requests, &codechat_request).await;
    let (router, receiver) = codechat_events::receiver::Receiver::builder()
        .path("/webhook")
        .router()
        .expect("the CodeChat router");
    let codechat_time = drive_to(router, consume(receiver), requests, &codechat_request).await;
    let (router, receiver) = onechat_events::receiver::Receiver::builder()
        .path("/webhook")
        .signature_secret(SECRET)
        .router()
        .expect("the Chatwoot router");
    let chatwoot_time = drive_to(router, consume(receiver), requests, &chatwoot_request).await;
    let (router, consumer) = least_receiver(codechat_events::Event::decode);
    let codechat_least = drive_to(router, consumer, requests, &codechat_request).await;
    let (router, consumer) = least_receiver(onechat_events::webhook_events::WebhookEvent::decode);
    let chatwoot_least = drive_to(router, consumer, requests, &chatwoot_request).await;

    InProcess {
        bare,
        codechat: Stages {
            ours: codechat_time,
            decode: decode_time(&codechat, &|body| {
                codechat_events::Event::decode(body).is_ok()
            }),
            least: codechat_least,
        },
        chatwoot: Stages {
            ours: chatwoot_time,
            decode: decode_time(&chatwoot, &|body| {
                onechat_events::webhook_events::WebhookEvent::decode(body).is_ok()
            }),
            least: chatwoot_least,
        },
    }
}

/// The least a typed receiver does: a handler that decodes the body and hands the event to
/// a consumer task over a tokio channel (no checks, limits, repeats, tracing or answer body);
/// the consumer counts what it drops.
fn least_receiver<E: Send + 'static, F: std::fmt::Debug + Send + 'static>(
    decode: fn(&[u8]) -> Result<E, F>,
) -> (Router, impl Future<Output = u64> + Send + 'static) {
    let (sender, mut events) = tokio::sync::mpsc::channel::<E>(1024);
    let router = Router::new().route(
        "/webhook",
        post(move |body: axum::body::Bytes| {
            let sender = sender.clone();
            async move {
                let event = decode(&body).expect("the body decodes");
                // Requests wrk left in flight may come after the round ended and its
                // consumer was stopped: they are not counted.
                let _ = sender.send(event).await;
                StatusCode::OK
            }
        }),
    );
    let consumer = async move {
        let (mut batch, mut count) = (Vec::with_capacity(256), 0);
        while events.recv_many(&mut batch, 256).await > 0 {
            count += batch.len() as u64;
            batch.clear();
        }
        count
    };
    (router, consumer)
}

/// Microseconds per request through `router`, one request after another.
async fn drive(
    router: Router,
    requests: u64,
    request: &dyn Fn(usize) -> axum::http::Request<Body>,
) -> f64 {
    let started = std::time::Instant::now();
    for n in 0..requests as usize {
        let response = router.clone().oneshot(request(n)).await.expect("an answer");
        assert_eq!(response.status(), StatusCode::OK, "request {n}");
        let _ = axum::body::to_bytes(response.into_body(), 1 << 16).await;
    }
    started.elapsed().as_secs_f64() * 1e6 / requests as f64
}

/// [`drive`] with a consumer of the router's events running beside it; checks that every
/// request's event reached it.
async fn drive_to(
    router: Router,
    consumer: impl Future<Output = u64> + Send + 'static,
    requests: u64,
    request: &dyn Fn(usize) -> axum::http::Request<Body>,
) -> f64 {
    let consumer = tokio::spawn(consumer);
    let time = drive(router, requests, request).await;
    assert_eq!(
        consumer.await.expect("the consumer"),
        requests,
        "every event delivered"
    );
    time
}

/// Takes the receiver's events in batches until it ends; how many there were.
async fn consume<E: Webhook>(mut receiver: Receiver<E>) -> u64 {
    let (mut batch, mut events) = (Vec::with_capacity(256), 0);
    while receiver.next_batch(&mut batch, 256).await > 0 {
        events += batch
            .drain(..)
            .filter(|item| matches!(item, Ok(Update::Event { .. })))
            .count() as u64;
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_wrk_report() {
        let report = "Running 1s test @ http://127.0.0.1:1/webhook
  2 threads and 10 connections
  Latency Distribution
     50%  140.00us
     99%    1.25ms
  21870 requests in 1.00s, 1.56MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:  21867.12
Transfer/sec:      1.56MB
";
        let load = parse_wrk(report);
        assert_eq!((load.requests, load.non_2xx, load.errors), (21870, 7, 3));
        assert!((load.per_second - 21867.12).abs() < 1e-6);
        assert!((load.p99_ms - 1.25).abs() < 1e-9);
        assert!((milliseconds("140.00us") - 0.14).abs() < 1e-9);
    }
}
