//! `chat-events check`: decode captured payloads with the models and report each one.
//!
//! Per payload: **clean** (decodes, and re-serializing the typed value gives the payload
//! back), **drift** (decodes; the listed paths are not carried by the model, or changed),
//! **unknown** (an event name the models do not know; kept whole by the SDK), or **error**
//! (does not decode: provider, event and JSON path). With `--provider auto` each payload goes
//! to the provider that knows its event and decodes it with the least drift; when none knows
//! it, the provider is named only if exactly one provider's envelope fits (never guessed).
//!
//! Inputs stream: a JSON Lines file is read line by line, so a file of millions of payloads
//! is checked in constant memory.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    fs::File,
    io::{self, BufRead, BufReader, IsTerminal, Read, Write},
    path::{Path, PathBuf},
    process::ExitCode,
    time::{Duration, Instant},
};

use chat_events_core::{DecodeError, ProviderEvent, drift::Drift, unstable::jsonc};
use serde_json::json;

use crate::{
    Failure,
    cli::{CheckArgs, Deny, Format, ProviderChoice},
};

/// What became of one payload.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum Outcome {
    /// Decoded; the model carries every field.
    Clean,
    /// Decoded; these paths are not carried by the model (or changed by it).
    Drift(Vec<Drift>),
    /// An event the models do not know.
    Unknown,
    /// Did not decode.
    Error {
        /// What is wrong (values from the payload are not quoted).
        message: String,
        /// The JSON path of the failing value, when known.
        path: Option<String>,
    },
}

impl Outcome {
    /// `clean`, `drift`, `unknown` or `error`.
    pub(crate) const fn status(&self) -> &'static str {
        match self {
            Self::Clean => "clean",
            Self::Drift(_) => "drift",
            Self::Unknown => "unknown",
            Self::Error { .. } => "error",
        }
    }
}

/// The verdict on one payload.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct Verdict {
    /// The provider whose models decided (`None`: not detected).
    pub(crate) provider: Option<&'static str>,
    /// The event name, when it could be read.
    pub(crate) event: Option<String>,
    /// What became of it.
    pub(crate) outcome: Outcome,
}

/// One provider's attempt at a payload.
enum Attempt {
    Known {
        event: String,
        drift: Vec<Drift>,
    },
    Unknown {
        event: String,
    },
    Failed {
        error: DecodeError,
        known_event: bool,
    },
}

fn attempt<E: ProviderEvent>(bytes: &[u8]) -> Attempt {
    match E::decode(bytes) {
        Ok(decoded) if decoded.is_unknown() => Attempt::Unknown {
            event: decoded.name().to_owned(),
        },
        Ok(decoded) => match decoded.drift() {
            Ok(drift) => Attempt::Known {
                event: decoded.name().to_owned(),
                drift,
            },
            Err(error) => Attempt::Failed {
                error: DecodeError::data(
                    E::PROVIDER,
                    Some(decoded.name()),
                    ".".to_owned(),
                    &format!("the typed event could not be serialized back: {error}"),
                ),
                known_event: true,
            },
        },
        Err(error) => {
            let known_event = error
                .event()
                .is_some_and(|name| E::known_names().contains(&name));
            Attempt::Failed { error, known_event }
        }
    }
}

fn verdict(provider: &'static str, attempt: Attempt) -> Verdict {
    match attempt {
        Attempt::Known { event, drift } => Verdict {
            provider: Some(provider),
            event: Some(event),
            outcome: if drift.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Drift(drift)
            },
        },
        Attempt::Unknown { event } => Verdict {
            provider: Some(provider),
            event: Some(event),
            outcome: Outcome::Unknown,
        },
        Attempt::Failed { error, .. } => Verdict {
            provider: Some(provider),
            event: error.event().map(str::to_owned),
            outcome: Outcome::Error {
                message: error.to_string(),
                path: error.path().map(str::to_owned),
            },
        },
    }
}

