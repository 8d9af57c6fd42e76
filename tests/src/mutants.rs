//! Mutants of the fixtures: the same payloads with one thing wrong (or one lenient form the
//! decoder accepts), to check that the JSON Schemas, the TypeScript helper and the Python
//! package accept exactly what the Rust decoder accepts.
//!
//! Every fixture yields up to [`PER_FIXTURE`] mutants, one mutation at one place each: the
//! places are spread over the whole document by a fixed pseudo-random sequence seeded with the
//! fixture's index, so the set is the same on every run. The kinds cover what the decoder must
//! refuse (wrong JSON types, a required key removed, integers out of range, floats for
//! integers, `[]` for a list item) and what it must accept (extra keys, `[]` for an empty
//! object, numbers as strings, unknown values of open enums, `null` for optional fields).
//! Which kind a mutant is does not decide the verdict: the decoder does.

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// At most this many mutants per fixture.
pub const PER_FIXTURE: usize = 14;

/// One mutant.
#[derive(Clone, Debug)]
pub struct Mutant {
    /// The JSON text.
    pub json: String,
    /// What was changed, and where: `"removed data[0].id"`.
    pub what: String,
}

/// A tiny deterministic generator (xorshift64*): the mutant set must not change between runs
/// or machines.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }
}

/// A path step.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn render_path(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
        }
    }
    if text.is_empty() {
        text.push('$');
    }
    text
}

