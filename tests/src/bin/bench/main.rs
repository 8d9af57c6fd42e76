//! The benchmark harness: `cargo xtask bench [--smoke] [--save FILE] [--compare FILE]
//! [decode|receiver|chatapp|onechat|relay|all]`.
//!
//! Every figure is a ratio against a baseline measured in the same run on the same machine,
//! because absolute times on a shared machine say little:
//!
//! - **decode**: `Event::decode` of every fixture of a provider against parsing the same bytes
//!   into a `serde_json::Value`, and against a hand-written struct that reads only the
//!   envelope (the least a hand-rolled integration does);
//! - **receiver**: the CodeChat webhook receiver with a consumer that does nothing, against a
//!   bare axum handler that discards the body, both under `wrk` posting a real
//!   `messages.upsert` body (and Chatwoot's, signed): requests/s, p99 latency, this
//!   process's CPU time and context switches per request (what the request path costs
//!   beyond axum's, apart from `wrk` and the kernel's work for it), non-2xx answers, and
//!   events delivered against 2xx answers;
//! - **chatapp**: our Pusher client against `pusher-js` (Node) and a raw websocket reader that
//!   only counts frames, each on the same sockudo with 100 subscriptions: idle memory, CPU
//!   and context switches per event live, and the time to drain a backlog (the client frozen
//!   with `SIGSTOP` while events are published, then thawed);
//! - **onechat**: our Action Cable client against `@rails/actioncable` (Node with `ws`) and a
//!   raw reader on the same Rails server, for an agent in 100 accounts: time to connect and
//!   confirm every subscription, idle memory, CPU per broadcast live and draining a backlog
//!   (each broadcast reaches every subscription, as Chatwoot's token streams do);
//! - **relay**: events stored in NATS JetStream by `chat-events-nats`'s sink against raw
//!   `async-nats` publishes of the same bytes.
//!
//! `--save FILE` keeps the table; `--compare FILE` adds a table of what changed since a saved
//! run on the same machine (see `compare.rs`).
//!
//! The clients run as child processes of this binary (`bench child …`) so that each one's
//! CPU, context switches and memory are its own. `--smoke` runs every part with tiny counts:
//! the test command runs it so the harness cannot rot; its figures mean nothing.
//!
//! The peers are started by `chat_events_tests::peers`; the Node packages are looked up in
//! `CHAT_EVENTS_BENCH_NODE` (a `node_modules` folder; `cargo xtask bench` installs them into
//! `target/bench-node`).

#![forbid(unsafe_code)]
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_possible_wrap,
    clippy::missing_panics_doc,
    clippy::print_stdout,
    clippy::print_stderr
)]

mod child;
mod clients;
mod compare;
mod decode;
mod receiver;
mod relay;
mod usage;

use std::fmt::Write as _;

/// How much work each part does.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scale {
    /// Tiny counts, for the test command.
    pub smoke: bool,
}

impl Scale {
    /// `full` normally, `smoke` in smoke mode.
    pub(crate) const fn pick<T: Copy>(self, full: T, smoke: T) -> T {
        if self.smoke { smoke } else { full }
    }
}

/// One line of the final table.
pub(crate) struct Row {
    /// What was measured.
    pub what: String,
    /// Ours / baseline.
    pub ratio: f64,
    /// The target, if the issue set one, with its direction.
    pub target: Option<Target>,
    /// The measured figures behind the ratio.
    pub detail: String,
}

/// A target for a ratio.
#[derive(Clone, Copy)]
pub(crate) enum Target {
    /// The ratio must be at most this.
    AtMost(f64),
    /// The ratio must be at least this.
    AtLeast(f64),
}

impl Row {
    fn verdict(&self) -> &'static str {
        match self.target {
            None => "",
            Some(Target::AtMost(limit)) if self.ratio <= limit => "met",
            Some(Target::AtLeast(limit)) if self.ratio >= limit => "met",
            Some(_) => "NOT met",
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        child::main(&args[1..]);
        return;
    }
    let smoke = args.iter().any(|arg| arg == "--smoke");
    // `--save FILE` and `--compare FILE` take the next argument.
    let value_of = |flag: &str| {
        args.iter().position(|arg| arg == flag).map(|at| {
            args.get(at + 1)
                .cloned()
                .unwrap_or_else(|| usage(&format!("{flag} needs a file")))
        })
    };
    let save = value_of("--save");
    let before = value_of("--compare").map(|path| {
        compare::load(std::path::Path::new(&path)).unwrap_or_else(|error| usage(&error))
    });
    let mut skip_next = false;
    let parts: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|arg| {
            if std::mem::take(&mut skip_next) {
                return false;
            }
            skip_next = matches!(*arg, "--save" | "--compare");
            !arg.starts_with("--")
        })
        .collect();
    let parts = if parts.is_empty() || parts == ["all"] {
        vec!["decode", "receiver", "chatapp", "onechat", "relay"]
    } else {
        parts
    };
    let scale = Scale { smoke };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let mut rows = Vec::new();
    for part in parts {
        eprintln!("bench: {part}{}", if smoke { " (smoke)" } else { "" });
        match part {
            "decode" => rows.extend(decode::run(scale)),
            "receiver" => rows.extend(runtime.block_on(receiver::run(scale))),
            "chatapp" => rows.extend(runtime.block_on(clients::chatapp(scale))),
            "onechat" => rows.extend(runtime.block_on(clients::onechat(scale))),
            "relay" => rows.extend(runtime.block_on(relay::run(scale))),
            other => {
                eprintln!(
                    "unknown part {other:?}; expected decode, receiver, chatapp, onechat, relay or all"
                );
                std::process::exit(2);
            }
        }
    }
    print!("{}", table(&rows));
    if smoke {
        println!("(smoke mode: tiny counts, the figures mean nothing)");
    }
    if let Some(before) = before {
        println!();
        print!("{}", compare::compare(&before, &rows));
    }
    if let Some(path) = save {
        compare::save(&rows, std::path::Path::new(&path)).unwrap_or_else(|error| usage(&error));
        eprintln!("bench: table saved to {path}");
    }
}

/// Says what is wrong with the command line and exits.
fn usage(problem: &str) -> ! {
    eprintln!(
        "bench: {problem}\nusage: bench [--smoke] [--save FILE] [--compare FILE] [decode|receiver|chatapp|onechat|relay|all]…"
    );
    std::process::exit(2);
}

fn table(rows: &[Row]) -> String {
    let width = rows.iter().map(|row| row.what.len()).max().unwrap_or(10);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}  {:>10}  {:<7}  figures",
        "ratio", "value", "target", ""
    );
    for row in rows {
        let target = match row.target {
            None => String::new(),
            Some(Target::AtMost(limit)) => format!("<= {limit}"),
            Some(Target::AtLeast(limit)) => format!(">= {limit}"),
        };
        let _ = writeln!(
            out,
            "{:<width$}  {:>7.2}  {:>10}  {:<7}  {}",
            row.what,
            row.ratio,
            target,
            row.verdict(),
            row.detail
        );
    }
    out
}
