//! The TypeScript generator: one module per provider under
//! `packages/typescript/src/generated/` (a type per definition, the known-event union that
//! narrows on `name`, a guard per event, `decode`), the schema it validates with, and a usage
//! file per provider under `packages/typescript/test/usage/` that `tsc --strict` compiles;
//! the same for the normalized model (`normalized.ts`: its types, `Normalized`, `parse`);
//! and the package's copies of the repository's licenses (`LICENSE-MIT`, `LICENSE-APACHE`).

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    path::PathBuf,
};

use serde_json::Value;

use super::{
    nodes::{admits_empty_array, object_part, pascal, ref_name, typed_branches, types},
    provider::Provider,
};

/// Names the generated modules define themselves; a definition with one of them is renamed.
const RESERVED: [&str; 9] = [
    "Event",
    "Known",
    "Unknown",
    "EventBodies",
    "KnownEventName",
    "JsonObject",
    "JsonValue",
    "DecodeResult",
    "DecodeError",
];

/// The licenses the package ships: copies of the repository's own (`npm pack` does not follow
/// a symbolic link reliably), written like every generated file, so `cargo xtask packages
/// --check` fails when a copy differs from the root's.
const LICENSES: [(&str, &str); 2] = [
    ("LICENSE-MIT", include_str!("../../../LICENSE-MIT")),
    ("LICENSE-APACHE", include_str!("../../../LICENSE-APACHE")),
];

pub(super) fn generate(
    providers: &[Provider],
    normalized: &Provider,
    files: &mut BTreeMap<PathBuf, String>,
) {
    for (name, text) in LICENSES {
        files.insert(
            PathBuf::from(format!("packages/typescript/{name}")),
            text.to_owned(),
        );
    }
    let module = Module::new(normalized);
    files.insert(
        PathBuf::from("packages/typescript/src/generated/normalized.ts"),
        module.render_normalized(),
    );
    files.insert(
        PathBuf::from("packages/typescript/src/generated/normalized.schema.json"),
        normalized.schema_text() + "\n",
    );
    files.insert(
        PathBuf::from("packages/typescript/test/usage/normalized.ts"),
        module.normalized_usage(),
    );
    for provider in providers {
        let module = Module::new(provider);
        files.insert(
            PathBuf::from(format!(
                "packages/typescript/src/generated/{}.ts",
                provider.dir
            )),
            module.render(),
        );
        files.insert(
            PathBuf::from(format!(
                "packages/typescript/src/generated/{}.schema.json",
                provider.dir
            )),
            provider.schema_text() + "\n",
        );
        files.insert(
            PathBuf::from(format!(
                "packages/typescript/test/usage/{}.ts",
                provider.dir
            )),
            module.usage(),
        );
    }
}

struct Module<'a> {
    provider: &'a Provider,
    /// Definition name → TypeScript name.
    names: BTreeMap<String, String>,
}

fn doc(out: &mut String, indent: &str, text: Option<&str>) {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return;
    };
    let text = text.replace("*/", "*\\/");
    if text.contains('\n') {
        let _ = writeln!(out, "{indent}/**");
        for line in text.lines() {
            let _ = writeln!(out, "{}", format!("{indent} * {line}").trim_end());
        }
        let _ = writeln!(out, "{indent} */");
    } else {
        let _ = writeln!(out, "{indent}/** {text} */");
    }
}

fn key(name: &str) -> String {
    let ident = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ident {
        name.to_owned()
    } else {
        serde_json::to_string(name).unwrap_or_default()
    }
}

fn paren(ty: &str) -> String {
    if split_top(ty, b'|').len() > 1 || split_top(ty, b'&').len() > 1 {
        format!("({ty})")
    } else {
        ty.to_owned()
    }
}

impl<'a> Module<'a> {
    fn new(provider: &'a Provider) -> Self {
        let mut names = BTreeMap::new();
        let mut taken = BTreeSet::new();
        for name in provider.defs().keys() {
            let mut ts = pascal(name);
            if RESERVED.contains(&ts.as_str()) {
                ts.push_str("Object");
            }
            while !taken.insert(ts.clone()) {
                ts.push('_');
            }
            names.insert(name.clone(), ts);
        }
        Self { provider, names }
    }

