//! The `chat-events` binary run as a process: `check` over the fixtures and over broken,
//! unknown and drifting payloads (lines and exit codes per `--deny`), JSON Lines and stdin;
//! `serve codechat` with `--record`, and the recording checked back byte for byte; `listen
//! chatapp` against sockudo and `listen onechat` against the Rails Action Cable server (the
//! peers of the transport tests); `serve --normalized`; `demo`; `schema`; secrets never in argv
//! or output.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::TcpStream,
    path::{Path, PathBuf},
    process::{Child, Command, Output, Stdio},
    sync::mpsc,
    thread,
    time::{Duration, Instant},
};

use chat_events_tests::{
    peers::{Rails, Sockudo, free_port},
    workspace_root,
};
use chatapp_events::testkit::{AuthEndpoint, AuthReply};

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chat-events"));
    command.env_remove("CHATAPP_ACCESS_TOKEN");
    command.env_remove("ONECHAT_PUBSUB_TOKEN");
    command.env_remove("CODECHAT_WEBHOOK_SECRET");
    command
}

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}")))
        .collect()
}

fn fixtures() -> PathBuf {
    workspace_root().join("tests/fixtures")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chat-events-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn check_passes_every_fixture_and_detects_its_provider() {
    for provider in ["chatapp", "codechat", "onechat", "onechat-webhook"] {
        let dir = fixtures().join(provider);
        let output = run(&["check", dir.to_str().unwrap(), "--format", "json"], None);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{provider}: {}",
            stdout(&output)
        );
        let lines = json_lines(&output);
        let (payloads, summary) = lines.split_at(lines.len() - 1);
        let expected = chat_events_tests::fixtures(provider).len();
        assert_eq!(payloads.len(), expected, "{provider}");
        assert_eq!(summary[0]["summary"]["payloads"], expected);
        assert_eq!(summary[0]["summary"]["error"], 0);
        for line in payloads {
            let source = line["source"].as_str().unwrap();
            if line["status"] == "unknown" && line["provider"].is_null() {
                // An event no provider knows whose envelope fits two providers: not named.
                assert_eq!(
                    source,
                    fixtures()
                        .join(
                            "codechat/upstream/message.evolution-docs-v2-openai-speechtotext.json"
                        )
                        .display()
                        .to_string()
                );
                continue;
            }
            assert_eq!(line["provider"], provider, "{line}");
        }
    }
}

const UPSERT: &str = "codechat/reference/messages.upsert.open-source.json";

fn upsert() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixtures().join(UPSERT)).unwrap()).unwrap()
}

