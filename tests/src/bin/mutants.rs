//! Writes every fixture and its mutants ([`chat_events_tests::mutants`]) with the Rust
//! decoder's verdict, one JSON line each, to `<out>/<provider>.jsonl` (default
//! `target/mutants`): what the TypeScript and Python packages' tests hold their decoders to.
//!
//! A line: `{"file", "what", "json", "accepted", "known", "name", "path"}` — the fixture, the
//! mutation (`"fixture"` for the fixture itself), the JSON text, whether the decoder accepts
//! it, and when it does whether the event is known and its wire name; when it does not, the
//! JSON path of the error. `<out>/normalized.jsonl` holds the normalized record of every
//! normalized event of every fixture, as the SDK serializes it.

use std::{fs, io::Write as _, path::PathBuf};

use chat_events_core::{ProviderEvent, normalized::Normalize};
use chat_events_tests::{fixtures, mutants, workspace_root};

fn write<E: ProviderEvent>(provider: &str, out: &std::path::Path) -> usize {
    let mut text = Vec::new();
    let mut count = 0;
    for (index, fixture) in fixtures(provider).iter().enumerate() {
        let fixture_line = mutants::Mutant {
            json: fixture.json.clone(),
            what: "fixture".to_owned(),
        };
        let deep = (index == 0)
            .then(|| mutants::deep(&fixture.json))
            .into_iter()
            .flatten();
        for mutant in std::iter::once(fixture_line)
            .chain(mutants::of(&fixture.json, index))
            .chain(deep)
        {
            let decoded = E::decode(mutant.json.as_bytes());
            let line = serde_json::json!({
                "file": fixture.id(),
                "what": mutant.what,
                "json": mutant.json,
                "accepted": decoded.is_ok(),
                "known": decoded.as_ref().ok().map(|d| !d.is_unknown()),
                "name": decoded.as_ref().ok().map(|d| d.name().to_owned()),
                "path": decoded.as_ref().err().and_then(|e| e.path().map(str::to_owned)),
            });
            serde_json::to_writer(&mut text, &line).expect("a Value serializes");
            text.push(b'\n');
            count += 1;
        }
    }
    let path = out.join(format!("{provider}.jsonl"));
    fs::File::create(&path)
        .and_then(|mut file| file.write_all(&text))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    count
}

/// Appends the normalized record (as the SDK serializes it) of every normalized event of
/// every fixture of `provider` to `text`, one JSON line each; returns how many.
fn normalized<E: Normalize>(provider: &str, text: &mut Vec<u8>) -> usize {
    let mut count = 0;
    for fixture in fixtures(provider) {
        let Ok(decoded) = E::decode(fixture.json.as_bytes()) else {
            continue;
        };
        for record in decoded.normalize() {
            // Through a `Value`: one line each, the raw payload's own line breaks folded.
            let value = serde_json::to_value(&record).expect("a record serializes");
            serde_json::to_writer(&mut *text, &value).expect("a Value serializes");
            text.push(b'\n');
            count += 1;
        }
    }
    count
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| workspace_root().join("target/mutants"), PathBuf::from);
    fs::create_dir_all(&out).unwrap_or_else(|e| panic!("cannot create {}: {e}", out.display()));
    let counts = [
        ("chatapp", write::<chatapp_events::Event>("chatapp", &out)),
        (
            "codechat",
            write::<codechat_events::Event>("codechat", &out),
        ),
        ("onechat", write::<onechat_events::Event>("onechat", &out)),
        (
            "onechat-webhook",
            write::<onechat_events::webhook_events::WebhookEvent>("onechat-webhook", &out),
        ),
    ];
    for (provider, count) in counts {
        println!("{provider}: {count} payloads (fixtures and mutants)");
    }
    let mut text = Vec::new();
    let records = normalized::<chatapp_events::Event>("chatapp", &mut text)
        + normalized::<codechat_events::Event>("codechat", &mut text)
        + normalized::<onechat_events::Event>("onechat", &mut text)
        + normalized::<onechat_events::webhook_events::WebhookEvent>("onechat-webhook", &mut text);
    let path = out.join("normalized.jsonl");
    fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    println!("normalized: {records} records of the fixtures");
    println!("written to {}", out.display());
}
