//! Receives CodeChat webhooks and prints each event as a JSON line.
//!
//! ```text
//! cargo run -p codechat-events --features receiver --example codechat_serve -- \
//!     --addr 127.0.0.1:8080 --path /webhooks/codechat --secret-header apikey
//! ```
//!
//! Options: `--addr <ip:port>` (default `127.0.0.1:8080`), `--path <path>` (default `/`),
//! `--body-limit <bytes>`, and where the shared secret goes: `--secret-header <name>`,
//! `--secret-query <name>` or `--secret-path`. The secret itself is read from the
//! environment variable `CODECHAT_WEBHOOK_SECRET` (never from the command line, which other
//! users can see). Logs go to stderr (`RUST_LOG=debug` for more). Ctrl-C or SIGTERM stops
//! the server (requests in flight get the shutdown deadline), prints what is still queued,
//! and exits 0; a second Ctrl-C or SIGTERM exits at once with code 130 and says on stderr how
//! many accepted events were not printed.
//!
//! Each stdout line: `{"received_at": <unix seconds>, "path": …, "owner": …, "event": …,
//! "known": …, "body": <the body as received>}`. The body is written as the JSON text it came
//! in, not re-parsed (a number such as `1e400` or an escaped lone surrogate in a field the model
//! does not know stays as sent); only its line breaks, which JSON allows between tokens alone,
//! become spaces so that each event stays on one line. Refused bodies go to stderr as
//! `{"refused": <error>, "path": …, "body": <the body as text>}`.

use std::{net::SocketAddr, process::ExitCode, time::UNIX_EPOCH};

use codechat_events::{
    EventSource,
    receiver::{Receiver, ReceiverError, Update},
};
use serde_json::json;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("codechat_serve: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let mut addr: SocketAddr = "127.0.0.1:8080".parse().map_err(|e| format!("{e}"))?;
    let mut builder = Receiver::builder();
    let secret = std::env::var("CODECHAT_WEBHOOK_SECRET").ok();
    let need_secret = || {
        secret
            .clone()
            .ok_or("set CODECHAT_WEBHOOK_SECRET to the shared secret")
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        builder = match arg.as_str() {
            "--addr" => {
                addr = value()?.parse().map_err(|e| format!("--addr: {e}"))?;
                builder
            }
            "--path" => builder.path(value()?),
            "--body-limit" => {
                builder.body_limit(value()?.parse().map_err(|e| format!("--body-limit: {e}"))?)
            }
            "--secret-header" => builder.secret_header(&value()?, need_secret()?),
            "--secret-query" => builder.secret_query(value()?, need_secret()?),
            "--secret-path" => builder.secret_path(need_secret()?),
            "--help" | "-h" => {
                println!(
                    "usage: codechat_serve [--addr ip:port] [--path /p] [--body-limit bytes] [--secret-header name | --secret-query name | --secret-path]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown option {other} (try --help)")),
        };
    }
    // Watched before listening: once a sender can reach us, a stop request is never lost.
    let mut signals = Signals::new().map_err(|e| format!("cannot watch signals: {e}"))?;
    let (server, mut events) = builder
        .serve(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    eprintln!("listening on http://{}", server.local_addr());
    let mut server = Some(server);
    let mut closing = None;
    loop {
        tokio::select! {
            item = events.next_event() => match item {
                Some(Ok(update)) => {
                    if let Some(line) = event_line(&update) {
                        println!("{line}");
                    }
                }
                Some(Err(refused)) => eprintln!("{}", refused_line(&refused)),
                None => break,
            },
            () = signals.next() => {
                if let Some(server) = server.take() {
                    eprintln!("stopping: finishing requests in flight, then printing what is queued");
                    // Closed beside the loop, which keeps printing meanwhile.
                    closing = Some(tokio::spawn(server.close()));
                } else {
                    // A second signal: stop printing, but say what was accepted and not shown.
                    let mut left = 0_usize;
                    while let Ok(Some(_)) =
                        tokio::time::timeout(std::time::Duration::from_secs(5), events.next_event()).await
                    {
                        left += 1;
                    }
                    eprintln!("interrupted: {left} accepted event(s) were not printed");
                    std::process::exit(130);
                }
            }
        }
    }
    if let Some(closing) = closing {
        closing
            .await
            .map_err(|e| format!("server task: {e}"))?
            .map_err(|e| format!("server error: {e}"))?;
    }
    Ok(())
}

/// Ctrl-C and SIGTERM, as one stream of "stop" requests.
///
/// Both are watched from before the server listens until the program ends: a signal that
/// arrives while an event is being printed waits for the next [`Signals::next`]. (A fresh
/// `tokio::signal::ctrl_c()` per loop turn lost a Ctrl-C sent between two turns: tokio's
/// handler took it and no listener was there to see it.)
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(windows)]
    interrupt: tokio::signal::windows::CtrlC,
}

impl Signals {
    fn new() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Self {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(windows)]
        {
            Ok(Self {
                interrupt: tokio::signal::windows::ctrl_c()?,
            })
        }
    }

    /// Waits for the next Ctrl-C or SIGTERM, including one that came since the last call.
    async fn next(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(windows)]
        self.interrupt.recv().await;
    }
}

/// The stdout line of an accepted event; `None` for other updates (the receiver has none).
fn event_line(update: &Update) -> Option<String> {
    let Update::Event {
        source,
        event,
        received_at,
    } = update
    else {
        return None;
    };
    let received_at = received_at
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_secs_f64())
        .unwrap_or_default();
    // The fields this program makes go through serde_json; the body is copied as text.
    let body = event.raw().get().replace(['\r', '\n'], " ");
    Some(format!(
        r#"{{"received_at":{},"path":{},"owner":{},"event":{},"known":{},"body":{body}}}"#,
        json(&received_at),
        json(&source.path),
        json(&source.owner),
        json(&event.name()),
        json(&!event.is_unknown()),
    ))
}

/// A value this program made, as JSON text.
fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).expect("strings, numbers and booleans serialize")
}

/// The stderr line of a refused body.
fn refused_line(refused: &ReceiverError) -> String {
    let path = match refused {
        ReceiverError::Decode {
            request: source, ..
        } => Some(source.path.as_str()),
        _ => None,
    };
    json!({
        "refused": refused.to_string(),
        "path": path,
        "body": String::from_utf8_lossy(refused.raw()),
    })
    .to_string()
}
