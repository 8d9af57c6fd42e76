//! `cargo xtask packages [--check]`: the TypeScript package (`packages/typescript/`) and the
//! Python package (`packages/python/`), generated from the JSON Schemas.
//!
//! Both generators are written here rather than taken from json-schema-to-typescript,
//! quicktype or datamodel-code-generator: those give every object an index signature, turn
//! our open enums into `string`, name types after titles (`Payload27`), cannot narrow on a
//! name nested in `meta.type`, and need their own runtime installed to regenerate. Our schemas
//! use a small, known set of keywords (`$ref`, `type`, `properties`, `required`, `items`,
//! `anyOf`/`oneOf`/`allOf`, `const`/`enum`, `additionalProperties`, `not`), so a direct
//! translation is short and gives the types one would write by hand. Validation itself is
//! left to the schemas (ajv in TypeScript, `jsonschema` in Python), so both packages accept
//! exactly what the schemas accept, which the mutant tests hold to the Rust decoder.
//!
//! The input is the schemas as generated in memory (the same text `cargo xtask schema`
//! writes), so the packages never lag the Rust types. `--check` fails on any difference and
//! names the command to run; the `packages_are_fresh` test runs it.

mod installed;
mod python;
mod typescript;

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use chat_events_core::ProviderEvent;
use serde_json::Value;

/// What the generators need to know about one provider.
pub(crate) struct Provider {
    /// The schema folder name: `chatapp`, `onechat-webhook`.
    pub(crate) dir: &'static str,
    /// A title for docs: `ChatApp`.
    pub(crate) title: &'static str,
    /// The open union, `event.schema.json`, with every definition.
    pub(crate) schema: Value,
    /// Where the event name sits in a body: `["meta", "type"]`.
    pub(crate) name_path: Vec<String>,
    /// The key a wrapped body sits under, if the provider wraps bodies.
    pub(crate) wrapper: Option<&'static str>,
    /// Other names of known events, `(alias, wire name)`.
    pub(crate) aliases: Vec<(&'static str, &'static str)>,
    /// Known events in the order of the union's `oneOf`: (wire name, definition name).
    pub(crate) events: Vec<(String, String)>,
}

impl Provider {
    fn of<E: ProviderEvent>(title: &'static str, schemas: &BTreeMap<PathBuf, String>) -> Self {
        let spine = E::spine();
        let dir = E::PROVIDER;
        let text = &schemas[&PathBuf::from(format!("{dir}/event.schema.json"))];
        let schema: Value = serde_json::from_str(text).expect("generated schemas are JSON");
        // In the order of `E::KNOWN`, which is the order of the union's `oneOf`.
        let titled: BTreeMap<&str, &str> = schema["$defs"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(name, _)| name.ends_with("Event") && *name != "UnknownEvent")
            .filter_map(|(name, def)| Some((def.get("title")?.as_str()?, name.as_str())))
            .collect();
        let events = E::known_names()
            .iter()
            .map(|wire| {
                let def = titled
                    .get(wire)
                    .unwrap_or_else(|| panic!("no schema definition for `{wire}`"));
                ((*wire).to_owned(), (*def).to_owned())
            })
            .collect();
        Self {
            dir,
            title,
            schema,
            name_path: spine.name_path().split('.').map(str::to_owned).collect(),
            wrapper: spine.wrapper_key(),
            aliases: spine.all_aliases().to_vec(),
            events,
        }
    }

    /// The definitions.
    pub(crate) fn defs(&self) -> &serde_json::Map<String, Value> {
        self.schema["$defs"]
            .as_object()
            .expect("the union schema has $defs")
    }

    /// The schema text the packages embed (compact).
    pub(crate) fn schema_text(&self) -> String {
        serde_json::to_string(&self.schema).expect("a Value serializes")
    }
}

/// The normalized model's schema (`schemas/normalized.schema.json`), as a provider without
/// events: its `$defs` are what the generators translate; its root is the record.
pub(crate) fn normalized(schemas: &BTreeMap<PathBuf, String>) -> Provider {
    let text = &schemas[&PathBuf::from("normalized.schema.json")];
    Provider {
        dir: "normalized",
        title: "Normalized events",
        schema: serde_json::from_str(text).expect("generated schemas are JSON"),
        name_path: Vec::new(),
        wrapper: None,
        aliases: Vec::new(),
        events: Vec::new(),
    }
}

/// The four providers, from freshly generated schemas.
pub(crate) fn providers(schemas: &BTreeMap<PathBuf, String>) -> Vec<Provider> {
    vec![
        Provider::of::<chatapp_events::Event>("ChatApp", schemas),
        Provider::of::<codechat_events::Event>("CodeChat", schemas),
        Provider::of::<onechat_events::Event>("OneChat (Action Cable)", schemas),
        Provider::of::<onechat_events::webhook::WebhookEvent>("OneChat (webhooks)", schemas),
    ]
}

/// The definition a `$ref` points at: `#/$defs/Chat` → `Chat`.
pub(crate) fn ref_name(node: &Value) -> Option<&str> {
    node.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}

/// `Payload_Array_of_ChatItem` → `PayloadArrayOfChatItem`.
pub(crate) fn pascal(name: &str) -> String {
    name.split(['_', '-', '.', ' ', '@'])
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

/// The JSON types a node allows through `type`.
pub(crate) fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Whether a node is `{"type": "array", "maxItems": 0}`: the `[]` an all-optional struct
/// also admits.
pub(crate) fn is_empty_array(node: &Value) -> bool {
    types(node) == ["array"]
        && node.get("maxItems") == Some(&0.into())
        && node.get("items").is_none()
}

/// Whether a node is an object that also admits `[]` (an all-optional struct):
/// `anyOf` an object and the empty array.
pub(crate) fn admits_empty_array(node: &Value) -> bool {
    node.get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|branches| {
            branches.len() == 2
                && branches.iter().any(is_empty_array)
                && branches.iter().any(|branch| types(branch) == ["object"])
        })
}

