//! `cargo xtask schema [--check]`: the JSON Schemas under `schemas/<provider>/`.
//!
//! Each file is generated from the Rust types, so the schemas always describe what the
//! decoders accept. `--check` regenerates in memory and fails on any difference, naming the
//! command to run; the `schemas_are_fresh` test runs the check so `cargo test` catches stale
//! files.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

/// Every generated file, by path relative to the workspace root (the generator lives in the
/// CLI crate, so that `chat-events schema --examples tests/fixtures` writes the same files).
fn generate(root: &Path) -> BTreeMap<PathBuf, String> {
    chat_events_cli::schema::generate(Some(&root.join("tests/fixtures")))
        .into_iter()
        .map(|(path, text)| (Path::new("schemas").join(path), text))
        .collect()
}

/// The providers whose folders this task owns.
const PROVIDER_DIRS: [&str; 4] = chat_events_cli::schema::PROVIDERS;

/// Writes the schemas (`check == false`) or checks that the committed ones are current.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let files = generate(root);
    let mut problems = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            problems.push(format!(
                "{} is {}",
                path.display(),
                if current.is_some() {
                    "stale"
                } else {
                    "missing"
                }
            ));
        } else {
            if let Some(parent) = full.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
            println!("wrote {}", path.display());
        }
    }
    for dir in PROVIDER_DIRS {
        let dir = Path::new("schemas").join(dir);
        let Ok(entries) = fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let relative = dir.join(entry.file_name());
            if files.contains_key(&relative) {
                continue;
            }
            if check {
                problems.push(format!("{} is not generated any more", relative.display()));
            } else {
                fs::remove_file(entry.path())
                    .map_err(|e| format!("cannot remove {}: {e}", relative.display()))?;
                println!("removed {}", relative.display());
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the JSON Schemas are out of date:\n  {}\nrun `cargo xtask schema` and commit the result",
            problems.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn schemas_are_fresh() {
        if let Err(message) = super::run(&crate::root(), true) {
            panic!("{message}");
        }
    }
}
