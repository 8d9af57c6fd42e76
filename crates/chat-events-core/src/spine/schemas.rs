//! The JSON Schemas a [`Spine`] derives: of one event, of any event (the union), and of the
//! envelope, with the event name pinned in both the flat and the wrapped form.

use schemars::{Schema, SchemaGenerator, json_schema};

use super::{Dispatch, Spine};
use crate::schema;

/// `{"allOf": [payload, name pinned to names]}`-style schemas, shared by the three below.
/// Every object on the name path is required, as [`decode`](super::decode::decode) needs them.
fn pin(spine: &Spine, leaf: Schema) -> Schema {
    let mut node = leaf;
    for segment in spine.name_path.iter().rev() {
        node = json_schema!({
            "type": "object",
            "required": [segment],
            "properties": { (*segment): node }
        });
    }
    node
}

/// `inner`, or the wrapper holding it. The bare form excludes documents whose wrapper key
/// holds an object: the decoder reads those as wrapped, whatever else is beside it.
fn wrapped(spine: &Spine, generator: &mut SchemaGenerator, inner: Schema) -> Vec<Schema> {
    let Some(wrapper) = spine.wrapper else {
        return vec![inner];
    };
    let mut outer = (wrapper.siblings)(generator);
    let object = outer.ensure_object();
    object.insert("type".into(), "object".into());
    object.insert("description".into(), wrapper.description.into());
    let mut required = vec![serde_json::Value::from(wrapper.key)];
    if let Some(serde_json::Value::Array(siblings)) = object.remove("required") {
        required.extend(siblings);
    }
    object.insert("required".into(), required.into());
    let properties = object
        .entry("properties")
        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
    if let serde_json::Value::Object(properties) = properties {
        properties.insert(wrapper.key.to_owned(), inner.clone().into());
    }
    let bare = json_schema!({
        "allOf": [
            inner,
            {
                "not": {
                    "type": "object",
                    "required": [wrapper.key],
                    "properties": { (wrapper.key): { "type": "object" } }
                }
            }
        ]
    });
    vec![bare, outer]
}

/// The forms of a body: a `$ref` to it, or `anyOf` it bare and wrapped.
fn forms(spine: &Spine, generator: &mut SchemaGenerator, body: Schema) -> Schema {
    let mut forms = wrapped(spine, generator, body);
    if forms.len() == 1 {
        forms.pop().unwrap_or_default()
    } else {
        json_schema!({ "anyOf": forms })
    }
}

/// Adds `schema` to the generator's definitions as `name`; a `$ref` to it.
///
/// # Panics
///
/// When a different schema already has that name (a Rust type named like an event's body,
/// `MessageEvent`): the schemas would silently describe the wrong thing.
fn define(generator: &mut SchemaGenerator, name: &str, schema: Schema) -> Schema {
    let value = schema.to_value();
    if let Some(previous) = generator
        .definitions_mut()
        .insert(name.to_owned(), value.clone())
    {
        assert!(
            previous == value,
            "two schema definitions are named `{name}`; rename the Rust type"
        );
    }
    json_schema!({ "$ref": format!("#/$defs/{name}") })
}

/// The names that decode as `wire`: itself and its aliases.
fn names(spine: &Spine, wire: &str) -> Vec<serde_json::Value> {
    std::iter::once(wire.to_owned())
        .chain(spine.aliases_of(wire).map(str::to_owned))
        .map(serde_json::Value::from)
        .collect()
}

/// The definition name of a known event's body: its variant's name and `Event`
/// (`MessageStatusEvent`).
fn definition_name(variant: &str) -> String {
    format!("{variant}Event")
}

/// A known event: its body, its name pinned (required), defined as
/// [`definition_name`]; the forms it arrives in. `None` for unknown names.
fn known_event<E: Dispatch>(
    generator: &mut SchemaGenerator,
    wire: &str,
) -> Option<(Schema, &'static str)> {
    let spine = E::SPINE;
    let index = E::KNOWN.iter().position(|known| *known == wire)?;
    let (variant, doc) = E::VARIANTS.get(index).copied()?;
    let payload = E::payload_schema(wire, generator)?;
    let names = names(spine, wire);
    let leaf = if names.len() == 1 {
        json_schema!({ "const": wire })
    } else {
        json_schema!({ "enum": names })
    };
    let body = json_schema!({
        "title": wire,
        "description": doc,
        "allOf": [payload, pin(spine, leaf)]
    });
    let body = define(generator, &definition_name(variant), body);
    Some((forms(spine, generator, body), doc))
}

/// The schema of the known event `wire` of the provider `E`, as a root schema.
pub(crate) fn event_schema<E: Dispatch>(wire: &str) -> Option<Schema> {
    schema::optional_root_schema(wire, |generator| {
        known_event::<E>(generator, wire).map(|(mut schema, doc)| {
            schema.insert("description".into(), doc.into());
            schema
        })
    })
}

/// `oneOf` every known event's forms, and the unknown event's when `open`.
pub(crate) fn union_schema<E: Dispatch>(generator: &mut SchemaGenerator, open: bool) -> Schema {
    let spine = E::SPINE;
    let mut variants: Vec<Schema> = E::KNOWN
        .iter()
        .filter_map(|wire| known_event::<E>(generator, wire).map(|(schema, _)| schema))
        .collect();
    if !open {
        return json_schema!({
            "description": format!(
                "{} One of the events this version models, told apart by the required event name.",
                spine.description
            ),
            "oneOf": variants
        });
    }
    let mut known: Vec<&str> = E::KNOWN.to_vec();
    known.extend(spine.aliases.iter().map(|(alias, _)| *alias));
    let description =
        "An event this version does not model; it decodes to `Event::Unknown` with its raw JSON.";
    let mut not_known = pin(
        spine,
        json_schema!({ "type": "string", "not": { "enum": known } }),
    );
    not_known.insert("title".into(), "Unknown".into());
    not_known.insert("description".into(), description.into());
    let body = define(generator, "UnknownEvent", not_known);
    variants.push(forms(spine, generator, body));
    json_schema!({ "description": spine.description, "oneOf": variants })
}

/// The schema of any body of the provider `E`, whatever its event, as a root schema.
pub(crate) fn envelope_schema<E: Dispatch>() -> Schema {
    let spine = E::SPINE;
    schema::root_schema("Envelope", |generator| {
        let body = (spine.envelope)(generator);
        let forms = wrapped(spine, generator, body);
        if forms.len() == 1 {
            forms.into_iter().next().unwrap_or_default()
        } else {
            json_schema!({ "description": spine.description, "anyOf": forms })
        }
    })
}
