//! The client parts: ours, the Node client of the field and a raw websocket reader, one at a
//! time against the same peer, each in its own process (see [`crate::child`] for what they
//! report). Each client runs two rounds: **live** (events published while it reads) and
//! **backlog** (the client frozen with `SIGSTOP` while the events are published, then thawed:
//! the time from its first to its last event is the drain time).

use std::{
    path::PathBuf,
    process::Stdio,
    time::{Duration, Instant},
};

use chat_events_tests::{
    jsonc,
    peers::{Rails, Sockudo},
    workspace_root,
};
use chatapp_events::{
    Channel,
    testkit::{AuthEndpoint, AuthReply},
};
use serde::Deserialize;
use tokio::{
    io::{AsyncBufReadExt, BufReader, Lines},
    process::{Child, ChildStdout, Command},
};

use crate::{Row, Scale, Target};

/// How to get the Node packages.
const NODE_HINT: &str = "the client benchmarks need Node with pusher-js, @rails/actioncable and ws: \
     `cargo xtask bench` installs them into target/bench-node (or set CHAT_EVENTS_BENCH_NODE to a node_modules folder)";

/// The `ready` line.
#[derive(Clone, Copy, Debug, Deserialize)]
struct Ready {
    connect_ms: f64,
    rss_kib: u64,
    private_kib: u64,
}

/// A `done` line.
#[derive(Clone, Copy, Debug, Deserialize)]
struct Done {
    events: u64,
    span_ms: f64,
    cpu_ms: f64,
    switches: u64,
}

/// What one client did.
#[derive(Clone, Copy, Debug)]
struct Measured {
    /// Events each round should have delivered.
    expected: u64,
    ready: Ready,
    live: Done,
    backlog: Done,
}

/// A client process.
struct Client {
    name: &'static str,
    child: Child,
    lines: Lines<BufReader<ChildStdout>>,
}

impl Client {
    fn spawn(name: &'static str, program: &str, args: &[String]) -> Self {
        let mut command = Command::new("setpriv");
        command
            .args(["--pdeathsig", "KILL", "--", program])
            .args(args)
            .env("NODE_PATH", node_modules())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        let mut child = command
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {name} ({program}): {error}"));
        eprintln!("bench: {name} is pid {}", child.id().unwrap_or_default());
        let stdout = child.stdout.take().expect("piped stdout");
        Self {
            name,
            child,
            lines: BufReader::new(stdout).lines(),
        }
    }

    /// The next `<tag> {json}` line.
    async fn line<T: serde::de::DeserializeOwned>(&mut self, tag: &str) -> T {
        let wait = Duration::from_secs(180);
        let deadline = Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = tokio::time::timeout(left, self.lines.next_line())
                .await
                .unwrap_or_else(|_| panic!("{}: no `{tag}` within {wait:?}", self.name))
                .expect("the client's stdout");
            let Some(line) = line else {
                let status = self.child.wait().await;
                panic!("{} exited before `{tag}` ({status:?})", self.name);
            };
            if let Some(json) = line
                .strip_prefix(tag)
                .and_then(|rest| rest.strip_prefix(' '))
            {
                return serde_json::from_str(json).unwrap_or_else(|error| {
                    panic!("{}: bad `{tag}` line {line:?}: {error}", self.name)
                });
            }
        }
    }

    /// A `--rounds 0` run: the time to connect and confirm every subscription.
    async fn connect_only(mut self) -> f64 {
        let ready = self.line::<Ready>("ready").await;
        let _ = tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await;
        ready.connect_ms
    }

    fn signal(&self, signal: &str) {
        let pid = self.child.id().expect("a running client");
        let status = std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success(), "kill {signal} {pid}");
    }

    /// Ready, a live round, a backlog round.
    async fn measure<F, Fut>(mut self, expected: u64, publish: F) -> Measured
    where
        F: Fn() -> Fut,
        Fut: Future<Output = ()>,
    {
        let ready = self.line::<Ready>("ready").await;
        publish().await;
        let live = self.line::<Done>("done").await;
        self.signal("-STOP");
        publish().await;
        // Let the server push what it can into the frozen client's socket.
        tokio::time::sleep(Duration::from_secs(1)).await;
        self.signal("-CONT");
        let backlog = self.line::<Done>("done").await;
        let _ = tokio::time::timeout(Duration::from_secs(5), self.child.wait()).await;
        Measured {
            expected,
            ready,
            live,
            backlog,
        }
    }
}