/// Checks one payload with `choice`'s models.
pub(crate) fn check_payload(text: &str, choice: ProviderChoice) -> Verdict {
    let bytes = text.as_bytes();
    match choice {
        ProviderChoice::Chatapp => verdict("chatapp", attempt::<chatapp_events::Event>(bytes)),
        ProviderChoice::Codechat => verdict("codechat", attempt::<codechat_events::Event>(bytes)),
        ProviderChoice::Onechat => verdict("onechat", attempt::<onechat_events::Event>(bytes)),
        ProviderChoice::OnechatWebhook => verdict(
            "onechat-webhook",
            attempt::<onechat_events::webhook_events::WebhookEvent>(bytes),
        ),
        ProviderChoice::Auto => detect(bytes),
    }
}

/// `--provider auto`: the provider that knows the event and decodes it with the least
/// drift; else the one that knows the event (its error); else, for an unknown event, the
/// provider only if exactly one envelope fits.
fn detect(bytes: &[u8]) -> Verdict {
    let attempts = [
        ("chatapp", attempt::<chatapp_events::Event>(bytes)),
        ("codechat", attempt::<codechat_events::Event>(bytes)),
        ("onechat", attempt::<onechat_events::Event>(bytes)),
        (
            "onechat-webhook",
            attempt::<onechat_events::webhook_events::WebhookEvent>(bytes),
        ),
    ];
    let best_known = attempts
        .iter()
        .enumerate()
        .filter_map(|(index, (_, attempt))| match attempt {
            Attempt::Known { drift, .. } => Some((drift.len(), index)),
            _ => None,
        })
        .min();
    let known_failure = attempts.iter().position(|(_, attempt)| {
        matches!(
            attempt,
            Attempt::Failed {
                known_event: true,
                ..
            }
        )
    });
    let unknown: Vec<usize> = attempts
        .iter()
        .enumerate()
        .filter(|(_, (_, attempt))| matches!(attempt, Attempt::Unknown { .. }))
        .map(|(index, _)| index)
        .collect();
    let pick = best_known
        .map(|(_, index)| index)
        .or(known_failure)
        .or_else(|| match unknown.as_slice() {
            [only] => Some(*only),
            [] => None,
            several => envelope_hint(bytes).and_then(|hint| {
                several
                    .iter()
                    .copied()
                    .find(|&index| attempts[index].0 == hint)
            }),
        });
    let mut attempts = attempts.into_iter();
    if let Some(index) = pick {
        let (provider, attempt) = attempts.nth(index).expect("an index of the array");
        return verdict(provider, attempt);
    }
    if let Some(&first) = unknown.first() {
        // Several envelopes fit an event no provider knows: say so, name none.
        let (_, attempt) = attempts.nth(first).expect("an index of the array");
        let Attempt::Unknown { event } = attempt else {
            unreachable!("an unknown attempt")
        };
        return Verdict {
            provider: None,
            event: Some(event),
            outcome: Outcome::Unknown,
        };
    }
    // Nothing decodes: the first provider's error, without naming the provider.
    let (_, attempt) = attempts.next().expect("four attempts");
    let Attempt::Failed { error, .. } = attempt else {
        unreachable!("every attempt failed")
    };
    let message = error.to_string();
    let message = message
        .strip_prefix("chatapp: ")
        .unwrap_or(&message)
        .to_owned();
    Verdict {
        provider: None,
        event: None,
        outcome: Outcome::Error {
            message: format!("no provider's envelope fits: {message}"),
            path: error.path().map(str::to_owned),
        },
    }
}

/// For an event no provider knows under an `event` key (CodeChat and OneChat both put their
/// names there): the provider whose envelope's own keys are present. CodeChat bodies carry
/// `instance` (or Evolution's `apikey`, `server_url`, `sender`, `date_time`, `destination`);
/// OneChat broadcasts are `{event, data}` with `data.account_id`. `None` when neither or
/// both fit.
fn envelope_hint(bytes: &[u8]) -> Option<&'static str> {
    let value: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(bytes).ok()?;
    let codechat = [
        "instance",
        "apikey",
        "server_url",
        "sender",
        "date_time",
        "destination",
    ]
    .iter()
    .any(|key| value.contains_key(*key));
    let onechat = value.keys().all(|key| key == "event" || key == "data")
        && value
            .get("data")
            .and_then(|data| data.get("account_id"))
            .is_some();
    match (codechat, onechat) {
        (true, false) => Some("codechat"),
        (false, true) => Some("onechat"),
        _ => None,
    }
}

