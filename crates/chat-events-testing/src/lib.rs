//! Snapshot-test the payloads your chat provider really sends, in your own project.
//!
//! Drop captured payloads in a folder (`.json`, `.jsonc`, or JSON Lines `.jsonl`/`.ndjson`
//! files as `chat-events … --record` writes them, one payload per line), add a test target
//! with `harness = false`, and write:
//!
//! ```no_run
//! // tests/payloads.rs
//! fn main() {
//!     chat_events_testing::Corpus::new("tests/payloads")
//!         .snapshots("tests/snapshots")
//!         .run::<codechat_events::Event>();
//! }
//! ```
//!
//! ```toml
//! # Cargo.toml
//! [dev-dependencies]
//! chat-events-testing = "0.1"
//! codechat-events = { version = "0.1", default-features = false }
//!
//! [[test]]
//! name = "payloads"
//! harness = false
//! ```
//!
//! `cargo test` (or `cargo nextest run`, same output) then runs, for every payload (every
//! line of a JSON Lines file), three tests named after the file:
//!
//! - **snapshot** (`<corpus>/<path>::snapshot`): the decoded value's `Debug` form, pinned
//!   with [insta](https://insta.rs) in the snapshot folder (review new or changed ones with
//!   `cargo insta review`). An SDK upgrade or a provider change that alters a typed value
//!   shows up here.
//! - **round trip** (`::round_trip`): the payload decodes to a known event (an unknown one
//!   fails, unless [`Corpus::allow_unknown`]), and re-serializing the typed value gives the
//!   payload back: every path the model drops, changes or adds is named. Known drift is
//!   allowed per folder in a `DRIFT.md` table (`| file | path | reason |`, the path and
//!   everything below it), and expected unknown events in `UNKNOWN.md` (`| file | reason |`);
//!   a JSON Lines payload is named `file.jsonl:<line>` there. An allowed path that no longer
//!   drifts fails too, so the list stays true.
//! - **schema** (`::schema`, with [`Corpus::schemas`]): the payload validates against the
//!   exported JSON Schemas (`chat-events schema --out …`): the provider's `event.schema.json`,
//!   `envelope.schema.json` and the event's own schema.
//!
//! Before running, a summary per event (clean / drift / unknown / error) is printed on stderr.
//!
//! The crate is generic over [`ProviderEvent`]: it pulls in no provider crate by itself.

#![forbid(unsafe_code)]
// The example's `main` is the point: a `harness = false` test target is a `main`.
#![allow(clippy::needless_doctest_main)]

use std::{
    collections::BTreeMap,
    fmt::{Debug, Write as _},
    fs,
    path::{Path, PathBuf},
    sync::Arc,
};

use chat_events_core::{ProviderEvent, drift, unstable::jsonc, unstable::recording};
pub use libtest_mimic::{Failed, Trial};

/// A folder of payloads to test, and how.
#[derive(Clone, Debug)]
pub struct Corpus {
    name: String,
    dir: PathBuf,
    snapshots: PathBuf,
    schemas: Option<PathBuf>,
    allow_unknown: bool,
    names_from_files: Option<&'static [&'static str]>,
    display_root: Option<PathBuf>,
}

