//! `cargo xtask test` (the project's test command) and `cargo xtask deps-check`.
//!
//! `test` installs what the suites need when it is missing (Debian's `ruby-actioncable` and
//! `puma` for the OneChat client tests; Debian's `nats-server` for the JetStream tests; the `sockudo` Pusher server from crates.io, built with
//! Debian's `protobuf-compiler`, for the ChatApp client tests), then runs every test of the
//! workspace and the TypeScript and Python packages' tests (Node packages and a Python
//! virtual environment installed when missing, see `packages/mod.rs`), then each fuzz target of `fuzz/` for a short time (`CHAT_EVENTS_FUZZ_SECONDS`,
//! default 20; cargo-fuzz is installed when missing). Between the two it runs the benchmark
//! harness in smoke mode (`wrk` and Node packages installed when missing, see `bench.rs`). It is what `.ci/run` calls and what the
//! README names; a fresh machine needs nothing but the Rust toolchain before running it.

use std::{
    path::Path,
    process::{Command, Stdio},
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

pub(crate) fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

pub(crate) fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    println!("==> {shown}");
    let status = command
        .status()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

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
    run(cargo()
        .current_dir(root)
        .args(["test", "--workspace", "--all-features", "--locked"]))?;
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

/// The real peers of the transport tests (and of the benchmarks).
pub(crate) fn install_peers() -> Result<(), String> {
    install_rails_action_cable()?;
    install_nats_server()?;
    install_sockudo()
}

/// Node and npm (Debian's) for the TypeScript package and the client benchmarks.
pub(crate) fn install_node() -> Result<(), String> {
    apt_ensure(
        &["nodejs", "npm"],
        "the TypeScript package",
        || succeeds("node", &["--version"]) && succeeds("npm", &["--version"]),
        "the TypeScript package's tests need Node and npm: apt-get install -y nodejs npm",
    )
}

/// Creates the Python virtual environment `dir`, installing Debian's `python3`,
/// `python3-venv` and `python3-pip` first when it cannot be made (a fresh Debian has no
/// `ensurepip`).
pub(crate) fn install_python_venv(dir: &Path) -> Result<(), String> {
    let create = || {
        Command::new("python3")
            .args(["-m", "venv"])
            .arg(dir)
            .status()
            .is_ok_and(|status| status.success())
    };
    println!("==> python3 -m venv {}", dir.display());
    if create() {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(dir);
    apt_ensure(
        &["python3", "python3-venv", "python3-pip"],
        "the Python package's tests",
        create,
        "the Python package's tests need python3 with venv: apt-get install -y python3-venv",
    )
}

/// `python -m pip install --quiet --disable-pip-version-check` in the environment of
/// `interpreter` (a virtual environment's `bin/python`); the caller adds what to install.
pub(crate) fn pip_install(interpreter: &Path) -> Command {
    let mut command = Command::new(interpreter);
    command.args([
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]);
    command
}

/// Runs `command` (shown first), its standard error passed through; its standard output, or
/// an error with it when the command fails.
pub(crate) fn output(command: &mut Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    println!("==> {shown}");
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if out.status.success() {
        Ok(stdout)
    } else {
        Err(format!("{shown} failed ({}):\n{stdout}", out.status))
    }
}

/// Whether `program args…` runs and succeeds (quietly).
pub(crate) fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs Debian `packages` unless `present()`, then checks again; the hint on failure.
fn apt_ensure(
    packages: &[&str],
    what: &str,
    present: impl Fn() -> bool,
    hint: &str,
) -> Result<(), String> {
    if present() {
        return Ok(());
    }
    println!(
        "==> installing {} (Debian packages) for {what}",
        packages.join(", ")
    );
    apt_install(packages).map_err(|e| format!("{e}\n{hint}"))?;
    if present() {
        Ok(())
    } else {
        Err(format!(
            "{} still missing after apt-get install\n{hint}",
            packages.join(", ")
        ))
    }
}

/// The JetStream tests run a real `nats-server -js`: Debian's `nats-server`.
fn install_nats_server() -> Result<(), String> {
    apt_ensure(
        &["nats-server"],
        "the JetStream tests",
        || succeeds("nats-server", &["--version"]),
        "the JetStream tests need Debian's nats-server: apt-get install -y nats-server",
    )
}

/// The OneChat client tests run a real Action Cable server: Debian's `ruby-actioncable`
/// under `puma`. Installs them when missing; fails with the install hint when it cannot.
fn install_rails_action_cable() -> Result<(), String> {
    apt_ensure(
        &["ruby-actioncable", "puma"],
        "the Action Cable tests",
        || succeeds("puma", &["--version"]) && succeeds("ruby", &["-e", "require 'action_cable'"]),
        "the OneChat client tests need Debian's ruby-actioncable and puma: apt-get install -y ruby-actioncable puma",
    )
}

/// Runs `apt-get install` for `packages` (through `sudo -n` when not root).
pub(crate) fn apt_install(packages: &[&str]) -> Result<(), String> {
    let root = std::env::var("USER").is_ok_and(|user| user == "root")
        || Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| out.stdout.trim_ascii() == b"0");
    let apt = |args: &[&str]| {
        let mut command = if root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !root {
            command.args(["-n", "apt-get"]);
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq"];
    install.extend_from_slice(packages);
    apt(&install)
}

/// The sockudo version the ChatApp client tests run against.
const SOCKUDO_VERSION: &str = "5.2.0";

/// Where the tests look for sockudo: `SOCKUDO_BIN`, cargo's bin directory, the `PATH`.
fn sockudo_present() -> bool {
    if let Some(path) = std::env::var_os("SOCKUDO_BIN") {
        return Path::new(&path).is_file();
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    cargo_home.is_some_and(|home| home.join("bin/sockudo").is_file())
        || std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|dir| dir.join("sockudo").is_file())
        })
}

/// The ChatApp client tests run a real Pusher server: sockudo from crates.io. Installs it
/// with `cargo install` when missing (it needs `protoc`: Debian's `protobuf-compiler`).
fn install_sockudo() -> Result<(), String> {
    const HINT: &str = "the ChatApp client tests need sockudo (a Pusher server): \
        apt-get install -y protobuf-compiler && cargo install sockudo --locked";
    if sockudo_present() {
        return Ok(());
    }
    let protoc = || {
        Command::new("protoc")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !protoc() {
        println!("==> installing protobuf-compiler (Debian package) to build sockudo");
        apt_install(&["protobuf-compiler"]).map_err(|e| format!("{e}\n{HINT}"))?;
    }
    println!("==> installing sockudo {SOCKUDO_VERSION} (cargo install; takes a few minutes once)");
    run(cargo().args([
        "install",
        "sockudo",
        "--version",
        SOCKUDO_VERSION,
        "--locked",
    ]))
    .map_err(|e| format!("{e}\n{HINT}"))?;
    if sockudo_present() {
        Ok(())
    } else {
        Err(format!(
            "sockudo is still missing after cargo install\n{HINT}"
        ))
    }
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
