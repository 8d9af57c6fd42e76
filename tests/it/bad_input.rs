//! The bad-input table (issue 12): more than a hundred classes of broken or hostile input per
//! decoder, each giving either a typed error that names the provider (and, past the syntax,
//! a JSON path) and quotes no payload text, or a value that drift and re-serialization can
//! read — and never a panic.

use std::{collections::BTreeMap, panic::AssertUnwindSafe};

use chat_events_core::{DecodeError, DecodeErrorKind, Decoded, ProviderEvent};
use chat_events_tests::fixtures;
use serde_json::Value;

/// Text put into mutated values: it must never come back in an error message.
const MARKER: &str = "MARKER-7c1e9";

/// One broken input and the class it belongs to.
struct Case {
    class: String,
    bytes: Vec<u8>,
}

fn case(class: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Case {
    Case {
        class: class.into(),
        bytes: bytes.into(),
    }
}

/// Classes that do not depend on the payload's structure.
fn generic(base: &str) -> Vec<Case> {
    let mut cases = vec![
        case("empty", ""),
        case("whitespace only", " \n\t "),
        case("root null", "null"),
        case("root true", "true"),
        case("root number", "12"),
        case("root string", format!("\"{MARKER}\"")),
        case("root array", "[]"),
        case("root array of the payload", format!("[{base}]")),
        case("empty object", "{}"),
        case(
            "bom prefix",
            [&[0xEF, 0xBB, 0xBF][..], base.as_bytes()].concat(),
        ),
        case("trailing garbage", format!("{base}x")),
        case("two values", format!("{base}{base}")),
        case("truncated at 10%", &base.as_bytes()[..base.len() / 10]),
        case("truncated at 50%", &base.as_bytes()[..base.len() / 2]),
        case("truncated at 90%", &base.as_bytes()[..base.len() * 9 / 10]),
        case("missing last byte", &base.as_bytes()[..base.len() - 1]),
        case("invalid utf-8", {
            let mut bytes = base.as_bytes().to_vec();
            let middle = bytes.len() / 2;
            bytes.insert(middle, 0xFF);
            bytes
        }),
        case("nul byte", format!("{base}\0")),
        case("single quotes", base.replace('"', "'")),
        case("comment", format!("// {MARKER}\n{base}")),
        case("trailing comma", format!("{},}}", &base[..base.len() - 1])),
        case("unquoted key", format!("{{{MARKER}: 1}}")),
        case("nan", "{\"x\": NaN}"),
        case("infinity", "{\"x\": Infinity}"),
        case("leading zeros", "{\"x\": 007}"),
        case("hex number", "{\"x\": 0x10}"),
        case("plus sign", "{\"x\": +1}"),
        case(
            "deep nesting 10000 arrays",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
        case(
            "deep nesting 10000 objects",
            "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000),
        ),
        case("unterminated string", format!("{{\"x\": \"{MARKER}")),
        case(
            "raw control character",
            format!("{{\"x\": \"{MARKER}\u{1}\"}}"),
        ),
        case("invalid escape", format!("{{\"x\": \"\\q{MARKER}\"}}")),
        case("short unicode escape", "{\"x\": \"\\u12\"}"),
    ];
    // Added at the top level of the real payload: readable, or refused as not I-JSON.
    let with = |extra: &str| format!("{{{extra},{}", &base[1..]);
    for (class, extra) in [
        ("top-level 1e400", "\"zz\": 1e400".to_owned()),
        ("top-level -1e400", "\"zz\": -1e400".to_owned()),
        (
            "top-level 400-digit integer",
            format!("\"zz\": 1{}", "0".repeat(400)),
        ),
        (
            "top-level 30-digit integer",
            format!("\"zz\": 1{}", "0".repeat(30)),
        ),
        (
            "top-level lone high surrogate",
            "\"zz\": \"\\ud800\"".to_owned(),
        ),
        (
            "top-level lone low surrogate",
            "\"zz\": \"\\udc00\"".to_owned(),
        ),
        (
            "top-level reversed surrogates",
            "\"zz\": \"\\udc00\\ud800\"".to_owned(),
        ),
        (
            "top-level depth 99",
            format!("\"zz\": {}1{}", "[".repeat(98), "]".repeat(98)),
        ),
        (
            "top-level depth 101",
            format!("\"zz\": {}1{}", "[".repeat(101), "]".repeat(101)),
        ),
        (
            "top-level 10 MB string",
            format!("\"zz\": \"{}\"", "m".repeat(10 << 20)),
        ),
        ("top-level 100k-key object", {
            let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":{i}")).collect();
            format!("\"zz\": {{{}}}", keys.join(","))
        }),
        (
            "top-level 100k-element array",
            format!("\"zz\": [{}]", vec!["0"; 100_000].join(",")),
        ),
        ("top-level key is empty", "\"\": 1".to_owned()),
        ("top-level key with escapes", "\"\\u0000\\n\": 1".to_owned()),
        (
            "top-level key of a phone number",
            format!("\"5531911112222@s.whatsapp.net\": \"{MARKER}\""),
        ),
    ] {
        cases.push(case(class, with(&extra)));
    }
    // The payload's first key given twice (readers disagree on which value wins).
    if let Some(end) = base[1..].find(',') {
        let first = &base[1..=end];
        cases.push(case(
            "duplicate top-level key",
            format!("{{{first},{}", &base[1..]),
        ));
    }
    cases
}