#[test]
fn check_reports_drift_unknown_and_errors_and_deny_sets_the_exit_code() {
    let dir = temp_dir("check");
    std::fs::write(dir.join("a-clean.json"), upsert().to_string()).unwrap();
    let mut drifting = upsert();
    drifting["data"]["brandNewField"] = serde_json::json!({"x": 1});
    std::fs::write(dir.join("b-drift.json"), drifting.to_string()).unwrap();
    std::fs::write(
        dir.join("c-unknown.json"),
        r#"{"event":"future.event","instance":"sales-01","data":{}}"#,
    )
    .unwrap();
    let path = dir.to_str().unwrap();
    let output = run(&["check", path], None);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].ends_with("a-clean.json  codechat messages.upsert  clean"),
        "{text}"
    );
    assert!(
        lines[1].ends_with(
            "b-drift.json  codechat messages.upsert  drift: `data.brandNewField` missing from the model"
        ),
        "{text}"
    );
    assert!(
        lines[2].ends_with("c-unknown.json  codechat future.event  unknown"),
        "{text}"
    );
    assert!(text.contains("total (3 payloads)"), "{text}");
    for (deny, code) in [("drift", 1), ("unknown", 1)] {
        let output = run(&["check", path, "--deny", deny], None);
        assert_eq!(output.status.code(), Some(code), "--deny {deny}");
    }
    let output = run(&["check", path, "--deny", "drift", "--quiet"], None);
    let text = stdout(&output);
    assert!(
        text.contains("b-drift.json") && !text.contains("a-clean.json"),
        "{text}"
    );
    // A known event whose data does not fit: always a failure, with the JSON path.
    let mut broken: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            fixtures().join("onechat/003_47029119058a39a1/message.created.json"),
        )
        .unwrap(),
    )
    .unwrap();
    broken["message"]["data"]["conversation_id"] =
        serde_json::json!({"not": "zz-value-from-the-payload"});
    std::fs::write(dir.join("d-broken.json"), broken.to_string()).unwrap();
    let output = run(&["check", path, "--format", "json"], None);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let error = &lines[3];
    assert_eq!(error["status"], "error");
    assert_eq!(error["provider"], "onechat");
    assert_eq!(error["event"], "message.created");
    assert_eq!(
        error["error"]["path"], "message.data.conversation_id",
        "{error}"
    );
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        !message.contains("zz-value-from-the-payload"),
        "values are not quoted: {error}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_reads_json_lines_and_stdin() {
    let dir = temp_dir("jsonl");
    let compact = upsert().to_string();
    let pretty = serde_json::to_string_pretty(&upsert()).unwrap();
    let file = dir.join("recorded.jsonl");
    std::fs::write(
        &file,
        format!(
            "{compact}\n\n{}\n{{not json\n",
            serde_json::to_string(&pretty).unwrap()
        ),
    )
    .unwrap();
    let output = run(&["check", file.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let sources: Vec<&str> = lines[..3]
        .iter()
        .map(|line| line["source"].as_str().unwrap().rsplit(':').next().unwrap())
        .collect();
    assert_eq!(sources, ["1", "3", "4"]);
    assert_eq!(lines[0]["status"], "clean");
    assert_eq!(lines[1]["status"], "clean");
    assert_eq!(lines[2]["status"], "error");
    // Stdin: one pretty-printed document, or JSON Lines.
    let output = run(&["check", "--format", "json"], Some(&pretty));
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output);
    assert_eq!(
        (lines[0]["source"].as_str(), lines.len()),
        (Some("<stdin>"), 2)
    );
    let output = run(
        &["check", "-", "--provider", "codechat"],
        Some(&format!("{compact}\n{compact}\n")),
    );
    let text = stdout(&output);
    assert!(
        text.starts_with("<stdin>:1  codechat messages.upsert  clean\n<stdin>:2  "),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A running `chat-events` whose stdout and stderr lines arrive on channels.
struct Running {
    child: Child,
    out: mpsc::Receiver<String>,
    err: mpsc::Receiver<String>,
    seen_err: Vec<String>,
}

impl Running {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut child = bin()
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lines = |stream: Box<dyn Read + Send>| {
            let (send, receive) = mpsc::channel();
            thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if send.send(line).is_err() {
                        return;
                    }
                }
            });
            receive
        };
        let out = lines(Box::new(child.stdout.take().unwrap()));
        let err = lines(Box::new(child.stderr.take().unwrap()));
        Self {
            child,
            out,
            err,
            seen_err: Vec::new(),
        }
    }

    /// Waits for a stderr line containing `text`.
    fn until_stderr(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.err.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(text);
                    self.seen_err.push(line);
                    if found {
                        return;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout | mpsc::RecvTimeoutError::Disconnected) => {
                    panic!("no `{text}` on stderr; got {:?}", self.seen_err)
                }
            }
        }
    }

    fn next_line(&self) -> serde_json::Value {
        let line = self
            .out
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("no stdout line; stderr {:?}", self.seen_err));
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"))
    }

    /// SIGTERM; the exit code and everything left on stdout and stderr.
    fn stop(mut self) -> (Option<i32>, String) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let code = self.child.wait().unwrap().code();
        let mut rest: Vec<String> = self.seen_err;
        rest.extend(self.err.try_iter());
        rest.extend(self.out.try_iter());
        (code, rest.join("\n"))
    }
}

