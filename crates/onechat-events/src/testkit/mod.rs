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

pub use chat_events_webhook::testkit::{Posted, post, post_with};

/// POSTs a Chatwoot webhook `body` to `url` as Chatwoot does: signed with `secret` at the
/// current time (`X-Chatwoot-Signature`, `X-Chatwoot-Timestamp`) and with `delivery` as its
/// `X-Chatwoot-Delivery` id (post the same id again to send a repeat).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use onechat_events::{EventSource, ProviderEvent, receiver::Receiver, testkit, webhook_events::WebhookEvent};
///
/// let (server, mut receiver) = Receiver::builder()
///     .signature_secret("s3cret")
///     .serve(([127, 0, 0, 1], 0).into())
///     .await?;
/// let url = format!("http://{}/", server.local_addr());
/// let body = testkit::webhook_fixtures()
///     .into_iter()
///     .find(|f| f.decode::<WebhookEvent>().is_ok_and(|d| d.name() == "message_created"))
///     .unwrap();
/// let secret = "s3cret".into();
/// let delivery = "5a0e1f2c-0b1d-4c53-9d4e-6d3f1b0c9a11";
/// assert_eq!(testkit::post_signed(&url, &secret, delivery, body.json.clone()).await?.status, 200);
/// // A repeat is answered 200 and not delivered again.
/// let repeat = testkit::post_signed(&url, &secret, delivery, body.json.clone()).await?;
/// assert_eq!(repeat.json().unwrap()["repeat"], true);
/// let update = receiver.next_event().await.expect("open")?;
/// assert!(matches!(update.event(), Some(WebhookEvent::MessageCreated(_))));
/// assert_eq!(update.source().map(|s| s.delivery.as_deref()), Some(Some(delivery)));
/// server.close().await?;
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// As [`post`].
pub async fn post_signed(
    url: &str,
    secret: &chat_events_core::Secret,
    delivery: &str,
    body: impl Into<Vec<u8>>,
) -> std::io::Result<Posted> {
    use chat_events_webhook::auth::chatwoot;

    let body = body.into();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let signature = chatwoot::sign(secret, now, &body);
    let timestamp = now.to_string();
    post_with(
        url,
        &[
            (chatwoot::SIGNATURE_HEADER, &signature),
            (chatwoot::TIMESTAMP_HEADER, &timestamp),
            (chatwoot::DELIVERY_HEADER, delivery),
        ],
        body,
    )
    .await
}

/// POSTs a typed webhook: its JSON, as Chatwoot sends it (unsigned; see [`post_signed`]).
///
/// # Errors
///
/// As [`post`].
pub async fn post_webhook(
    url: &str,
    event: &crate::webhook_events::WebhookEvent,
) -> std::io::Result<Posted> {
    let body = serde_json::to_vec(event).map_err(std::io::Error::other)?;
    post(url, body).await
}
