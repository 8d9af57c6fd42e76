//! The real peers the transport tests and the benchmarks run against, started on 127.0.0.1
//! and stopped when dropped: sockudo (a Pusher protocol 7 server), the Rails Action Cable
//! test server (`tests/actioncable/config.ru` under puma), and a Laravel-like Pusher auth
//! endpoint in this process.
//!
//! These are test helpers: a peer that cannot start is a failed test, so they panic with
//! the install hint instead of returning errors.

#![allow(clippy::missing_panics_doc, clippy::exhaustive_enums)]

use std::{
    fs::File,
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::atomic::{AtomicU32, Ordering},
    time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

use chatapp_events::Channel;
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;

use crate::workspace_root;

/// A free TCP port on 127.0.0.1 (for a server that must bind it itself).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An HTTP client (rustls with the ring provider).
pub fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}

// ---- Pusher signing (the servers themselves are in chatapp_events::testkit)

pub use chatapp_events::testkit::{APP_KEY, APP_SECRET, sign};

/// `hex(hmac_sha256(secret, text))`: Pusher's signature for the HTTP API.
pub fn hmac_hex(secret: &str, text: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(text.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

// ---- sockudo

/// The app id sockudo is started with.
pub const APP_ID: &str = "app-id";

/// How to get sockudo.
pub const SOCKUDO_INSTALL_HINT: &str = "these tests need the `sockudo` binary (a Pusher server from crates.io): \
     run `cargo xtask test` (it installs it), or `apt-get install -y protobuf-compiler && \
     cargo install sockudo --locked`, or point SOCKUDO_BIN at one";

/// A running sockudo; killed when dropped, and by the kernel if the test thread dies
/// (`setpriv --pdeathsig KILL`).
pub struct Sockudo {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
    /// One HTTP client for every publish (building one loads the system certificates).
    http: reqwest::Client,
}

/// `SOCKUDO_BIN`, else cargo's bin directory, else `sockudo` on the PATH.
pub fn sockudo_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("SOCKUDO_BIN") {
        return path.into();
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    if let Some(installed) = cargo_home
        .map(|home| home.join("bin/sockudo"))
        .filter(|path| path.exists())
    {
        return installed;
    }
    "sockudo".into()
}

impl Sockudo {
    /// Starts on a free port.
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    /// Starts on `port` (to restart where a killed server was).
    pub fn start_on(port: u16) -> Self {
        Self::start_with(port, &[])
    }

    /// Starts on `port` with extra environment settings (`WEBSOCKET_MAX_BYTES`, …).
    pub fn start_with(port: u16, settings: &[(&str, &str)]) -> Self {
        static RUNS: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "chat-events-sockudo-{}-{}",
            std::process::id(),
            RUNS.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let log = File::create(dir.join("sockudo.log")).unwrap();
        let child = Command::new("setpriv")
            .args(["--pdeathsig", "KILL", "--"])
            .arg(sockudo_binary())
            // An empty directory: no config/config.json is picked up.
            .current_dir(&dir)
            .env("HOST", "127.0.0.1")
            .env("PORT", port.to_string())
            .env("SOCKUDO_DEFAULT_APP_ID", APP_ID)
            .env("SOCKUDO_DEFAULT_APP_KEY", APP_KEY)
            .env("SOCKUDO_DEFAULT_APP_SECRET", APP_SECRET)
            .env("SOCKUDO_DEFAULT_APP_MAX_CONNECTIONS", "1000")
            .env("ADAPTER_DRIVER", "local")
            .env("CACHE_DRIVER", "memory")
            .env("QUEUE_DRIVER", "none")
            .env("RATE_LIMITER_ENABLED", "false")
            .env("METRICS_ENABLED", "false")
            .envs(settings.iter().copied())
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|error| {
                panic!("cannot start sockudo ({error}): {SOCKUDO_INSTALL_HINT}")
            });
        let mut server = Self {
            child: Some(child),
            port,
            dir,
            http: http_client(),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server
                .child
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten())
            {
                panic!(
                    "sockudo exited ({status}) before listening: {SOCKUDO_INSTALL_HINT}\n{}",
                    server.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "sockudo did not listen on {port} within 30 s\n{}",
                server.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// Its log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("sockudo.log")).unwrap_or_default()
    }

    /// Its process id.
    pub fn pid(&self) -> String {
        self.child.as_ref().unwrap().id().to_string()
    }

    /// Kills the server without a goodbye (a crash or a redeploy).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Freezes (`SIGSTOP`) or thaws (`SIGCONT`) the server: its sockets stay open and silent.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([signal, &self.pid()])
            .status()
            .unwrap();
        assert!(status.success(), "kill {signal}");
    }

    /// Publishes `data` as event `name` on `channel` through the signed HTTP API.
    pub async fn trigger(&self, channel: &Channel, name: &str, data: &str) {
        let body = serde_json::json!({
            "name": name,
            "channels": [channel.to_string()],
            "data": data,
        })
        .to_string();
        self.signed_post("events", body).await;
    }

    /// Publishes several events in one request (`POST /apps/{id}/batch_events`, at most 10
    /// per batch as in Pusher's API): `(channel, name, data)` each.
    pub async fn trigger_batch(&self, events: &[(&str, &str, &str)]) {
        let batch: Vec<serde_json::Value> = events
            .iter()
            .map(|(channel, name, data)| {
                serde_json::json!({ "channel": channel, "name": name, "data": data })
            })
            .collect();
        let body = serde_json::json!({ "batch": batch }).to_string();
        self.signed_post("batch_events", body).await;
    }

    async fn signed_post(&self, endpoint: &str, body: String) {
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let query = format!(
            "auth_key={APP_KEY}&auth_timestamp={timestamp}&auth_version=1.0&body_md5={}",
            hex::encode(Md5::digest(body.as_bytes()))
        );
        let path = format!("/apps/{APP_ID}/{endpoint}");
        let signature = hmac_hex(APP_SECRET, &format!("POST\n{path}\n{query}"));
        let response = self
            .http
            .post(format!(
                "http://127.0.0.1:{}{path}?{query}&auth_signature={signature}",
                self.port
            ))
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(status, 200, "sockudo refused the publish: {text}");
    }
}

impl Drop for Sockudo {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

// ---- Rails Action Cable

/// The agents and contacts the test server knows: `token:user:accounts` and
/// `token:account`.
pub const USERS: &str = "tok_agent:7:1,2;tok_solo:9:1";
/// The contacts the test server knows (`token:account`).
pub const CONTACTS: &str = "tok_contact:1";

/// How to get the Rails test server's packages.
pub const RAILS_INSTALL_HINT: &str = "the Rails Action Cable test server needs Debian's ruby-actioncable and puma: \
     run `apt-get install -y ruby-actioncable puma` (cargo xtask test installs them)";

/// A running puma; killed when dropped (and it exits by itself if the test dies).
pub struct Rails {
    child: Option<Child>,
    /// Where it listens.
    pub port: u16,
}

impl Rails {
    /// Starts on a free port.
    pub fn start() -> Self {
        Self::start_on(free_port())
    }

    /// Starts on `port` (to restart where a killed server was).
    pub fn start_on(port: u16) -> Self {
        Self::start_with(port, USERS, CONTACTS)
    }

    /// Starts on `port` knowing the agents `users` and the contacts `contacts` (in the
    /// formats of [`USERS`] and [`CONTACTS`]).
    pub fn start_with(port: u16, users: &str, contacts: &str) -> Self {
        let child = Command::new("puma")
            .args([
                "-b",
                &format!("tcp://127.0.0.1:{port}"),
                "-t",
                "4:8",
                "--environment",
                "test",
            ])
            .arg(workspace_root().join("tests/actioncable/config.ru"))
            .current_dir(workspace_root().join("tests/actioncable"))
            .env("ONECHAT_TEST_USERS", users)
            .env("ONECHAT_TEST_CONTACTS", contacts)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start puma ({error}): {RAILS_INSTALL_HINT}"));
        let mut rails = Self {
            child: Some(child),
            port,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while rails.get("/presence?token=none").is_none() {
            if let Some(status) = rails
                .child
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten())
            {
                panic!("puma exited ({status}) before listening: {RAILS_INSTALL_HINT}");
            }
            assert!(
                Instant::now() < deadline,
                "puma did not listen on {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        rails
    }

    /// Its base URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Kills the server without a goodbye (a crash or a redeploy: no `disconnect` frame).
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn request(&self, request: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        let (head, body) = answer.split_once("\r\n\r\n")?;
        head.starts_with("HTTP/1.1 200").then(|| body.to_owned())
    }

    fn get(&self, path: &str) -> Option<String> {
        self.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ))
    }

    /// Broadcasts `message` (JSON) to `stream`, as Chatwoot's broadcast job does.
    pub fn broadcast(&self, stream: &str, message: &str) {
        let request = format!(
            "POST /broadcast?stream={stream} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{message}",
            message.len()
        );
        assert!(
            self.request(&request).is_some(),
            "broadcast to {stream} failed"
        );
    }

    /// Broadcasts `message` (JSON) to `stream` `count` times, in one request.
    pub fn broadcast_many(&self, stream: &str, message: &str, count: usize) {
        let request = format!(
            "POST /broadcast?stream={stream}&count={count} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{message}",
            message.len()
        );
        assert!(
            self.request(&request).is_some(),
            "broadcast to {stream} failed"
        );
    }

    /// How many `update_presence` calls the server got from `token`.
    pub fn presence_count(&self, token: &str) -> u64 {
        let body = self
            .get(&format!("/presence?token={token}"))
            .expect("presence count");
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        value["count"].as_u64().unwrap()
    }
}

impl Drop for Rails {
    fn drop(&mut self) {
        self.kill();
    }
}

// ---- NATS

/// How to get nats-server.
pub const NATS_INSTALL_HINT: &str = "the JetStream tests need `nats-server`: run `apt-get install -y nats-server` \
     (cargo xtask test installs it)";

/// A running `nats-server -js` on 127.0.0.1 with its own store folder; killed when dropped.
pub struct Nats {
    child: Option<Child>,
    /// Where it listens.
    pub port: u16,
    store: PathBuf,
}

impl Nats {
    /// Starts on a free port with a fresh store.
    pub fn start() -> Self {
        static RUNS: AtomicU32 = AtomicU32::new(0);
        let store = std::env::temp_dir().join(format!(
            "chat-events-nats-{}-{}",
            std::process::id(),
            RUNS.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&store);
        let mut nats = Self {
            child: None,
            port: free_port(),
            store,
        };
        nats.restart();
        nats
    }

    /// `nats://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Kills the server (SIGKILL: no goodbye); its store stays.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts it (again) on the same port and store.
    pub fn restart(&mut self) {
        self.kill();
        let child = Command::new("setpriv")
            .args([
                "--pdeathsig",
                "KILL",
                "--",
                "nats-server",
                "-js",
                "-a",
                "127.0.0.1",
            ])
            .args(["-p", &self.port.to_string()])
            .arg("-sd")
            .arg(&self.store)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!("cannot start nats-server ({error}): {NATS_INSTALL_HINT}")
            });
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|child| child.try_wait().ok().flatten())
            {
                panic!("nats-server exited ({status}): {NATS_INSTALL_HINT}");
            }
            assert!(
                Instant::now() < deadline,
                "nats-server did not listen within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Nats {
    /// The first `count` messages of the stream `CHAT_EVENTS` (read with a fresh ephemeral
    /// consumer, 20 s at most), and whether one more arrives within `quiet` after them.
    pub async fn stored(
        &self,
        count: usize,
        quiet: Duration,
    ) -> (Vec<async_nats::jetstream::Message>, bool) {
        use futures_util::StreamExt;
        let client = async_nats::connect(self.url()).await.unwrap();
        let context = async_nats::jetstream::new(client);
        let stream = context.get_stream("CHAT_EVENTS").await.unwrap();
        let consumer: async_nats::jetstream::consumer::PullConsumer = stream
            .create_consumer(async_nats::jetstream::consumer::pull::Config::default())
            .await
            .unwrap();
        let mut messages = consumer.messages().await.unwrap();
        let mut stored = Vec::new();
        while stored.len() < count {
            let message = tokio::time::timeout(Duration::from_secs(20), messages.next())
                .await
                .unwrap_or_else(|_| panic!("only {} of {count} stored", stored.len()))
                .unwrap()
                .unwrap();
            stored.push(message);
        }
        let more = tokio::time::timeout(quiet, messages.next()).await.is_ok();
        (stored, more)
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        self.kill();
        let _ = std::fs::remove_dir_all(&self.store);
    }
}
