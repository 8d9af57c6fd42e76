//! Starts the Rails Action Cable test server (`tests/actioncable/config.ru`) under puma.

use std::{
    io::{Read, Write},
    net::TcpStream,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use chat_events_tests::workspace_root;

/// The agents and contacts the test server knows: `token:user:accounts` and
/// `token:account`.
pub(crate) const USERS: &str = "tok_agent:7:1,2;tok_solo:9:1";
pub(crate) const CONTACTS: &str = "tok_contact:1";

pub(crate) const INSTALL_HINT: &str = "the Rails Action Cable test server needs Debian's ruby-actioncable and puma: \
     run `apt-get install -y ruby-actioncable puma` (cargo xtask test installs them)";

/// A running puma; killed when dropped (and it exits by itself if the test dies).
pub(crate) struct Rails {
    child: Option<Child>,
    pub(crate) port: u16,
}

impl Rails {
    /// Starts on a free port.
    pub(crate) fn start() -> Self {
        Self::start_on(crate::free_port())
    }

    /// Starts on `port` (to restart where a killed server was).
    pub(crate) fn start_on(port: u16) -> Self {
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
            .env("ONECHAT_TEST_USERS", USERS)
            .env("ONECHAT_TEST_CONTACTS", CONTACTS)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start puma ({error}): {INSTALL_HINT}"));
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
                panic!("puma exited ({status}) before listening: {INSTALL_HINT}");
            }
            assert!(
                Instant::now() < deadline,
                "puma did not listen on {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        rails
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Kills the server without a goodbye (a crash or a redeploy: no `disconnect` frame).
    pub(crate) fn kill(&mut self) {
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
    pub(crate) fn broadcast(&self, stream: &str, message: &str) {
        let request = format!(
            "POST /broadcast?stream={stream} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{message}",
            message.len()
        );
        assert!(
            self.request(&request).is_some(),
            "broadcast to {stream} failed"
        );
    }

    /// How many `update_presence` calls the server got from `token`.
    pub(crate) fn presence_count(&self, token: &str) -> u64 {
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
