//! `cargo xtask test` (the project's test command) and `cargo xtask deps-check`.
//!
//! `test` installs what the suites need when it is missing (Debian's `ruby-actioncable` and
//! `puma` for the OneChat client tests; Debian's `nats-server` for the JetStream tests; the `sockudo` Pusher server from crates.io, built with
//! Debian's `protobuf-compiler`, for the ChatApp client tests), then runs every test of the
//! workspace (built first, then run within `CHAT_EVENTS_TEST_MINUTES`, default 30: a hanging
//! test fails the run) and the TypeScript and Python packages' tests (Node packages and a Python
//! virtual environment installed when missing, see `packages/suite.rs`), then each fuzz target of `fuzz/` for a short time (`CHAT_EVENTS_FUZZ_SECONDS`,
//! default 20; cargo-fuzz is installed when missing). Between the two it runs the benchmark
//! harness in smoke mode (`wrk` and Node packages installed when missing, see `bench.rs`). It is what `.ci/run` calls and what the
//! README names; a fresh machine needs nothing but the Rust toolchain before running it.

use std::{path::Path, process::Stdio};

use crate::{
    install::install_peers,
    process::{cargo, run, run_within},
};

/// The provider crates and what a types-only build of each must not pull in.
const PROVIDERS: [&str; 3] = ["chatapp-events", "codechat-events", "onechat-events"];
const RUNTIME_CRATES: [&str; 9] = [
    "tokio",
    "tokio-tungstenite",
    "tungstenite",
    "hyper",
    "reqwest",
    "axum",
    "rustls",
    "mio",
    "async-std",
];

/// The provider crates with a `testkit` feature.
const TESTKITS: [&str; 3] = ["chatapp-events", "codechat-events", "onechat-events"];

/// The distinct package names in `krate`'s normal dependency tree, without default features
/// and with `feature`.
fn tree(root: &Path, krate: &str, feature: Option<&str>) -> Result<Vec<String>, String> {
    let mut command = cargo();
    command.current_dir(root).args([
        "tree",
        "-p",
        krate,
        "--no-default-features",
        "-e",
        "normal",
        "--prefix",
        "none",
        "--format",
        "{p}",
    ]);
    if let Some(feature) = feature {
        command.args(["--features", feature]);
    }
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo tree: {e}"))?;
    if !output.status.success() {
        return Err(format!("cargo tree -p {krate} failed"));
    }
    let mut names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    names.sort_unstable();
    names.dedup();
    Ok(names)
}

/// The test command.
pub(crate) fn test(root: &Path) -> Result<(), String> {
    install_peers()?;
    deps_check(root)?;
    crate::hygiene::run_all(root)?;
    crate::corpus::run(root, true)?;
    crate::schema::run(root, true)?;
    // Built first, then run against a limit: a hanging test fails the run, named.
    run(cargo().current_dir(root).args([
        "test",
        "--workspace",
        "--all-features",
        "--locked",
        "--no-run",
    ]))?;
    // The run takes 6 to 10 minutes (doctests compiled in it); a hang is stopped well inside
    // CI's 90.
    let minutes = std::env::var("CHAT_EVENTS_TEST_MINUTES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(30);
    run_within(
        cargo()
            .current_dir(root)
            .args(["test", "--workspace", "--all-features", "--locked"]),
        std::time::Duration::from_secs(60 * minutes),
    )?;
    no_rebuild(root)?;
    // The crates as a stranger gets them: packaged, then used from the `.crate` files alone.
    crate::packaged::run_all(root)?;
    // The TypeScript and Python packages against the decoder's verdicts.
    crate::packages::test(root)?;
    // The benchmark harness in smoke mode: it must keep working (its figures are not judged).
    crate::bench::smoke(root)?;
    // Every fuzz target, briefly: they build and run, and the inputs found so far still pass.
    let seconds = std::env::var("CHAT_EVENTS_FUZZ_SECONDS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(20);
    crate::fuzz::run(root, seconds, &[])
}

/// A second `cargo build` compiles nothing: no build step re-runs on every build (no
/// build script watches a path that does not exist, none reads the environment that
/// changes between runs).
fn no_rebuild(root: &Path) -> Result<(), String> {
    let build = || {
        let mut command = cargo();
        command.current_dir(root).args([
            "build",
            "--workspace",
            "--all-features",
            "--all-targets",
            "--locked",
        ]);
        command
    };
    run(&mut build())?;
    println!("==> again: nothing may compile");
    let out = build()
        .output()
        .map_err(|e| format!("cannot run cargo build: {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let compiled: Vec<&str> = stderr
        .lines()
        .filter(|line| line.trim_start().starts_with("Compiling"))
        .collect();
    if !out.status.success() || !compiled.is_empty() {
        return Err(format!(
            "a second cargo build compiled again:\n{}",
            compiled.join("\n")
        ));
    }
    println!("a second cargo build compiled nothing");
    Ok(())
}

/// Checks that each provider crate, built types-only, pulls no async runtime, no network
/// crate and no other provider.
pub(crate) fn deps_check(root: &Path) -> Result<(), String> {
    let mut problems = Vec::new();
    for krate in PROVIDERS {
        let names = tree(root, krate, None)?;
        for name in &names {
            if RUNTIME_CRATES.contains(&name.as_str())
                || (PROVIDERS.contains(&name.as_str()) && name != krate)
            {
                problems.push(format!("{krate} (types only) depends on {name}"));
            }
        }
        println!(
            "{krate} types-only: {} crates, none of them a runtime or another provider",
            names.len()
        );
    }
    // With its testkit, a provider brings its transport's runtime, never another provider.
    for krate in TESTKITS {
        let names = tree(root, krate, Some("testkit"))?;
        for name in &names {
            if PROVIDERS.contains(&name.as_str()) && name != krate {
                problems.push(format!("{krate} (testkit) depends on {name}"));
            }
        }
        println!(
            "{krate} with testkit: {} crates, no other provider",
            names.len()
        );
    }
    problems.sort();
    problems.dedup();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn types_only_builds_pull_no_runtime_and_no_other_provider() {
        if let Err(message) = super::deps_check(&crate::root()) {
            panic!("{message}");
        }
    }
}
