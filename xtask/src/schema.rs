//! `cargo xtask schema [--check]`: the JSON Schemas under `schemas/<provider>/`.
//!
//! Each file is generated from the Rust types, so the schemas always describe what the
//! decoders accept. `--check` regenerates in memory and fails on any difference, naming the
//! command to run; the `schemas_are_fresh` test runs the check so `cargo test` catches stale
//! files.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

/// The generator: the CLI's own file, compiled here too, so that `chat-events schema
/// --examples tests/fixtures` writes the same files (the CLI is a binary, not a library).
#[path = "../../crates/chat-events-cli/src/schema/generate.rs"]
pub(crate) mod generator;

/// Every generated file, by path relative to the workspace root.
fn generate(root: &Path) -> BTreeMap<PathBuf, String> {
    generator::generate(Some(&root.join("tests/fixtures")))
        .into_iter()
        .map(|(path, text)| (Path::new("schemas").join(path), text))
        .collect()
}

/// The providers whose folders this task owns.
const PROVIDER_DIRS: [&str; 4] = generator::PROVIDERS;

/// Writes the schemas (`check == false`) or checks that the committed ones are current.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let dirs: Vec<PathBuf> = PROVIDER_DIRS
        .iter()
        .map(|dir| Path::new("schemas").join(dir))
        .collect();
    crate::generated::sync(
        root,
        &generate(root),
        &dirs,
        check,
        "the JSON Schemas",
        "cargo xtask schema",
    )
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
