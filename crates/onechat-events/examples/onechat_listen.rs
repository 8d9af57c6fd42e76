//! Listens to a OneChat installation and prints each event as a JSON line.
//!
//! ```text
//! ONECHAT_PUBSUB_TOKEN=… cargo run -p onechat-events --features client --example onechat_listen -- \
//!     --url https://chat.example.com --user-id 7 --account 1 --account 2
//! ```
//!
//! Without `--user-id` it subscribes as a contact. The token is read from the environment
//! variable `ONECHAT_PUBSUB_TOKEN` (never from the command line, which other users can see).
//! Options: `--presence-secs <n>` (default 15), `--confirm-secs <n>` (default 10).
//! Logs go to stderr (`RUST_LOG=debug`; keep `actioncable=error`, its debug logs show the
//! identifier). Ctrl-C closes the connection.
//!
//! Each stdout line is `{"account": <subscription's account>, "event": …, "account_id": …,
//! "body": <the broadcast, as received>}` or `{"reconnected_after_ms": …}`; confirmed
//! subscriptions and errors go to stderr.

use std::{process::ExitCode, time::Duration};

use onechat_events::{
    EventSource, Id, Identifier,
    client::{Client, Update},
};

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,actioncable=error".into()),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("onechat_listen: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let (mut url, mut user_id, mut accounts) = (None, None, Vec::new());
    let (mut presence, mut confirm) = (15, 10);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--url" => url = Some(value()?),
            "--user-id" => {
                user_id = Some(
                    value()?
                        .parse::<i64>()
                        .map_err(|e| format!("--user-id: {e}"))?,
                );
            }
            "--account" => accounts.push(
                value()?
                    .parse::<i64>()
                    .map_err(|e| format!("--account: {e}"))?,
            ),
            "--presence-secs" => {
                presence = value()?
                    .parse()
                    .map_err(|e| format!("--presence-secs: {e}"))?;
            }
            "--confirm-secs" => {
                confirm = value()?
                    .parse()
                    .map_err(|e| format!("--confirm-secs: {e}"))?;
            }
            "--help" | "-h" => {
                println!(
                    "usage: onechat_listen --url <installation url> [--user-id <id> --account <id>…] [--presence-secs n] [--confirm-secs n]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown option {other} (try --help)")),
        }
    }
    let url = url.ok_or("--url is required")?;
    let token = std::env::var("ONECHAT_PUBSUB_TOKEN")
        .map_err(|_| "set ONECHAT_PUBSUB_TOKEN to the pubsub token")?;
    let builder = match user_id {
        Some(user_id) if !accounts.is_empty() => Client::agent(&url, token, user_id, accounts),
        Some(_) => return Err("an agent needs at least one --account".to_owned()),
        None => Client::contact(&url, token),
    };
    let mut client = builder
        .presence_interval(Duration::from_secs(presence))
        .confirm_timeout(Duration::from_secs(confirm))
        .connect()
        .await
        .map_err(|e| e.to_string())?;
    eprintln!("connected; {} subscription(s) sent", client.sources().len());
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let mut stopping = false;
    loop {
        tokio::select! {
            item = client.next_event() => match item {
                Some(Ok(Update::Event { source, event, .. })) => {
                    // The body is written as received: the line is built around its text.
                    println!(
                        r#"{{"account":{},"event":{},"account_id":{},"body":{}}}"#,
                        json_number(account(&source)),
                        // A string always serializes.
                        serde_json::to_string(event.name()).unwrap_or_default(),
                        json_number(event.account_id().and_then(Id::as_i64)),
                        one_line(event.raw().get())
                    );
                }
                Some(Ok(Update::Reconnected { downtime })) => {
                    println!(r#"{{"reconnected_after_ms":{}}}"#, downtime.as_millis());
                }
                Some(Ok(Update::Subscribed { source })) => match account(&source) {
                    Some(account) => eprintln!("subscribed: account {account}"),
                    None => eprintln!("subscribed: contact"),
                },
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

/// The account of a subscription (agents).
fn account(source: &Identifier) -> Option<i64> {
    source.account_id().and_then(Id::as_i64)
}

/// JSON text on one line: a raw line break can only be whitespace between tokens (inside
/// strings it is escaped), so it becomes a space and the value is unchanged.
fn one_line(json: &str) -> std::borrow::Cow<'_, str> {
    if json.contains(['\n', '\r']) {
        json.replace(['\n', '\r'], " ").into()
    } else {
        json.into()
    }
}

/// A number, or `null`.
fn json_number(number: Option<i64>) -> String {
    number.map_or_else(|| "null".to_owned(), |number| number.to_string())
}
