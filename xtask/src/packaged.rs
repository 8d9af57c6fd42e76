//! `cargo xtask packaged`: the crates proven from what they would publish.
//!
//! 1. `cargo package --workspace --locked` (the internal `chat-events-tests` and `xtask`
//!    excluded): every public crate is packaged and its package builds on its own (cargo's
//!    verification build, with the other packages as their registry dependencies).
//! 2. Each `.crate` file's size and file count are printed.
//! 3. A directory source is made from them: `cargo vendor` of the workspace's registry
//!    dependencies, plus each `.crate` file unpacked with its checksum. A stranger's project
//!    outside the workspace (`xtask/stranger/`, copied to the system's temporary folder)
//!    replaces crates.io with that source and builds `--offline`: it cannot see `crates/`.
//! 4. It runs each provider README's decode example (taken from the packaged README), a round
//!    trip through each provider's testkit (the embedded corpus as large as the repository's
//!    folder, the in-process peer, the SDK's transport), and a snapshot-harness run of
//!    `chat-events-testing` (snapshots written, then checked).
//! 5. `cargo install chat-events-cli` from the same source, and `chat-events demo` runs.
//!
//! Written here rather than with a tool: no crate makes a registry out of `.crate` files
//! for a throwaway project; what it takes is `cargo package`, `cargo vendor` and `tar`.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::process::{cargo, output, run};

/// The published crates, in dependency order.
pub(crate) const PUBLISHED: [&str; 9] = [
    "chat-events-macros",
    "chat-events-core",
    "chat-events-webhook",
    "chatapp-events",
    "codechat-events",
    "onechat-events",
    "chat-events-testing",
    "chat-events-nats",
    "chat-events-cli",
];

/// The fixture folders whose payloads the provider crates embed, by corpus name.
const CORPORA: [&str; 4] = ["chatapp", "codechat", "onechat", "onechat-webhook"];

/// The payloads of the stranger's harness run (captured payloads of a CodeChat user).
const PAYLOADS: [&str; 4] = [
    "codechat/reference/messages.upsert.open-source.json",
    "codechat/reference/messages.update.cloud-docs.json",
    "codechat/reference/connection.update.cloud-docs.json",
    "codechat/reference/qrcode.updated.open-source.json",
];

/// The workspace's version (one for all crates).
pub(crate) fn version(root: &Path) -> Result<String, String> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .skip_while(|line| line.trim() != "[workspace.package]")
        .find_map(|line| line.strip_prefix("version = "))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .ok_or_else(|| "no version in [workspace.package]".to_owned())
}

/// The first ```rust block of a README as a function returning the error type its last
/// line names (`# Ok::<(), E>(())`), hidden lines shown: the doctest as a plain function.
fn readme_function(name: &str, readme: &str) -> Result<String, String> {
    let block: Vec<&str> = readme
        .lines()
        .skip_while(|line| line.trim() != "```rust")
        .skip(1)
        .take_while(|line| !line.starts_with("```"))
        .collect();
    let error = block
        .iter()
        .find_map(|line| line.trim().strip_prefix("# Ok::<(), "))
        .and_then(|rest| rest.strip_suffix(">(())"))
        .ok_or_else(|| format!("{name}: the README's first example does not end in Ok"))?;
    let mut body = String::new();
    for line in block {
        let line = line.strip_prefix("# ").unwrap_or(line);
        body.push_str("    ");
        body.push_str(line);
        body.push('\n');
    }
    Ok(format!(
        "/// The first example of `{name}`'s packaged README.\npub fn {}() -> Result<(), {error}> {{\n{body}}}\n",
        name.trim_end_matches("-events")
    ))
}

/// `cargo xtask packaged`.
pub(crate) fn run_all(root: &Path) -> Result<(), String> {
    let version = version(root)?;
    let crates = package_all(root, &version)?;
    // Outside the workspace (one folder per checkout): the directory source (the registry
    // dependencies, then the packages), its configuration, and the project. Build output
    // stays under the workspace's `target/`, and starts empty: cargo does not rebuild a
    // crate of a directory source whose version did not change, so an old build would be
    // tested instead of these packages.
    let outside = std::env::temp_dir().join(format!("chat-events-stranger-{}", checkout_id(root)));
    let _ = fs::remove_dir_all(&outside);
    let _ = fs::remove_dir_all(root.join("target/stranger"));
    let vendor = outside.join("vendor");
    directory_source(root, &vendor, &version, &crates)?;
    write_config(&outside, &vendor)?;
    let project = outside.join("project");
    write_project(root, &project, &vendor, &version)?;
    stranger(root, &project, &version)?;
    examples(root, &vendor, &version)?;
    let _ = fs::remove_dir_all(&outside);
    Ok(())
}

/// A short name of this checkout (its path hashed), so that two checkouts of the workspace
/// can run at once.
fn checkout_id(root: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut hasher);
    format!("{:08x}", hasher.finish() & 0xffff_ffff)
}

