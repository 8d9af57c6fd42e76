//! A small help desk on OneChat's live events: it connects as an agent over Action Cable,
//! announces each message a contact writes, follows conversations being resolved, reopened,
//! put on hold or snoozed, and shows who is typing where.
//!
//! ```text
//! ONECHAT_URL=https://chat.example.com ONECHAT_PUBSUB_TOKEN=… ONECHAT_USER_ID=7 ONECHAT_ACCOUNTS=1,2 \
//!     cargo run -p onechat-events --features client --example onechat_helpdesk
//! ```
//!
//! Configuration comes from the environment, never from the command line (which other users
//! of the machine can see):
//!
//! - `ONECHAT_URL` (required): the installation's URL (`https://…`; the client dials its
//!   `/cable`);
//! - `ONECHAT_PUBSUB_TOKEN` (required): the agent's pubsub token (`GET /api/v1/profile`);
//! - `ONECHAT_USER_ID` (required): the agent's user id;
//! - `ONECHAT_ACCOUNTS` (required): the accounts to follow, separated by commas or spaces.
//!
//! It prints `new message in conversation <id> from <sender>: <text>` for every message a
//! contact writes (`message.created`; agents' replies and private notes are left out),
//! `conversation <id> is now <status>` (`conversation.status_changed`), and `<name> is
//! typing in conversation <id>` (`conversation.typing_on`, `typing_off`). Events this
//! version does not know are logged with their name. Ctrl-C closes the connection and exits.

use std::process::ExitCode;

use onechat_events::{
    Identifier,
    normalized::ConversationStatus,
    objects::{Message, Typing},
    prelude::*,
};

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
        Ok(value) if !value.trim().is_empty() => Ok(value.trim().to_owned()),
        Ok(_) => Err(format!("{name} is set but empty: set it to {what}")),
        Err(_) => Err(format!("set {name} to {what}")),
    }
}

/// The agent's client, configured from the environment.
fn client_from_env() -> Result<onechat_events::client::ClientBuilder, String> {
    let url = required("ONECHAT_URL", "the installation's URL (https://…)")?;
    let token = required("ONECHAT_PUBSUB_TOKEN", "the agent's pubsub token")?;
    let user_id = required("ONECHAT_USER_ID", "the agent's user id")?;
    let user_id = user_id
        .parse::<i64>()
        .map_err(|error| format!("ONECHAT_USER_ID={user_id:?} is not a number ({error})"))?;
    let accounts = required("ONECHAT_ACCOUNTS", "the account ids, e.g. 1,2")?
        .split([',', ' '])
        .filter(|account| !account.is_empty())
        .map(|account| {
            account
                .parse::<i64>()
                .map_err(|error| format!("ONECHAT_ACCOUNTS: {account:?} is not a number ({error})"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Client::agent(&url, token, user_id, accounts))
}

async fn run() -> Result<(), String> {
    let mut client = match client_from_env()?.connect().await {
        Ok(client) => client,
        // The configuration cannot work (a URL that is not http(s), no account…).
        Err(ClientError::Config { message }) => return Err(format!("configuration: {message}")),
        // No first connection within the connect timeout: say why, with the cause underneath.
        Err(ClientError::Connect { message, cause }) => {
            // The error underneath, unless the message already says it.
            let cause = cause
                .map(|cause| cause.to_string())
                .filter(|cause| !message.contains(cause.as_str()))
                .map_or_else(String::new, |cause| format!(" ({cause})"));
            return Err(format!("cannot connect to OneChat: {message}{cause}"));
        }
        Err(other) => return Err(other.to_string()),
    };
    eprintln!(
        "helpdesk: connected, {} account(s); Ctrl-C to stop",
        client.sources().len()
    );

    let mut stop = Box::pin(tokio::signal::ctrl_c());
    let mut stopping = false;
    loop {
        tokio::select! {
            // Cancel safe: when Ctrl-C wins the race, no event is lost.
            item = client.next_event() => match item {
                Some(Ok(Update::Event { source, event, .. })) => match event.event() {
                    Event::MessageCreated(created) => on_message(&created.data),
                    Event::ConversationStatusChanged(change) => {
                        let conversation = &change.data;
                        let id = conversation.id.get().map_or_else(|| "?".to_owned(), ToString::to_string);
                        // A status this version does not know is kept as sent.
                        let status = conversation.conversation_status().map_or_else(
                            || conversation.status.get().map_or("without a status", |status| status.as_str()).to_owned(),
                            describe,
                        );
                        println!("conversation {id} is now {status}");
                    }
                    Event::ConversationTypingOn(typing) => on_typing(&typing.data, true),
                    Event::ConversationTypingOff(typing) => on_typing(&typing.data, false),
                    Event::Unknown(unknown) => {
                        eprintln!("helpdesk: unknown event {} ({})", unknown.name(), account(&source));
                    }
                    _ => {}
                },
                Some(Ok(Update::Subscribed { source })) => eprintln!("helpdesk: following {}", account(&source)),
                // Nothing sent while disconnected is replayed: a real desk resyncs over REST.
                Some(Ok(Update::Reconnected { downtime })) => {
                    eprintln!("helpdesk: reconnected after {downtime:?}; events of that time are missing");
                }
                Some(Ok(_)) => {}
                // A subscription refused or never confirmed (a wrong token, user or account):
                // reported alone, the other accounts keep working.
                Some(Err(ClientError::Rejected { identifier })) => {
                    eprintln!("helpdesk: {} was refused: check the token and user id", account(&identifier));
                }
                Some(Err(error)) => eprintln!("helpdesk: {error}"),
                // Closed (Ctrl-C), or stopped for good.
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
    Ok(())
}

/// Announces a message a contact wrote (not agents' replies, notes or activity lines).
fn on_message(message: &Message) {
    if message.direction() != Some(Direction::Incoming) || message.private == true {
        return;
    }
    let chat = message
        .chat_id()
        .map_or_else(|| "?".to_owned(), ToString::to_string);
    let sender = message.sender();
    let from = sender
        .as_ref()
        .and_then(|sender| sender.name.clone())
        .or_else(|| sender.map(|sender| format!("contact {}", sender.id)))
        .unwrap_or_else(|| "a contact".to_owned());
    let text = message.text().unwrap_or("(attachment)");
    println!("new message in conversation {chat} from {from}: {text}");
}

/// Shows who started or stopped typing.
fn on_typing(typing: &Typing, started: bool) {
    let who = typing.user.name().unwrap_or("someone");
    let chat = typing
        .conversation
        .id
        .get()
        .map_or_else(|| "?".to_owned(), ToString::to_string);
    if started {
        println!("{who} is typing in conversation {chat}");
    } else {
        println!("{who} stopped typing in conversation {chat}");
    }
}

/// A subscription in words.
fn account(source: &Identifier) -> String {
    source.account_id().map_or_else(
        || "the contact subscription".to_owned(),
        |id| format!("account {id}"),
    )
}

/// A conversation status in words.
fn describe(status: ConversationStatus) -> String {
    match status {
        ConversationStatus::Open => "open",
        ConversationStatus::Pending => "pending",
        ConversationStatus::Snoozed => "snoozed",
        ConversationStatus::Closed => "resolved",
        _ => "in another status",
    }
    .to_owned()
}
