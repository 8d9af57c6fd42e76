//! Integration tests that are not per-fixture: decoding behaviour, errors, lenient values.
#![allow(clippy::too_many_lines)] // scenario tests read best as one list of assertions

mod bad_input;
mod chatapp;
mod chatapp_client;
mod chatapp_testkit;
mod codechat;
mod codechat_baileys;
mod codechat_webhook;
mod codechat_webhook_faults;
mod drift_stream;
mod fuzz_regressions;
mod jid;
mod layout;
mod misread;
mod nats;
mod normalized;
mod normalized_app;
mod one_pass;
mod onechat;
mod onechat_client;
mod onechat_fake_cable;
mod onechat_testkit;
mod schema_agreement;
mod shape;
mod sockudo;
mod testkit_fixtures;
mod threads;
mod user_project;
mod webhook_auth;
mod webhook_receivers;

/// A reqwest client. The workspace builds reqwest with `rustls-no-provider` (through
/// chatapp-events' client), so a rustls provider must be installed before the first one.
pub(crate) use chat_events_tests::peers::http_client;

/// Tests that measure this process's memory take turns, so that one's allocations do not
/// count against another.
pub(crate) static MEMORY: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub(crate) use chat_events_tests::peers::free_port;

/// The path of example `name` of `package` (built by `cargo test` with the test binary).
pub(crate) fn example(package: &str, name: &str) -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe
        .parent()
        .and_then(|deps| deps.parent())
        .unwrap()
        .join("examples")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build -p {package} --all-features --examples`",
        path.display()
    );
    path
}

/// Reads a child's stdout as JSON lines, one per call (blocking: call it in
/// `block_in_place`).
pub(crate) fn json_lines(
    child: &mut std::process::Child,
) -> impl FnMut() -> serde_json::Value + use<> {
    use std::io::BufRead;
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    move || {
        let line = lines.next().expect("a line").expect("readable");
        serde_json::from_str(&line).unwrap()
    }
}