/// `<outside>/.cargo/config.toml`: crates.io replaced by the directory source, offline. Cargo
/// reads it in every folder below `outside` (the project, the unpacked packages);
/// `cargo install` reads no project configuration and gets it with `--config`.
fn write_config(outside: &Path, vendor: &Path) -> Result<(), String> {
    let dir = outside.join(".cargo");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    fs::write(
        dir.join("config.toml"),
        format!(
            "# The chat-events packages and their dependencies, nothing else.\n\
             [source.crates-io]\nreplace-with = \"chat-events-packages\"\n\n\
             [source.chat-events-packages]\ndirectory = {:?}\n\n[net]\noffline = true\n\n\
             # As the workspace builds: line tables only, no debug info for dependencies.\n\
             [profile.dev]\ndebug = \"line-tables-only\"\n\n\
             [profile.dev.package.\"*\"]\ndebug = false\n",
            vendor.display().to_string()
        ),
    )
    .map_err(|e| format!("{}: {e}", dir.display()))
}

/// The providers' examples, built from their unpacked packages (the verification build of
/// `cargo package` builds the library only).
fn examples(root: &Path, vendor: &Path, version: &str) -> Result<(), String> {
    for name in ["chatapp-events", "codechat-events", "onechat-events"] {
        run(cargo()
            .current_dir(vendor.join(format!("{name}-{version}")))
            .args(["build", "--offline", "--all-features", "--examples"])
            .env("CARGO_TARGET_DIR", root.join("target/stranger"))
            .env_remove("RUSTFLAGS"))?;
    }
    println!("the providers' examples build from their packages");
    Ok(())
}