/// Classes made by replacing one value of the payload, by what replaces it and where.
fn mutations(base: &Value) -> Vec<Case> {
    let replacements: [(&str, Value); 14] = [
        ("null", Value::Null),
        ("bool", Value::Bool(true)),
        ("zero", Value::from(0)),
        ("negative", Value::from(-1)),
        ("float", Value::from(1.5)),
        ("u64 max", Value::from(u64::MAX)),
        ("1e20", serde_json::json!(1e20)),
        ("empty string", Value::from("")),
        ("marker string", Value::from(MARKER)),
        ("numeric string", Value::from("1229")),
        (
            "long string",
            Value::from(format!("{MARKER}{}", "l".repeat(100_000))),
        ),
        ("empty object", serde_json::json!({})),
        ("empty array", serde_json::json!([])),
        (
            "nested object",
            serde_json::json!({ "x": { "y": [MARKER] } }),
        ),
    ];
    let mut paths = Vec::new();
    walk(base, &mut Vec::new(), &mut paths);
    let mut cases = Vec::new();
    for (path, container) in &paths {
        let depth = path.len().min(4);
        for (name, replacement) in &replacements {
            let mut value = base.clone();
            if let Some(slot) = pointer_mut(&mut value, path) {
                *slot = replacement.clone();
                cases.push(case(
                    format!("{name} at depth {depth} in an {container}"),
                    serde_json::to_vec(&value).unwrap(),
                ));
            }
        }
        // The key removed.
        if *container == "object" {
            let mut value = base.clone();
            if remove(&mut value, path) {
                cases.push(case(
                    format!("key removed at depth {depth}"),
                    serde_json::to_vec(&value).unwrap(),
                ));
            }
        }
    }
    cases
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every value's path (at most 300), with the kind of container it sits in.
fn walk(value: &Value, path: &mut Vec<Step>, found: &mut Vec<(Vec<Step>, &'static str)>) {
    if found.len() >= 300 {
        return;
    }
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                found.push((path.clone(), "object"));
                walk(child, path, found);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate().take(3) {
                path.push(Step::Index(index));
                found.push((path.clone(), "array"));
                walk(child, path, found);
                path.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |value, step| match step {
        Step::Key(key) => value.get_mut(key.as_str()),
        Step::Index(index) => value.get_mut(*index),
    })
}

fn remove(value: &mut Value, path: &[Step]) -> bool {
    let Some((Step::Key(last), parent)) = path.split_last() else {
        return false;
    };
    pointer_mut(value, parent)
        .and_then(Value::as_object_mut)
        .is_some_and(|map| map.remove(last).is_some())
}

/// What a decode gave, checked.
fn check_error(
    provider: &str,
    class: &str,
    bytes: &[u8],
    error: &DecodeError,
) -> Result<(), String> {
    if error.provider() != provider {
        return Err(format!(
            "{class}: error names provider {}",
            error.provider()
        ));
    }
    let shown = format!("{error} {error:?}");
    if shown.contains(MARKER) {
        return Err(format!("{class}: payload text in the error: {shown}"));
    }
    if shown.contains("5531911112222") {
        return Err(format!("{class}: a payload key in the error: {shown}"));
    }
    if error.kind() != DecodeErrorKind::Syntax && error.path().is_none() {
        return Err(format!("{class}: a data error without a path: {shown}"));
    }
    if error.raw() != Some(bytes) {
        return Err(format!("{class}: the error does not keep the bytes"));
    }
    Ok(())
}

fn check_decoded<E: ProviderEvent + std::fmt::Debug>(
    class: &str,
    decoded: &Decoded<E>,
) -> Result<(), String> {
    decoded
        .drift()
        .map_err(|error| format!("{class}: decoded, but drift fails: {error}"))?;
    let written = serde_json::to_string(decoded.event())
        .map_err(|error| format!("{class}: decoded, but does not serialize: {error}"))?;
    serde_json::from_str::<Value>(&written)
        .map_err(|error| format!("{class}: re-serialized JSON does not parse: {error}"))?;
    serde_json::from_str::<Value>(&serde_json::to_string(decoded).unwrap())
        .map_err(|error| format!("{class}: the kept raw JSON does not parse: {error}"))?;
    let _ = format!("{decoded:?}");
    Ok(())
}

/// Runs every case through `decode`; returns the classes seen and every failure.
fn run_table<E: ProviderEvent + std::fmt::Debug>(
    provider: &str,
    bases: &[String],
    decode: impl Fn(&[u8]) -> Result<Decoded<E>, DecodeError>,
) -> (BTreeMap<String, [usize; 2]>, Vec<String>) {
    let mut classes: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    let mut failures = Vec::new();
    for base in bases {
        let value: Value = serde_json::from_str(base).unwrap();
        let mut cases = generic(base);
        cases.extend(mutations(&value));
        for Case { class, bytes } in cases {
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| decode(&bytes)));
            let counts = classes.entry(class.clone()).or_default();
            let checked = match outcome {
                Err(_) => Err(format!("{class}: PANIC")),
                Ok(Ok(decoded)) => {
                    counts[0] += 1;
                    check_decoded(&class, &decoded)
                }
                Ok(Err(error)) => {
                    counts[1] += 1;
                    check_error(provider, &class, &bytes, &error)
                }
            };
            if let Err(failure) = checked {
                failures.push(failure);
            }
        }
    }
    (classes, failures)
}

