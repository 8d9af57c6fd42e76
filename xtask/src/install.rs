//! Installing what the tests and benchmarks need when it is missing: Debian packages
//! (through `apt-get`), Node, a Python virtual environment and its packages, the real peers
//! of the transport tests (Action Cable, NATS, sockudo).

use std::{
    path::Path,
    process::{Command, Stdio},
};

use crate::process::{cargo, run, succeeds};

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