    fn resolve(&self, node: &'a Value) -> &'a Value {
        ref_name(node)
            .and_then(|name| self.provider.defs().get(name))
            .unwrap_or(node)
    }

    /// The type of a schema node.
    fn ty(&self, node: &Value, indent: &str) -> String {
        match node {
            Value::Bool(true) => return "JsonValue".into(),
            Value::Bool(false) => return "never".into(),
            _ => {}
        }
        if let Some(name) = ref_name(node) {
            let named = self
                .names
                .get(name)
                .cloned()
                .unwrap_or_else(|| "unknown".into());
            // An internally tagged enum's branch: the tag's properties beside the variant's
            // type (`{ type: "message" } & Message`).
            if node.get("properties").is_some() {
                return format!("{} & {named}", self.object(node, indent));
            }
            return named;
        }
        if let Some(value) = node.get("const") {
            return value.to_string();
        }
        if let Some(Value::Array(values)) = node.get("enum") {
            return values
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" | ");
        }
        let mut parts = Vec::new();
        let types = types(node);
        if !types.is_empty() {
            let mut alternatives = Vec::new();
            for kind in &types {
                let ty = match *kind {
                    "null" => "null".to_owned(),
                    "string" => "string".to_owned(),
                    "integer" | "number" => "number".to_owned(),
                    "boolean" => "boolean".to_owned(),
                    "array" => match node.get("items") {
                        Some(items) => format!("Array<{}>", self.ty(items, indent)),
                        None => "JsonValue[]".to_owned(),
                    },
                    "object" => self.object(node, indent),
                    _ => "unknown".to_owned(),
                };
                if !alternatives.contains(&ty) {
                    alternatives.push(ty);
                }
            }
            parts.push(alternatives.join(" | "));
        }
        for keyword in ["anyOf", "oneOf"] {
            if let Some(Value::Array(branches)) = node.get(keyword) {
                parts.push(self.union(branches, indent));
            }
        }
        if let Some(Value::Array(branches)) = node.get("allOf") {
            // Beside a `$ref`, an inline part either pins a name (a `const`/`enum`: kept, it
            // is what narrows) or states the keys a shape is told by (dropped: the referenced
            // type already has them).
            let referenced = branches.iter().any(|branch| ref_name(branch).is_some());
            for branch in branches {
                let pins = branch.to_string().contains("\"const\"")
                    || branch.to_string().contains("\"enum\"");
                if !constrains(branch) || (referenced && ref_name(branch).is_none() && !pins) {
                    continue;
                }
                parts.push(self.ty(branch, indent));
            }
            // A shape's bare condition (`JsonValue[]`, `JsonObject`) beside the type it
            // guards adds nothing.
            if parts.len() > 1 {
                let generic = ["JsonValue", "JsonValue[]", "JsonObject"];
                let specific: Vec<String> = parts
                    .iter()
                    .filter(|part| !generic.contains(&part.as_str()))
                    .cloned()
                    .collect();
                if !specific.is_empty() {
                    parts = specific;
                }
            }
        }
        match parts.len() {
            // Any JSON: a value kept as sent, a key the decoder does not read.
            0 => "JsonValue".into(),
            1 => parts.pop().unwrap_or_default(),
            _ => parts
                .iter()
                .map(|part| paren(part))
                .collect::<Vec<_>>()
                .join(" & "),
        }
    }

    /// A union; string literals beside `string` (an open enum) keep their names:
    /// `"a" | "b" | (string & {})`.
    fn union(&self, branches: &[Value], indent: &str) -> String {
        let mut alternatives: Vec<String> = Vec::new();
        for branch in typed_branches(branches) {
            for ty in split_union(&self.ty(branch, indent)) {
                if !alternatives.contains(&ty) {
                    alternatives.push(ty);
                }
            }
        }
        let literals = alternatives.iter().any(|ty| ty.starts_with('"'));
        if literals && let Some(index) = alternatives.iter().position(|ty| ty == "string") {
            alternatives.remove(index);
            alternatives.push("(string & {})".to_owned());
        }
        alternatives.join(" | ")
    }

