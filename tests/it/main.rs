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
