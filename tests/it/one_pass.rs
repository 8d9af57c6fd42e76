//! The one-pass decoder (`scan::de`, behind every `decode`) against the checking way (the
//! scan, then serde_json): over every fixture of every provider and mutated copies of each,
//! whatever the one pass accepts the checking way accepts with the same value, and every
//! document that breaks an I-JSON rule (a duplicate key, a lone surrogate, a number out of a
//! float's range, too deep), wherever in it, the one pass refuses.

use chat_events_core::{
    ProviderEvent,
    unstable::{Dispatch, decode_checking_first, decode_in_one_pass},
};
use chat_events_tests::fixtures;
use serde_json::Value;

use crate::drift_stream::mutations;

/// Texts that break a rule: each one inserted after the first `{` of each object, in turn,
/// for the first few objects of the document.
const BROKEN: [&str; 5] = [
    r#""dup": 1, "dup": 2"#,
    r#""s": "\ud800""#,
    r#""n": 1e400"#,
    r#""d\u0075p": 1, "dup": 2"#,
    r#""x": {"a": [], "a": {}}"#,
];

/// Counts for one provider: documents compared, and how many the one pass decoded.
fn agree<E: ProviderEvent + Dispatch + std::fmt::Debug>(folder: &str) -> (usize, usize, usize) {
    let (mut compared, mut at_once, mut fixtures_at_once) = (0, 0, 0);
    let all = fixtures(folder);
    for fixture in &all {
        let value: Value = serde_json::from_str(&fixture.json).unwrap();
        let mut texts = vec![fixture.json.clone()];
        for mutated in mutations(&value) {
            texts.push(mutated.to_string());
            texts.push(serde_json::to_string_pretty(&mutated).unwrap());
        }
        for (n, text) in texts.iter().enumerate() {
            compared += 1;
            let checked = decode_checking_first::<E>(text);
            let Some(once) = decode_in_one_pass::<E>(text) else {
                continue;
            };
            at_once += 1;
            if n == 0 {
                fixtures_at_once += 1;
            }
            let checked = checked.unwrap_or_else(|error| {
                panic!(
                    "{} text {n}: one pass accepted, checked: {error}",
                    fixture.id()
                )
            });
            assert_eq!(
                format!("{once:?}"),
                format!("{checked:?}"),
                "{} text {n}",
                fixture.id()
            );
        }
        let opens: Vec<usize> = fixture
            .json
            .match_indices('{')
            .map(|(at, _)| at)
            .take(6)
            .collect();
        for at in opens {
            for broken in BROKEN {
                let rest = &fixture.json[at + 1..];
                let comma = if rest.trim_start().starts_with('}') {
                    ""
                } else {
                    ","
                };
                let text = format!("{}{broken}{comma}{rest}", &fixture.json[..=at]);
                if serde_json::from_str::<Value>(&text).is_err() {
                    continue; // a `{` inside a string
                }
                compared += 1;
                assert!(
                    decode_in_one_pass::<E>(&text).is_none(),
                    "{}: accepted {broken} at {at}",
                    fixture.id()
                );
                assert!(
                    decode_checking_first::<E>(&text).is_err(),
                    "{}: {broken}",
                    fixture.id()
                );
            }
        }
    }
    println!(
        "{folder}: {compared} documents, {at_once} decoded in one pass; {fixtures_at_once} of {} fixtures",
        all.len()
    );
    (compared, at_once, fixtures_at_once)
}

#[test]
fn one_pass_reads_what_the_checking_way_reads_and_refuses_what_it_refuses() {
    let counts = [
        agree::<chatapp_events::Event>("chatapp"),
        agree::<codechat_events::Event>("codechat"),
        agree::<onechat_events::Event>("onechat"),
        agree::<onechat_events::webhook_events::WebhookEvent>("onechat-webhook"),
    ];
    let compared: usize = counts.iter().map(|count| count.0).sum();
    let at_once: usize = counts.iter().map(|count| count.1).sum();
    let fixtures_at_once: usize = counts.iter().map(|count| count.2).sum();
    println!(
        "{compared} documents compared, {at_once} decoded in one pass, \
         {fixtures_at_once} of them fixtures"
    );
    assert!(compared > 5000, "{compared}");
    // Every known event of the corpus takes the one pass (443 of 449 fixtures today; the
    // others are unknown events, which go the checking way), or decode has lost its speed.
    assert!(fixtures_at_once >= 440, "{fixtures_at_once}");
}

/// The relay's content id hashes the canonical JSON written straight from the text; it must
/// be byte for byte the printed `Value` it replaced (ids already stored stay the same).
#[test]
fn canonical_json_from_the_text_is_the_printed_value() {
    let mut compared = 0;
    for folder in ["chatapp", "codechat", "onechat", "onechat-webhook"] {
        for fixture in fixtures(folder) {
            let value: Value = serde_json::from_str(&fixture.json).unwrap();
            let mut texts = vec![fixture.json.clone()];
            for mutated in mutations(&value) {
                texts.push(serde_json::to_string_pretty(&mutated).unwrap());
            }
            for text in texts {
                let mut written = String::new();
                assert!(
                    chat_events_core::unstable::write_canonical_json(&text, &mut written),
                    "{}",
                    fixture.id()
                );
                let printed = serde_json::from_str::<Value>(&text).unwrap().to_string();
                assert_eq!(written, printed, "{}", fixture.id());
                compared += 1;
            }
        }
    }
    assert!(compared > 1500, "{compared}");
}
