//! Running commands: `cargo`, a command shown and run, its output captured. The leaf every
//! task builds on; it names no other module of xtask.

use std::process::{Command, Stdio};

/// `cargo` (the one running xtask, from `CARGO`, else the `PATH`'s).
pub(crate) fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs `command` (shown first), its output passed through; an error when it fails.
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

/// Runs `command` (shown first) like [`run`], stopped when it has not finished after
/// `limit`: a test that hangs fails the run with this error instead of holding it until CI's
/// own limit. Without a terminal (CI) the command gets a process group of its own, killed
/// whole (cargo and the test binaries it runs); on a terminal it stays in the terminal's group
/// so that Ctrl-C still reaches it, and only cargo is killed. (Polled once a second: std has
/// no wait with a timeout, and a crate for it would be one more dependency for ten lines.)
pub(crate) fn run_within(command: &mut Command, limit: std::time::Duration) -> Result<(), String> {
    use std::{io::IsTerminal, os::unix::process::CommandExt};

    let shown = format!("{command:?}");
    println!("==> {shown} (at most {} s)", limit.as_secs());
    let own_group = !std::io::stdin().is_terminal();
    if own_group {
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| format!("cannot wait for {shown}: {e}"))?
        {
            return if status.success() {
                Ok(())
            } else {
                Err(format!("{shown} failed ({status})"))
            };
        }
        if started.elapsed() >= limit {
            if own_group {
                let group = format!("-{}", child.id());
                let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
            } else {
                let _ = child.kill();
            }
            let _ = child.wait();
            return Err(format!(
                "{shown} did not finish within {} s and was stopped: a test hangs (the tests \
                 named above as \"running for over 60 seconds\" without an \"ok\" are the ones)",
                limit.as_secs()
            ));
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn a_command_past_its_limit_is_stopped_and_named() {
        let started = Instant::now();
        let error = run_within(Command::new("sleep").arg("30"), Duration::from_secs(1))
            .expect_err("stopped");
        assert!(started.elapsed() < Duration::from_secs(10), "{error}");
        assert!(error.contains("did not finish within 1 s"), "{error}");
        assert_eq!(
            run_within(&mut Command::new("true"), Duration::from_secs(30)),
            Ok(())
        );
        let failed =
            run_within(&mut Command::new("false"), Duration::from_secs(30)).expect_err("failed");
        assert!(failed.contains("failed"), "{failed}");
    }
}
