//! The fixture harness shared by every provider.
//!
//! Fixtures live in `tests/fixtures/<provider>/<provenance>/<event>[.<variant>].json[c]`
//! (see [`Fixture::event_name`] for event names that contain dots):
//! `<provenance>` is the seed file a verbatim documentation example was cut from, or
//! `reference` for examples written from `shared/reference/`, or `captured` for real traffic.
//! The harness walks the folders, so adding a file adds its tests. For each fixture it runs:
//!
//! - **snapshot**: an insta snapshot of the decoded value's `Debug` form (types visible:
//!   `Id("1229")`, `Value(Other("start|end"))`, `Null`; fields the payload left out are
//!   omitted, see [`typed_dump`]), in `tests/snapshots/<provider>/`;
//! - **round trip**: the event decodes under the name its file is named after (never to
//!   `Unknown`), and re-serializing the typed value gives back the fixture JSON: every path
//!   the model drops or changes, and every path it adds, is listed by name. Then the
//!   re-serialized JSON decodes to an equal typed value;
//! - **schema**: the fixture validates against `schemas/<provider>/<event>.schema.json`, the
//!   provider's union schema `event.schema.json` and its envelope schema
//!   `envelope.schema.json`.
//!
//! And per provider, **coverage**: every event kind the model knows has at least one fixture,
//! and every fixture is named after a known kind.
//!
//! The round trip compares JSON values exactly, after this normalization list and nothing
//! else:
//!
//! 1. JSONC comments and trailing commas are removed from the fixture text
//!    ([`jsonc::strip`]); the documentation writes its examples that way.
//! 2. The fixture JSON is put in the provider's canonical wrapping
//!    ([`ProviderEvent::canonical_json`]): ChatApp's `{queue, payload: {…}}` compares as its
//!    `payload`.

#![allow(clippy::exhaustive_structs)] // a test-only crate

pub use chat_events_core::jsonc;
pub mod peers;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

use std::{
    fmt::{Debug, Write as _},
    fs,
    path::{Path, PathBuf},
};

use chat_events_core::{ProviderEvent, drift};
use libtest_mimic::{Failed, Trial};

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
}