/// `cargo package` of every public crate: the `.crate` files, their sizes and file counts.
fn package_all(root: &Path, version: &str) -> Result<Vec<(&'static str, PathBuf)>, String> {
    // `cargo package` verifies each crate against the others through a local registry whose
    // `.crate` files cargo unpacks under `$CARGO_HOME/registry/src/-<hash>/` and never
    // unpacks again for the same version: a second run would verify the first run's sources.
    // Our crates' folders there (under `-…`, local registries only) and the old packages go
    // first.
    let _ = fs::remove_dir_all(root.join("target/package"));
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    if let Some(home) = cargo_home {
        for entry in fs::read_dir(home.join("registry/src"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.file_name().to_string_lossy().starts_with('-') {
                for name in PUBLISHED {
                    let _ = fs::remove_dir_all(entry.path().join(format!("{name}-{version}")));
                }
            }
        }
    }
    forget_verified_builds(&root.join("target/debug"));
    let mut command = cargo();
    command.current_dir(root).args([
        "package",
        "--workspace",
        "--locked",
        // A developer's uncommitted work is packaged as it stands (CI's clone is clean).
        "--allow-dirty",
        "--exclude",
        "chat-events-tests",
        "--exclude",
        "xtask",
    ]);
    run(&mut command)?;
    println!("\npackage                          size (bytes)  files");
    let mut crates = Vec::new();
    for name in PUBLISHED {
        let file = root.join(format!("target/package/{name}-{version}.crate"));
        let size = fs::metadata(&file)
            .map_err(|e| format!("{}: {e}", file.display()))?
            .len();
        let files = output(Command::new("tar").arg("tzf").arg(&file))?
            .lines()
            .filter(|line| !line.ends_with('/'))
            .count();
        println!("{name:<32} {size:>12}  {files:>5}");
        crates.push((name, file));
    }
    Ok(crates)
}

/// Makes cargo rebuild what an earlier `cargo package` verified: it builds our crates from
/// its local registry in the workspace's target folder, and a build of a registry crate is
/// never checked against its sources again (they are taken as immutable), so the next run's
/// verification would compile against the previous run's `chat-events-core`. Each build
/// whose dep-info names a local registry's sources (`registry/src/-…`) loses its
/// fingerprint, which makes cargo build it again.
fn forget_verified_builds(target: &Path) {
    let Ok(entries) = fs::read_dir(target.join("deps")) else {
        return;
    };
    let fingerprints: Vec<PathBuf> = fs::read_dir(target.join(".fingerprint"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    for path in entries.flatten().map(|entry| entry.path()) {
        if path.extension().is_none_or(|extension| extension != "d")
            || !fs::read_to_string(&path).is_ok_and(|info| info.contains("/registry/src/-"))
        {
            continue;
        }
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned());
        let Some((_, hash)) = stem.as_deref().and_then(|stem| stem.rsplit_once('-')) else {
            continue;
        };
        let suffix = format!("-{hash}");
        for fingerprint in &fingerprints {
            if fingerprint
                .file_name()
                .is_some_and(|name| name.to_string_lossy().ends_with(&suffix))
            {
                let _ = fs::remove_dir_all(fingerprint);
            }
        }
        let _ = fs::remove_file(&path);
    }
}

/// A directory source in `vendor`: `cargo vendor` of the workspace's registry dependencies,
/// and each package unpacked beside them with its checksum (the one the packaged lock files
/// name).
fn directory_source(
    root: &Path,
    vendor: &Path,
    version: &str,
    crates: &[(&str, PathBuf)],
) -> Result<(), String> {
    run(cargo()
        .current_dir(root)
        .args(["vendor", "--locked", "--versioned-dirs", "--quiet"])
        .arg(vendor)
        .stdout(std::process::Stdio::null()))?;
    for (name, file) in crates {
        let unpacked = vendor.join(format!("{name}-{version}"));
        output(
            Command::new("tar")
                .arg("xzf")
                .arg(file)
                .arg("-C")
                .arg(vendor),
        )?;
        let sum = output(Command::new("sha256sum").arg(file))?;
        let sum = sum.split_whitespace().next().unwrap_or_default();
        fs::write(
            unpacked.join(".cargo-checksum.json"),
            format!("{{\"files\":{{}},\"package\":\"{sum}\"}}"),
        )
        .map_err(|e| format!("{}: {e}", unpacked.display()))?;
    }
    Ok(())
}

/// The stranger's build and runs: the program, the harness, `cargo install` and `demo`.
fn stranger(root: &Path, project: &Path, version: &str) -> Result<(), String> {
    let target_dir = root.join("target/stranger");
    let in_project = |args: &[&str]| {
        let mut command = cargo();
        command
            .current_dir(project)
            .args(args)
            .env("CARGO_TARGET_DIR", &target_dir)
            .env_remove("RUSTFLAGS");
        command
    };
    let expected: Vec<String> = CORPORA
        .iter()
        .map(|corpus| {
            let count = chat_events_core::unstable::fixture::payload_files(
                &root.join("tests/fixtures").join(corpus),
            )
            .len();
            format!("{corpus}={count}")
        })
        .collect();
    run(&mut in_project(&["build", "--offline"]))?;
    let printed = output(
        in_project(&["run", "--offline", "--quiet"]).env("EXPECTED_FIXTURES", expected.join(",")),
    )?;
    print!("{printed}");

    // The harness: snapshots written on the first run, then held.
    run(in_project(&["test", "--offline", "--test", "payloads"]).env("INSTA_UPDATE", "always"))?;
    run(in_project(&["test", "--offline", "--test", "payloads"])
        .env("INSTA_UPDATE", "no")
        .env("CI", "true"))?;
    let snapshots = fs::read_dir(project.join("tests/snapshots"))
        .map_err(|e| format!("the harness wrote no snapshots: {e}"))?
        .count();
    if snapshots != PAYLOADS.len() {
        return Err(format!(
            "the harness wrote {snapshots} snapshots for {} payloads",
            PAYLOADS.len()
        ));
    }
    println!("chat-events-testing: {snapshots} snapshots written, then held");

    // `cargo install` from the packages (a debug build, sharing the project's target folder;
    // `cargo install` reads no project configuration, so the source is given with --config).
    let install = target_dir.join("install");
    run(in_project(&[
        "install",
        "chat-events-cli",
        "--version",
        &format!("={version}"),
        "--offline",
        "--locked",
        "--debug",
        "--force",
        "--root",
    ])
    .arg(&install)
    .arg("--target-dir")
    .arg(&target_dir)
    .arg("--config")
    .arg(project.join("../.cargo/config.toml")))?;
    let demo = output(Command::new(install.join("bin/chat-events")).arg("demo"))?;
    let events = demo.lines().filter(|line| line.starts_with('{')).count();
    if events != 4 {
        return Err(format!("chat-events demo printed {events} events:\n{demo}"));
    }
    println!("chat-events demo (installed from the package): {events} webhooks received");
    Ok(())
}

/// Writes the stranger's project: `xtask/stranger/` with the version filled in, the
/// providers' README examples, the payloads, and the source replacement.
fn write_project(root: &Path, project: &Path, vendor: &Path, version: &str) -> Result<(), String> {
    let write = |path: PathBuf, text: &str| {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let template = root.join("xtask/stranger");
    for file in ["Cargo.toml", "src/main.rs", "tests/payloads.rs"] {
        let text = fs::read_to_string(template.join(file))
            .map_err(|e| format!("{}: {e}", template.join(file).display()))?;
        write(project.join(file), &text.replace("@VERSION@", version))?;
    }
    let mut readme = String::from("//! The providers' README examples, from their packages.\n\n");
    for name in ["chatapp-events", "codechat-events", "onechat-events"] {
        let path = vendor.join(format!("{name}-{version}/README.md"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        readme.push_str(&readme_function(name, &text)?);
    }
    write(project.join("src/readme.rs"), &readme)?;
    for payload in PAYLOADS {
        let source = root.join("tests/fixtures").join(payload);
        let text = fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
        let file = Path::new(payload).file_name().unwrap_or_default();
        write(project.join("tests/payloads").join(file), &text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_readme_example_becomes_a_function() {
        let readme = "# x\n\n```rust\nuse a::B;\nlet c = 1;\n# Ok::<(), a::Error>(())\n```\n";
        assert_eq!(
            super::readme_function("chatapp-events", readme).unwrap(),
            "/// The first example of `chatapp-events`'s packaged README.\npub fn chatapp() -> Result<(), a::Error> {\n    use a::B;\n    let c = 1;\n    Ok::<(), a::Error>(())\n}\n"
        );
    }
}
