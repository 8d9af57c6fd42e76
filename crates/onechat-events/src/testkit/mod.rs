//! Test your OneChat code without a OneChat (Chatwoot) installation: an in-process Action
//! Cable server on 127.0.0.1 speaking Rails' frames (feature `testkit`).
//!
//! [`CableServer`] is the whole peer: `welcome`, pings, `confirm_subscription` for
//! `RoomChannel` (or `reject_subscription` for a refused token), `update_presence` counted,
//! and what the test broadcasts — to a pubsub token or to an account, as raw JSON or a typed
//! event — plus `disconnect` with any reason, dropped sockets and pauses (a stale server).
//! [`ScriptedCable`] runs a script per connection instead, with the frame builders of this
//! module ([`welcome`], [`confirm`], [`data`], [`disconnect`]…), for testing a client
//! against each of Rails' behaviours one frame at a time.
//!
//! Written here rather than taken from a crate: no Action Cable *server* exists on
//! crates.io, and a real Rails (which the SDK's own tests also run) cannot be scripted from a
//! test. It uses tokio-tungstenite, which the client already depends on through
//! `actioncable-client`, listens on 127.0.0.1 only and stops when dropped.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//!
//! use onechat_events::{Event, EventSource, client::Update, testkit::CableServer};
//!
//! let server = CableServer::start().await?;
//! // The code under test connects as it would to OneChat.
//! let mut client = server.agent("pubsub-token", 7, vec![1]).connect().await?;
//! assert!(server.subscribed(Some(1), 1, Duration::from_secs(5)).await);
//! let typing = r#"{"event":"conversation.typing_on","data":{"conversation":{"id":5},"user":{"id":7,"name":"Ann"},"is_private":false,"account_id":1}}"#;
//! server.broadcast_to_account(1, typing);
//! loop {
//!     if let Update::Event { event, .. } = client.next_event().await.expect("open")? {
//!         assert!(matches!(event.event(), Event::ConversationTypingOn(_)));
//!         break;
//!     }
//! }
//! # Ok(())
//! # }
//! ```

mod scripted;
mod server;

pub use scripted::{
    CableSocket, ScriptedCable, accept, confirm, data, disconnect, idle, ping, reject, welcome,
    welcome_and_subscribes,
};
pub use server::CableServer;
/// The WebSocket message type the frame builders return.
pub use tokio_tungstenite::tungstenite::Message;

use crate::corpus::{FIXTURES, WEBHOOK_FIXTURES};

/// Every documented and captured OneChat payload of the SDK's corpus (broadcasts, data
/// frames), in path order: feed them to your code; [`Fixture::body`](chat_events_core::Fixture::body)
/// gives the broadcast a server pushes.
pub fn fixtures() -> Vec<chat_events_core::Fixture> {
    chat_events_core::Fixture::all(FIXTURES)
}

/// The first fixture that decodes as the known event `name` ("conversation.typing_on").
///
/// ```
/// let fixture = onechat_events::testkit::fixture("conversation.typing_on").unwrap();
/// assert!(fixture.body::<onechat_events::Event>().starts_with('{'));
/// ```
pub fn fixture(name: &str) -> Option<chat_events_core::Fixture> {
    chat_events_core::Fixture::first_of::<crate::Event>(FIXTURES, name)
}

/// Every documented and captured Chatwoot-style webhook body of the SDK's corpus (decode
/// them as [`WebhookEvent`](crate::webhook_events::WebhookEvent)), in path order.
///
/// ```
/// use onechat_events::{ProviderEvent, webhook_events::WebhookEvent};
///
/// let fixtures = onechat_events::testkit::webhook_fixtures();
/// assert!(fixtures.iter().any(|fixture| fixture.decode::<WebhookEvent>()
///     .is_ok_and(|decoded| decoded.name() == "message_created")));
/// ```
pub fn webhook_fixtures() -> Vec<chat_events_core::Fixture> {
    chat_events_core::Fixture::all(WEBHOOK_FIXTURES)
}
