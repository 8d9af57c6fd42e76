//! JSON Schemas of ChatApp bodies, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/chatapp/`: one file per event, the envelope,
//! the union of all events, and the channel name. They describe what [`Event::decode`] accepts, lenient
//! forms included (ids as string or number, `[]` for an empty object, numbers as strings,
//! unknown values of open enums, unknown fields), in JSON Schema draft 2020-12.

use chat_events_core::schema::{optional_root_schema, root_schema};
use schemars::{Schema, SchemaGenerator, json_schema};

use crate::{Channel, Event, EventKind, Meta};

/// The schema of one known event's body, flat or wrapped, with `meta.type` pinned to its
/// name; `None` for an unknown kind.
pub fn event_schema(kind: &EventKind) -> Option<Schema> {
    optional_root_schema(kind.as_str(), |generator| envelope(generator, kind))
}

/// The schema of any ChatApp body: exactly one of the known events, or an unknown event.
pub fn union_schema() -> Schema {
    root_schema("Event", event_union)
}

/// The schema of the envelope alone: `{data: [...], meta}` flat or wrapped, whatever the
/// event. For consumers that dispatch on `meta.type` themselves.
pub fn envelope_schema() -> Schema {
    root_schema("Envelope", |generator| {
        let meta = generator.subschema_for::<Meta>();
        let flat = json_schema!({
            "type": "object",
            "required": ["data", "meta"],
            "properties": {
                "data": { "description": "The event's items; their shape depends on `meta.type`.", "type": "array" },
                "meta": meta
            }
        });
        json_schema!({
            "description": "The body of any ChatApp event: flat `{data, meta}` or wrapped `{queue, payload: {data, meta}}`.",
            "anyOf": [
                flat,
                {
                    "type": "object",
                    "required": ["payload"],
                    "properties": { "payload": flat, "queue": { "type": ["string", "null"] } }
                }
            ]
        })
    })
}

/// The schema of a channel name.
pub fn channel_schema() -> Schema {
    chat_events_core::schema::settings()
        .into_generator()
        .into_root_schema_for::<Channel>()
}

/// `oneOf` every known event's envelope and the unknown-event envelope.
pub(crate) fn event_union(generator: &mut SchemaGenerator) -> Schema {
    let mut variants: Vec<Schema> = EventKind::KNOWN
        .iter()
        .filter_map(|name| envelope(generator, &EventKind::from(*name)))
        .collect();
    let not_known = json_schema!({
        "type": "object",
        "required": ["meta"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "type": { "type": "string", "not": { "enum": EventKind::KNOWN } }
                }
            }
        }
    });
    variants.push(json_schema!({
        "title": "Unknown",
        "description": "An event this version does not model; it decodes to `Event::Unknown` with its raw JSON.",
        "anyOf": [
            not_known,
            { "type": "object", "required": ["payload"], "properties": { "payload": not_known } }
        ]
    }));
    json_schema!({
        "description": "A ChatApp event body: flat `{data, meta}` or wrapped `{queue, payload: {data, meta}}`.",
        "oneOf": variants
    })
}

/// A known event's body in both wrappings, its `meta.type` pinned to the event name.
fn envelope(generator: &mut SchemaGenerator, kind: &EventKind) -> Option<Schema> {
    let payload = Event::payload_schema(kind, generator)?;
    let pinned = json_schema!({
        "allOf": [
            payload,
            { "properties": { "meta": { "properties": { "type": { "const": kind.as_str() } } } } }
        ]
    });
    Some(json_schema!({
        "title": kind.as_str(),
        "anyOf": [
            pinned,
            {
                "description": "The same body wrapped as a Laravel broadcast event.",
                "type": "object",
                "required": ["payload"],
                "properties": {
                    "payload": pinned,
                    "queue": { "type": ["string", "null"] }
                }
            }
        ]
    }))
}
