//! The streaming drift check (`Decoded::drift`, `drift::of`) answers exactly what the
//! two-tree comparison (`drift::compare` of the original and the re-serialized model as
//! `Value`s) answers: over every fixture of every provider, and over mutated copies of each
//! (unknown keys added at every level, scalars turned into other types, containers swapped,
//! elements appended, whitespace changed) that make drift of every kind.

use chat_events_core::{Decoded, ProviderEvent, drift};
use chat_events_tests::fixtures;
use serde_json::{Value, json};

/// The two-tree answer.
fn by_trees<E: ProviderEvent>(event: &E, raw: &str) -> Vec<drift::Drift> {
    let original = E::canonical_json(serde_json::from_str(raw).unwrap());
    let model = serde_json::to_value(event).unwrap();
    drift::compare(&original, &model)
}

/// Copies of `value` that drift from any model: each mutation applied at every level.
pub(crate) fn mutations(value: &Value) -> Vec<Value> {
    fn each(value: &mut Value, depth: usize, mutate: &impl Fn(&mut Value, usize)) {
        // Children first, so that what a mutation adds is not mutated again.
        match value {
            Value::Object(map) => map
                .values_mut()
                .for_each(|child| each(child, depth + 1, mutate)),
            Value::Array(items) => items
                .iter_mut()
                .for_each(|child| each(child, depth + 1, mutate)),
            _ => {}
        }
        mutate(value, depth);
    }
    let mut out = Vec::new();
    let mut added = value.clone();
    each(&mut added, 0, &|value, depth| {
        if let Value::Object(map) = value {
            map.insert(format!("zz-extra-{depth}"), json!({"a": [1, "x"]}));
            map.insert("a.b".to_owned(), json!(null));
        }
        if let Value::Array(items) = value {
            items.push(json!({"appended": true}));
        }
    });
    out.push(added);
    let mut retyped = value.clone();
    each(&mut retyped, 0, &|value, depth| {
        if depth == 0 {
            return;
        }
        *value = match value {
            Value::Number(number) => Value::String(number.to_string()),
            Value::String(text) if text.len() % 2 == 0 => json!(text.len()),
            Value::String(_) => json!([]),
            Value::Bool(true) => json!(1.0),
            Value::Bool(false) => json!(0),
            Value::Null => json!({}),
            _ => return,
        };
    });
    out.push(retyped);
    let mut swapped = value.clone();
    each(&mut swapped, 0, &|value, depth| {
        if depth == 2 {
            let swapped = match &*value {
                Value::Object(map) => Value::Array(map.values().cloned().collect()),
                Value::Array(items) => Value::Object(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (i.to_string(), v.clone()))
                        .collect(),
                ),
                other => other.clone(),
            };
            *value = swapped;
        }
    });
    out.push(swapped);
    out
}

/// Compares the two answers over a provider's fixtures; returns how many documents were
/// compared and how many drift entries they had.
fn agree<E: ProviderEvent>(folder: &str) -> (usize, usize) {
    let mut compared = 0;
    let mut found = 0;
    for fixture in fixtures(folder) {
        let Ok(decoded) = Decoded::<E>::decode(fixture.json.as_bytes()) else {
            continue;
        };
        assert_eq!(
            decoded.drift().unwrap(),
            by_trees(&*decoded, decoded.raw().get()),
            "{}",
            fixture.id()
        );
        compared += 1;
        let value: Value = serde_json::from_str(&fixture.json).unwrap();
        for (n, mutated) in mutations(&value).iter().enumerate() {
            for text in [
                mutated.to_string(),
                serde_json::to_string_pretty(mutated).unwrap(),
            ] {
                let streamed = drift::of(&*decoded, &text).unwrap();
                assert_eq!(
                    streamed,
                    by_trees(&*decoded, &text),
                    "{} mutation {n}",
                    fixture.id()
                );
                compared += 1;
                found += streamed.len();
            }
        }
    }
    (compared, found)
}

#[test]
fn streaming_drift_answers_as_the_two_trees_do() {
    let counts = [
        agree::<chatapp_events::Event>("chatapp"),
        agree::<codechat_events::Event>("codechat"),
        agree::<onechat_events::Event>("onechat"),
        agree::<onechat_events::webhook_events::WebhookEvent>("onechat-webhook"),
    ];
    let compared: usize = counts.iter().map(|count| count.0).sum();
    let found: usize = counts.iter().map(|count| count.1).sum();
    println!("{compared} documents compared, {found} drift entries");
    // Every fixture, and seven mutated texts of each; the mutations drift a lot.
    assert!(compared > 3000, "{compared}");
    assert!(found > 30_000, "{found}");
}

#[test]
fn text_that_is_not_json_is_an_error_as_before() {
    let decoded = codechat_events::Event::decode(br#"{"event":"x.y","instance":"a"}"#).unwrap();
    assert!(drift::of(&*decoded, "{not json").is_err());
}
