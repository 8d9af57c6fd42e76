//! Helpers for building the JSON Schemas providers export.

use schemars::{Schema, SchemaGenerator, generate::SchemaSettings};

/// The settings every exported schema uses: JSON Schema draft 2020-12, describing what the
/// decoders accept (the deserialize contract).
pub fn settings() -> SchemaSettings {
    SchemaSettings::draft2020_12().for_deserialize()
}

/// Builds a root schema titled `title` from a schema that `build` makes with a fresh
/// generator: adds `$schema`, `title` and the `$defs` the build registered.
///
/// For schemas that are not the schema of one Rust type (one event's envelope pinned to its
/// name, the union of a provider's events).
pub fn root_schema(title: &str, build: impl FnOnce(&mut SchemaGenerator) -> Schema) -> Schema {
    let mut generator = settings().into_generator();
    let mut schema = build(&mut generator);
    let definitions = generator.take_definitions(true);
    let meta_schema = generator.settings().meta_schema.clone();
    let object = schema.ensure_object();
    if let Some(meta_schema) = meta_schema {
        object.insert("$schema".into(), meta_schema.into());
    }
    object.entry("title").or_insert_with(|| title.into());
    if !definitions.is_empty() {
        object.insert("$defs".into(), definitions.into());
    }
    finish(&mut schema);
    schema
}

/// Makes a generated schema exactly as strict as the decoder, in keywords every validator
/// knows (applied by [`root_schema`]; call it once on schemas generated another way — a
/// second pass would wrap the `[]` alternative again):
///
/// - integer `format`s (`int32`, `uint64`, …, which strict validators such as ajv refuse as
///   unknown) become the `minimum`/`maximum` of the Rust type, which the decoder enforces;
/// - a struct whose fields are all optional also admits an empty array (`"type": ["object",
///   "array"], "maxItems": 0`): PHP backends send `[]` for an empty object, and serde's
///   derived decoder reads `[]` as a struct with every field absent. Only schemas without
///   `additionalProperties` count as derived structs; a hand-written decoder that refuses
///   arrays says `"additionalProperties": true` in its schema;
/// - keywords that apply to one JSON type get that `type` when the schema has none
///   (`properties` → object, `items` → array, `pattern` → string), as ajv's strict mode asks;
/// - a union of types (`"type": ["string", "null"]`) becomes `anyOf` one schema per type,
///   each with its own keywords, so that ajv's strict mode needs no `allowUnionTypes`.
pub fn finish(schema: &mut Schema) {
    schemars::transform::transform_subschemas(&mut finish, schema);
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::String(format)) = object.get("format") {
        let bounds = integer_bounds(format);
        let float = matches!(format.as_str(), "double" | "float");
        if bounds.is_some() || float {
            object.remove("format");
        }
        if let Some((minimum, maximum)) = bounds {
            // A `minimum` already there (0 for unsigned types) is at least the type's.
            if !object.contains_key("minimum") {
                object.insert("minimum".into(), minimum);
            }
            if !object.contains_key("maximum") {
                object.insert("maximum".into(), maximum);
            }
        }
    }
    if !object.contains_key("type") && !object.contains_key("$ref") && !object.contains_key("const")
    {
        let implied = if ["properties", "required", "additionalProperties"]
            .iter()
            .any(|key| object.contains_key(*key))
        {
            Some("object")
        } else if ["items", "maxItems", "minItems"]
            .iter()
            .any(|key| object.contains_key(*key))
        {
            Some("array")
        } else if ["pattern", "minLength", "maxLength"]
            .iter()
            .any(|key| object.contains_key(*key))
        {
            Some("string")
        } else {
            None
        };
        if let Some(implied) = implied {
            object.insert("type".into(), implied.into());
        }
    }
    let all_optional = object.get("type").and_then(serde_json::Value::as_str) == Some("object")
        && object
            .get("properties")
            .and_then(serde_json::Value::as_object)
            .is_some_and(|properties| !properties.is_empty())
        && !object.contains_key("additionalProperties")
        && object
            .get("required")
            .and_then(serde_json::Value::as_array)
            .is_none_or(Vec::is_empty);
    if all_optional {
        object.insert("type".into(), serde_json::json!(["object", "array"]));
        object.insert("maxItems".into(), 0.into());
    }
    split_union_type(object);
}

/// The keywords that apply to one JSON type.
fn keywords_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "object" => &[
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
        ],
        "array" => &[
            "items",
            "prefixItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "contains",
        ],
        "string" => &["pattern", "minLength", "maxLength"],
        "integer" | "number" => &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
        _ => &[],
    }
}

