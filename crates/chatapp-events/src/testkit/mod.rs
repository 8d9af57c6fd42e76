//! Test your ChatApp code without a ChatApp account: an in-process Pusher 7 server and its
//! authorisation endpoint on 127.0.0.1 (feature `testkit`).
//!
//! [`PusherServer`] is the whole peer: it authorises private channels through its own
//! Laravel-like endpoint, confirms subscriptions, answers pings, and lets the test push
//! events (typed, fixtures or raw JSON) to a channel, refuse a channel's authorisation, send
//! `pusher:error`, close with any code, drop the sockets or stop answering for a while.
//! [`ScriptedServer`] runs a script per connection instead, frame by frame, for testing a
//! client against each server dialect and fault; [`AuthEndpoint`] is the endpoint alone.
//!
//! Written here rather than taken from a crate: the Pusher servers on crates.io (`sockudo`,
//! `soketi` ports) are whole services with their own configuration and cannot be scripted
//! from a test; this one is a few hundred lines on tokio-tungstenite and hyper, which the
//! client already uses. It listens on 127.0.0.1 only and stops when dropped.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//!
//! use chatapp_events::{Channel, Event, EventSource, client::Update, testkit::PusherServer};
//!
//! let server = PusherServer::start().await?;
//! let channel: Channel = "private-v1.licenses.1229.messengers.grWhatsApp".parse()?;
//! // The code under test connects as it would to ChatApp.
//! let mut client = server.client("token").channel(channel.clone()).connect().await?;
//! assert!(server.subscribed(&channel, Duration::from_secs(5)).await);
//! let body = r#"{"data":[{"id":1,"chat":{"id":2},"type":"read"}],"meta":{"type":"messageStatus","licenseId":1229,"messengerType":"grWhatsApp"}}"#;
//! server.trigger(&channel, "messageStatus", body);
//! loop {
//!     if let Update::Event { event, .. } = client.next_event().await.expect("open")? {
//!         assert!(matches!(event.event(), Event::MessageStatus(_)));
//!         break;
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod auth;
mod scripted;
mod server;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

pub use auth::{AuthCall, AuthEndpoint, AuthReply};
pub use scripted::{ScriptedServer, Session};
pub use server::PusherServer;
/// The WebSocket message type [`Session::send_raw`] sends.
pub use tokio_tungstenite::tungstenite::Message;

/// The app key the servers expect in the WebSocket URL and in signatures.
pub const APP_KEY: &str = "app-key";
/// The app secret the servers sign channel authorisations with.
pub const APP_SECRET: &str = "app-secret";

/// `key:hex(hmac_sha256(secret, "socket_id:channel"))`: a private channel's signature.
///
/// ```
/// let auth = chatapp_events::testkit::sign("key", "secret", "1.2", "private-a");
/// assert!(auth.starts_with("key:") && auth.len() == 4 + 64);
/// ```
pub fn sign(key: &str, secret: &str, socket_id: &str, channel: &str) -> String {
    // An HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(format!("{socket_id}:{channel}").as_bytes());
    format!("{key}:{}", hex::encode(mac.finalize().into_bytes()))
}

use crate::corpus::FIXTURES;

/// Every documented and captured ChatApp payload of the SDK's corpus (the documentation's
/// examples, payloads published by others), in path order: feed them to your code.
pub fn fixtures() -> Vec<chat_events_core::Fixture> {
    chat_events_core::Fixture::all(FIXTURES)
}

/// The first fixture that decodes as the known event `name` (`"messageStatus"`).
///
/// ```
/// let fixture = chatapp_events::testkit::fixture("messageStatus").unwrap();
/// assert!(fixture.json.contains("messageStatus"));
/// ```
pub fn fixture(name: &str) -> Option<chat_events_core::Fixture> {
    chat_events_core::Fixture::first_of::<crate::Event>(FIXTURES, name)
}
