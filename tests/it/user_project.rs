//! A user's project, built from nothing outside this workspace: it depends on one provider
//! crate and this one by path, keeps captured payloads in `tests/payloads/` (clean, drifting
//! with and without an allow-list row, unknown, broken, and a `--record` JSON Lines file), and
//! has the five-line test of the crate docs. Its `cargo test` must pass and fail exactly the
//! right tests and write the snapshots.

use std::{fs, path::Path, process::Command};

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
#[allow(clippy::too_many_lines)] // one scenario: write the project, run it, read the results
fn a_user_project_snapshot_tests_its_payloads() {
    let root = chat_events_tests::workspace_root();
    let root = root.as_path();
    let project = std::env::temp_dir().join(format!("chat-events-user-{}", std::process::id()));
    let _ = fs::remove_dir_all(&project);
    write(
        &project.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "user-app"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dev-dependencies]
chat-events-testing = {{ path = "{root}/crates/chat-events-testing" }}
codechat-events = {{ path = "{root}/crates/codechat-events" }}

[[test]]
name = "payloads"
harness = false
"#,
            root = root.display()
        ),
    );
    write(&project.join("src/lib.rs"), "//! A user's app.\n");
    // The same versions as this workspace, so the build needs nothing new from the network.
    fs::copy(root.join("Cargo.lock"), project.join("Cargo.lock")).unwrap();
    write(
        &project.join("tests/payloads.rs"),
        r#"fn main() {
    chat_events_testing::Corpus::new("tests/payloads")
        .snapshots("tests/snapshots")
        .run::<codechat_events::Event>();
}
"#,
    );
    let clean = fs::read_to_string(
        root.join("tests/fixtures/codechat/reference/connection.update.cloud-docs.json"),
    )
    .unwrap();
    let value: serde_json::Value = serde_json::from_str(&clean).unwrap();
    let mut drifting = value.clone();
    drifting["data"]["newField"] = serde_json::json!(1);
    let payloads = project.join("tests/payloads");
    write(&payloads.join("clean.json"), &clean);
    write(&payloads.join("captured/drift.json"), &drifting.to_string());
    write(
        &payloads.join("captured/drift-allowed.json"),
        &drifting.to_string(),
    );
    write(
        &payloads.join("captured/DRIFT.md"),
        "| file | path | reason |\n| --- | --- | --- |\n| drift-allowed.json | data.newField | sent by our proxy |\n",
    );
    write(
        &payloads.join("unknown.json"),
        r#"{"event":"future.event","instance":"sales-01","data":{}}"#,
    );
    write(
        &payloads.join("broken.json"),
        r#"{"event":"connection.update","instance":"x","data":{"state":42}}"#,
    );
    write(
        &payloads.join("recorded.jsonl"),
        &format!(
            "{}\n\n{}\n",
            value,
            serde_json::to_string(&serde_json::to_string_pretty(&value).unwrap()).unwrap()
        ),
    );

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        // One thread: insta's reports must not land between a test's name and its result.
        .args([
            "test",
            "--offline",
            "--test",
            "payloads",
            "--",
            "--test-threads",
            "1",
        ])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", root.join("target/user-project"))
        .env("INSTA_UPDATE", "always")
        .env("INSTA_OUTPUT", "none")
        .env_remove("CI")
        .env_remove("INSTA_FORCE_PASS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "some payloads must fail:\n{stdout}\n{stderr}"
    );
    // libtest-mimic pads the names: `test payloads/clean::snapshot      ... ok`.
    let result = |name: &str| -> &str {
        stdout
            .lines()
            .filter_map(|line| line.strip_prefix("test "))
            .filter_map(|line| line.split_once(" ... "))
            .find(|(test, _)| test.trim_end() == name)
            .map_or_else(
                || panic!("no result for {name}:\n{stdout}\n{stderr}"),
                |(_, result)| result.trim(),
            )
    };
    for (name, expected) in [
        ("payloads/clean::snapshot", "ok"),
        ("payloads/clean::round_trip", "ok"),
        ("payloads/captured/drift::snapshot", "ok"),
        ("payloads/captured/drift::round_trip", "FAILED"),
        ("payloads/captured/drift-allowed::round_trip", "ok"),
        ("payloads/unknown::snapshot", "ok"),
        ("payloads/unknown::round_trip", "FAILED"),
        ("payloads/broken::snapshot", "FAILED"),
        ("payloads/broken::round_trip", "FAILED"),
        ("payloads/recorded:1::round_trip", "ok"),
        ("payloads/recorded:3::round_trip", "ok"),
        ("payloads/recorded:3::snapshot", "ok"),
    ] {
        assert_eq!(result(name), expected, "{name}\n{stdout}");
    }
    // Failures say what to do: the drifting path, where to allow it, the broken path.
    assert!(
        stdout.contains("`data.newField` missing from the model"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| drift.json | <path> | <reason> |"),
        "{stdout}"
    );
    assert!(stdout.contains("at `data.state`"), "{stdout}");
    // The summary, per event.
    assert!(
        stderr.lines().any(|line| line.contains("connection.update")
            && line.contains("3 clean")
            && line.contains("2 drift")),
        "{stderr}"
    );
    // Snapshots of the payloads that decode, in the user's folder.
    let snapshots = project.join("tests/snapshots");
    for name in [
        "clean",
        "captured__drift",
        "unknown",
        "recorded__line1",
        "recorded__line3",
    ] {
        let file = snapshots.join(format!("{name}.snap"));
        let text = fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("{}: {e}\n{stdout}", file.display()));
        assert!(
            text.contains("ConnectionUpdate") || text.contains("Unknown"),
            "{text}"
        );
    }
    fs::remove_dir_all(&project).unwrap();
}
