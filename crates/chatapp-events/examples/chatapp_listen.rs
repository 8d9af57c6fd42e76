//! Listens to ChatApp channels and prints each event as a JSON line.
//!
//! ```text
//! CHATAPP_ACCESS_TOKEN='$2y$10$…' cargo run -p chatapp-events --features client --example chatapp_listen -- \
//!     --channel private-v1.licenses.1229.messengers.grWhatsApp --channel private-v1.companies.2224
//! ```
//!
//! The access token is read from `CHATAPP_ACCESS_TOKEN` (never from the command line, which
//! other users can see). Options to point elsewhere (a test server): `--host`, `--port`,
//! `--no-tls`, `--app-key`, `--auth-url`. Logs go to stderr (`RUST_LOG=debug`). Ctrl-C
//! closes the connection.
//!
//! Each stdout line: `{"channel": …, "event": …, "body": <the event's data as sent>}`, or
//! `{"subscribed": <channel>}`, or `{"reconnected_after_ms": …}`; errors go to stderr. The
//! body is written as it came, never re-parsed (its line breaks become spaces, so that each
//! event is one line).

use std::process::ExitCode;

use chatapp_events::{
    Channel, EventSource,
    client::{Client, Update},
};
use serde::Serialize;
use serde_json::json;

/// One event line.
#[derive(Serialize)]
struct Line<'a> {
    channel: String,
    event: &'a str,
    body: &'a chat_events_core::RawJson,
}

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
            eprintln!("chatapp_listen: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let token = std::env::var("CHATAPP_ACCESS_TOKEN")
        .map_err(|_| "set CHATAPP_ACCESS_TOKEN to the access token")?;
    let mut builder = Client::builder(token);
    let mut channels = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        builder = match arg.as_str() {
            "--channel" => {
                channels += 1;
                builder.channel(value()?.parse::<Channel>().map_err(|e| e.to_string())?)
            }
            "--host" => builder.host(value()?),
            "--port" => builder.port(value()?.parse().map_err(|e| format!("--port: {e}"))?),
            "--no-tls" => builder.tls(false),
            "--app-key" => builder.app_key(value()?),
            "--auth-url" => builder.auth_url(value()?),
            "--help" | "-h" => {
                println!(
                    "usage: chatapp_listen --channel <name>… [--host h] [--port p] [--no-tls] [--app-key k] [--auth-url u]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown option {other} (try --help)")),
        };
    }
    if channels == 0 {
        return Err("give at least one --channel".to_owned());
    }
    let mut client = builder.connect().await.map_err(|error| error.to_string())?;
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let mut stopping = false;
    loop {
        tokio::select! {
            item = client.next_event() => match item {
                Some(Ok(Update::Event { source, event, .. })) => {
                    let line = Line { channel: source.to_string(), event: event.name(), body: event.raw() };
                    let text = serde_json::to_string(&line).map_err(|error| error.to_string())?;
                    // Raw line breaks can only sit between JSON tokens: as spaces the line
                    // holds the same JSON.
                    println!("{}", text.replace(['\n', '\r'], " "));
                }
                Some(Ok(Update::Subscribed { source })) => println!("{}", json!({ "subscribed": source })),
                Some(Ok(Update::Reconnected { downtime })) => println!("{}", json!({ "reconnected_after_ms": downtime.as_millis() })),
                Some(Ok(_)) => {}
                Some(Err(error)) => eprintln!("{error}"),
                None => return Ok(()),
            },
            // A completed future must not be polled again: only until the first Ctrl-C.
            _ = &mut stop, if !stopping => {
                stopping = true;
                client.close().await;
            }
        }
    }
}