    fn object(&self, node: &Value, indent: &str) -> String {
        let properties = node.get("properties").and_then(Value::as_object);
        let Some(properties) = properties.filter(|properties| !properties.is_empty()) else {
            return match node.get("additionalProperties") {
                Some(Value::Bool(false)) => "Record<string, never>".to_owned(),
                Some(schema @ Value::Object(_)) => {
                    format!("{{ [key: string]: {} }}", self.ty(schema, indent))
                }
                _ => "JsonObject".to_owned(),
            };
        };
        let required: BTreeSet<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let inner = format!("{indent}  ");
        let mut out = String::from("{\n");
        for (name, schema) in properties {
            doc(
                &mut out,
                &inner,
                schema.get("description").and_then(Value::as_str),
            );
            let optional = if required.contains(name.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(
                out,
                "{inner}{}{optional}: {};",
                key(name),
                self.ty(schema, &inner)
            );
        }
        let _ = write!(out, "{indent}}}");
        out
    }

    fn render(&self) -> String {
        let provider = self.provider;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "// Generated by `cargo xtask packages` from schemas/{}/event.schema.json; do not edit by hand.",
            provider.dir
        );
        let _ = writeln!(out, "/* eslint-disable */");
        let _ = writeln!(
            out,
            "\nimport {{ Decoder, type DecodeResult, type JsonObject, type JsonValue }} from \"../runtime.js\";"
        );
        let _ = writeln!(
            out,
            "import schema from \"./{}.schema.json\" with {{ type: \"json\" }};\n",
            provider.dir
        );
        let _ = writeln!(
            out,
            "export type {{ DecodeResult, JsonObject, JsonValue }};\n"
        );
        self.render_definitions(&mut out);
        self.render_events(&mut out);
        out
    }

    /// A type per definition.
    fn render_definitions(&self, out: &mut String) {
        let provider = self.provider;
        for (name, node) in provider.defs() {
            let ts = &self.names[name];
            let mut description = node
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned();
            if let Some(title) = node.get("title").and_then(Value::as_str)
                && provider.events.iter().any(|(wire, _)| wire == title)
            {
                description = format!("{description}\n\nThe body of `{title}`.");
            }
            if admits_empty_array(node) {
                description.push_str(
                    "\n\nMay arrive as `[]` (PHP's empty object); every property is optional.",
                );
            }
            let _ = writeln!(description, "\n\n(schema definition `{name}`)");
            doc(out, "", Some(&description));
            if let Some(object) = object_part(node) {
                let _ = writeln!(out, "export interface {ts} {}\n", self.object(object, ""));
            } else {
                let _ = writeln!(out, "export type {ts} = {};\n", self.ty(node, ""));
            }
        }
    }

