//! The JSON Schemas accept exactly what the decoder accepts: every fixture's mutants
//! ([`chat_events_tests::mutants`]) are decoded and validated against the provider's
//! `event.schema.json` and against the schema of the fixture's event, and the verdicts must
//! agree: the union accepts what decodes, the event's schema what decodes as that event.

use std::{collections::BTreeMap, fmt::Write as _};

use chat_events_core::ProviderEvent;
use chat_events_tests::{fixtures, load_schema, mutants};

/// Disagreements per provider and mutation kind, with one example each.
fn disagreements<E: ProviderEvent>(provider: &str) -> (usize, BTreeMap<String, (usize, String)>) {
    let schema = load_schema(provider, "event").unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut total = 0;
    let mut found: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (index, fixture) in fixtures(provider).iter().enumerate() {
        let event = E::decode(fixture.json.as_bytes())
            .ok()
            .filter(|decoded| !decoded.is_unknown())
            .map(|decoded| decoded.name().to_owned());
        let own = event.as_ref().map(|name| {
            let schema = load_schema(provider, &name.replace(':', "@")).unwrap();
            jsonschema::validator_for(&schema).unwrap()
        });
        for mutant in mutants::of(&fixture.json, index) {
            total += 1;
            let decoded = E::decode(mutant.json.as_bytes());
            let value: serde_json::Value = serde_json::from_str(&mutant.json).unwrap();
            let valid = validator.is_valid(&value);
            if let (Some(own), Some(event)) = (&own, &event) {
                let same = decoded.as_ref().is_ok_and(|d| d.name() == event);
                if own.is_valid(&value) != same {
                    let key = format!("{provider}: the schema of `{event}` disagrees");
                    let entry = found.entry(key).or_insert((0, String::new()));
                    entry.0 += 1;
                    if entry.1.is_empty() {
                        entry.1 = format!("{}: {}", fixture.id(), mutant.what);
                    }
                }
            }
            if decoded.is_ok() != valid {
                let kind = mutant
                    .what
                    .split(" at ")
                    .next()
                    .unwrap_or("")
                    .split(" in ")
                    .next()
                    .unwrap_or("")
                    .to_owned();
                let key = format!(
                    "{provider}: {} ({kind})",
                    if valid {
                        "schema accepts, decoder refuses"
                    } else {
                        "decoder accepts, schema refuses"
                    }
                );
                let entry = found.entry(key).or_insert((0, String::new()));
                entry.0 += 1;
                if entry.1.is_empty() {
                    entry.1 = format!(
                        "{}: {}: {}",
                        fixture.id(),
                        mutant.what,
                        decoded.err().map(|e| e.to_string()).unwrap_or_default()
                    );
                }
            }
        }
    }
    (total, found)
}

#[test]
fn schemas_accept_exactly_what_the_decoder_accepts() {
    let mut total = 0;
    let mut all = BTreeMap::new();
    for (count, found) in [
        disagreements::<chatapp_events::Event>("chatapp"),
        disagreements::<codechat_events::Event>("codechat"),
        disagreements::<onechat_events::Event>("onechat"),
        disagreements::<onechat_events::webhook_events::WebhookEvent>("onechat-webhook"),
    ] {
        total += count;
        all.extend(found);
    }
    let mut report = String::new();
    let mut disagreeing = 0;
    for (key, (count, example)) in &all {
        disagreeing += count;
        let _ = writeln!(report, "{count:5} {key}\n      e.g. {example}");
    }
    eprintln!("{total} mutants, {disagreeing} disagreements\n{report}");
    assert!(total >= 1000, "only {total} mutants");
    assert_eq!(disagreeing, 0, "{report}");
}