/// Counts per provider and event.
#[derive(Default)]
struct Summary {
    counts: BTreeMap<(String, String), [u64; 4]>,
    payloads: u64,
    bytes: u64,
}

impl Summary {
    fn add(&mut self, verdict: &Verdict, bytes: usize) {
        let key = (
            verdict.provider.unwrap_or("?").to_owned(),
            verdict.event.clone().unwrap_or_else(|| "?".to_owned()),
        );
        let slot = match verdict.outcome {
            Outcome::Clean => 0,
            Outcome::Drift(_) => 1,
            Outcome::Unknown => 2,
            Outcome::Error { .. } => 3,
        };
        self.counts.entry(key).or_default()[slot] += 1;
        self.payloads += 1;
        self.bytes += bytes as u64;
    }

    fn totals(&self) -> [u64; 4] {
        self.counts.values().fold([0; 4], |mut sum, counts| {
            for (total, count) in sum.iter_mut().zip(counts) {
                *total += count;
            }
            sum
        })
    }

    fn table(&self) -> String {
        let width = self
            .counts
            .keys()
            .map(|(provider, event)| provider.len() + event.len() + 1)
            .max()
            .unwrap_or(5)
            .max(5);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<width$}  {:>7}  {:>7}  {:>7}  {:>7}",
            "event", "clean", "drift", "unknown", "error"
        );
        for ((provider, event), [clean, drift, unknown, error]) in &self.counts {
            let name = format!("{provider} {event}");
            let _ = writeln!(
                out,
                "{name:<width$}  {clean:>7}  {drift:>7}  {unknown:>7}  {error:>7}"
            );
        }
        let [clean, drift, unknown, error] = self.totals();
        let _ = writeln!(
            out,
            "{:<width$}  {clean:>7}  {drift:>7}  {unknown:>7}  {error:>7}",
            format!("total ({} payloads)", self.payloads)
        );
        out
    }

    fn json(&self) -> serde_json::Value {
        let [clean, drift, unknown, error] = self.totals();
        let events: Vec<serde_json::Value> = self
            .counts
            .iter()
            .map(|((provider, event), [clean, drift, unknown, error])| {
                json!({
                    "provider": provider, "event": event,
                    "clean": clean, "drift": drift, "unknown": unknown, "error": error,
                })
            })
            .collect();
        json!({ "summary": {
            "payloads": self.payloads,
            "clean": clean, "drift": drift, "unknown": unknown, "error": error,
            "events": events,
        }})
    }
}

/// Prints verdicts as they come and keeps the summary.
struct Reporter<'a> {
    args: &'a CheckArgs,
    out: io::BufWriter<io::StdoutLock<'static>>,
    summary: Summary,
    started: Instant,
    progress: Option<indicatif::ProgressBar>,
}

impl Reporter<'_> {
    fn report(&mut self, source: &str, text: &str) -> io::Result<()> {
        let verdict = check_payload(text, self.args.provider);
        self.emit(source, &verdict, text.len())
    }

    /// Reports an input that is not checked at all (too large, not UTF-8, not JSONC).
    fn refuse(&mut self, source: &str, message: String, bytes: usize) -> io::Result<()> {
        let verdict = Verdict {
            provider: None,
            event: None,
            outcome: Outcome::Error {
                message,
                path: None,
            },
        };
        self.emit(source, &verdict, bytes)
    }

    fn too_large(&self) -> String {
        format!(
            "larger than --max-payload-bytes ({} bytes); not read",
            self.args.max_payload_bytes
        )
    }

    fn emit(&mut self, source: &str, verdict: &Verdict, bytes: usize) -> io::Result<()> {
        let verdict = verdict.clone();
        self.summary.add(&verdict, bytes);
        let failing = self.fails(&verdict.outcome);
        if !self.args.quiet || failing {
            match self.args.format {
                Format::Text => writeln!(self.out, "{}", text_line(source, &verdict))?,
                Format::Json => writeln!(self.out, "{}", json_line(source, &verdict))?,
            }
        }
        self.tick();
        Ok(())
    }

    /// A progress spinner on stderr once the run takes more than a second, when stderr is
    /// a terminal.
    fn tick(&mut self) {
        if !self.summary.payloads.is_multiple_of(256) {
            return;
        }
        if self.progress.is_none()
            && self.started.elapsed() > Duration::from_secs(1)
            && io::stderr().is_terminal()
        {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.enable_steady_tick(Duration::from_millis(120));
            self.progress = Some(bar);
        }
        if let Some(bar) = &self.progress {
            bar.set_message(format!(
                "{} payloads, {} MB",
                self.summary.payloads,
                self.summary.bytes / 1_000_000
            ));
        }
    }

    fn fails(&self, outcome: &Outcome) -> bool {
        match outcome {
            Outcome::Error { .. } => true,
            Outcome::Drift(_) => self.args.deny.contains(&Deny::Drift),
            Outcome::Unknown => self.args.deny.contains(&Deny::Unknown),
            Outcome::Clean => false,
        }
    }
}

