//! `--save FILE` keeps a run's table (JSON Lines, one figure per line); `--compare FILE` reads
//! a saved table and says, figure by figure, what changed since that run. Only runs on the
//! same machine compare: the ratios hold each figure against a baseline of the same run, so
//! they travel across runs far better than absolute times, but a different machine still
//! moves them.

use std::{fmt::Write as _, path::Path};

use serde::{Deserialize, Serialize};

use crate::{Row, Target};

/// A change smaller than this share of the earlier value is noise on a shared machine.
const NOISE: f64 = 0.05;

/// One figure as saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Saved {
    /// What was measured (the table's first column; figures compare by it).
    pub what: String,
    /// Ours / baseline.
    pub ratio: f64,
    /// Whether a higher ratio is better.
    pub higher_is_better: bool,
    /// The measured figures behind the ratio.
    pub detail: String,
}

impl Saved {
    /// The figure of a row.
    pub(crate) fn of(row: &Row) -> Self {
        Self {
            what: row.what.clone(),
            ratio: row.ratio,
            higher_is_better: higher_is_better(row),
            detail: row.detail.clone(),
        }
    }
}

/// Whether a higher ratio is better: the target says when there is one; otherwise rates
/// (requests/s, drains) are better higher and everything else (times, CPU, memory, counts)
/// lower.
fn higher_is_better(row: &Row) -> bool {
    match row.target {
        Some(Target::AtLeast(_)) => true,
        Some(Target::AtMost(_)) => false,
        None => {
            row.what.contains("req/s")
                || row.what.contains("drain")
                || row.what.contains("events/s")
        }
    }
}

/// Writes `rows` to `path`, one JSON object per line.
pub(crate) fn save(rows: &[Row], path: &Path) -> Result<(), String> {
    let mut out = String::new();
    for row in rows {
        let line = serde_json::to_string(&Saved::of(row)).map_err(|error| error.to_string())?;
        out.push_str(&line);
        out.push('\n');
    }
    std::fs::write(path, out).map_err(|error| format!("{}: {error}", path.display()))
}

/// Reads a table written by [`save`].
pub(crate) fn load(path: &Path) -> Result<Vec<Saved>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    parse(&text).map_err(|error| format!("{}: {error}", path.display()))
}

fn parse(text: &str) -> Result<Vec<Saved>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| {
            serde_json::from_str(line).map_err(|error| format!("line {}: {error}", number + 1))
        })
        .collect()
}

/// What happened to one figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    Better,
    Worse,
    Same,
    New,
    Gone,
}

impl Change {
    const fn word(self) -> &'static str {
        match self {
            Self::Better => "better",
            Self::Worse => "WORSE",
            Self::Same => "same",
            Self::New => "new",
            Self::Gone => "gone",
        }
    }
}

fn change(before: f64, now: f64, higher_is_better: bool) -> Change {
    let scale = before.abs().max(now.abs());
    if scale == 0.0 || (now - before).abs() <= NOISE * scale {
        return Change::Same;
    }
    if (now > before) == higher_is_better {
        Change::Better
    } else {
        Change::Worse
    }
}

/// The comparison table: every figure of `now` against the same figure in `before`, then the
/// figures `before` had that this run did not measure; and a last line counting the worse.
pub(crate) fn compare(before: &[Saved], now: &[Row]) -> String {
    let now: Vec<Saved> = now.iter().map(Saved::of).collect();
    let mut lines: Vec<(String, String, String, Change)> = Vec::new();
    for figure in &now {
        match before.iter().find(|old| old.what == figure.what) {
            Some(old) => lines.push((
                figure.what.clone(),
                format!("{:.2}", old.ratio),
                format!("{:.2}", figure.ratio),
                change(old.ratio, figure.ratio, figure.higher_is_better),
            )),
            None => lines.push((
                figure.what.clone(),
                String::new(),
                format!("{:.2}", figure.ratio),
                Change::New,
            )),
        }
    }
    for old in before {
        if !now.iter().any(|figure| figure.what == old.what) {
            lines.push((
                old.what.clone(),
                format!("{:.2}", old.ratio),
                String::new(),
                Change::Gone,
            ));
        }
    }
    let width = lines.iter().map(|line| line.0.len()).max().unwrap_or(10);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}  {:>7}  change",
        "since the saved run", "before", "now"
    );
    for (what, old, new, change) in &lines {
        let _ = writeln!(out, "{what:<width$}  {old:>7}  {new:>7}  {}", change.word());
    }
    let worse = lines.iter().filter(|line| line.3 == Change::Worse).count();
    let better = lines.iter().filter(|line| line.3 == Change::Better).count();
    let _ = writeln!(
        out,
        "{better} better, {worse} worse (a change within {:.0} % counts as the same)",
        NOISE * 100.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(what: &str, ratio: f64, target: Option<Target>) -> Row {
        Row {
            what: what.to_owned(),
            ratio,
            target,
            detail: format!("{what} detail"),
        }
    }

    #[test]
    fn a_saved_table_reads_back_and_compares_by_direction() {
        let before = vec![
            row(
                "decode codechat / Value parse",
                1.73,
                Some(Target::AtMost(0.8)),
            ),
            row(
                "receiver req/s / bare axum",
                0.40,
                Some(Target::AtLeast(0.8)),
            ),
            row("receiver p99 latency / bare axum", 2.0, None),
            row(
                "chatapp backlog drain / raw reader + Value parse",
                1.0,
                None,
            ),
            row(
                "relay into JetStream / raw async-nats publishes",
                0.52,
                None,
            ),
        ];
        let path = std::env::temp_dir().join(format!("bench-compare-{}.jsonl", std::process::id()));
        save(&before, &path).unwrap();
        let saved = load(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        assert_eq!(saved.len(), 5);
        assert_eq!(saved[0], Saved::of(&before[0]));
        assert!(!saved[0].higher_is_better && saved[1].higher_is_better);
        assert!(!saved[2].higher_is_better && saved[3].higher_is_better);
        let now = vec![
            row(
                "decode codechat / Value parse",
                1.20,
                Some(Target::AtMost(0.8)),
            ),
            row(
                "receiver req/s / bare axum",
                0.30,
                Some(Target::AtLeast(0.8)),
            ),
            row("receiver p99 latency / bare axum", 2.05, None),
            row(
                "chatapp backlog drain / raw reader + Value parse",
                1.5,
                None,
            ),
            row(
                "decode onechat / Value parse",
                0.9,
                Some(Target::AtMost(0.5)),
            ),
        ];
        let table = compare(&saved, &now);
        let line = |what: &str| {
            table
                .lines()
                .find(|line| line.starts_with(what))
                .unwrap_or_else(|| panic!("{what} in\n{table}"))
                .split_whitespace()
                .last()
                .unwrap()
                .to_owned()
        };
        assert_eq!(line("decode codechat"), "better");
        assert_eq!(line("receiver req/s"), "WORSE");
        assert_eq!(line("receiver p99"), "same");
        assert_eq!(line("chatapp backlog drain"), "better");
        assert_eq!(line("decode onechat"), "new");
        assert_eq!(line("relay into JetStream"), "gone");
        assert!(
            table.ends_with("2 better, 1 worse (a change within 5 % counts as the same)\n"),
            "{table}"
        );
        assert!(parse("{\"what\": 1}\n").unwrap_err().starts_with("line 1:"));
    }

    #[test]
    fn counts_that_stay_zero_are_the_same() {
        assert_eq!(change(0.0, 0.0, false), Change::Same);
        assert_eq!(change(0.0, 3.0, false), Change::Worse);
    }
}