/// `"type": ["string", "null"]` (and the keywords of each type) as `anyOf` one schema per
/// type: strict validators (ajv's `strictTypes`) refuse union types unless told to allow
/// them. Descriptions stay on the node.
fn split_union_type(object: &mut serde_json::Map<String, serde_json::Value>) {
    let Some(serde_json::Value::Array(kinds)) = object.get("type") else {
        return;
    };
    let kinds: Vec<String> = kinds
        .iter()
        .filter_map(serde_json::Value::as_str)
        .map(str::to_owned)
        .collect();
    if kinds.len() < 2 {
        return;
    }
    object.remove("type");
    let branches: Vec<serde_json::Value> = kinds
        .iter()
        .map(|kind| {
            let mut branch = serde_json::Map::new();
            branch.insert("type".into(), kind.as_str().into());
            for key in keywords_of(kind) {
                if let Some(value) = object.get(*key) {
                    branch.insert((*key).to_owned(), value.clone());
                }
            }
            serde_json::Value::Object(branch)
        })
        .collect();
    for kind in &kinds {
        for key in keywords_of(kind) {
            object.remove(*key);
        }
    }
    match object.remove("anyOf") {
        None => {
            object.insert("anyOf".into(), branches.into());
        }
        Some(existing) => {
            let mut all = match object.remove("allOf") {
                Some(serde_json::Value::Array(all)) => all,
                _ => Vec::new(),
            };
            all.push(serde_json::json!({ "anyOf": existing }));
            all.push(serde_json::json!({ "anyOf": branches }));
            object.insert("allOf".into(), all.into());
        }
    }
}

/// The range of an integer `format` schemars writes for a Rust integer type.
fn integer_bounds(format: &str) -> Option<(serde_json::Value, serde_json::Value)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "int64" | "int" => (i64::MIN.into(), i64::MAX.into()),
        "uint8" => (0.into(), u8::MAX.into()),
        "uint16" => (0.into(), u16::MAX.into()),
        "uint32" => (0.into(), u32::MAX.into()),
        "uint64" | "uint" => (0.into(), u64::MAX.into()),
        _ => return None,
    })
}

/// A regular expression for the decimal strings Rust's `FromStr` reads as an integer in
/// the range the limits give: an optional `+`, or a `-` when `negative_limit` (the largest
/// magnitude below zero) is given, any number of leading zeros, then digits up to the limit.
/// The range is exact, so a schema refuses the numeric strings the decoder refuses.
pub fn integer_string_pattern(negative_limit: Option<&str>, positive_limit: &str) -> String {
    let positive = format!("\\+?0*{}", at_most(positive_limit));
    match negative_limit {
        Some(limit) => format!("^(?:{positive}|-0*{})$", at_most(limit)),
        None => format!("^{positive}$"),
    }
}

/// A regex for numerals without leading zeros (`0`, `[1-9][0-9]*`) whose value is at most
/// `limit` (a numeral without leading zeros).
fn at_most(limit: &str) -> String {
    let digits: Vec<u8> = limit.bytes().map(|b| b - b'0').collect();
    let len = digits.len();
    let mut alternatives = vec!["0".to_owned()];
    if len > 1 {
        alternatives.push(format!("[1-9][0-9]{{0,{}}}", len - 2));
    }
    for (i, &digit) in digits.iter().enumerate() {
        let low = u8::from(i == 0);
        if digit > low {
            let prefix: String = limit[..i].to_owned();
            let class = if digit - 1 == low {
                format!("{low}")
            } else {
                format!("[{low}-{}]", digit - 1)
            };
            let rest = len - i - 1;
            let tail = match rest {
                0 => String::new(),
                1 => "[0-9]".to_owned(),
                _ => format!("[0-9]{{{rest}}}"),
            };
            alternatives.push(format!("{prefix}{class}{tail}"));
        }
    }
    alternatives.push(limit.to_owned());
    format!("(?:{})", alternatives.join("|"))
}

/// Like [`root_schema`], for a build that may find nothing to describe (an unknown event
/// kind): `None` then.
pub fn optional_root_schema(
    title: &str,
    build: impl FnOnce(&mut SchemaGenerator) -> Option<Schema>,
) -> Option<Schema> {
    let mut found = true;
    let schema = root_schema(title, |generator| {
        build(generator).unwrap_or_else(|| {
            found = false;
            Schema::default()
        })
    });
    found.then_some(schema)
}