fn text_line(source: &str, verdict: &Verdict) -> String {
    let provider = verdict.provider.unwrap_or("-");
    let event = verdict.event.as_deref().unwrap_or("-");
    let mut line = format!("{source}  {provider} {event}  {}", verdict.outcome.status());
    match &verdict.outcome {
        Outcome::Drift(drift) => {
            let paths: Vec<String> = drift.iter().map(ToString::to_string).collect();
            let _ = write!(line, ": {}", paths.join("; "));
        }
        Outcome::Error { message, .. } => {
            let _ = write!(line, ": {message}");
        }
        Outcome::Unknown if verdict.provider.is_none() => {
            line.push_str(" (several providers' envelopes fit; pass --provider)");
        }
        _ => {}
    }
    line
}

fn json_line(source: &str, verdict: &Verdict) -> String {
    let mut value = json!({
        "source": source,
        "provider": verdict.provider,
        "event": verdict.event,
        "status": verdict.outcome.status(),
    });
    match &verdict.outcome {
        Outcome::Drift(drift) => {
            value["drift"] = drift
                .iter()
                .map(|drift| json!({ "path": drift.path(), "description": drift.to_string() }))
                .collect();
        }
        Outcome::Error { message, path } => {
            value["error"] = json!({ "message": message, "path": path });
        }
        _ => {}
    }
    value.to_string()
}

/// What a path holds.
enum Input {
    /// One payload (`.json`).
    Json(PathBuf),
    /// One payload with comments (`.jsonc`).
    Jsonc(PathBuf),
    /// One payload per line (`.jsonl`, `.ndjson`).
    Lines(PathBuf),
}

fn classify(path: &Path) -> Option<Input> {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("json") => Some(Input::Json(path.to_owned())),
        Some("jsonc") => Some(Input::Jsonc(path.to_owned())),
        Some("jsonl" | "ndjson") => Some(Input::Lines(path.to_owned())),
        _ => None,
    }
}

/// The inputs under `path`, sorted (folders recursively).
fn collect(path: &Path, inputs: &mut Vec<Input>) -> Result<(), Failure> {
    let metadata = std::fs::metadata(path)
        .map_err(|error| Failure::usage(format!("{}: {error}", path.display())))?;
    if !metadata.is_dir() {
        inputs.push(classify(path).unwrap_or_else(|| Input::Json(path.to_owned())));
        return Ok(());
    }
    let files = chat_events_core::unstable::fixture::files_with(
        path,
        &["json", "jsonc", "jsonl", "ndjson"],
    )
    .map_err(Failure::usage)?;
    inputs.extend(files.iter().filter_map(|file| classify(file)));
    Ok(())
}