fn node_modules() -> PathBuf {
    std::env::var_os("CHAT_EVENTS_BENCH_NODE").map_or_else(
        || workspace_root().join("target/bench-node/node_modules"),
        PathBuf::from,
    )
}

fn node(script: &str, args: &[String]) -> Client {
    let modules = node_modules();
    assert!(
        modules.join("ws").is_dir(),
        "{} is missing: {NODE_HINT}",
        modules.display()
    );
    let mut all = vec![
        workspace_root()
            .join("tests/bench")
            .join(script)
            .display()
            .to_string(),
    ];
    all.extend_from_slice(args);
    Client::spawn(
        if script.starts_with("pusher") {
            "pusher-js"
        } else {
            "@rails/actioncable"
        },
        "node",
        &all,
    )
}

fn ours(name: &'static str, kind: &str, args: &[String]) -> Client {
    let exe = std::env::current_exe().expect("this binary");
    let mut all = vec!["child".to_owned(), kind.to_owned()];
    all.extend_from_slice(args);
    Client::spawn(name, &exe.display().to_string(), &all)
}

fn args(pairs: &[(&str, String)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(key, value)| [format!("--{key}"), value.clone()])
        .collect()
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The ChatApp part: sockudo, 100 private channels, events on one of them.
pub(crate) async fn chatapp(scale: Scale) -> Vec<Row> {
    // A frozen client's backlog is kept whole (sockudo's per-connection buffer bounds it).
    let server = tokio::task::block_in_place(|| {
        Sockudo::start_with(
            chat_events_tests::peers::free_port(),
            &[
                ("WEBSOCKET_MAX_MESSAGES", "1000000"),
                ("WEBSOCKET_MAX_BYTES", "1073741824"),
                ("WEBSOCKET_DISCONNECT_ON_BUFFER_FULL", "false"),
            ],
        )
    });
    let auth_endpoint = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth = auth_endpoint.url().to_owned();
    let subscriptions: u32 = scale.pick(100, 3);
    let events: u64 = scale.pick(10_000, 30);
    let live = Channel::User { user_id: 685 };
    let channels: Vec<String> = std::iter::once(live.to_string())
        .chain((1..subscriptions).map(|n| {
            Channel::User {
                user_id: 10_000 + u64::from(n),
            }
            .to_string()
        }))
        .collect();
    let data = jsonc::strip(
        &std::fs::read_to_string(
            workspace_root().join("tests/fixtures/chatapp/002_f0790862ffa43691/message.jsonc"),
        )
        .expect("the message fixture"),
    )
    .expect("JSONC");
    let common = [
        ("port", server.port().to_string()),
        ("channels", channels.join(",")),
        ("events", events.to_string()),
        ("rounds", "2".to_owned()),
    ];
    let with_auth: Vec<(&str, String)> = common
        .iter()
        .cloned()
        .chain([("auth", auth.clone())])
        .collect();
    let live_name = live.to_string();
    let publish = || async {
        let batch: Vec<(&str, &str, &str)> =
            vec![(live_name.as_str(), "message", data.as_str()); 10];
        let mut left = events;
        while left > 0 {
            let n = left.min(10) as usize;
            server.trigger_batch(&batch[..n]).await;
            left -= n as u64;
        }
    };
    let ours = ours(
        "chat-events ChatApp client",
        "chatapp-ours",
        &args(&with_auth),
    )
    .measure(events, publish)
    .await;
    let pusher = node("pusher.js", &args(&with_auth))
        .measure(events, publish)
        .await;
    let raw = ours_raw("chatapp-raw", &args(&common), false)
        .measure(events, publish)
        .await;
    let value = ours_raw("chatapp-raw", &args(&common), true)
        .measure(events, publish)
        .await;
    client_rows(
        "chatapp",
        "pusher-js",
        events,
        [&ours, &pusher, &raw, &value],
        subscriptions,
    )
}

/// The raw reader; with `value`, it also parses what it counts into a `serde_json::Value`.
fn ours_raw(kind: &str, args: &[String], value: bool) -> Client {
    let mut args = args.to_vec();
    if value {
        args.extend(["--parse".to_owned(), "value".to_owned()]);
        ours("raw reader + Value parse", kind, &args)
    } else {
        ours("raw websocket reader", kind, &args)
    }
}

/// The OneChat part: Rails, an agent in 100 accounts sharing one token stream; each
/// broadcast reaches every subscription (the Node client and the raw reader count every
/// copy; ours delivers each event once).
pub(crate) async fn onechat(scale: Scale) -> Vec<Row> {
    let accounts: u64 = scale.pick(100, 3);
    let broadcasts: u64 = scale.pick(200, 5);
    let token = "tok_bench";
    let users = format!(
        "{token}:7:{}",
        (1..=accounts)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let rails = tokio::task::block_in_place(|| {
        Rails::start_with(chat_events_tests::peers::free_port(), &users, "")
    });
    let fixture = chat_events_tests::fixtures("onechat")
        .into_iter()
        .find(|fixture| {
            fixture.provenance == "003_47029119058a39a1" && fixture.stem == "message.created"
        })
        .expect("the message.created fixture");
    let frame: serde_json::Value = serde_json::from_str(&fixture.json).expect("JSON");
    let message = frame["message"].to_string();
    let with_rounds = |expected: u64, rounds: u64| {
        args(&[
            ("port", rails.port.to_string()),
            ("token", token.to_owned()),
            ("user", "7".to_owned()),
            ("accounts", accounts.to_string()),
            ("event", "message.created".to_owned()),
            ("events", expected.to_string()),
            ("rounds", rounds.to_string()),
        ])
    };
    let common = |expected: u64| with_rounds(expected, 2);
    // Connect times vary with the server's load more than anything: the median of a few
    // interleaved connects of each client.
    let mut connects: [Vec<f64>; 3] = Default::default();
    for _ in 0..scale.pick(3, 1) {
        for (slot, client) in connects.iter_mut().zip([
            ours(
                "chat-events OneChat client",
                "onechat-ours",
                &with_rounds(0, 0),
            ),
            node("actioncable.js", &with_rounds(0, 0)),
            ours_raw("onechat-raw", &with_rounds(0, 0), false),
        ]) {
            slot.push(client.connect_only().await);
            // Let the server finish with the connection that left.
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
    let [ours_connect, cable_connect, raw_connect] = connects.map(|mut times| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    });
    let publish = || async {
        tokio::task::block_in_place(|| rails.broadcast_many(token, &message, broadcasts as usize));
    };
    let ours = ours(
        "chat-events OneChat client",
        "onechat-ours",
        &common(broadcasts),
    )
    .measure(broadcasts, publish)
    .await;
    let cable = node("actioncable.js", &common(broadcasts * accounts))
        .measure(broadcasts * accounts, publish)
        .await;
    let raw = ours_raw("onechat-raw", &common(broadcasts * accounts), false)
        .measure(broadcasts * accounts, publish)
        .await;
    let value = ours_raw("onechat-raw", &common(broadcasts * accounts), true)
        .measure(broadcasts * accounts, publish)
        .await;
    let mut rows = client_rows(
        "onechat",
        "@rails/actioncable",
        broadcasts,
        [&ours, &cable, &raw, &value],
        accounts as u32,
    );
    rows.insert(
        0,
        Row {
            what: format!("onechat connect {accounts} accounts / @rails/actioncable"),
            ratio: ours_connect / cable_connect,
            target: Some(Target::AtMost(1.0)),
            detail: format!(
                "median of {}: ours {ours_connect:.0} ms, @rails/actioncable {cable_connect:.0} ms, raw pipelined {raw_connect:.0} ms",
                scale.pick(3, 1)
            ),
        },
    );
    rows
}

/// The rows of a client part, for `published` events per round: ours, the Node peer, the
/// raw reader and the raw reader that parses into `Value`.
fn client_rows(
    provider: &str,
    peer: &str,
    published: u64,
    [ours, node, raw, value]: [&Measured; 4],
    subscriptions: u32,
) -> Vec<Row> {
    // Per published event: what each client spent to take it in (all its copies).
    let cpu_us = |round: Done| round.cpu_ms * 1e3 / published as f64;
    let per_second = |round: Done| published as f64 / (round.span_ms.max(1e-3) / 1e3);
    let lost = |m: &Measured| {
        (m.expected.saturating_sub(m.live.events) + m.expected.saturating_sub(m.backlog.events))
            as f64
    };
    vec![
        Row {
            what: format!("{provider} events lost by ours (count)"),
            ratio: lost(ours),
            target: Some(Target::AtMost(0.0)),
            detail: format!(
                "of 2 x {published} published; {peer} lost {}, raw reader {} (of their copies)",
                lost(node),
                lost(raw)
            ),
        },
        Row {
            what: format!("{provider} backlog drain / raw reader"),
            ratio: per_second(ours.backlog) / per_second(raw.backlog),
            target: (provider == "chatapp").then_some(Target::AtLeast(0.8)),
            detail: format!(
                "{published} events: ours {:.0}/s, {peer} {:.0}/s, raw {:.0}/s, raw + Value {:.0}/s",
                per_second(ours.backlog),
                per_second(node.backlog),
                per_second(raw.backlog),
                per_second(value.backlog)
            ),
        },
        Row {
            what: format!("{provider} backlog drain / raw reader + Value parse"),
            ratio: per_second(ours.backlog) / per_second(value.backlog),
            target: None,
            detail: String::new(),
        },
        Row {
            what: format!("{provider} backlog drain / {peer}"),
            ratio: per_second(ours.backlog) / per_second(node.backlog),
            target: None,
            detail: String::new(),
        },
        Row {
            what: format!("{provider} CPU per event live / {peer}"),
            ratio: cpu_us(ours.live) / cpu_us(node.live),
            target: Some(Target::AtMost(1.0)),
            detail: format!(
                "ours {:.1} µs, {peer} {:.1} µs, raw {:.1} µs, raw + Value {:.1} µs; context switches per event: ours {:.2}, {peer} {:.2}, raw {:.2}",
                cpu_us(ours.live),
                cpu_us(node.live),
                cpu_us(raw.live),
                cpu_us(value.live),
                ours.live.switches as f64 / published as f64,
                node.live.switches as f64 / published as f64,
                raw.live.switches as f64 / published as f64,
            ),
        },
        Row {
            what: format!("{provider} idle RSS, {subscriptions} subscriptions (MiB)"),
            ratio: mib(ours.ready.rss_kib),
            target: Some(Target::AtMost(5.0)),
            detail: format!(
                "{peer} {:.1} MiB, raw reader {:.1} MiB (most of it the code pages of this binary, shared)",
                mib(node.ready.rss_kib),
                mib(raw.ready.rss_kib)
            ),
        },
        Row {
            what: format!("{provider} idle private memory, {subscriptions} subscriptions (MiB)"),
            ratio: mib(ours.ready.private_kib),
            target: None,
            detail: format!(
                "{peer} {:.1} MiB, raw reader {:.1} MiB (RSS without shared pages)",
                mib(node.ready.private_kib),
                mib(raw.ready.private_kib)
            ),
        },
    ]
}