fn post(port: u16, path: &str, body: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[test]
fn serve_records_what_it_receives_and_check_reads_the_recording_back() {
    let dir = temp_dir("serve");
    let recording = dir.join("hooks.jsonl");
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let mut serve = Running::start(
        &[
            "serve",
            "codechat",
            "--addr",
            &addr,
            "--path",
            "/hook",
            "--secret-header",
            "apikey",
            "--record",
            recording.to_str().unwrap(),
        ],
        &[("CODECHAT_WEBHOOK_SECRET", "s3cret-webhook-key")],
    );
    serve.until_stderr("receiving CodeChat webhooks");
    let bodies = [
        std::fs::read_to_string(fixtures().join(UPSERT)).unwrap(),
        std::fs::read_to_string(
            fixtures().join("codechat/reference/connection.update.cloud-docs.json"),
        )
        .unwrap(),
        r#"{"event":"future.event","instance":"sales-01","data":{"n":[1,2]}}"#.to_owned(),
    ];
    let post_with_secret = |body: &str| {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "POST /hook HTTP/1.1\r\nHost: x\r\napikey: s3cret-webhook-key\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    };
    for body in &bodies {
        let answer = post_with_secret(body);
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    }
    assert!(
        post(port, "/hook", &bodies[2]).starts_with("HTTP/1.1 401"),
        "no secret: refused"
    );
    let events: Vec<serde_json::Value> = (0..3).map(|_| serve.next_line()).collect();
    assert_eq!(events[0]["event"], "messages.upsert");
    assert_eq!(events[0]["provider"], "codechat");
    assert_eq!(events[0]["source"], "/hook");
    assert_eq!(events[0]["known"], true);
    assert_eq!(events[0]["body"]["data"]["keyId"], "3EB0A1B2C3D4E5F60718");
    assert_eq!(
        (events[2]["event"].as_str(), events[2]["known"].as_bool()),
        (Some("future.event"), Some(false))
    );
    let (code, rest) = serve.stop();
    assert_eq!(code, Some(130), "{rest}");
    assert!(!rest.contains("s3cret-webhook-key"));
    // The recording holds the bodies' JSON text exactly as sent (the multi-line ones too;
    // the whitespace around the document is not part of it).
    let text = std::fs::read_to_string(&recording).unwrap();
    let recorded: Vec<String> = chat_events_core::unstable::recording::payloads(&text)
        .into_iter()
        .map(|payload| String::from_utf8(payload).unwrap())
        .collect();
    let sent: Vec<&str> = bodies.iter().map(|body| body.trim()).collect();
    assert_eq!(recorded, sent);
    let output = run(&["check", recording.to_str().unwrap()], None);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("hooks.jsonl:1  codechat messages.upsert  clean"),
        "{text}"
    );
    assert!(
        text.contains("hooks.jsonl:3  codechat future.event  unknown"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn serve_normalized_prints_a_record_per_normalized_event_and_nothing_for_others() {
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let mut serve = Running::start(&["serve", "codechat", "--addr", &addr, "--normalized"], &[]);
    serve.until_stderr("receiving CodeChat webhooks");
    let read = |path: &str| std::fs::read_to_string(fixtures().join(path)).unwrap();
    let bodies = [
        read(UPSERT),
        // Outside the model: no line.
        read("codechat/reference/connection.update.cloud-docs.json"),
        read("codechat/reference/messages.update.cloud-docs.json"),
        read("codechat/reference/presence.update.open-source.json"),
    ];
    for body in &bodies {
        assert!(post(port, "/", body).starts_with("HTTP/1.1 200"), "{body}");
    }
    let lines: Vec<serde_json::Value> = (0..3).map(|_| serve.next_line()).collect();
    let (code, rest) = serve.stop();
    assert_eq!(code, Some(130), "{rest}");
    let [message, status, typing] = &lines[..] else {
        unreachable!()
    };
    assert_eq!(message["provider"], "codechat");
    assert_eq!(message["source"], "/");
    assert!(message["received_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(message["sourceEvent"], "messages.upsert");
    assert_eq!(message["event"]["type"], "message");
    assert_eq!(message["event"]["text"], "nota fiscal");
    assert_eq!(message["event"]["direction"], "incoming");
    assert_eq!(message["event"]["attachments"][0]["kind"], "image");
    assert_eq!(message["raw"], upsert(), "the payload as received");
    assert_eq!(status["sourceEvent"], "messages.update");
    assert_eq!(status["event"]["type"], "message_status");
    assert_eq!(status["event"]["status"], "read");
    assert_eq!(typing["event"]["type"], "typing");
    assert_eq!(typing["event"]["state"], "typing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listen_chatapp_prints_sockudo_events_and_never_the_token() {
    const TOKEN: &str = "$2y$10$cli-test-token-not-shown";
    let server = tokio::task::block_in_place(Sockudo::start);
    let endpoint = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth = endpoint.url().to_owned();
    let port = server.port().to_string();
    let listen = tokio::task::block_in_place(|| {
        let mut listen = Running::start(
            &[
                "listen",
                "chatapp",
                "--host",
                "127.0.0.1",
                "--port",
                &port,
                "--no-tls",
                "--app-key",
                chat_events_tests::peers::APP_KEY,
                "--auth-url",
                &auth,
                "--channel",
                "private-v1.users.685",
            ],
            &[("CHATAPP_ACCESS_TOKEN", TOKEN)],
        );
        listen.until_stderr("subscribed to private-v1.users.685");
        listen
    });
    let body = chat_events_core::unstable::jsonc::strip(
        &std::fs::read_to_string(fixtures().join("chatapp/000_3eeb06198ae497e6/chatRead.jsonc"))
            .unwrap(),
    )
    .unwrap();
    server
        .trigger(&"private-v1.users.685".parse().unwrap(), "chatRead", &body)
        .await;
    let line = tokio::task::block_in_place(|| listen.next_line());
    assert_eq!(line["provider"], "chatapp");
    assert_eq!(line["source"], "private-v1.users.685");
    assert_eq!(line["event"], "chatRead");
    assert_eq!(line["known"], true);
    assert_eq!(
        line["body"],
        serde_json::from_str::<serde_json::Value>(&body).unwrap()
    );
    assert!(
        endpoint.calls()[0]
            .authorization
            .as_deref()
            .is_some_and(|a| a.contains("cli-test-token"))
    );
    let (code, rest) = tokio::task::block_in_place(|| listen.stop());
    assert_eq!(code, Some(130), "{rest}");
    assert!(!rest.contains("cli-test-token"), "{rest}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listen_onechat_prints_rails_broadcasts_and_never_the_token() {
    let rails = tokio::task::block_in_place(Rails::start);
    let url = rails.url();
    let listen = tokio::task::block_in_place(|| {
        let mut listen = Running::start(
            &[
                "listen",
                "onechat",
                "--url",
                &url,
                "--user-id",
                "9",
                "--account",
                "1",
            ],
            &[("ONECHAT_PUBSUB_TOKEN", "tok_solo")],
        );
        listen.until_stderr("subscribed to account 1");
        listen
    });
    let frame: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            fixtures().join("onechat/003_47029119058a39a1/message.created.json"),
        )
        .unwrap(),
    )
    .unwrap();
    tokio::task::block_in_place(|| rails.broadcast("tok_solo", &frame["message"].to_string()));
    let line = tokio::task::block_in_place(|| {
        loop {
            let line = listen.next_line();
            if line["event"] != "presence.update" {
                break line;
            }
        }
    });
    assert_eq!(line["provider"], "onechat");
    assert_eq!(line["source"], "account 1");
    assert_eq!(line["event"], "message.created");
    assert_eq!(line["body"], frame["message"]);
    let (code, rest) = tokio::task::block_in_place(|| listen.stop());
    assert_eq!(code, Some(130), "{rest}");
    assert!(!rest.contains("tok_solo"), "{rest}");
}

#[test]
fn demo_receives_and_checks_the_bundled_payloads() {
    let output = run(&["demo"], None);
    let text = stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let events: Vec<serde_json::Value> = text
        .lines()
        .filter(|line| line.starts_with('{'))
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let names: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "messages.upsert",
            "messages.update",
            "connection.update",
            "qrcode.updated"
        ]
    );
    assert!(
        events
            .iter()
            .all(|e| e["known"] == true && e["provider"] == "codechat")
    );
    let checked: Vec<&str> = text.lines().filter(|line| !line.starts_with('{')).collect();
    assert_eq!(checked.len(), 5, "{text}");
    assert!(
        checked.iter().all(|line| line.ends_with("  clean")),
        "{text}"
    );
}

#[test]
fn schema_writes_what_xtask_committed() {
    let dir = temp_dir("schema");
    let output = run(
        &[
            "schema",
            "--provider",
            "codechat",
            "--out",
            dir.to_str().unwrap(),
            "--examples",
            workspace_root().join("tests/fixtures").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    let committed = workspace_root().join("schemas/codechat");
    let mut count = 0;
    for entry in std::fs::read_dir(dir.join("codechat")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            std::fs::read_to_string(committed.join(name)).unwrap(),
            "{}",
            Path::new(name).display()
        );
        count += 1;
    }
    assert_eq!(count, std::fs::read_dir(&committed).unwrap().count());
    assert!(!dir.join("chatapp").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn secrets_are_refused_on_the_command_line_and_usage_errors_say_what_to_do() {
    let output = run(
        &[
            "listen",
            "chatapp",
            "--access-token",
            "x",
            "--channel",
            "private-v1.users.1",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let output = run(
        &["listen", "chatapp", "--channel", "private-v1.users.1"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("CHATAPP_ACCESS_TOKEN"), "{stderr}");
    let output = run(&["check", "/no/such/path"], None);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&["completions", "bash"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("chat-events"));
}

#[test]
fn the_config_file_holds_settings_and_secrets_and_bad_ones_are_usage_errors() {
    let dir = temp_dir("config");
    let port = free_port();
    let config = dir.join("chat-events.toml");
    std::fs::write(
        &config,
        format!(
            "[codechat]\naddr = \"127.0.0.1:{port}\"\npath = \"/cfg\"\nsecret_header = \"apikey\"\nsecret = \"cfg-secret-value\"\n"
        ),
    )
    .unwrap();
    let mut serve = Running::start(
        &["serve", "codechat", "--config", config.to_str().unwrap()],
        &[],
    );
    serve.until_stderr("receiving CodeChat webhooks");
    let body = std::fs::read_to_string(fixtures().join(UPSERT)).unwrap();
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST /cfg HTTP/1.1\r\nHost: x\r\napikey: cfg-secret-value\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert_eq!(serve.next_line()["event"], "messages.upsert");
    let (code, rest) = serve.stop();
    assert_eq!(code, Some(130));
    assert!(!rest.contains("cfg-secret-value"), "{rest}");
    // A broken file: exit 2, the line named, the secret on it not shown.
    std::fs::write(
        &config,
        "[codechat]\nsecret = \"cfg-secret-value\"\npath = 7\n",
    )
    .unwrap();
    let output = run(
        &["serve", "codechat", "--config", config.to_str().unwrap()],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 3"), "{stderr}");
    assert!(!stderr.contains("cfg-secret-value"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

/// `chat-events consume` of CodeChat events from the NATS server at `url` as the durable
/// consumer `durable`, started and ready.
fn start_consume(url: &str, config: &str, durable: &str, extra: &[&str]) -> Running {
    let mut args = vec![
        "consume",
        url,
        "--provider",
        "codechat",
        "--durable",
        durable,
        "--config",
        config,
    ];
    args.extend_from_slice(extra);
    let mut consume = Running::start(&args, &[]);
    consume.until_stderr("consuming codechat events");
    consume
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_with_a_jetstream_sink_answers_200_once_stored_and_consume_reads_the_events_back() {
    let mut nats = tokio::task::block_in_place(chat_events_tests::peers::Nats::start);
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let url = nats.url();
    // The sink and its stream from the config file: created with these settings.
    let dir = temp_dir("nats-config");
    let config = dir.join("chat-events.toml");
    std::fs::write(
        &config,
        format!(
            "[nats]\nurl = \"{url}\"\nstream = \"HOOKS\"\nprefix = \"hooks\"\nduplicate_window_secs = 60\nmax_age_days = 1\n"
        ),
    )
    .unwrap();
    let config = config.to_str().unwrap().to_owned();
    let serve = tokio::task::block_in_place(|| {
        let mut serve = Running::start(
            &[
                "serve", "codechat", "--addr", &addr, "--path", "/hook", "--config", &config,
            ],
            &[],
        );
        serve.until_stderr("receiving CodeChat webhooks");
        serve
    });
    assert!(
        serve
            .seen_err
            .iter()
            .any(|line| line.contains("(stream HOOKS)"))
    );
    // The connection update first: outside the normalized model, the normalized consumer
    // below must skip it and print the message first.
    let bodies = [
        std::fs::read_to_string(
            fixtures().join("codechat/reference/connection.update.cloud-docs.json"),
        )
        .unwrap(),
        std::fs::read_to_string(fixtures().join(UPSERT)).unwrap(),
    ];
    for body in &bodies {
        assert_eq!(
            tokio::task::block_in_place(|| post(port, "/hook", body)),
            "HTTP/1.1 200 OK"
        );
    }
    let client = async_nats::connect(url.as_str()).await.unwrap();
    let mut stream = async_nats::jetstream::new(client)
        .get_stream("HOOKS")
        .await
        .unwrap();
    let info = stream.info().await.unwrap();
    assert_eq!(info.config.subjects, ["hooks.>"]);
    assert_eq!(info.config.duplicate_window, Duration::from_secs(60));
    assert_eq!(info.config.max_age, Duration::from_secs(86_400));
    assert_eq!(info.state.messages, 2);
    let consume = tokio::task::block_in_place(|| start_consume(&url, &config, "cli-test", &[]));
    for body in &bodies {
        let line = tokio::task::block_in_place(|| consume.next_line());
        assert_eq!(line["provider"], "codechat");
        assert_eq!(line["source"], "/hook");
        assert_eq!(
            line["body"],
            serde_json::from_str::<serde_json::Value>(body).unwrap()
        );
    }
    let (code, _) = tokio::task::block_in_place(|| consume.stop());
    assert_eq!(code, Some(130));
    // Another consumer reads the same log normalized: its first line is the message (the
    // connection update, stored first, prints nothing), with the payload as received.
    let normalized = tokio::task::block_in_place(|| {
        start_consume(&url, &config, "cli-test-normalized", &["--normalized"])
    });
    let line = tokio::task::block_in_place(|| normalized.next_line());
    assert_eq!(line["sourceEvent"], "messages.upsert");
    assert_eq!(line["event"]["type"], "message");
    assert_eq!(line["event"]["id"], "3EB0A1B2C3D4E5F60718");
    assert_eq!(line["raw"], upsert());
    let (code, _) = tokio::task::block_in_place(|| normalized.stop());
    assert_eq!(code, Some(130));
    // The log is gone: the webhook is refused, never answered 200 unstored.
    tokio::task::block_in_place(|| nats.kill());
    assert!(
        tokio::task::block_in_place(|| post(port, "/hook", &bodies[0])).starts_with("HTTP/1.1 503")
    );
    let (code, _) = tokio::task::block_in_place(|| serve.stop());
    assert_eq!(code, Some(130));
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[allow(clippy::too_many_lines)] // one scenario: two relays, one killed, the log read back
async fn two_relays_on_one_channel_store_each_event_once_even_when_one_is_killed() {
    const TOKEN: &str = "$2y$10$relay-test-token";
    let server = tokio::task::block_in_place(Sockudo::start);
    let nats = tokio::task::block_in_place(chat_events_tests::peers::Nats::start);
    let endpoint = AuthEndpoint::start(|_| AuthReply::Sign).await.unwrap();
    let auth = endpoint.url().to_owned();
    let port = server.port().to_string();
    let url = nats.url();
    let channel = "private-v1.companies.2224";
    let relay = || {
        let mut relay = Running::start(
            &[
                "listen",
                "chatapp",
                "--host",
                "127.0.0.1",
                "--port",
                &port,
                "--no-tls",
                "--app-key",
                chat_events_tests::peers::APP_KEY,
                "--auth-url",
                &auth,
                "--channel",
                channel,
                "--sink",
                &url,
            ],
            &[("CHATAPP_ACCESS_TOKEN", TOKEN)],
        );
        relay.until_stderr("subscribed to private-v1.companies.2224");
        relay
    };
    let (first, second) = tokio::task::block_in_place(|| (relay(), relay()));
    let fixtures = chat_events_tests::fixtures("chatapp");
    let known = chatapp_events::EventKind::KNOWN;
    let target: chatapp_events::Channel = channel.parse().unwrap();
    let (before, after) = fixtures.split_at(fixtures.len() / 2);
    for fixture in before {
        server
            .trigger(&target, fixture.event_name(known), &fixture.json)
            .await;
    }
    // Relay one dies without a goodbye, mid-stream; relay two carries on alone.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = Command::new("kill")
        .args(["-KILL", &first.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for fixture in after {
        server
            .trigger(&target, fixture.event_name(known), &fixture.json)
            .await;
    }
    // Every event is in the log exactly once, byte for byte. Events with identical content
    // on the same channel are one event to the log (the documented limit of content ids):
    // the two seeds share examples.
    let mut seen = std::collections::BTreeSet::new();
    let fixtures: Vec<_> = fixtures
        .iter()
        .filter(|fixture| {
            seen.insert(chat_events_nats::message_id(
                "chatapp",
                channel,
                fixture.json.trim(),
            ))
        })
        .collect();
    let (stored, duplicate) = nats.stored(fixtures.len(), Duration::from_secs(2)).await;
    assert!(!duplicate, "a duplicate was stored");
    for (fixture, message) in fixtures.iter().zip(&stored) {
        assert_eq!(
            std::str::from_utf8(&message.payload).unwrap(),
            fixture.json.trim(),
            "{}",
            fixture.id()
        );
        assert_eq!(
            message.subject.as_str(),
            chat_events_nats::subject("chat-events", "chatapp", fixture.event_name(known))
        );
        assert_eq!(
            message
                .headers
                .as_ref()
                .unwrap()
                .get("source")
                .unwrap()
                .as_str(),
            channel
        );
    }
    let (code, _) = tokio::task::block_in_place(|| second.stop());
    assert_eq!(code, Some(130));
    drop(first);
}

#[test]
fn payloads_larger_than_the_bound_are_error_lines_and_never_read_whole() {
    let dir = temp_dir("bound");
    let compact = upsert().to_string();
    assert!(compact.len() < 3_000);
    let huge = format!(
        "{{\"event\":\"messages.upsert\",\"pad\":\"{}\"}}",
        "x".repeat(10_000)
    );
    let lines = dir.join("mixed.jsonl");
    std::fs::write(&lines, format!("{compact}\n{huge}\n{compact}\n")).unwrap();
    std::fs::write(dir.join("big.json"), &huge).unwrap();
    let output = run(
        &[
            "check",
            dir.to_str().unwrap(),
            "--format",
            "json",
            "--max-payload-bytes",
            "3000",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let by_source = |suffix: &str| {
        lines
            .iter()
            .find(|line| line["source"].as_str().is_some_and(|s| s.ends_with(suffix)))
            .unwrap_or_else(|| panic!("{suffix}: {lines:?}"))
    };
    assert!(
        by_source("big.json")["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--max-payload-bytes")
    );
    assert!(
        by_source("mixed.jsonl:2")["error"]["message"]
            .as_str()
            .unwrap()
            .contains("skipped")
    );
    assert_eq!(by_source("mixed.jsonl:1")["status"], "clean");
    assert_eq!(by_source("mixed.jsonl:3")["status"], "clean");
    // Stdin, one document over the bound.
    let pretty = format!("{{\n\"pad\": \"{}\"\n}}\n", "x".repeat(10_000));
    let output = run(
        &["check", "--max-payload-bytes", "3000", "--format", "json"],
        Some(&pretty),
    );
    let lines = json_lines(&output);
    assert_eq!(lines[0]["source"], "<stdin>");
    assert!(
        lines[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("--max-payload-bytes")
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// POSTs `body` with extra headers; the status line.
fn post_with(port: u16, path: &str, headers: &[(&str, &str)], body: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut extra = String::new();
    for (name, value) in headers {
        extra.push_str(name);
        extra.push_str(": ");
        extra.push_str(value);
        extra.push_str("\r\n");
    }
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_onechat_checks_chatwoot_signatures_and_stores_a_repeated_delivery_once() {
    const SECRET: &str = "cw-secret-41d7";
    let nats = tokio::task::block_in_place(chat_events_tests::peers::Nats::start);
    let url = nats.url();
    let port = free_port();
    let addr = format!("127.0.0.1:{port}");
    let dir = temp_dir("serve-onechat");
    let recording = dir.join("chatwoot.jsonl");
    let serve = tokio::task::block_in_place(|| {
        let mut serve = Running::start(
            &[
                "serve",
                "onechat",
                "--addr",
                &addr,
                "--path",
                "/chatwoot",
                "--sink",
                &url,
                "--record",
                recording.to_str().unwrap(),
            ],
            &[("ONECHAT_WEBHOOK_SECRET", SECRET)],
        );
        serve.until_stderr("receiving Chatwoot webhooks");
        serve
    });
    let body = std::fs::read_to_string(
        fixtures().join("onechat-webhook/upstream/message_created.chatwoot-docs-2022.json"),
    )
    .unwrap();
    let body = body.trim();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    // Signed as Chatwoot signs (computed here with the test's own HMAC).
    let signature = format!(
        "sha256={}",
        chat_events_tests::peers::hmac_hex(SECRET, &format!("{now}.{body}"))
    );
    let signed = [
        ("X-Chatwoot-Signature", signature.as_str()),
        ("X-Chatwoot-Timestamp", now.as_str()),
        (
            "X-Chatwoot-Delivery",
            "6c1d8a52-1c43-4b7e-a2b1-8f3e9d0c5a77",
        ),
    ];
    for _ in 0..3 {
        assert_eq!(
            tokio::task::block_in_place(|| post_with(port, "/chatwoot", &signed, body)),
            "HTTP/1.1 200 OK"
        );
    }
    // Unsigned, and signed with another secret: refused.
    assert!(
        tokio::task::block_in_place(|| post(port, "/chatwoot", body)).starts_with("HTTP/1.1 401")
    );
    let forged = format!(
        "sha256={}",
        chat_events_tests::peers::hmac_hex("guess", &format!("{now}.{body}"))
    );
    let forged = [
        ("X-Chatwoot-Signature", forged.as_str()),
        ("X-Chatwoot-Timestamp", now.as_str()),
    ];
    assert!(
        tokio::task::block_in_place(|| post_with(port, "/chatwoot", &forged, body))
            .starts_with("HTTP/1.1 401")
    );
    // Printed once, stored once.
    let line = tokio::task::block_in_place(|| serve.next_line());
    assert_eq!(line["provider"], "onechat-webhook");
    assert_eq!(line["event"], "message_created");
    assert_eq!(line["source"], "/chatwoot");
    let client = async_nats::connect(url.as_str()).await.unwrap();
    let mut stream = async_nats::jetstream::new(client)
        .get_stream("CHAT_EVENTS")
        .await
        .unwrap();
    assert_eq!(stream.info().await.unwrap().state.messages, 1);
    let (code, rest) = tokio::task::block_in_place(|| serve.stop());
    assert_eq!(code, Some(130));
    assert!(!rest.contains(SECRET), "{rest}");
    assert!(
        !rest.contains("\"event\":\"message_created\""),
        "printed once: {rest}"
    );
    let recorded = std::fs::read_to_string(&recording).unwrap();
    assert_eq!(recorded.lines().count(), 1, "recorded once: {recorded}");
    std::fs::remove_dir_all(dir).unwrap();
}