impl Fixture {
    /// The event the fixture is an example of: the longest of the provider's `known` event
    /// names that the file name starts with, followed by nothing or by `.<variant>`
    /// (`conversation.created.agent-bot` → `conversation.created`; event names may contain
    /// dots; `:` is written `@`, as in `send.message@START.json`). Otherwise the file name up
    /// to its first `.`.
    pub fn event_name<'a>(&'a self, known: &[&'a str]) -> &'a str {
        known
            .iter()
            .copied()
            .filter(|name| {
                // `:` cannot be in a file name on every system; fixtures write it as `@`.
                let file_name = name.replace(':', "@");
                self.stem
                    .strip_prefix(file_name.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
            .max_by_key(|name| name.len())
            .unwrap_or_else(|| self.stem.split('.').next().unwrap_or(&self.stem))
    }

    /// `provenance__stem`, the snapshot name.
    pub fn snapshot_name(&self) -> String {
        format!("{}__{}", self.provenance, self.stem)
    }

    /// `provider/provenance/stem`, the test name prefix.
    pub fn id(&self) -> String {
        format!("{}/{}/{}", self.provider, self.provenance, self.stem)
    }
}

/// A table file beside the fixtures of a provenance folder (`DRIFT.md`, `UNKNOWN.md`): its
/// markdown table rows as cells, the header and separator left out. Missing file: no rows.
///
/// # Panics
///
/// When the file exists but cannot be read.
pub fn table_rows(provider: &str, provenance: &str, file: &str) -> Vec<Vec<String>> {
    let path = workspace_root()
        .join("tests/fixtures")
        .join(provider)
        .join(provenance)
        .join(file);
    let Ok(text) = fs::read_to_string(&path) else {
        return Vec::new();
    };
    text.lines()
        .filter(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`').to_owned())
                .collect()
        })
        .collect()
}

/// The drift a fixture is allowed, from its folder's `DRIFT.md` (`| file | path | reason |`):
/// the JSON paths (and everything below them) that may differ, each with its reason.
pub fn allowed_drift(fixture: &Fixture) -> Vec<String> {
    let name = file_name(&fixture.path);
    table_rows(&fixture.provider, &fixture.provenance, "DRIFT.md")
        .into_iter()
        .filter(|row| row.len() >= 3 && row[0] == name && !row[2].is_empty())
        .map(|row| row[1].clone())
        .collect()
}

/// Whether the fixture is listed in its folder's `UNKNOWN.md` (`| file | reason |`): a payload
/// of an event upstream does not have (a fork's, an illustration's), which must decode as an
/// unknown event with its raw JSON.
pub fn expected_unknown(fixture: &Fixture) -> bool {
    let name = file_name(&fixture.path);
    table_rows(&fixture.provider, &fixture.provenance, "UNKNOWN.md")
        .iter()
        .any(|row| row.len() >= 2 && row[0] == name && !row[1].is_empty())
}

/// Whether a drift path is covered by an allowed path (the same, or below it).
fn covered(path: &str, allowed: &[String]) -> bool {
    allowed.iter().any(|allowed| {
        path == allowed
            || path
                .strip_prefix(allowed.as_str())
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    })
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

/// Every fixture of `provider`, sorted by path.
///
/// # Panics
///
/// When the folder cannot be read or a fixture is not valid JSONC: a broken fixture must fail
/// loudly, not vanish from the run.
pub fn fixtures(provider: &str) -> Vec<Fixture> {
    let dir = workspace_root().join("tests/fixtures").join(provider);
    let mut found = Vec::new();
    let mut provenances: Vec<PathBuf> = read_dir(&dir)
        .into_iter()
        .filter(|path| path.is_dir())
        .collect();
    provenances.sort();
    for provenance_dir in provenances {
        let provenance = file_name(&provenance_dir);
        let mut files: Vec<PathBuf> = read_dir(&provenance_dir)
            .into_iter()
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "json" || ext == "jsonc")
            })
            .collect();
        files.sort();
        for path in files {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let json = jsonc::strip(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = file_name(&path);
            let stem = name
                .trim_end_matches(".jsonc")
                .trim_end_matches(".json")
                .to_owned();
            found.push(Fixture {
                provider: provider.to_owned(),
                provenance: provenance.clone(),
                stem,
                path,
                json,
            });
        }
    }
    found
}

fn read_dir(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
                .path()
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The snapshot check: the decoded value's `Debug` form, pinned with insta.
///
/// # Errors
///
/// The fixture does not decode. A snapshot mismatch panics (insta's way), which the runner
/// reports as a failure.
pub fn check_snapshot<E: ProviderEvent + Debug>(fixture: &Fixture) -> Result<(), Failed> {
    let decoded =
        E::decode(fixture.json.as_bytes()).map_err(|e| format!("does not decode: {e}"))?;
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(
        workspace_root()
            .join("tests/snapshots")
            .join(&fixture.provider),
    );
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_info(
        &fixture
            .path
            .strip_prefix(workspace_root())
            .unwrap_or(&fixture.path)
            .display()
            .to_string(),
    );
    let typed = typed_dump(decoded.event());
    settings.bind(|| insta::assert_snapshot!(fixture.snapshot_name(), typed));
    Ok(())
}

/// The pretty `Debug` form without the `field: Absent,` lines: every field that was in the
/// payload is shown with its Rust type (`Id("1229")`, `Null`, `Value(Other("start|end"))`),
/// and the many optional fields a payload leaves out do not bury them.
pub fn typed_dump(value: &impl Debug) -> String {
    format!("{value:#?}")
        .lines()
        .filter(|line| !line.trim_start().ends_with(": Absent,"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The round-trip check (see the crate docs).
///
/// # Errors
///
/// Every difference, by JSON path.
pub fn check_round_trip<E: ProviderEvent + PartialEq + Debug>(
    fixture: &Fixture,
    known: &[&str],
) -> Result<(), Failed> {
    let decoded =
        E::decode(fixture.json.as_bytes()).map_err(|e| format!("does not decode: {e}"))?;
    if expected_unknown(fixture) {
        if !decoded.is_unknown() {
            return Err(format!(
                "UNKNOWN.md lists it, but it decoded as the known event `{}`",
                decoded.name()
            )
            .into());
        }
        let written = serde_json::to_string(decoded.event()).map_err(|e| e.to_string())?;
        let again: serde_json::Value = serde_json::from_str(&written).map_err(|e| e.to_string())?;
        let original: serde_json::Value =
            serde_json::from_str(&fixture.json).map_err(|e| e.to_string())?;
        let named = fixture.stem.replace('@', ":");
        let name_fits = named
            .strip_prefix(decoded.name())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        return if !name_fits {
            Err(format!(
                "decoded as unknown `{}`, the file says `{named}`",
                decoded.name()
            )
            .into())
        } else if again == original {
            Ok(())
        } else {
            Err("an unknown event does not serialize back to its JSON".into())
        };
    }
    if decoded.is_unknown() {
        return Err(format!("decoded as an unknown event `{}`", decoded.name()).into());
    }
    if decoded.name() != fixture.event_name(known) {
        return Err(format!(
            "decoded as `{}`, the file says `{}`",
            decoded.name(),
            fixture.event_name(known)
        )
        .into());
    }
    let original =
        E::canonical_json(serde_json::from_str(&fixture.json).map_err(|e| e.to_string())?);
    let model =
        serde_json::to_value(decoded.event()).map_err(|e| format!("does not serialize: {e}"))?;
    let allowed = allowed_drift(fixture);
    let mut dropped = drift::compare(&original, &model);
    let mut added = drift::compare(&model, &original);
    dropped.retain(|drift| !covered(drift.path(), &allowed));
    added.retain(|drift| !covered(drift.path(), &allowed));
    if !dropped.is_empty() || !added.is_empty() {
        let mut report = String::from("re-serialization differs from the fixture:");
        for drift in &dropped {
            let _ = write!(report, "\n  {drift}");
        }
        for drift in added
            .iter()
            .filter(|drift| drift.kind() == drift::DriftKind::Missing)
        {
            let _ = write!(report, "\n  `{}` added by the model", drift.path());
        }
        return Err(report.into());
    }
    let unused: Vec<&String> = allowed
        .iter()
        .filter(|path| {
            !drift::compare(&original, &model)
                .iter()
                .chain(drift::compare(&model, &original).iter())
                .any(|drift| covered(drift.path(), std::slice::from_ref(path)))
        })
        .collect();
    if !unused.is_empty() {
        return Err(format!(
            "DRIFT.md allows paths that do not drift any more (remove them): {unused:?}"
        )
        .into());
    }
    let again = E::decode(model.to_string().as_bytes())
        .map_err(|e| format!("re-serialized JSON does not decode: {e}"))?;
    if again.event() != decoded.event() {
        return Err(format!(
            "re-serialized JSON decodes differently:\n{:#?}\nvs\n{:#?}",
            again.event(),
            decoded.event()
        )
        .into());
    }
    Ok(())
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

/// The schema check: the fixture validates against its event's schema, the union schema and
/// the envelope schema.
///
/// # Errors
///
/// Each violation with the instance path.
pub fn check_schema(fixture: &Fixture, known: &[&str]) -> Result<(), Failed> {
    let instance: serde_json::Value =
        serde_json::from_str(&fixture.json).map_err(|e| e.to_string())?;
    let mut report = String::new();
    let event = fixture.event_name(known).replace(':', "@");
    let names: &[&str] = if expected_unknown(fixture) {
        &["event", "envelope"]
    } else {
        &[event.as_str(), "event", "envelope"]
    };
    for &name in names {
        let schema = load_schema(&fixture.provider, name)?;
        let validator = jsonschema::validator_for(&schema)
            .map_err(|e| format!("schema {name} is invalid: {e}"))?;
        for error in validator.iter_errors(&instance) {
            let _ = write!(
                report,
                "\n  {name}.schema.json at `{}`: {error}",
                error.instance_path()
            );
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(format!("fixture violates its schema:{report}").into())
    }
}

/// The coverage check: every known kind has a fixture, every fixture names a known kind.
///
/// # Errors
///
/// The kinds without fixtures and the fixtures of unknown kinds.
pub fn check_coverage(fixtures: &[Fixture], known: &[&str]) -> Result<(), Failed> {
    let missing: Vec<&str> = known
        .iter()
        .copied()
        .filter(|kind| !fixtures.iter().any(|f| f.event_name(known) == *kind))
        .collect();
    let stray: Vec<String> = fixtures
        .iter()
        .filter(|f| !known.contains(&f.event_name(known)) && !expected_unknown(f))
        .map(Fixture::id)
        .collect();
    if missing.is_empty() && stray.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "event kinds without a fixture: {missing:?}; fixtures of no known kind: {stray:?}"
        )
        .into())
    }
}

/// The trials of one provider: three per fixture, plus coverage.
pub fn provider_trials<E>(provider: &'static str, known: &'static [&'static str]) -> Vec<Trial>
where
    E: ProviderEvent + PartialEq + Debug + 'static,
{
    let fixtures = fixtures(provider);
    let mut trials = Vec::new();
    for fixture in &fixtures {
        let id = fixture.id();
        let f = fixture.clone();
        trials.push(Trial::test(format!("{id}::snapshot"), move || {
            check_snapshot::<E>(&f)
        }));
        let f = fixture.clone();
        trials.push(Trial::test(format!("{id}::round_trip"), move || {
            check_round_trip::<E>(&f, known)
        }));
        let f = fixture.clone();
        trials.push(Trial::test(format!("{id}::schema"), move || {
            check_schema(&f, known)
        }));
    }
    trials.push(Trial::test(format!("{provider}::coverage"), move || {
        check_coverage(&fixtures, known)
    }));
    trials
}

/// What one fixture gives when decoded: clean, drifting (by how many paths), unknown, or an
/// error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // a test-only crate
pub enum Outcome {
    /// Decoded as a known event and re-serializes to the same JSON.
    Clean,
    /// Decoded as a known event; these paths drift.
    Drift(Vec<String>),
    /// Decoded as an event this version does not know.
    Unknown,
    /// Did not decode.
    Error(String),
}

/// Decodes a fixture and classifies the result.
pub fn outcome<E: ProviderEvent>(fixture: &Fixture) -> Outcome {
    let decoded = match E::decode(fixture.json.as_bytes()) {
        Ok(decoded) => decoded,
        Err(error) => return Outcome::Error(error.to_string()),
    };
    if decoded.is_unknown() {
        return Outcome::Unknown;
    }
    match decoded.drift() {
        Ok(drift) if drift.is_empty() => Outcome::Clean,
        Ok(drift) => Outcome::Drift(drift.iter().map(|drift| drift.path().to_owned()).collect()),
        Err(error) => Outcome::Error(format!("does not re-serialize: {error}")),
    }
}

/// Counts of each outcome per provenance folder of `provider`, as a text table (printed by
/// the fixture test binary before it runs, so every run says how the corpus stands).
pub fn summary<E: ProviderEvent>(provider: &str) -> String {
    let mut rows: std::collections::BTreeMap<String, [usize; 4]> =
        std::collections::BTreeMap::new();
    for fixture in fixtures(provider) {
        let row = rows.entry(fixture.provenance.clone()).or_default();
        let index = match outcome::<E>(&fixture) {
            Outcome::Clean => 0,
            Outcome::Drift(_) => 1,
            Outcome::Unknown => 2,
            Outcome::Error(_) => 3,
        };
        row[index] += 1;
    }
    let mut text = String::new();
    for (provenance, [clean, drift, unknown, error]) in rows {
        let _ = writeln!(
            text,
            "{provider:<15} {provenance:<22} {:>5} files: {clean:>4} clean, {drift:>4} drift, {unknown:>3} unknown, {error:>3} error",
            clean + drift + unknown + error
        );
    }
    text
}

/// Every fixture of `provider` with its outcome, one line each, drift paths and errors
/// included (the fixture binary prints it when `CORPUS_REPORT` is set).
pub fn report<E: ProviderEvent>(provider: &str) -> String {
    let mut text = String::new();
    for fixture in fixtures(provider) {
        let outcome = outcome::<E>(&fixture);
        if outcome == Outcome::Clean {
            continue;
        }
        let _ = writeln!(text, "{}: {outcome:?}", fixture.id());
    }
    text
}
