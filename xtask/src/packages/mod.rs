//! `cargo xtask packages [--check]`: the TypeScript package (`packages/typescript/`) and the
//! Python package (`packages/python/`), generated from the JSON Schemas.
//!
//! Both generators are written here rather than taken from json-schema-to-typescript,
//! quicktype or datamodel-code-generator: those give every object an index signature, turn
//! our open enums into `string`, name types after titles (`Payload27`), cannot narrow on a
//! name nested in `meta.type`, and need their own runtime installed to regenerate. Our schemas
//! use a small, known set of keywords (`$ref`, `type`, `properties`, `required`, `items`,
//! `anyOf`/`oneOf`/`allOf`, `const`/`enum`, `additionalProperties`, `not`), so a direct
//! translation is short and gives the types one would write by hand. Validation itself is
//! left to the schemas (ajv in TypeScript, `jsonschema` in Python), so both packages accept
//! exactly what the schemas accept, which the mutant tests hold to the Rust decoder.
//!
//! The input is the schemas as generated in memory (the same text `cargo xtask schema`
//! writes), so the packages never lag the Rust types. `--check` fails on any difference and
//! names the command to run; the `packages_are_fresh` test runs it.
//!
//! Here: the command. `provider.rs` reads the generators' input from the schemas, `nodes.rs`
//! reads schema nodes for both generators, `typescript.rs` and `python.rs` generate,
//! `suite.rs` runs the packages' tests and `installed.rs` checks the installed packages.

mod installed;
mod nodes;
mod provider;
mod python;
mod suite;
mod typescript;

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

pub(crate) use suite::test;

use provider::{normalized, providers};

/// Every generated file, by path relative to the workspace root.
fn generate(root: &Path) -> BTreeMap<PathBuf, String> {
    let schemas = crate::schema::generator::generate(Some(&root.join("tests/fixtures")));
    let providers = providers(&schemas);
    let normalized = normalized(&schemas);
    let mut files = BTreeMap::new();
    typescript::generate(&providers, &normalized, &mut files);
    python::generate(&providers, &normalized, &mut files);
    files
}

/// The generated folders (every file in them is generated).
const GENERATED_DIRS: [&str; 4] = [
    "packages/typescript/src/generated",
    "packages/typescript/test/usage",
    "packages/python/chat_events_types/generated",
    "packages/python/chat_events_types/schemas",
];

/// Writes the packages' generated files (`check == false`) or checks they are current.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let dirs: Vec<PathBuf> = GENERATED_DIRS.iter().map(PathBuf::from).collect();
    crate::generated::sync(
        root,
        &generate(root),
        &dirs,
        check,
        "the generated packages",
        "cargo xtask packages",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn packages_are_fresh() {
        if let Err(message) = super::run(&crate::root(), true) {
            panic!("{message}");
        }
    }
}
