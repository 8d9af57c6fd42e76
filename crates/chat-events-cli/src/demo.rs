//! `chat-events demo`: the main job on this machine with nothing to configure. It starts
//! the CodeChat webhook receiver on a free loopback port, posts bundled real payloads to it
//! over HTTP (as CodeChat / Evolution API would), prints the typed events as JSON lines
//! (as `serve` does), then checks the bundled fixtures of the three providers (as `check`
//! does) and prints the summary.

use std::process::ExitCode;

use chat_events_core::{EventSource, Update};
use codechat_events::receiver::Receiver;

use crate::{Failure, check, cli::ProviderChoice, output::print_event};

/// The webhook bodies posted to the receiver: paths in CodeChat's fixture corpus
/// (`codechat_events::testkit::fixtures()`, real payloads and documented examples; see each
/// provider folder's MANIFEST in the repository).
const POSTED: [&str; 4] = [
    "reference/messages.upsert.open-source.json",
    "reference/messages.update.cloud-docs.json",
    "reference/connection.update.cloud-docs.json",
    "reference/qrcode.updated.open-source.json",
];

/// The payloads checked after, one or two per provider: `(corpus, path in it)`.
const CHECKED: [(&str, &str); 5] = [
    ("chatapp", "002_f0790862ffa43691/message.jsonc"),
    ("chatapp", "000_3eeb06198ae497e6/chatRead.jsonc"),
    ("onechat", "003_47029119058a39a1/message.created.json"),
    ("onechat-webhook", "reference/conversation_created.json"),
    ("codechat", "reference/send.message.open-source.json"),
];

/// The JSON of the fixture `path` of the corpus `corpus` (a provider crate's
/// `testkit::fixtures()`; `onechat-webhook` is OneChat's `webhook_fixtures()`).
fn bundled(corpus: &str, path: &str) -> Result<String, Failure> {
    let fixtures = match corpus {
        "chatapp" => chatapp_events::testkit::fixtures(),
        "codechat" => codechat_events::testkit::fixtures(),
        "onechat" => onechat_events::testkit::fixtures(),
        "onechat-webhook" => onechat_events::testkit::webhook_fixtures(),
        _ => Vec::new(),
    };
    fixtures
        .into_iter()
        .find(|fixture| fixture.path == path)
        .map(|fixture| fixture.json)
        .ok_or_else(|| Failure::fatal(format!("{corpus}/{path} is not in the bundled corpus")))
}

/// `chat-events demo`.
pub(crate) fn run() -> Result<ExitCode, Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::fatal(format!("cannot start the async runtime: {error}")))?;
    runtime.block_on(receive())?;
    eprintln!(
        "\nchat-events demo: checking bundled payloads of the three providers (as `chat-events check` does)"
    );
    let mut clean = 0;
    for (corpus, path) in CHECKED {
        let json = bundled(corpus, path)?;
        let source = format!("{corpus}/{path}");
        let verdict = check::check_payload(&json, ProviderChoice::Auto);
        println!(
            "{source}  {} {}  {}",
            verdict.provider.unwrap_or("-"),
            verdict.event.as_deref().unwrap_or("-"),
            verdict.outcome.status()
        );
        if verdict.outcome == check::Outcome::Clean {
            clean += 1;
        }
    }
    eprintln!(
        "chat-events demo: {} webhooks received and printed, {clean} of {} payloads clean. Next: `chat-events check <your captured payloads>`, `chat-events serve codechat`, `chat-events listen chatapp|onechat` (see --help).",
        POSTED.len(),
        CHECKED.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// One HTTP/1.1 POST of a JSON body over a fresh loopback connection: the answer's status
/// line. (Plain HTTP to our own receiver: no client library needed.)
async fn post(addr: std::net::SocketAddr, path: &str, body: &str) -> std::io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    Ok(answer
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("HTTP/1.1 "))
        .unwrap_or("no answer")
        .to_owned())
}

async fn receive() -> Result<(), Failure> {
    let (server, mut receiver) = Receiver::builder()
        .path("/webhooks/codechat")
        .serve(([127, 0, 0, 1], 0).into())
        .await
        .map_err(|error| Failure::fatal(format!("cannot listen on 127.0.0.1: {error}")))?;
    let url = format!("http://{}/webhooks/codechat", server.local_addr());
    eprintln!(
        "chat-events demo: CodeChat webhook receiver on {url}; posting {} bundled payloads",
        POSTED.len()
    );
    for path in POSTED {
        let body = bundled("codechat", path)?;
        let status = post(server.local_addr(), "/webhooks/codechat", &body)
            .await
            .map_err(|error| Failure::fatal(format!("posting {path}: {error}")))?;
        eprintln!("chat-events demo: POST {path} → {status}");
    }
    let mut delivered = 0;
    let mut batch = Vec::new();
    while delivered < POSTED.len() {
        if receiver.next_batch(&mut batch, 16).await == 0 {
            return Err(Failure::fatal("the receiver closed early"));
        }
        for item in batch.drain(..) {
            match item {
                Ok(Update::Event {
                    source,
                    event,
                    received_at,
                }) => {
                    delivered += 1;
                    print_event(
                        "codechat",
                        &source.path,
                        event.name(),
                        !event.is_unknown(),
                        received_at,
                        event.raw().get(),
                    );
                }
                Ok(_) => {}
                Err(error) => {
                    return Err(Failure::fatal(format!(
                        "a bundled payload was refused: {error}"
                    )));
                }
            }
        }
    }
    server
        .close()
        .await
        .map_err(|error| Failure::fatal(format!("closing the receiver: {error}")))
}
