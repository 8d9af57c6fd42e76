//! A small help desk on CodeChat webhooks: it receives CodeChat's POSTs, announces each new
//! message a contact wrote, keeps the last message of every chat in memory, and says when a
//! message this line sent was read.
//!
//! ```text
//! HELPDESK_ADDR=127.0.0.1:8080 HELPDESK_PATH=/webhooks/codechat \
//!     cargo run -p codechat-events --features receiver --example codechat_helpdesk
//! ```
//!
//! Point the instance's webhook at `http://<HELPDESK_ADDR><HELPDESK_PATH>`. Configuration
//! comes from the environment:
//!
//! - `HELPDESK_ADDR`: where to listen (default `127.0.0.1:8080`);
//! - `HELPDESK_PATH`: the route CodeChat posts to (default `/webhooks/codechat`);
//! - `CODECHAT_WEBHOOK_SECRET`: a shared secret the requests must carry in the header named
//!   by `CODECHAT_WEBHOOK_SECRET_HEADER` (default `apikey`); without it, anyone who knows
//!   the URL can post.
//!
//! It prints `new message in <chat> from <sender>: <text>` for every message a contact wrote
//! (`messages.upsert`, `new.message`; messages this line sent are only remembered),
//! `<chat>: message <id> was read` for read receipts (`messages.update`), and the name of every
//! event this version does not know. Ctrl-C stops the server (requests in flight finish, the
//! queue is drained), prints the last message of each chat, and exits.

use std::{collections::HashMap, net::SocketAddr, process::ExitCode};

use codechat_events::prelude::*;

/// What the help desk remembers of a chat: its last message.
#[derive(Debug)]
struct LastMessage {
    /// Who wrote it (`this line` for messages the line sent).
    from: String,
    /// Its text, or a placeholder for media without a caption.
    text: String,
    /// When it was sent, in Unix seconds, when the payload says.
    timestamp: Option<i64>,
}

/// The help desk's configuration, from the environment.
struct Config {
    addr: SocketAddr,
    path: String,
    secret: Option<(String, String)>,
}

impl Config {
    fn from_env() -> Result<Self, String> {
        let addr = match std::env::var("HELPDESK_ADDR") {
            Ok(addr) => addr
                .parse()
                .map_err(|error| format!("HELPDESK_ADDR={addr:?} is not an ip:port ({error})"))?,
            Err(_) => SocketAddr::from(([127, 0, 0, 1], 8080)),
        };
        let path =
            std::env::var("HELPDESK_PATH").unwrap_or_else(|_| "/webhooks/codechat".to_owned());
        if !path.starts_with('/') {
            return Err(format!("HELPDESK_PATH={path:?} must start with /"));
        }
        let secret = match std::env::var("CODECHAT_WEBHOOK_SECRET") {
            Ok(secret) if secret.is_empty() => {
                return Err("CODECHAT_WEBHOOK_SECRET is set but empty".to_owned());
            }
            Ok(secret) => {
                let header = std::env::var("CODECHAT_WEBHOOK_SECRET_HEADER")
                    .unwrap_or_else(|_| "apikey".to_owned());
                Some((header, secret))
            }
            Err(_) => None,
        };
        Ok(Self { addr, path, secret })
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("helpdesk: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let config = Config::from_env()?;
    let mut builder = Receiver::builder().path(config.path.clone());
    if let Some((header, secret)) = &config.secret {
        builder = builder.secret_header(header, secret.clone());
    } else {
        eprintln!("helpdesk: no CODECHAT_WEBHOOK_SECRET: anyone who knows the URL can post");
    }
    let (server, mut events) = builder
        .serve(config.addr)
        .await
        .map_err(|error| format!("cannot listen on {}: {error}", config.addr))?;
    eprintln!(
        "helpdesk: receiving CodeChat webhooks on http://{}{} (Ctrl-C to stop)",
        server.local_addr(),
        config.path
    );

    let mut last_messages: HashMap<String, LastMessage> = HashMap::new();
    let mut server = Some(server);
    let mut closing = None;
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    loop {
        tokio::select! {
            item = events.next_event() => match item {
                Some(Ok(update)) => {
                    if let Some(event) = update.event() {
                        handle(event, &mut last_messages);
                    }
                }
                // A body that did not decode was answered 422; the server goes on.
                Some(Err(error)) => eprintln!("helpdesk: {error}"),
                // The server is closed and every accepted event was handled.
                None => break,
            },
            // Polled only until the first Ctrl-C (a completed future must not be polled again).
            signal = &mut stop, if server.is_some() => {
                if let Err(error) = signal {
                    eprintln!("helpdesk: cannot watch Ctrl-C ({error}); stopping");
                }
                eprintln!("helpdesk: stopping: finishing requests in flight");
                if let Some(server) = server.take() {
                    // Closed beside the loop, which keeps handling what is queued meanwhile.
                    closing = Some(tokio::spawn(server.close()));
                }
            }
        }
    }
    if let Some(closing) = closing {
        closing
            .await
            .map_err(|error| format!("server task: {error}"))?
            .map_err(|error| format!("server: {error}"))?;
    }

    println!("last message per chat:");
    let mut chats: Vec<_> = last_messages.iter().collect();
    chats.sort_by_key(|(_, last)| std::cmp::Reverse(last.timestamp));
    for (chat, last) in chats {
        let when = last
            .timestamp
            .map_or_else(String::new, |seconds| format!(" at {seconds}"));
        println!("  {chat}: {} wrote{when}: {}", last.from, last.text);
    }
    Ok(())
}

/// Reacts to one event.
fn handle(event: &Event, last_messages: &mut HashMap<String, LastMessage>) {
    match event {
        // The open-source server's and the cloud's names for a new message.
        Event::MessagesUpsert(payload) | Event::NewMessage(payload) => {
            if let Some(message) = payload.data.get() {
                on_message(message, last_messages);
            }
        }
        // Receipts: sent, delivered, read…
        Event::MessagesUpdate(payload) => {
            if let Some(receipt) = payload.data.get()
                && receipt.delivery_status() == Some(DeliveryStatus::Read)
            {
                let chat = receipt.chat_id().unwrap_or("a chat");
                let id = receipt.message_id().unwrap_or_default();
                println!("{chat}: message {id} was read");
            }
        }
        // A new event kind: the SDK kept it (raw JSON in the decoded event); say its name.
        Event::Unknown(unknown) => eprintln!("helpdesk: unknown event {}", unknown.name()),
        _ => {}
    }
}

/// Remembers a message, and announces it when a contact wrote it.
fn on_message(message: &WebhookMessage, last_messages: &mut HashMap<String, LastMessage>) {
    let Some(chat) = message.chat_id() else {
        return; // a shape that names no chat (kept raw by the SDK)
    };
    let text = message
        .text()
        .unwrap_or("(media or other content)")
        .to_owned();
    let from = if message.from_me() == Some(true) {
        "this line".to_owned()
    } else {
        // The contact's push name, else its number.
        let sender = message.sender();
        let name = sender
            .as_ref()
            .and_then(|sender| sender.name.clone())
            .or_else(|| sender.map(|sender| sender.id))
            .unwrap_or_else(|| chat.to_owned());
        println!("new message in {chat} from {name}: {text}");
        name
    };
    last_messages.insert(
        chat.to_owned(),
        LastMessage {
            from,
            text,
            timestamp: message.timestamp(),
        },
    );
}
