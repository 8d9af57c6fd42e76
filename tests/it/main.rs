//! Integration tests that are not per-fixture: decoding behaviour, errors, lenient values.
#![allow(clippy::too_many_lines)] // scenario tests read best as one list of assertions

mod chatapp;
mod chatapp_client;
mod codechat;
mod codechat_webhook;
mod onechat;
mod onechat_client;
mod onechat_fake_cable;
mod pusher_fake;
mod rails_cable;
mod sockudo;

/// A reqwest client. The workspace builds reqwest with `rustls-no-provider` (through
/// chatapp-events' client), so a rustls provider must be installed before the first one.
pub(crate) fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
