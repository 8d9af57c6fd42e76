//! Test your CodeChat webhook code without a CodeChat server (feature `testkit`): post a
//! payload — raw bytes, a typed event, or one of the documented examples — to a receiver or
//! any URL, as CodeChat would, and read the status and body it answered.
//!
//! [`post`] and [`post_with`] are `chat_events_webhook`'s, shared with the Chatwoot
//! testkit of `onechat-events`.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use codechat_events::{Event, EventSource, receiver::Receiver, testkit};
//!
//! // The code under test: a receiver on a free loopback port.
//! let (server, mut receiver) = Receiver::builder().serve(([127, 0, 0, 1], 0).into()).await?;
//! let url = format!("http://{}/", server.local_addr());
//! let body = r#"{"event":"qrcode.updated","instance":"main","data":{"qrcode":{"code":"2@x"}}}"#;
//! let answer = testkit::post(&url, body).await?;
//! assert_eq!(answer.status, 200);
//! let event = receiver.next_event().await.expect("open")?;
//! assert!(matches!(event.event(), Some(Event::QrcodeUpdated(_))));
//! server.close().await?;
//! # Ok(())
//! # }
//! ```

use std::io;

use crate::Event;

use crate::corpus::FIXTURES;

/// Every documented and captured CodeChat payload of the SDK's corpus (the docs' examples,
/// Evolution API and CodeChat Go bodies published upstream), in path order: post them to
/// your receiver.
pub fn fixtures() -> Vec<chat_events_core::Fixture> {
    chat_events_core::Fixture::all(FIXTURES)
}

/// The first fixture that decodes as the known event `name` (`"messages.upsert"`).
///
/// ```
/// let fixture = codechat_events::testkit::fixture("messages.upsert").unwrap();
/// assert!(fixture.json.contains("messages.upsert"));
/// ```
pub fn fixture(name: &str) -> Option<chat_events_core::Fixture> {
    chat_events_core::Fixture::first_of::<Event>(FIXTURES, name)
}

pub use chat_events_webhook::testkit::{Posted, post, post_with};

/// POSTs a typed event: its JSON, as CodeChat sends it.
///
/// # Errors
///
/// As [`post`].
pub async fn post_event(url: &str, event: &Event) -> io::Result<Posted> {
    let body = serde_json::to_vec(event).map_err(io::Error::other)?;
    post(url, body).await
}

/// The `Authorization` header value Evolution API sends with a `jwt_key`: `Bearer` and an
/// HS256 token signed with `secret`, issued now, expiring in 600 s (for tests of a receiver
/// with [`jwt_secret`](crate::receiver::ReceiverBuilder::jwt_secret)).
///
/// # Errors
///
/// When the token cannot be signed.
pub fn evolution_authorization(secret: &chat_events_core::Secret) -> io::Result<String> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    chat_events_webhook::auth::evolution::sign(secret, now, now + 600)
        .map(|token| format!("Bearer {token}"))
        .map_err(|refusal| io::Error::new(io::ErrorKind::InvalidInput, refusal))
}
