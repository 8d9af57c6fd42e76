//! A small help desk on ChatApp's live events: it listens to ChatApp's private channels,
//! announces each message a contact wrote (text, chat, sender), follows the delivery status
//! of the messages sent, and keeps the last message of every chat in memory.
//!
//! ```text
//! CHATAPP_ACCESS_TOKEN='$2y$10$…' \
//! CHATAPP_CHANNELS='private-v1.licenses.1229.messengers.grWhatsApp private-v1.companies.2224' \
//!     cargo run -p chatapp-events --features client --example chatapp_helpdesk
//! ```
//!
//! Configuration comes from the environment, never from the command line (which other users
//! of the machine can see):
//!
//! - `CHATAPP_ACCESS_TOKEN` (required): the access token (`POST /v1/tokens`);
//! - `CHATAPP_CHANNELS` (required): the private channels to listen to, separated by spaces or
//!   commas (`private-v1.companies.<id>`, `private-v1.licenses.<id>.messengers.<type>`, …);
//! - `CHATAPP_HOST`, `CHATAPP_PORT`, `CHATAPP_AUTH_URL`, `CHATAPP_NO_TLS=1` (optional): to
//!   point the client elsewhere (a test server).
//!
//! It prints `new message in <chat> from <sender>: <text>` for each incoming message,
//! `<chat>: message <id> <status>` for each status change (`sent`, `delivered`, `read`,
//! `failed`), and the name of every event this version does not know. Ctrl-C closes the
//! connection, prints the last message of each chat, and exits.

use std::{collections::HashMap, process::ExitCode};

use chatapp_events::{objects::Message, prelude::*};

/// What the help desk remembers of a chat: its last message.
struct LastMessage {
    /// Who wrote it.
    from: String,
    /// Its text, or a placeholder for attachments.
    text: String,
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

/// An environment variable that must be set and not blank.
fn required(name: &str, what: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(value),
        Ok(_) => Err(format!("{name} is set but empty: set it to {what}")),
        Err(_) => Err(format!("set {name} to {what}")),
    }
}

/// The client, configured from the environment.
fn client_from_env() -> Result<chatapp_events::client::ClientBuilder, String> {
    let token = required("CHATAPP_ACCESS_TOKEN", "the ChatApp access token")?;
    let channels = required(
        "CHATAPP_CHANNELS",
        "the channels to listen to (e.g. private-v1.companies.2224)",
    )?;
    let mut builder = Client::builder(token);
    for name in channels.split([' ', ',']).filter(|name| !name.is_empty()) {
        let channel = name
            .parse::<Channel>()
            .map_err(|error| format!("CHATAPP_CHANNELS: {name:?}: {error}"))?;
        builder = builder.channel(channel);
    }
    if let Ok(host) = std::env::var("CHATAPP_HOST") {
        builder = builder.host(host);
    }
    if let Ok(port) = std::env::var("CHATAPP_PORT") {
        let port = port
            .parse()
            .map_err(|error| format!("CHATAPP_PORT={port:?}: {error}"))?;
        builder = builder.port(port);
    }
    if let Ok(url) = std::env::var("CHATAPP_AUTH_URL") {
        builder = builder.auth_url(url);
    }
    if std::env::var_os("CHATAPP_NO_TLS").is_some() {
        builder = builder.tls(false);
    }
    Ok(builder)
}

async fn run() -> Result<(), String> {
    let client = client_from_env()?.connect().await;
    let mut client = match client {
        Ok(client) => client,
        // The configuration cannot work (an auth URL that is not http(s), an empty host…).
        Err(ClientError::Config { message }) => return Err(format!("configuration: {message}")),
        // No first connection within the connect timeout: say why, with the cause underneath.
        Err(ClientError::Connect { message, cause }) => {
            // The error underneath, unless the message already says it.
            let cause = cause
                .map(|cause| cause.to_string())
                .filter(|cause| !message.contains(cause.as_str()))
                .map_or_else(String::new, |cause| format!(" ({cause})"));
            return Err(format!("cannot connect to ChatApp: {message}{cause}"));
        }
        Err(other) => return Err(other.to_string()),
    };
    eprintln!(
        "helpdesk: connected, {} channel(s); Ctrl-C to stop",
        client.sources().len()
    );

    let mut last_messages: HashMap<String, LastMessage> = HashMap::new();
    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let mut stopping = false;
    loop {
        tokio::select! {
            // Cancel safe: when Ctrl-C wins the race, no event is lost.
            item = client.next_event() => match item {
                Some(Ok(Update::Event { source, event, .. })) => match event.event() {
                    Event::Message(payload) => {
                        for message in &payload.data {
                            on_message(message, &mut last_messages);
                        }
                    }
                    Event::MessageStatus(payload) => {
                        for change in &payload.data {
                            let status = change
                                .delivery_status()
                                .map_or_else(|| change.kind.as_str().to_owned(), describe);
                            println!("{}: message {} {status}", change.chat_id(), change.message_id());
                        }
                    }
                    Event::Unknown(unknown) => {
                        eprintln!("helpdesk: unknown event {} on {source}", unknown.name());
                    }
                    _ => {}
                },
                Some(Ok(Update::Subscribed { source })) => eprintln!("helpdesk: subscribed to {source}"),
                // Nothing sent while disconnected is replayed: a real desk resyncs over REST.
                Some(Ok(Update::Reconnected { downtime })) => {
                    eprintln!("helpdesk: reconnected after {downtime:?}; events of that time are missing");
                }
                Some(Ok(_)) => {}
                // A refused channel, a payload that did not decode: reported, the client goes on.
                Some(Err(ClientError::Subscription { channel, failure })) => {
                    eprintln!("helpdesk: cannot listen to {channel}: {failure}");
                }
                Some(Err(error)) => eprintln!("helpdesk: {error}"),
                // Closed (Ctrl-C), or stopped for good by the server.
                None => break,
            },
            // Polled only until the first Ctrl-C (a completed future must not be polled again).
            signal = &mut stop, if !stopping => {
                if let Err(error) = signal {
                    eprintln!("helpdesk: cannot watch Ctrl-C ({error}); stopping");
                }
                stopping = true;
                client.close().await;
            }
        }
    }

    println!("last message per chat:");
    for (chat, last) in &last_messages {
        println!("  {chat}: {}: {}", last.from, last.text);
    }
    Ok(())
}

/// Remembers a message, and announces it when a contact wrote it.
fn on_message(message: &Message, last_messages: &mut HashMap<String, LastMessage>) {
    let chat = message.chat_id().to_string();
    let text = message.text().unwrap_or("(attachment)").to_owned();
    let sender = message.sender();
    let from = sender
        .as_ref()
        .and_then(|sender| sender.name.clone())
        .or_else(|| sender.map(|sender| sender.id))
        .unwrap_or_else(|| "an employee".to_owned());
    if message.direction() == Direction::Incoming {
        println!("new message in {chat} from {from}: {text}");
    }
    last_messages.insert(chat, LastMessage { from, text });
}

/// A delivery status in words.
fn describe(status: DeliveryStatus) -> String {
    match status {
        DeliveryStatus::Sent => "was sent",
        DeliveryStatus::Delivered => "was delivered",
        DeliveryStatus::Read => "was read",
        DeliveryStatus::Failed => "failed",
        DeliveryStatus::Deleted => "was deleted",
        _ => "changed status",
    }
    .to_owned()
}
