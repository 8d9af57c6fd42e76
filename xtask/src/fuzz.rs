//! `cargo xtask fuzz [--seconds N] [target…]`: runs the cargo-fuzz targets of `fuzz/`, each
//! for a bounded time, seeded with every fixture of the repository; the test command runs it
//! with a short budget so the targets cannot rot.
//!
//! libFuzzer needs a nightly compiler. The machine's `nightly` toolchain is used when rustup
//! has it; otherwise the stable toolchain with `RUSTC_BOOTSTRAP=1` (no toolchain can be
//! fetched here). The targets run without a sanitizer: the code under test forbids `unsafe`,
//! so what the fuzzers look for is panics, overflows (checked in the debug assertions
//! cargo-fuzz builds with), hangs and memory blow-ups. cargo-fuzz is installed with
//! `cargo install` when missing.
//!
//! A crash leaves its input in `fuzz/artifacts/<target>/`; copy it to
//! `tests/fixtures/fuzz/<target>/` so that the ordinary test suite replays it for good.

use std::{
    fs,
    path::{Path, PathBuf},
    process::{Command, Stdio},
};

/// Every target and the fixture folders that seed it.
const TARGETS: [(&str, &[&str]); 8] = [
    ("decode_chatapp", &["chatapp"]),
    ("decode_chatapp_named", &[]),
    ("frames_chatapp", &[]),
    ("decode_codechat", &["codechat"]),
    ("decode_onechat", &["onechat"]),
    ("frames_onechat", &["onechat"]),
    ("lenient", &[]),
    ("structured", &[]),
];

fn cargo_fuzz_present() -> bool {
    Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn nightly_present() -> bool {
    Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Every fixture file under `tests/fixtures/<provider>/`, recursively.
fn fixture_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            fixture_files(&path, found);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "json" || ext == "jsonc")
        {
            found.push(path);
        }
    }
}

/// Runs `targets` (all when empty) for `seconds` each.
pub(crate) fn run(root: &Path, seconds: u64, targets: &[&str]) -> Result<(), String> {
    if !cargo_fuzz_present() {
        println!("==> installing cargo-fuzz (cargo install; once)");
        let status = Command::new("cargo")
            .args(["install", "cargo-fuzz", "--locked"])
            .status()
            .map_err(|e| format!("cannot run cargo install: {e}"))?;
        if !status.success() || !cargo_fuzz_present() {
            return Err("cargo-fuzz could not be installed: cargo install cargo-fuzz".to_owned());
        }
    }
    let nightly = nightly_present();
    let fuzz_dir = root.join("fuzz");
    let mut failed = Vec::new();
    for (target, seeds) in TARGETS {
        if !targets.is_empty() && !targets.contains(&target) {
            continue;
        }
        let corpus = fuzz_dir.join("corpus").join(target);
        fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        // Seeds: every fixture of the target's providers, and the inputs found before.
        let mut files = Vec::new();
        for provider in seeds {
            fixture_files(&root.join("tests/fixtures").join(provider), &mut files);
        }
        fixture_files(&root.join("tests/fixtures/fuzz").join(target), &mut files);
        for (index, file) in files.iter().enumerate() {
            let text = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            fs::write(corpus.join(format!("seed-{index:04}")), text)
                .map_err(|e| format!("{}: {e}", corpus.display()))?;
        }
        let mut command = Command::new("cargo");
        if nightly {
            command.arg("+nightly");
        } else {
            command.env("RUSTC_BOOTSTRAP", "1");
        }
        command.current_dir(&fuzz_dir).args([
            "fuzz",
            "run",
            "--sanitizer",
            "none",
            target,
            "--",
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
            "-timeout=10",
            "-print_final_stats=1",
        ]);
        println!(
            "==> fuzzing {target} for {seconds} s ({} seeds)",
            files.len()
        );
        let status = command
            .status()
            .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
        if !status.success() {
            failed.push(target);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets found a failure: {failed:?}; the input is in fuzz/artifacts/<target>/ \
             (copy it to tests/fixtures/fuzz/<target>/ once fixed, so the test suite replays it)"
        ))
    }
}