/// `chat-events check`.
pub(crate) fn run(args: &CheckArgs) -> Result<ExitCode, Failure> {
    let mut reporter = Reporter {
        args,
        out: io::BufWriter::new(io::stdout().lock()),
        summary: Summary::default(),
        started: Instant::now(),
        progress: None,
    };
    let stdin_only = args.paths.is_empty() || args.paths == [PathBuf::from("-")];
    let io_error = |error: io::Error| Failure::fatal(format!("cannot write the report: {error}"));
    if stdin_only {
        read_stdin(&mut reporter).map_err(io_error)?;
    } else {
        let mut inputs = Vec::new();
        for path in &args.paths {
            collect(path, &mut inputs)?;
        }
        for input in inputs {
            read_input(&mut reporter, input)?;
        }
    }
    if let Some(bar) = reporter.progress.take() {
        bar.finish_and_clear();
    }
    let denied = {
        let [_, drift, unknown, error] = reporter.summary.totals();
        error > 0
            || (args.deny.contains(&Deny::Drift) && drift > 0)
            || (args.deny.contains(&Deny::Unknown) && unknown > 0)
    };
    match args.format {
        Format::Text => write!(reporter.out, "\n{}", reporter.summary.table()),
        Format::Json => writeln!(reporter.out, "{}", reporter.summary.json()),
    }
    .and_then(|()| reporter.out.flush())
    .map_err(io_error)?;
    Ok(if denied {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn read_input(reporter: &mut Reporter<'_>, input: Input) -> Result<(), Failure> {
    let unreadable = |path: &Path, error: io::Error| {
        Failure::fatal(format!("cannot read {}: {error}", path.display()))
    };
    let written = |error: io::Error| Failure::fatal(format!("cannot write the report: {error}"));
    let path = match &input {
        Input::Json(path) | Input::Jsonc(path) | Input::Lines(path) => path.clone(),
    };
    if !matches!(input, Input::Lines(_)) {
        let size = std::fs::metadata(&path)
            .map_err(|e| unreadable(&path, e))?
            .len();
        if size > reporter.args.max_payload_bytes as u64 {
            let message = reporter.too_large();
            return reporter
                .refuse(&path.display().to_string(), message, 0)
                .map_err(written);
        }
    }
    match input {
        Input::Json(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| unreadable(&path, e))?;
            reporter
                .report(&path.display().to_string(), &text)
                .map_err(written)
        }
        Input::Jsonc(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| unreadable(&path, e))?;
            let source = path.display().to_string();
            match jsonc::strip(&text) {
                Ok(json) => reporter.report(&source, &json).map_err(written),
                Err(error) => {
                    let verdict = Verdict {
                        provider: None,
                        event: None,
                        outcome: Outcome::Error {
                            message: format!("not JSON with comments: {error}"),
                            path: None,
                        },
                    };
                    reporter
                        .emit(&source, &verdict, text.len())
                        .map_err(written)
                }
            }
        }
        Input::Lines(path) => {
            let file = File::open(&path).map_err(|e| unreadable(&path, e))?;
            let source = path.display().to_string();
            read_lines(reporter, &source, BufReader::new(file), 0).map_err(|e| unreadable(&path, e))
        }
    }
}

/// One line of a JSON Lines input, read with a bound.
enum Line {
    /// The input ended.
    End,
    /// A line (without its line break).
    Text(String),
    /// A line longer than the bound (skipped to its end) or not UTF-8.
    Refused(String),
}

/// Reads the next line of `reader`, at most `limit` bytes of payload: a longer line is
/// skipped to its end without being held in memory.
fn next_line(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buffer.clear();
    let read = reader
        .by_ref()
        .take(limit as u64 + 2)
        .read_until(b'\n', buffer)?;
    if read == 0 {
        return Ok(Line::End);
    }
    if buffer.last() == Some(&b'\n') {
        buffer.pop();
        if buffer.last() == Some(&b'\r') {
            buffer.pop();
        }
    } else if read > limit {
        reader.skip_until(b'\n')?;
        return Ok(Line::Refused(format!(
            "line longer than --max-payload-bytes ({limit} bytes); skipped"
        )));
    }
    if buffer.len() > limit {
        return Ok(Line::Refused(format!(
            "line longer than --max-payload-bytes ({limit} bytes); skipped"
        )));
    }
    match String::from_utf8(std::mem::take(buffer)) {
        Ok(text) => Ok(Line::Text(text)),
        Err(_) => Ok(Line::Refused("not UTF-8".to_owned())),
    }
}

/// Checks each non-blank line of `reader` (a recording: see the `record` module).
fn read_lines(
    reporter: &mut Reporter<'_>,
    source: &str,
    mut reader: impl BufRead,
    first_line: usize,
) -> io::Result<()> {
    let limit = reporter.args.max_payload_bytes;
    let mut buffer = Vec::new();
    let mut number = first_line;
    loop {
        let line = next_line(&mut reader, &mut buffer, limit)?;
        number += 1;
        match line {
            Line::End => return Ok(()),
            Line::Refused(message) => reporter.refuse(&format!("{source}:{number}"), message, 0)?,
            Line::Text(text) if text.trim().is_empty() => {}
            Line::Text(text) => {
                let payload = chat_events_core::unstable::recording::payload(&text)
                    .unwrap_or(std::borrow::Cow::Borrowed(&text));
                reporter.report(&format!("{source}:{number}"), &payload)?;
            }
        }
    }
}

/// Stdin: JSON Lines when the first non-blank line is a whole JSON value, else one document
/// (JSONC allowed). Both with the `--max-payload-bytes` bound.
fn read_stdin(reporter: &mut Reporter<'_>) -> io::Result<()> {
    let limit = reporter.args.max_payload_bytes;
    let mut stdin = io::stdin().lock();
    let mut buffer = Vec::new();
    let mut number = 0;
    let first = loop {
        number += 1;
        match next_line(&mut stdin, &mut buffer, limit)? {
            Line::End => return Ok(()),
            Line::Text(text) if text.trim().is_empty() => {}
            Line::Text(text) => break text,
            Line::Refused(message) => {
                reporter.refuse(&format!("<stdin>:{number}"), message, 0)?;
                return read_lines(reporter, "<stdin>", stdin, number);
            }
        }
    };
    if first.starts_with('"') || serde_json::from_str::<serde::de::IgnoredAny>(&first).is_ok() {
        let payload = chat_events_core::unstable::recording::payload(&first)
            .unwrap_or(std::borrow::Cow::Borrowed(&first));
        reporter.report(&format!("<stdin>:{number}"), &payload)?;
        return read_lines(reporter, "<stdin>", stdin, number);
    }
    let mut rest = Vec::new();
    stdin
        .by_ref()
        .take((limit - first.len().min(limit)) as u64 + 1)
        .read_to_end(&mut rest)?;
    if first.len() + 1 + rest.len() > limit {
        let message = reporter.too_large();
        return reporter.refuse("<stdin>", message, 0);
    }
    let Ok(rest) = String::from_utf8(rest) else {
        return reporter.refuse("<stdin>", "not UTF-8".to_owned(), 0);
    };
    let text = format!("{first}\n{rest}");
    let json = jsonc::strip(&text).unwrap_or(text);
    reporter.report("<stdin>", &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_detection_picks_the_provider_that_knows_the_event() {
        let chatapp = chatapp_events::testkit::fixtures()
            .into_iter()
            .find(|fixture| fixture.path == "000_3eeb06198ae497e6/chatRead.jsonc")
            .unwrap()
            .json;
        let verdict = check_payload(&chatapp, ProviderChoice::Auto);
        assert_eq!(verdict.provider, Some("chatapp"));
        assert_eq!(verdict.event.as_deref(), Some("chatRead"));
        let codechat = r#"{"event":"connection.update","instance":"a","data":{"state":"open"}}"#;
        let verdict = check_payload(codechat, ProviderChoice::Auto);
        assert_eq!(
            (verdict.provider, verdict.event.as_deref()),
            (Some("codechat"), Some("connection.update"))
        );
        // An event nobody knows under an `event` key fits two envelopes: none is named.
        let verdict = check_payload(r#"{"event":"x.y","data":{}}"#, ProviderChoice::Auto);
        assert_eq!(
            (verdict.provider, verdict.outcome),
            (None, Outcome::Unknown)
        );
        let verdict = check_payload("[1,2]", ProviderChoice::Auto);
        assert_eq!(verdict.provider, None);
        assert!(matches!(verdict.outcome, Outcome::Error { .. }));
    }
}
