//! The packages' part of the test command: the TypeScript and Python packages' own tests, and
//! the installed packages' checks, run against the Rust decoder's verdicts.

use std::{fs, path::Path};

use super::{installed, run};

/// The packages' part of the test command: the generated files are current, the Rust
/// decoder's verdicts on every fixture and mutant are written (`target/mutants`), then the
/// TypeScript package's tests (build, `tsc --strict` of the usage files, Node tests) and the
/// Python package's (`pytest`) run against them. Node packages (npm, from the lock file) and
/// a Python virtual environment (`target/python-venv`, from `requirements-test.txt`) are
/// installed when missing.
pub(crate) fn test(root: &Path) -> Result<(), String> {
    use std::process::Command;

    use crate::process::cargo;

    run(root, true)?;
    let mutants = root.join("target/mutants");
    run_command(
        cargo()
            .current_dir(root)
            .args([
                "run",
                "--locked",
                "-q",
                "-p",
                "chat-events-tests",
                "--bin",
                "mutants",
                "--",
            ])
            .arg(&mutants),
    )?;
    let typescript = root.join("packages/typescript");
    crate::install::install_node()?;
    let stamp = typescript.join("node_modules/.package-lock.json");
    let lock = typescript.join("package-lock.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    if modified(&stamp).is_none() || modified(&stamp) < modified(&lock) {
        run_command(Command::new("npm").current_dir(&typescript).args([
            "ci",
            "--no-audit",
            "--no-fund",
        ]))
        .map_err(|e| {
            format!(
                "{e}
the TypeScript package's tests need npm to reach the npm registry"
            )
        })?;
    }
    run_command(
        Command::new("npm")
            .current_dir(&typescript)
            .args(["test"])
            .env("CHAT_EVENTS_MUTANTS", &mutants),
    )?;
    let python = root.join("packages/python");
    let venv = root.join("target/python-venv");
    let interpreter = venv.join("bin/python");
    let requirements = python.join("requirements-test.txt");
    let wanted = fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let stamp = venv.join("requirements-test.txt");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        if !interpreter.exists() {
            crate::install::install_python_venv(&venv)?;
        }
        run_command(
            crate::install::pip_install(&interpreter)
                .arg("-r")
                .arg(&requirements),
        )
        .map_err(|e| {
            format!(
                "{e}
the Python package's tests need pip to reach PyPI"
            )
        })?;
        fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }
    run_command(
        Command::new(&interpreter)
            .current_dir(&python)
            .args(["-m", "pytest", "-q", "-s"])
            .env("CHAT_EVENTS_MUTANTS", &mutants),
    )?;
    installed::test(root)
}

fn run_command(command: &mut std::process::Command) -> Result<(), String> {
    crate::process::run(command)
}
