//! `cargo xtask bench [--smoke] [--save FILE] [--compare FILE] [part…]` (parts: `decode`,
//! `receiver`, `chatapp`, `onechat`, `relay`, `all`): the benchmark harness
//! (`tests/src/bin/bench/`), built in release mode, with its peers installed when
//! missing: sockudo and the Rails Action Cable server (as for the tests), `wrk` (Debian),
//! and Node's `pusher-js`, `@rails/actioncable` and `ws` (npm, into `target/bench-node`).
//! It prints one table of ratios measured in the same run. `--smoke` is what the test
//! command runs (tiny counts, debug build): the harness must keep working, its figures mean
//! nothing.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

use crate::{
    install::apt_install,
    process::{cargo, run},
};

/// The Node packages the client benchmarks compare against, pinned.
const NODE_PACKAGES: [&str; 3] = ["pusher-js@8.4.0", "@rails/actioncable@7.2.201", "ws@8.18.0"];

/// The full harness in release mode.
pub(crate) fn run_bench(root: &Path, smoke: bool, parts: &[&str]) -> Result<(), String> {
    crate::install::install_peers()?;
    install_bench_peers(root)?;
    run(cargo().current_dir(root).args([
        "build",
        "--release",
        "--locked",
        "-p",
        "chat-events-tests",
        "--bin",
        "bench",
    ]))?;
    let mut command = Command::new(root.join("target/release/bench"));
    if smoke {
        command.arg("--smoke");
    }
    run(command
        .args(parts)
        .current_dir(root)
        .env("CHAT_EVENTS_BENCH_NODE", node_modules(root)))
}

/// The smoke run inside the test command (debug build, already built by `cargo test`).
pub(crate) fn smoke(root: &Path) -> Result<(), String> {
    install_bench_peers(root)?;
    run(cargo()
        .current_dir(root)
        .args([
            "run",
            "--locked",
            "-p",
            "chat-events-tests",
            "--bin",
            "bench",
            "--",
            "--smoke",
            "--save",
        ])
        .arg(root.join("target/bench-smoke.jsonl"))
        .env("CHAT_EVENTS_BENCH_NODE", node_modules(root)))
}

fn node_modules(root: &Path) -> PathBuf {
    root.join("target/bench-node/node_modules")
}

fn present(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// `wrk`, Node and the pinned Node packages.
fn install_bench_peers(root: &Path) -> Result<(), String> {
    let mut apt = Vec::new();
    if !present("wrk", "--version") {
        apt.push("wrk");
    }
    if !present("node", "--version") || !present("npm", "--version") {
        apt.extend(["nodejs", "npm"]);
    }
    if !apt.is_empty() {
        println!(
            "==> installing {} (Debian) for the benchmarks",
            apt.join(", ")
        );
        apt_install(&apt).map_err(|e| {
            format!("{e}\nthe benchmarks need wrk and Node: apt-get install -y wrk nodejs npm")
        })?;
    }
    let modules = node_modules(root);
    let installed = NODE_PACKAGES.iter().all(|package| {
        let (name, version) = package.rsplit_once('@').unwrap_or((package, ""));
        std::fs::read_to_string(modules.join(name).join("package.json"))
            .is_ok_and(|manifest| manifest.contains(&format!("\"version\": \"{version}\"")))
    });
    if !installed {
        let prefix = root.join("target/bench-node");
        std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
        run(Command::new("npm")
            .args([
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
            ])
            .arg(&prefix)
            .args(NODE_PACKAGES))
        .map_err(|e| format!("{e}\nthe client benchmarks need npm to reach the npm registry"))?;
    }
    Ok(())
}
