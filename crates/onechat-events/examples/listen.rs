//! Listens to a OneChat installation and prints each event as a JSON line.
//!
//! ```text
//! ONECHAT_PUBSUB_TOKEN=… cargo run -p onechat-events --features client --example listen -- \
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
//! "body": <the broadcast>}` or `{"reconnected_after_ms": …}`; errors go to stderr.

use std::{process::ExitCode, time::Duration};

use onechat_events::{
    EventSource,
    client::{Client, Update},
};
use serde_json::json;

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
            eprintln!("listen: {message}");
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
                    "usage: listen --url <installation url> [--user-id <id> --account <id>…] [--presence-secs n] [--confirm-secs n]"
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
    eprintln!(
        "connected; {} subscription(s) confirmed",
        client.subscriptions().len()
    );
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let mut stopping = false;
    loop {
        tokio::select! {
            item = client.next_event() => match item {
                Some(Ok(Update::Event(delivery))) => {
                    let account = delivery.subscription.account_id().and_then(onechat_events::Id::as_i64);
                    let line = json!({
                        "account": account,
                        "event": delivery.event.name(),
                        "account_id": delivery.event.account_id().and_then(onechat_events::Id::as_i64),
                        "body": delivery.event.raw(),
                    });
                    println!("{line}");
                }
                Some(Ok(Update::Reconnected { downtime })) => {
                    println!("{}", json!({ "reconnected_after_ms": downtime.as_millis() }));
                }
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