fn collect(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                path.push(Step::Key(key.clone()));
                collect(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                path.push(Step::Index(index));
                collect(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut node = value;
    for step in path {
        node = match (step, node) {
            (Step::Key(key), Value::Object(map)) => map.get_mut(key)?,
            (Step::Index(index), Value::Array(items)) => items.get_mut(*index)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Text that stands for a number `serde_json::Value` cannot hold; replaced after rendering.
const HUGE: &str = "\u{1}huge\u{1}";

/// The mutations that fit a node, as (description, replacement). `None` removes the node.
fn mutations(node: &Value, in_object: bool) -> Vec<(&'static str, Option<Value>)> {
    let mut list: Vec<(&'static str, Option<Value>)> = Vec::new();
    if in_object {
        list.push(("removed", None));
    }
    list.push(("null at", Some(Value::Null)));
    match node {
        Value::Object(map) => {
            list.push(("[] for {} at", Some(Value::Array(Vec::new()))));
            list.push(("string for object at", Some(Value::from("x"))));
            let mut extra = map.clone();
            extra.insert("zzExtra".into(), Value::from(1));
            list.push(("extra key in", Some(Value::Object(extra))));
            if !map.is_empty() {
                list.push(("{} for object at", Some(Value::Object(Map::new()))));
            }
        }
        Value::Array(items) => {
            list.push(("{} for array at", Some(Value::Object(Map::new()))));
            list.push(("[] for array at", Some(Value::Array(Vec::new()))));
            let mut more = items.clone();
            more.push(Value::from("x"));
            list.push(("string item appended to", Some(Value::Array(more))));
            let mut more = items.clone();
            more.push(Value::Array(Vec::new()));
            list.push(("[] item appended to", Some(Value::Array(more))));
        }
        Value::String(text) => {
            list.push(("number for string at", Some(Value::from(7))));
            list.push(("boolean for string at", Some(Value::from(true))));
            list.push(("unknown value at", Some(Value::from("zzUnknownValue"))));
            list.push(("empty string at", Some(Value::from(""))));
            list.push((
                "20-digit numeric string at",
                Some(Value::from("12345678901234567890")),
            ));
            list.push(("negative numeric string at", Some(Value::from("-42"))));
            if text.bytes().all(|b| b.is_ascii_digit())
                && let Ok(number) = text.parse::<u64>()
            {
                list.push(("number for numeric string at", Some(Value::from(number))));
            }
            list.push(("object for string at", Some(Value::Object(Map::new()))));
        }
        Value::Number(number) => {
            list.push((
                "string for number at",
                Some(Value::from(number.to_string())),
            ));
            list.push(("non-numeric string for number at", Some(Value::from("x7"))));
            list.push(("boolean for number at", Some(Value::from(false))));
            if let Some(integer) = number.as_i64() {
                #[allow(clippy::cast_precision_loss)] // small fixture numbers
                let float = integer as f64;
                list.push(("integral float for integer at", Some(Value::from(float))));
                list.push(("fraction for integer at", Some(Value::from(float + 0.5))));
                list.push(("negative for integer at", Some(Value::from(-integer - 1))));
                list.push(("2^64 for integer at", Some(Value::from(HUGE))));
                list.push(("2^63 for integer at", Some(Value::from(1_u64 << 63))));
                list.push(("256 for integer at", Some(Value::from(256))));
                list.push(("70000 for integer at", Some(Value::from(70_000))));
                list.push(("2^32 for integer at", Some(Value::from(1_u64 << 32))));
            } else {
                list.push(("integer for float at", Some(Value::from(3))));
            }
        }
        Value::Bool(_) => {
            list.push(("string for boolean at", Some(Value::from("true"))));
            list.push(("number for boolean at", Some(Value::from(1))));
        }
        Value::Null => {
            list.push(("number for null at", Some(Value::from(1))));
            list.push(("string for null at", Some(Value::from("x"))));
            list.push(("object for null at", Some(Value::Object(Map::new()))));
            list.push(("array for null at", Some(Value::Array(Vec::new()))));
        }
    }
    list
}

/// The mutants of one fixture (`index` seeds the choice; use the fixture's position).
///
/// # Panics
///
/// When `json` is not JSON.
pub fn of(json: &str, index: usize) -> Vec<Mutant> {
    let document: Value = serde_json::from_str(json).expect("fixtures are JSON");
    let mut paths = Vec::new();
    collect(&document, &mut Vec::new(), &mut paths);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (index as u64 + 1).wrapping_mul(0x1234_5678_9ABC));
    let original = serde_json::to_string(&document).expect("a Value serializes");
    let mut mutants: Vec<Mutant> = Vec::new();
    let mut attempts = 0;
    while mutants.len() < PER_FIXTURE && attempts < PER_FIXTURE * 8 {
        attempts += 1;
        let path = &paths[rng.below(paths.len())];
        let in_object = matches!(path.last(), Some(Step::Key(_)));
        let mut copy = document.clone();
        let Some(node) = at(&mut copy, path) else {
            continue;
        };
        let options = mutations(node, in_object);
        let (what, replacement) = options[rng.below(options.len())].clone();
        if let Some(value) = replacement {
            *node = value;
        } else {
            let (Some((_, parent)), Some(Step::Key(key))) = (path.split_last(), path.last()) else {
                continue;
            };
            if let Some(Value::Object(map)) = at(&mut copy, parent) {
                map.remove(key);
            }
        }
        let text = serde_json::to_string(&copy)
            .expect("a Value serializes")
            .replace(
                &format!("\"{}\"", HUGE.replace('\u{1}', "\\u0001")),
                "18446744073709551616",
            );
        if text == original || mutants.iter().any(|m| m.json == text) {
            continue;
        }
        mutants.push(Mutant {
            json: text,
            what: format!("{what} {}", render_path(path)),
        });
    }
    mutants
}

/// The fixture with an extra key holding arrays nested so that the document is exactly
/// [`MAX_DEPTH`](chat_events_core::unstable::MAX_DEPTH) levels deep, and one level deeper: the decoder
/// accepts the first and refuses the second, and so must the other languages' decoders.
///
/// # Panics
///
/// When `json` is not a JSON object.
pub fn deep(json: &str) -> Vec<Mutant> {
    let document: Value = serde_json::from_str(json).expect("fixtures are JSON");
    assert!(document.is_object(), "fixtures are objects");
    let original = serde_json::to_string(&document).expect("a Value serializes");
    let body = original.strip_prefix('{').unwrap_or(&original);
    [
        chat_events_core::unstable::MAX_DEPTH,
        chat_events_core::unstable::MAX_DEPTH + 1,
    ]
    .into_iter()
    .map(|depth| {
        // The top object is one level; the arrays are the rest.
        let arrays = depth - 1;
        let separator = if body == "}" { "" } else { "," };
        Mutant {
            json: format!(
                "{{\"zzDeep\":{}{}{separator}{body}",
                "[".repeat(arrays),
                "]".repeat(arrays)
            ),
            what: format!("nested {depth} levels deep"),
        }
    })
    .collect()
}