    /// The normalized model's module: its types, the record type (the schema's root) and a
    /// validating parser.
    fn render_normalized(&self) -> String {
        let provider = self.provider;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "// Generated by `cargo xtask packages` from schemas/normalized.schema.json; do not edit by hand.\n/* eslint-disable */\n\nimport {{ Validator, type JsonObject, type JsonValue, type ParseResult }} from \"../runtime.js\";\nimport schema from \"./normalized.schema.json\" with {{ type: \"json\" }};\n\nexport type {{ JsonObject, JsonValue, ParseResult }};\n"
        );
        self.render_definitions(&mut out);
        let root = &provider.schema;
        doc(
            &mut out,
            "",
            root.get("description").and_then(Value::as_str),
        );
        let _ = writeln!(
            out,
            "export interface Normalized {}\n",
            self.object(root, "")
        );
        let _ = writeln!(
            out,
            "/** The `type` of a normalized event (`\"message\"`, `\"message_status\"`…). */\nexport type NormalizedEventType = NormalizedEvent[\"type\"];\n\n/** The normalized event of type `T`. */\nexport type NormalizedEventOf<T extends NormalizedEventType> = Extract<NormalizedEvent, {{ type: T }}>;\n\nconst validator = new Validator<Normalized>(schema);\n\n/**\n * Parses a normalized record as the Rust SDK writes it (`serde_json::to_string(&normalized)`):\n * JSON text or UTF-8 bytes, validated against the JSON Schema. `ok: false` names the JSON path\n * and what is wrong. Never throws.\n */\nexport function parse(input: string | Uint8Array): ParseResult<Normalized> {{\n  return validator.parse(input);\n}}\n\n/** Whether `value` is a normalized record. */\nexport function isNormalized(value: unknown): value is Normalized {{\n  return validator.is(value);\n}}"
        );
        out
    }

    /// A file `tsc --strict` compiles only if `switch (event.type)` narrows every normalized
    /// event to its own type and is exhaustive.
    fn normalized_usage(&self) -> String {
        let mut out = String::from(
            "// Generated by `cargo xtask packages`; do not edit by hand.\n//\n// Compiles under `tsc --strict` only if `switch (record.event.type)` narrows every\n// normalized event to its own type (one typed field read each) and is exhaustive.\n\nimport { parse, type Normalized } from \"../../src/generated/normalized.js\";\n\n/** One line per normalized record: its provider, type and one typed field. */\nexport function describe(record: Normalized): string {\n  const event = record.event;\n  switch (event.type) {\n",
        );
        for (tag, def) in self.tags() {
            let field = self
                .resolve_def(&def)
                .and_then(|node| node.get("properties")?.as_object()?.keys().next().cloned());
            let _ = writeln!(out, "    case {}: {{", Value::from(tag.as_str()));
            let _ = writeln!(
                out,
                "      const kind: {} = event.type;",
                Value::from(tag.as_str())
            );
            match field {
                Some(field) => {
                    let _ = writeln!(out, "      const field = event{};", access_of(&field));
                    let _ = writeln!(
                        out,
                        "      return `${{record.provider}} ${{kind}} {field}=${{JSON.stringify(field) ?? \"absent\"}}`;"
                    );
                }
                None => {
                    let _ = writeln!(out, "      return `${{record.provider}} ${{kind}}`;");
                }
            }
            let _ = writeln!(out, "    }}");
        }
        out.push_str("    default: {\n      const unreachable: never = event;\n      return unreachable;\n    }\n  }\n}\n\n/** Parses and describes a record, or says why it was refused. */\nexport function describeJson(json: string): string {\n  const result = parse(json);\n  return result.ok ? describe(result.value) : `refused at ${result.error.path}: ${result.error.message}`;\n}\n");
        out
    }

    /// The normalized event's tags and the definition each tags: `("message", "Message")`.
    fn tags(&self) -> Vec<(String, String)> {
        self.provider.defs()["NormalizedEvent"]["oneOf"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|branch| {
                let tag = branch["properties"]["type"]["const"].as_str()?;
                Some((tag.to_owned(), ref_name(branch)?.to_owned()))
            })
            .collect()
    }

    fn resolve_def(&self, name: &str) -> Option<&Value> {
        self.provider.defs().get(name)
    }

    fn render_events(&self, out: &mut String) {
        let provider = self.provider;
        let _ = writeln!(
            out,
            "/** The wire names of the events this version models. */"
        );
        let _ = writeln!(out, "export const KNOWN_EVENTS = [");
        for (wire, _) in &provider.events {
            let _ = writeln!(out, "  {},", Value::from(wire.as_str()));
        }
        let _ = writeln!(out, "] as const;\n");
        let _ = writeln!(out, "/** The wire name of a known event. */");
        let _ = writeln!(
            out,
            "export type KnownEventName = (typeof KNOWN_EVENTS)[number];\n"
        );
        let _ = writeln!(out, "/** The body of each known event, by wire name. */");
        let _ = writeln!(out, "export interface EventBodies {{");
        for (wire, def) in &provider.events {
            let _ = writeln!(
                out,
                "  {}: {};",
                Value::from(wire.as_str()),
                self.names[def]
            );
        }
        let _ = writeln!(out, "}}\n");
        let wrapper = provider.wrapper.map_or(String::new(), |key| {
            format!(" (unwrapped from `{key}` when it came wrapped)")
        });
        let _ = writeln!(
            out,
            "/**\n * A decoded event this version models: `known` is `true`, `name` its wire name (an alias\n * resolved), `body` the validated body{wrapper}, `raw` the JSON text as received.\n * Narrow with `switch (event.name)` or a guard.\n */"
        );
        let _ = writeln!(
            out,
            "export type Known = {{\n  [N in KnownEventName]: {{\n    readonly known: true;\n    readonly name: N;\n    readonly body: EventBodies[N];\n    readonly raw: string;\n  }};\n}}[KnownEventName];\n"
        );
        let unknown_body = self.names.get("UnknownEvent").map_or_else(
            || "JsonObject".to_owned(),
            |name| format!("{name} & JsonObject"),
        );
        let _ = writeln!(
            out,
            "/** An event this version does not model: its name and its body as sent. */\nexport interface Unknown {{\n  readonly known: false;\n  readonly name: string;\n  readonly body: {unknown_body};\n  readonly raw: string;\n}}\n"
        );
        let _ = writeln!(
            out,
            "/** Any {} event. */\nexport type Event = Known | Unknown;\n",
            provider.title
        );
        for (wire, def) in &provider.events {
            let variant = def.strip_suffix("Event").unwrap_or(def);
            let _ = writeln!(
                out,
                "/** Whether `event` is `{wire}`. */\nexport function is{}(event: Event): event is Extract<Known, {{ name: {} }}> {{\n  return event.known && event.name === {};\n}}\n",
                pascal(variant),
                Value::from(wire.as_str()),
                Value::from(wire.as_str()),
            );
        }
        let aliases: serde_json::Map<String, Value> = provider
            .aliases
            .iter()
            .map(|(alias, wire)| ((*alias).to_owned(), Value::from(*wire)))
            .collect();
        let bodies: serde_json::Map<String, Value> = provider
            .events
            .iter()
            .map(|(wire, def)| (wire.clone(), Value::from(def.as_str())))
            .collect();
        let _ = writeln!(
            out,
            "const decoder = new Decoder<Event>({}, schema, {{\n  namePath: {},\n  wrapper: {},\n  aliases: {},\n  bodies: {},\n}});\n",
            Value::from(provider.dir),
            Value::from(provider.name_path.clone()),
            provider.wrapper.map_or(Value::Null, Value::from),
            Value::Object(aliases),
            serde_json::to_string_pretty(&Value::Object(bodies))
                .unwrap_or_default()
                .replace('\n', "\n  "),
        );
        let _ = writeln!(
            out,
            "/**\n * Decodes a {} payload: JSON text or UTF-8 bytes, validated against the JSON Schema\n * (exactly what the Rust decoder accepts, but for integers beyond 2^53, which JavaScript\n * numbers cannot hold). `ok: false` names the JSON path and what is wrong.\n */\nexport function decode(input: string | Uint8Array): DecodeResult<Event> {{\n  return decoder.decode(input);\n}}",
            provider.title
        );
    }

    /// A file `tsc --strict` compiles only if every known event narrows by name without casts.
    fn usage(&self) -> String {
        let provider = self.provider;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "// Generated by `cargo xtask packages`; do not edit by hand.\n//\n// Compiles under `tsc --strict` only if `switch (event.name)` narrows every known event's\n// body to its own type (the name in the body is the literal, its fields typed), and the\n// switch is exhaustive.\n"
        );
        let _ = writeln!(
            out,
            "import {{ decode, type Event }} from \"../../src/generated/{}.js\";\n",
            provider.dir
        );
        let _ = writeln!(
            out,
            "/** One line per event: its name, the name the body pins, and one typed field. */"
        );
        let _ = writeln!(out, "export function describe(event: Event): string {{");
        let _ = writeln!(out, "  if (!event.known) {{");
        let _ = writeln!(out, "    const name: string = event.name;");
        let _ = writeln!(out, "    return `unknown ${{name}}`;");
        let _ = writeln!(out, "  }}");
        let _ = writeln!(out, "  switch (event.name) {{");
        let access: String = provider
            .name_path
            .iter()
            .map(|segment| access_of(segment))
            .collect();
        for (wire, def) in &provider.events {
            let pinned = self.pinned_names(def);
            let field = self.first_field(def);
            let _ = writeln!(out, "    case {}: {{", Value::from(wire.as_str()));
            let _ = writeln!(
                out,
                "      const name: {} = event.name;",
                Value::from(wire.as_str())
            );
            let _ = writeln!(out, "      const pinned: {pinned} = event.body{access};");
            match field {
                Some(field) => {
                    let _ = writeln!(out, "      const field = event.body{};", access_of(&field));
                    let _ = writeln!(
                        out,
                        "      return `${{name}} ${{pinned}} {field}=${{JSON.stringify(field) ?? \"absent\"}}`;"
                    );
                }
                None => {
                    let _ = writeln!(out, "      return `${{name}} ${{pinned}}`;");
                }
            }
            let _ = writeln!(out, "    }}");
        }
        let _ = writeln!(out, "    default: {{");
        let _ = writeln!(out, "      const unreachable: never = event;");
        let _ = writeln!(out, "      return unreachable;");
        let _ = writeln!(out, "    }}");
        let _ = writeln!(out, "  }}");
        let _ = writeln!(out, "}}\n");
        let _ = writeln!(
            out,
            "/** Decodes and describes a payload, or says why it was refused. */\nexport function describeJson(json: string): string {{\n  const result = decode(json);\n  return result.ok ? describe(result.event) : `refused at ${{result.error.path}}: ${{result.error.message}}`;\n}}"
        );
        out
    }

    /// The literal type the body of `def` pins its name to.
    fn pinned_names(&self, def: &str) -> String {
        let mut node = &self.provider.defs()[def];
        let pin = node
            .get("allOf")
            .and_then(Value::as_array)
            .and_then(|parts| parts.iter().find(|part| ref_name(part).is_none()));
        let Some(mut pin) = pin else {
            return "string".into();
        };
        for segment in &self.provider.name_path {
            pin = &pin["properties"][segment];
        }
        node = pin;
        self.ty(node, "")
    }

    /// The first property of the event's payload that is not on the name path.
    fn first_field(&self, def: &str) -> Option<String> {
        let body = &self.provider.defs()[def];
        let payload = body
            .get("allOf")?
            .as_array()?
            .iter()
            .find(|part| ref_name(part).is_some())?;
        let payload = self.resolve(payload);
        let properties = payload.get("properties")?.as_object()?;
        let name_root = self.provider.name_path.first()?;
        properties
            .keys()
            .find(|name| *name == "data")
            .or_else(|| properties.keys().find(|name| *name != name_root))
            .cloned()
    }
}

