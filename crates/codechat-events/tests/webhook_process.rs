//! The receiver as an operator sees it: what it logs (never a secret), and the `serve`
//! example run as a process.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    process::{Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use codechat_events::{EventSource, webhook::Receiver};

/// Sends one HTTP/1.1 request and returns the answer's status line.
fn post(addr: &str, path: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(name);
        request.push_str(": ");
        request.push_str(value);
        request.push_str("\r\n");
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_name_route_event_and_status_but_never_secrets_or_payloads() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let secret_in_body = String::from(r#"{"event":"new.jwt","auth":"eyJ-TOKEN-IN-BODY"}"#);
    for (builder, path, headers) in [
        (
            Receiver::builder()
                .path("/h")
                .secret_header("apikey", "HEADER-SECRET"),
            "/h",
            vec![("apikey", "HEADER-SECRET")],
        ),
        (
            Receiver::builder()
                .path("/h")
                .secret_query("token", "QUERY-SECRET"),
            "/h?token=QUERY-SECRET",
            vec![],
        ),
        (
            Receiver::builder().path("/h").secret_path("PATH-SECRET"),
            "/h/PATH-SECRET",
            vec![],
        ),
    ] {
        let (server, mut receiver) = builder.serve("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let addr = server.local_addr().to_string();
        let (path, body) = (path.to_owned(), secret_in_body.clone());
        let status = tokio::task::spawn_blocking(move || post(&addr, &path, &headers, &body))
            .await
            .unwrap();
        assert_eq!(status, "HTTP/1.1 200 OK");
        let addr = server.local_addr().to_string();
        let status = tokio::task::spawn_blocking(move || {
            post(&addr, "/h/WRONG", &[("apikey", "WRONG-GUESS")], "{}")
        })
        .await
        .unwrap();
        assert!(status.starts_with("HTTP/1.1 40"), "{status}");
        assert!(receiver.next_event().await.is_some());
        server.shutdown().await.unwrap();
    }
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for secret in [
        "HEADER-SECRET",
        "QUERY-SECRET",
        "PATH-SECRET",
        "eyJ-TOKEN-IN-BODY",
        "WRONG-GUESS",
    ] {
        assert!(!logs.contains(secret), "the logs show {secret}:\n{logs}");
    }
    assert!(logs.contains("codechat_webhook"), "{logs}");
    assert!(
        logs.contains("route=/h/{secret}"),
        "the path route is logged as a template: {logs}"
    );
    assert!(
        logs.contains(r#"event="new.jwt""#) && logs.contains("status=200"),
        "{logs}"
    );
}

#[test]
fn the_serve_example_prints_events_as_json_lines() {
    // cargo builds the examples of the package before running its tests.
    let deps = std::env::current_exe().unwrap();
    let example = deps
        .parent()
        .and_then(|dir| dir.parent())
        .unwrap()
        .join("examples")
        .join("serve");
    assert!(
        example.exists(),
        "{} is missing: run `cargo test -p codechat-events --features webhook`",
        example.display()
    );
    let mut child = Command::new(&example)
        .args([
            "--addr",
            "127.0.0.1:0",
            "--path",
            "/hook",
            "--secret-header",
            "apikey",
        ])
        .env("CODECHAT_WEBHOOK_SECRET", "example-secret")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let addr = loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "the example exited before listening"
        );
        if let Some(url) = line.trim().strip_prefix("listening on http://") {
            break url.to_owned();
        }
    };
    let body =
        r#"{"event":"chats.delete","instance":"sales-01","data":["5531911112222@s.whatsapp.net"]}"#;
    assert_eq!(
        post(
            &addr,
            "/hook",
            &[
                ("apikey", "example-secret"),
                ("x-owner", "owner@s.whatsapp.net")
            ],
            body
        ),
        "HTTP/1.1 200 OK"
    );
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let printed: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(printed["event"], "chats.delete");
    assert_eq!(printed["owner"], "owner@s.whatsapp.net");
    assert_eq!(
        printed["body"],
        serde_json::from_str::<serde_json::Value>(body).unwrap()
    );
    // Ctrl-C: it stops and exits cleanly.
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "{exit}");
}