impl Corpus {
    /// The payloads under `dir` (searched recursively). Test names start with the folder's
    /// name; snapshots go to `<dir>/../snapshots` unless [`snapshots`](Self::snapshots) says
    /// otherwise.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        let name = dir.file_name().map_or_else(
            || "payloads".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        let snapshots = dir.parent().map_or_else(
            || PathBuf::from("snapshots"),
            |parent| parent.join("snapshots"),
        );
        Self {
            name,
            dir,
            snapshots,
            schemas: None,
            allow_unknown: false,
            names_from_files: None,
            display_root: None,
        }
    }

    /// The first part of every test name (default: the folder's name).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Where the insta snapshots are kept.
    pub fn snapshots(mut self, dir: impl Into<PathBuf>) -> Self {
        self.snapshots = dir.into();
        self
    }

    /// Validates every payload against the JSON Schemas in `dir` (one provider's folder of
    /// `chat-events schema --out …`: `event.schema.json`, `envelope.schema.json` and one file
    /// per event).
    pub fn schemas(mut self, dir: impl Into<PathBuf>) -> Self {
        self.schemas = Some(dir.into());
        self
    }

    /// Lets payloads of events the models do not know pass (they must still serialize back
    /// to their JSON unchanged).
    pub fn allow_unknown(mut self) -> Self {
        self.allow_unknown = true;
        self
    }

    /// File names say which event each payload is (`message.created.json`,
    /// `message.created.with-attachment.json`; `:` written `@`): the round trip checks the
    /// decoded name against it, and one more test checks that every name in `known` has a
    /// payload (the SDK's own fixtures use this).
    pub fn names_from_files(mut self, known: &'static [&'static str]) -> Self {
        self.names_from_files = Some(known);
        self
    }

    /// Payload paths in snapshot metadata are shown relative to `root` (default: the current
    /// directory).
    pub fn display_root(mut self, root: impl Into<PathBuf>) -> Self {
        self.display_root = Some(root.into());
        self
    }

    /// Every payload of the corpus, in path order.
    ///
    /// # Panics
    ///
    /// When the folder or a file cannot be read, or a `.jsonc` file is not valid JSONC: a
    /// broken payload file must fail loudly, not vanish from the run.
    pub fn payloads(&self) -> Vec<Payload> {
        let files = chat_events_core::unstable::fixture::files_with(
            &self.dir,
            &["json", "jsonc", "jsonl", "ndjson"],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut payloads = Vec::new();
        for path in files {
            let relative = path
                .strip_prefix(&self.dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let extension = path.extension().and_then(|ext| ext.to_str()).unwrap_or("");
            let stem_path = relative
                .strip_suffix(&format!(".{extension}"))
                .unwrap_or(&relative)
                .to_owned();
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let base = Payload {
                corpus: self.name.clone(),
                relative: stem_path,
                line: None,
                path: path.clone(),
                json: String::new(),
            };
            match extension {
                "jsonl" | "ndjson" => {
                    for (index, line) in text.lines().enumerate() {
                        if line.trim().is_empty() {
                            continue;
                        }
                        let json = recording::payload(line)
                            .map_or_else(|| line.to_owned(), std::borrow::Cow::into_owned);
                        payloads.push(Payload {
                            line: Some(index + 1),
                            json,
                            ..base.clone()
                        });
                    }
                }
                "jsonc" => payloads.push(Payload {
                    json: jsonc::strip(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
                    ..base
                }),
                _ => payloads.push(Payload { json: text, ..base }),
            }
        }
        payloads
    }

    /// The tests of every payload (three each: snapshot, round trip, schema when
    /// [`schemas`](Self::schemas) is set), plus coverage with
    /// [`names_from_files`](Self::names_from_files).
    pub fn trials<E>(&self) -> Vec<Trial>
    where
        E: ProviderEvent + PartialEq + Debug + 'static,
    {
        let corpus = Arc::new(self.clone());
        let payloads = self.payloads();
        let mut trials = Vec::new();
        for payload in &payloads {
            let id = payload.id();
            let (c, p) = (Arc::clone(&corpus), payload.clone());
            trials.push(Trial::test(format!("{id}::snapshot"), move || {
                c.check_snapshot::<E>(&p)
            }));
            let (c, p) = (Arc::clone(&corpus), payload.clone());
            trials.push(Trial::test(format!("{id}::round_trip"), move || {
                c.check_round_trip::<E>(&p)
            }));
            if self.schemas.is_some() {
                let (c, p) = (Arc::clone(&corpus), payload.clone());
                trials.push(Trial::test(format!("{id}::schema"), move || {
                    c.check_schema::<E>(&p)
                }));
            }
        }
        if let Some(known) = self.names_from_files {
            trials.push(Trial::test(format!("{}::coverage", self.name), move || {
                check_coverage(&payloads, known)
            }));
        }
        trials
    }

    /// Prints the summary, runs the tests and exits with their status: the whole `main` of a
    /// `harness = false` test target.
    pub fn run<E>(self) -> !
    where
        E: ProviderEvent + PartialEq + Debug + 'static,
    {
        let args = libtest_mimic::Arguments::from_args();
        if !args.list {
            eprint!("{}", self.summary::<E>());
        }
        libtest_mimic::run(&args, self.trials::<E>()).exit()
    }

    /// Counts of clean / drift / unknown / error per event, as a text table.
    pub fn summary<E: ProviderEvent>(&self) -> String {
        let mut rows: BTreeMap<String, [usize; 4]> = BTreeMap::new();
        for payload in self.payloads() {
            let (event, outcome) = outcome::<E>(&payload);
            let index = match outcome {
                Outcome::Clean => 0,
                Outcome::Drift(_) => 1,
                Outcome::Unknown => 2,
                Outcome::Error(_) => 3,
            };
            rows.entry(event.unwrap_or_else(|| "?".to_owned()))
                .or_default()[index] += 1;
        }
        let mut text = String::new();
        let mut totals = [0; 4];
        for (event, counts) in &rows {
            let [clean, drift, unknown, error] = counts;
            let _ = writeln!(
                text,
                "{:<16} {event:<40} {clean:>5} clean {drift:>4} drift {unknown:>4} unknown {error:>4} error",
                self.name
            );
            for (total, count) in totals.iter_mut().zip(counts) {
                *total += count;
            }
        }
        let [clean, drift, unknown, error] = totals;
        let _ = writeln!(
            text,
            "{:<16} {:<40} {clean:>5} clean {drift:>4} drift {unknown:>4} unknown {error:>4} error",
            self.name,
            format!("total ({} payloads)", clean + drift + unknown + error)
        );
        text
    }

    fn check_snapshot<E: ProviderEvent + Debug>(&self, payload: &Payload) -> Result<(), Failed> {
        let decoded =
            E::decode(payload.json.as_bytes()).map_err(|e| format!("does not decode: {e}"))?;
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(absolute(&self.snapshots));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        let root = self
            .display_root
            .clone()
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let shown = payload.path.strip_prefix(&root).unwrap_or(&payload.path);
        let mut info = shown.display().to_string();
        if let Some(line) = payload.line {
            let _ = write!(info, ":{line}");
        }
        settings.set_info(&info);
        let typed = typed_dump(decoded.event());
        settings.bind(|| insta::assert_snapshot!(payload.snapshot_name(), typed));
        Ok(())
    }

    #[allow(clippy::too_many_lines)] // one straight sequence of checks
    fn check_round_trip<E: ProviderEvent + PartialEq + Debug>(
        &self,
        payload: &Payload,
    ) -> Result<(), Failed> {
        let decoded =
            E::decode(payload.json.as_bytes()).map_err(|e| format!("does not decode: {e}"))?;
        if expected_unknown(payload) || (self.allow_unknown && decoded.is_unknown()) {
            if !decoded.is_unknown() {
                return Err(format!(
                    "UNKNOWN.md lists it, but it decoded as the known event `{}`",
                    decoded.name()
                )
                .into());
            }
            if self.names_from_files.is_some() {
                let named = payload.stem().replace('@', ":");
                let fits = named
                    .strip_prefix(decoded.name())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
                if !fits {
                    return Err(format!(
                        "decoded as unknown `{}`, the file says `{named}`",
                        decoded.name()
                    )
                    .into());
                }
            }
            let written = serde_json::to_string(decoded.event()).map_err(|e| e.to_string())?;
            let again: serde_json::Value =
                serde_json::from_str(&written).map_err(|e| e.to_string())?;
            let original: serde_json::Value =
                serde_json::from_str(&payload.json).map_err(|e| e.to_string())?;
            return if again == original {
                Ok(())
            } else {
                Err("an unknown event does not serialize back to its JSON".into())
            };
        }
        if decoded.is_unknown() {
            return Err(format!(
                "decoded as an unknown event `{}` (list it in UNKNOWN.md, or use allow_unknown())",
                decoded.name()
            )
            .into());
        }
        if let Some(known) = self.names_from_files
            && decoded.name() != payload.event_name(known)
        {
            return Err(format!(
                "decoded as `{}`, the file says `{}`",
                decoded.name(),
                payload.event_name(known)
            )
            .into());
        }
        let original =
            E::canonical_json(serde_json::from_str(&payload.json).map_err(|e| e.to_string())?);
        let model = serde_json::to_value(decoded.event())
            .map_err(|e| format!("does not serialize: {e}"))?;
        let allowed = allowed_drift(payload);
        let all_dropped = drift::compare(&original, &model);
        let all_added = drift::compare(&model, &original);
        let dropped: Vec<&drift::Drift> = all_dropped
            .iter()
            .filter(|drift| !covered(drift.path(), &allowed))
            .collect();
        let added: Vec<&drift::Drift> = all_added
            .iter()
            .filter(|drift| !covered(drift.path(), &allowed))
            .filter(|drift| drift.kind() == drift::DriftKind::Missing)
            .collect();
        if !dropped.is_empty() || !added.is_empty() {
            let mut report = String::from("re-serialization differs from the payload:");
            for drift in dropped {
                let _ = write!(report, "\n  {drift}");
            }
            for drift in added {
                let _ = write!(report, "\n  `{}` added by the model", drift.path());
            }
            let _ = write!(
                report,
                "\n(allow known drift in {}: | {} | <path> | <reason> |)",
                payload.folder().join("DRIFT.md").display(),
                payload.table_key()
            );
            return Err(report.into());
        }
        let unused: Vec<&String> = allowed
            .iter()
            .filter(|path| {
                !all_dropped
                    .iter()
                    .chain(all_added.iter())
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

    fn check_schema<E: ProviderEvent>(&self, payload: &Payload) -> Result<(), Failed> {
        let Some(dir) = &self.schemas else {
            return Ok(());
        };
        let instance: serde_json::Value =
            serde_json::from_str(&payload.json).map_err(|e| e.to_string())?;
        let event = match E::decode(payload.json.as_bytes()) {
            Ok(decoded) if !decoded.is_unknown() => Some(decoded.name().replace(':', "@")),
            _ => None,
        };
        let mut names = vec!["event".to_owned(), "envelope".to_owned()];
        if let Some(event) = event {
            names.insert(0, event);
        }
        let mut report = String::new();
        for name in names {
            let path = dir.join(format!("{name}.schema.json"));
            if name == "envelope" && !path.exists() {
                continue;
            }
            let schema = load_schema(&path)?;
            let validator = jsonschema::validator_for(&schema)
                .map_err(|e| format!("schema {} is invalid: {e}", path.display()))?;
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
            Err(format!("the payload violates its schema:{report}").into())
        }
    }
}

/// One payload: a file, or one line of a JSON Lines file.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Payload {
    /// The corpus's name.
    pub corpus: String,
    /// The path under the corpus folder without the extension (`2025/message.created`).
    pub relative: String,
    /// The line, for a JSON Lines file.
    pub line: Option<usize>,
    /// The file.
    pub path: PathBuf,
    /// The payload as JSON (JSONC comments removed; a string-encoded line decoded).
    pub json: String,
}

impl Payload {
    /// `<corpus>/<relative>` (`:<line>` for JSON Lines): the test name prefix.
    pub fn id(&self) -> String {
        match self.line {
            Some(line) => format!("{}/{}:{line}", self.corpus, self.relative),
            None => format!("{}/{}", self.corpus, self.relative),
        }
    }

    /// The snapshot's name: the relative path with `/` as `__` (and `__line<n>`).
    pub fn snapshot_name(&self) -> String {
        let base = self.relative.replace('/', "__");
        match self.line {
            Some(line) => format!("{base}__line{line}"),
            None => base,
        }
    }

    /// The file name without its extension.
    pub fn stem(&self) -> &str {
        self.relative.rsplit('/').next().unwrap_or(&self.relative)
    }

    /// The folder the file is in (where `DRIFT.md` and `UNKNOWN.md` are read).
    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new("."))
    }

    /// How `DRIFT.md` and `UNKNOWN.md` name it: the file name (`:<line>` for JSON Lines).
    pub fn table_key(&self) -> String {
        let name = file_name(&self.path);
        match self.line {
            Some(line) => format!("{name}:{line}"),
            None => name,
        }
    }

    /// The event the file name says: the longest of the `known` names the file name starts
    /// with, followed by nothing or by `.<variant>` (`:` is written `@`); otherwise the file
    /// name up to its first `.`.
    pub fn event_name<'a>(&'a self, known: &[&'a str]) -> &'a str {
        let stem = self.stem();
        known
            .iter()
            .copied()
            .filter(|name| {
                let file_name = name.replace(':', "@");
                stem.strip_prefix(file_name.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
            })
            .max_by_key(|name| name.len())
            .unwrap_or_else(|| stem.split('.').next().unwrap_or(stem))
    }
}

/// What a payload gives when decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// A known event that re-serializes to the same JSON.
    Clean,
    /// A known event; these paths drift.
    Drift(Vec<String>),
    /// An event the models do not know.
    Unknown,
    /// Did not decode.
    Error(String),
}

/// Decodes a payload: its event name (when it could be read) and the outcome.
pub fn outcome<E: ProviderEvent>(payload: &Payload) -> (Option<String>, Outcome) {
    let decoded = match E::decode(payload.json.as_bytes()) {
        Ok(decoded) => decoded,
        Err(error) => {
            return (
                error.event().map(str::to_owned),
                Outcome::Error(error.to_string()),
            );
        }
    };
    let name = Some(decoded.name().to_owned());
    if decoded.is_unknown() {
        return (name, Outcome::Unknown);
    }
    let outcome = match decoded.drift() {
        Ok(drift) if drift.is_empty() => Outcome::Clean,
        Ok(drift) => Outcome::Drift(drift.iter().map(|drift| drift.path().to_owned()).collect()),
        Err(error) => Outcome::Error(format!("does not re-serialize: {error}")),
    };
    (name, outcome)
}

/// The `|`-table rows of a markdown file (header and separator left out). No file: none.
///
/// # Panics
///
/// When the file exists but cannot be read.
pub fn table_rows(path: &Path) -> Vec<Vec<String>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(error) => panic!("cannot read {}: {error}", path.display()),
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

/// The drift a payload is allowed by its folder's `DRIFT.md` (`| file | path | reason |`).
pub fn allowed_drift(payload: &Payload) -> Vec<String> {
    let key = payload.table_key();
    table_rows(&payload.folder().join("DRIFT.md"))
        .into_iter()
        .filter(|row| row.len() >= 3 && row[0] == key && !row[2].is_empty())
        .map(|row| row[1].clone())
        .collect()
}

/// Whether the payload is listed in its folder's `UNKNOWN.md` (`| file | reason |`).
pub fn expected_unknown(payload: &Payload) -> bool {
    let key = payload.table_key();
    table_rows(&payload.folder().join("UNKNOWN.md"))
        .iter()
        .any(|row| row.len() >= 2 && row[0] == key && !row[1].is_empty())
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

/// The pretty `Debug` form without the `field: Absent,` lines: every field that was in the
/// payload is shown with its Rust type, and the optional fields it left out do not bury them.
pub fn typed_dump(value: &impl Debug) -> String {
    format!("{value:#?}")
        .lines()
        .filter(|line| !line.trim_start().ends_with(": Absent,"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every known event name has a payload, and every payload names a known event (or is
/// listed in `UNKNOWN.md`).
fn check_coverage(payloads: &[Payload], known: &[&str]) -> Result<(), Failed> {
    let missing: Vec<&str> = known
        .iter()
        .copied()
        .filter(|kind| !payloads.iter().any(|p| p.event_name(known) == *kind))
        .collect();
    let stray: Vec<String> = payloads
        .iter()
        .filter(|p| !known.contains(&p.event_name(known)) && !expected_unknown(p))
        .map(Payload::id)
        .collect();
    if missing.is_empty() && stray.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "event kinds without a payload: {missing:?}; payloads of no known kind: {stray:?}"
        )
        .into())
    }
}

fn load_schema(path: &Path) -> Result<serde_json::Value, Failed> {
    let text = fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {e} (export the schemas with `chat-events schema --out …`)",
            path.display()
        )
    })?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()).into())
}

/// The payload files under `dir`, sorted, recursively.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_owned(), |dir| dir.join(path))
    }
}

/// The README's examples, compiled as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
