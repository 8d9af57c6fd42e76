//! JSON Schemas of CodeChat webhook bodies, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/codechat/`: one file per event, the envelope
//! and the union of all events (draft 2020-12). They describe what
//! [`Event::decode`](crate::Event::decode) accepts.

use chat_events_core::schema::{optional_root_schema, root_schema};
use schemars::{Schema, SchemaGenerator, json_schema};

use crate::{Event, EventKind, Payload, envelope::ALIASES};

/// The schema of one known event's body, with `event` pinned to its name and aliases; `None`
/// for an unknown kind.
pub fn event_schema(kind: &EventKind) -> Option<Schema> {
    optional_root_schema(kind.as_str(), |generator| envelope(generator, kind))
}

/// The schema of any CodeChat body: exactly one of the known events, or an unknown one.
pub fn union_schema() -> Schema {
    root_schema("Event", event_union)
}

/// The schema of the envelope alone, whatever the event.
pub fn envelope_schema() -> Schema {
    root_schema("Envelope", |generator| {
        generator.subschema_for::<Payload<serde_json::Value>>()
    })
}

/// The names that decode as `kind`: its own and its aliases.
fn names(kind: &EventKind) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = EventKind::KNOWN
        .iter()
        .copied()
        .filter(|name| *name == kind.as_str())
        .collect();
    names.extend(
        ALIASES
            .iter()
            .filter(|(_, target)| *target == kind.as_str())
            .map(|(alias, _)| *alias),
    );
    names
}

/// `oneOf` every known event and the unknown form.
pub(crate) fn event_union(generator: &mut SchemaGenerator) -> Schema {
    let mut variants: Vec<Schema> = EventKind::KNOWN
        .iter()
        .filter_map(|name| envelope(generator, &EventKind::from(*name)))
        .collect();
    let mut known: Vec<&str> = EventKind::KNOWN.to_vec();
    known.extend(ALIASES.iter().map(|(alias, _)| *alias));
    variants.push(json_schema!({
        "title": "Unknown",
        "description": "An event this version does not model; it decodes to `Event::Unknown` with its raw JSON.",
        "type": "object",
        "required": ["event"],
        "properties": { "event": { "type": "string", "not": { "enum": known } } }
    }));
    json_schema!({ "description": "A CodeChat webhook body.", "oneOf": variants })
}

/// A known event's body, `event` pinned to its names.
fn envelope(generator: &mut SchemaGenerator, kind: &EventKind) -> Option<Schema> {
    let payload = Event::payload_schema(kind, generator)?;
    Some(json_schema!({
        "title": kind.as_str(),
        "allOf": [payload, { "properties": { "event": { "enum": names(kind) } } }]
    }))
}