/// Whether a schema node says anything about the type of a value (beyond `not`, titles and
/// descriptions).
fn constrains(node: &Value) -> bool {
    match node {
        Value::Object(map) => map.keys().any(|key| {
            !matches!(
                key.as_str(),
                "not" | "title" | "description" | "examples" | "$comment" | "default"
            )
        }),
        Value::Bool(value) => !value,
        _ => true,
    }
}

fn access_of(field: &str) -> String {
    let quoted = key(field);
    if quoted.starts_with('"') {
        format!("[{quoted}]")
    } else {
        format!(".{quoted}")
    }
}

/// The alternatives of a union type text at its top level.
fn split_union(ty: &str) -> Vec<String> {
    split_top(ty, b'|')
}

/// A type text split at ` <separator> ` outside brackets and strings.
fn split_top(ty: &str, separator: u8) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0_i32;
    let mut start = 0;
    let bytes = ty.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_string = false;
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'(' | b'{' | b'<' | b'[' => depth += 1,
                b')' | b'}' | b'>' | b']' => depth -= 1,
                c if c == separator && depth == 0 && i > 0 && bytes[i - 1] == b' ' => {
                    parts.push(ty[start..i - 1].trim().to_owned());
                    start = i + 1;
                }
                _ => {}
            }
        }
        i += 1;
    }
    parts.push(ty[start..].trim().to_owned());
    parts
}