/// The object schema of a node that is an object with properties (or such an object or
/// `[]`), to render as a class or interface; `None` for anything else.
pub(crate) fn object_part(node: &Value) -> Option<&Value> {
    let with_properties = |node: &Value| {
        types(node) == ["object"]
            && node
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|properties| !properties.is_empty())
            && !["anyOf", "oneOf", "allOf", "$ref"]
                .iter()
                .any(|key| node.get(*key).is_some())
    };
    if with_properties(node) {
        return Some(node);
    }
    if admits_empty_array(node)
        && !["oneOf", "allOf", "$ref"]
            .iter()
            .any(|key| node.get(*key).is_some())
    {
        return node["anyOf"]
            .as_array()?
            .iter()
            .find(|branch| with_properties(branch));
    }
    None
}

/// The branches of an `anyOf`/`oneOf` that carry a type: the empty array beside an object is
/// left out (both packages read `[]` as the object with nothing set).
pub(crate) fn typed_branches(branches: &[Value]) -> Vec<&Value> {
    let object = branches.iter().any(|branch| types(branch) == ["object"]);
    branches
        .iter()
        .filter(|branch| !(object && is_empty_array(branch)))
        .collect()
}

/// The packages' part of the test command: the generated files are current, the Rust
/// decoder's verdicts on every fixture and mutant are written (`target/mutants`), then the
/// TypeScript package's tests (build, `tsc --strict` of the usage files, Node tests) and the
/// Python package's (`pytest`) run against them. Node packages (npm, from the lock file) and
/// a Python virtual environment (`target/python-venv`, from `requirements-test.txt`) are
/// installed when missing.
pub(crate) fn test(root: &Path) -> Result<(), String> {
    use std::process::Command;

    use crate::process::cargo;

    run(root, true)?;
    let mutants = root.join("target/mutants");
    run_command(
        cargo()
            .current_dir(root)
            .args([
                "run",
                "--locked",
                "-q",
                "-p",
                "chat-events-tests",
                "--bin",
                "mutants",
                "--",
            ])
            .arg(&mutants),
    )?;
    let typescript = root.join("packages/typescript");
    crate::install::install_node()?;
    let stamp = typescript.join("node_modules/.package-lock.json");
    let lock = typescript.join("package-lock.json");
    let modified = |path: &Path| fs::metadata(path).and_then(|m| m.modified()).ok();
    if modified(&stamp).is_none() || modified(&stamp) < modified(&lock) {
        run_command(Command::new("npm").current_dir(&typescript).args([
            "ci",
            "--no-audit",
            "--no-fund",
        ]))
        .map_err(|e| {
            format!(
                "{e}
the TypeScript package's tests need npm to reach the npm registry"
            )
        })?;
    }
    run_command(
        Command::new("npm")
            .current_dir(&typescript)
            .args(["test"])
            .env("CHAT_EVENTS_MUTANTS", &mutants),
    )?;
    let python = root.join("packages/python");
    let venv = root.join("target/python-venv");
    let interpreter = venv.join("bin/python");
    let requirements = python.join("requirements-test.txt");
    let wanted = fs::read_to_string(&requirements)
        .map_err(|e| format!("cannot read {}: {e}", requirements.display()))?;
    let stamp = venv.join("requirements-test.txt");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        if !interpreter.exists() {
            crate::install::install_python_venv(&venv)?;
        }
        run_command(
            crate::install::pip_install(&interpreter)
                .arg("-r")
                .arg(&requirements),
        )
        .map_err(|e| {
            format!(
                "{e}
the Python package's tests need pip to reach PyPI"
            )
        })?;
        fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }
    run_command(
        Command::new(&interpreter)
            .current_dir(&python)
            .args(["-m", "pytest", "-q", "-s"])
            .env("CHAT_EVENTS_MUTANTS", &mutants),
    )?;
    installed::test(root)
}

fn run_command(command: &mut std::process::Command) -> Result<(), String> {
    crate::process::run(command)
}

/// Every generated file, by path relative to the workspace root.
fn generate(root: &Path) -> BTreeMap<PathBuf, String> {
    let schemas = chat_events_cli::schema::generate(Some(&root.join("tests/fixtures")));
    let providers = providers(&schemas);
    let normalized = normalized(&schemas);
    let mut files = BTreeMap::new();
    typescript::generate(&providers, &normalized, &mut files);
    python::generate(&providers, &normalized, &mut files);
    files
}

/// The generated folders (every file in them is generated).
const GENERATED_DIRS: [&str; 4] = [
    "packages/typescript/src/generated",
    "packages/typescript/test/usage",
    "packages/python/chat_events_types/generated",
    "packages/python/chat_events_types/schemas",
];

/// Writes the packages' generated files (`check == false`) or checks they are current.
pub(crate) fn run(root: &Path, check: bool) -> Result<(), String> {
    let dirs: Vec<PathBuf> = GENERATED_DIRS.iter().map(PathBuf::from).collect();
    crate::generated::sync(
        root,
        &generate(root),
        &dirs,
        check,
        "the generated packages",
        "cargo xtask packages",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn packages_are_fresh() {
        if let Err(message) = super::run(&crate::root(), true) {
            panic!("{message}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            super::pascal("Payload_Array_of_ChatItem"),
            "PayloadArrayOfChatItem"
        );
        assert_eq!(super::pascal("Num_i64"), "NumI64");
    }
}