fn bases(provider: &str, names: &[&str]) -> Vec<String> {
    let all = fixtures(provider);
    names
        .iter()
        .map(|name| {
            let fixture = all
                .iter()
                .find(|fixture| fixture.id().ends_with(name))
                .unwrap_or_else(|| panic!("no fixture {provider}/{name}"));
            // Compact, so that the generic cases can splice text at the top level.
            serde_json::from_str::<Value>(&fixture.json)
                .unwrap()
                .to_string()
        })
        .collect()
}

fn assert_table(provider: &str, classes: &BTreeMap<String, [usize; 2]>, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{provider}: {} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        classes.len() >= 100,
        "{provider}: only {} classes of bad input",
        classes.len()
    );
    let (decoded, refused): (usize, usize) = classes
        .values()
        .fold((0, 0), |(a, b), [ok, err]| (a + ok, b + err));
    eprintln!(
        "{provider}: {} classes, {} inputs ({decoded} decoded and readable, {refused} refused with a typed error)",
        classes.len(),
        decoded + refused
    );
}

#[test]
fn chatapp_bad_input_table() {
    let bases = bases(
        "chatapp",
        &[
            "002_f0790862ffa43691/message",
            "000_3eeb06198ae497e6/chatCustomField",
            "reference/message.wrapped",
        ],
    );
    let (classes, failures) = run_table("chatapp", &bases, chatapp_events::Event::decode);
    assert_table("chatapp", &classes, &failures);
    let (classes, failures) = run_table("chatapp", &bases, |bytes| {
        chatapp_events::Event::decode_named("message", bytes)
    });
    assert_table("chatapp (named)", &classes, &failures);
}

#[test]
fn codechat_bad_input_table() {
    let bases = bases(
        "codechat",
        &[
            "reference/messages.upsert.evolution",
            "reference/connection.update.open-source",
            "reference/contacts.upsert.cloud-docs",
        ],
    );
    let (classes, failures) = run_table("codechat", &bases, codechat_events::Event::decode);
    assert_table("codechat", &classes, &failures);
}

#[test]
fn onechat_bad_input_table() {
    let bases = bases(
        "onechat",
        &[
            "003_47029119058a39a1/message.created",
            "003_47029119058a39a1/conversation.created",
            "reference/notification.created",
        ],
    );
    let (classes, failures) = run_table("onechat", &bases, onechat_events::Event::decode);
    assert_table("onechat", &classes, &failures);
}
