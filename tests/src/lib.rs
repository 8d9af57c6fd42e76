//! What the SDK's own tests share: the fixture loader, the real peers ([`peers`]), and the
//! fixture corpus of each provider as run by the public harness, `chat-events-testing`
//! ([`corpus`]; the checks themselves live there, so users run exactly what we run).
//!
//! Fixtures live in `tests/fixtures/<provider>/<provenance>/<event>[.<variant>].json[c]`:
//! `<provenance>` is the seed file a verbatim documentation example was cut from, or
//! `reference` for examples written from `shared/reference/`, `upstream` for payloads
//! published by others (a MANIFEST row each), or `captured` for real traffic. Walking the
//! folders, the harness runs per fixture a **snapshot** (`tests/snapshots/<provider>/`), a
//! **round trip** (decodes under the name its file is named after; re-serializing gives back
//! the fixture JSON after JSONC stripping and the provider's canonical wrapping, every
//! differing path named, `DRIFT.md` / `UNKNOWN.md` of the folder allowing what is known) and a
//! **schema** check (`schemas/<provider>/`), and per provider a **coverage** check.

#![allow(clippy::exhaustive_structs)] // a test-only crate

pub use chat_events_core::unstable::jsonc;
pub mod mutants;
pub mod peers;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

use std::{
    fs,
    path::{Path, PathBuf},
};

pub use chat_events_testing::Corpus;
use chat_events_testing::Failed;

/// One fixture file.
#[derive(Clone, Debug)]
pub struct Fixture {
    /// `chatapp`, `codechat`, `onechat` or `onechat-webhook` (the folder under `tests/fixtures`).
    pub provider: String,
    /// The folder under the provider: a seed file name, `reference` or `captured`.
    pub provenance: String,
    /// The file name without `.json`/`.jsonc`: `quickResponse.bulk-destroy`.
    pub stem: String,
    /// Where the file is.
    pub path: PathBuf,
    /// The fixture as JSON (comments and trailing commas removed).
    pub json: String,
    /// The same file as the public harness sees it.
    pub payload: chat_events_testing::Payload,
}

impl Fixture {
    /// The event the file name says (see
    /// [`Payload::event_name`](chat_events_testing::Payload::event_name)).
    pub fn event_name<'a>(&'a self, known: &[&'a str]) -> &'a str {
        self.payload.event_name(known)
    }

    /// `provider/provenance/stem`, the test name prefix.
    pub fn id(&self) -> String {
        format!("{}/{}/{}", self.provider, self.provenance, self.stem)
    }
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// Every fixture of `provider`, sorted by path (the public harness's walk).
///
/// # Panics
///
/// When the folder cannot be read or a fixture is not valid JSONC: a broken fixture must fail
/// loudly, not vanish from the run.
pub fn fixtures(provider: &str) -> Vec<Fixture> {
    Corpus::new(workspace_root().join("tests/fixtures").join(provider))
        .payloads()
        .into_iter()
        .map(|payload| {
            let (provenance, stem) = payload
                .relative
                .split_once('/')
                .map_or((String::new(), payload.relative.clone()), |(a, b)| {
                    (a.to_owned(), b.to_owned())
                });
            Fixture {
                provider: provider.to_owned(),
                provenance,
                stem,
                path: payload.path.clone(),
                json: payload.json.clone(),
                payload,
            }
        })
        .collect()
}

/// Loads a committed schema file.
///
/// # Errors
///
/// The file is missing or not JSON (run `cargo xtask schema`).
pub fn load_schema(provider: &str, name: &str) -> Result<serde_json::Value, Failed> {
    let path = workspace_root()
        .join("schemas")
        .join(provider)
        .join(format!("{name}.schema.json"));
    let text = fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {}: {e} (run `cargo xtask schema`)",
            path.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()).into())
}

/// The SDK's own fixtures of `provider` as a [`Corpus`] of the public harness
/// (`chat-events-testing`): snapshots in `tests/snapshots/<provider>/`, the committed schemas,
/// event names from the file names, `DRIFT.md`/`UNKNOWN.md` per provenance folder.
pub fn corpus(provider: &str, known: &'static [&'static str]) -> Corpus {
    let root = workspace_root();
    Corpus::new(root.join("tests/fixtures").join(provider))
        .name(provider)
        .snapshots(root.join("tests/snapshots").join(provider))
        .schemas(root.join("schemas").join(provider))
        .names_from_files(known)
        .display_root(root)
}
