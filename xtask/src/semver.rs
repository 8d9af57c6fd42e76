//! `cargo xtask semver <baseline rev>`: the API-compatibility check a release runs
//! (RELEASING.md): `cargo semver-checks` on every published crate against a git revision
//! (the previous release's tag), installing cargo-semver-checks when missing.

use std::path::Path;

use crate::process::{cargo, run, succeeds};

/// The crates a release publishes (xtask and the test crate are not).
const EXCLUDED: [&str; 2] = ["xtask", "chat-events-tests"];

/// Runs the check; a reported break is an error.
pub(crate) fn check(root: &Path, baseline: &str) -> Result<(), String> {
    if !succeeds("cargo", &["semver-checks", "--version"]) {
        println!("==> installing cargo-semver-checks (cargo install; takes minutes once)");
        run(cargo().args(["install", "cargo-semver-checks", "--locked"]))?;
    }
    let mut command = cargo();
    command.current_dir(root).args([
        "semver-checks",
        "--workspace",
        "--all-features",
        "--baseline-rev",
        baseline,
    ]);
    for name in EXCLUDED {
        command.args(["--exclude", name]);
    }
    run(&mut command)
}
