//! JSON Schemas of OneChat broadcasts and frames, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/onechat/`: one file per event, the envelope,
//! the union of all events, and the Action Cable frame. They describe what
//! [`Event::decode`] and [`Frame::decode`](crate::Frame::decode) accept (draft 2020-12).

use chat_events_core::schema::{optional_root_schema, root_schema};
use schemars::{Schema, SchemaGenerator, json_schema};

use crate::{Event, EventKind, Identifier};

/// The schema of one known event, as a broadcast or inside a data frame, with `event`
/// pinned to its name; `None` for an unknown kind.
pub fn event_schema(kind: &EventKind) -> Option<Schema> {
    optional_root_schema(kind.as_str(), |generator| envelope(generator, kind))
}

/// The schema of any OneChat broadcast: exactly one of the known events, or an unknown one.
pub fn union_schema() -> Schema {
    root_schema("Event", event_union)
}

/// The schema of the envelope alone: `{event, data}`, bare or inside a data frame.
pub fn envelope_schema() -> Schema {
    root_schema("Envelope", |generator| {
        let broadcast = json_schema!({
            "type": "object",
            "required": ["event"],
            "properties": {
                "event": { "type": "string" },
                "data": { "description": "The event's data; its shape depends on `event`." }
            }
        });
        wrapped(
            generator,
            &broadcast,
            "A OneChat broadcast, bare or inside an Action Cable data frame.",
        )
    })
}

/// The schema of any frame an Action Cable server sends.
pub fn frame_schema() -> Schema {
    root_schema("Frame", |generator| {
        let identifier = generator.subschema_for::<Identifier>();
        let control = |kind: &str| json_schema!({ "type": "object", "required": ["type"], "properties": { "type": { "const": kind } } });
        json_schema!({
            "description": "A frame from the Action Cable server: a control frame with `type`, or a data frame with `identifier` and `message`.",
            "oneOf": [
                control("welcome"),
                {
                    "allOf": [control("ping")],
                    "properties": { "message": { "description": "Server time, epoch seconds.", "type": ["integer", "number", "string"] } }
                },
                {
                    "allOf": [control("confirm_subscription")],
                    "required": ["identifier"],
                    "properties": { "identifier": identifier }
                },
                {
                    "allOf": [control("reject_subscription")],
                    "required": ["identifier"],
                    "properties": { "identifier": identifier }
                },
                {
                    "allOf": [control("disconnect")],
                    "properties": {
                        "reason": { "type": ["string", "null"] },
                        "reconnect": { "type": ["boolean", "null"] }
                    }
                },
                {
                    "description": "A control frame of another type.",
                    "type": "object",
                    "required": ["type"],
                    "properties": {
                        "type": { "type": "string", "not": { "enum": ["welcome", "ping", "confirm_subscription", "reject_subscription", "disconnect"] } }
                    }
                },
                {
                    "description": "A data frame: a broadcast on a subscription.",
                    "type": "object",
                    "required": ["identifier", "message"],
                    "not": { "required": ["type"] },
                    "properties": { "identifier": identifier, "message": { "type": "object" } }
                }
            ]
        })
    })
}

/// `oneOf` every known event and the unknown-event form.
pub(crate) fn event_union(generator: &mut SchemaGenerator) -> Schema {
    let mut variants: Vec<Schema> = EventKind::KNOWN
        .iter()
        .filter_map(|name| envelope(generator, &EventKind::from(*name)))
        .collect();
    let unknown = json_schema!({
        "type": "object",
        "required": ["event"],
        "properties": { "event": { "type": "string", "not": { "enum": EventKind::KNOWN } } }
    });
    variants.push(wrapped(
        generator,
        &unknown,
        "An event this version does not model; it decodes to `Event::Unknown` with its raw JSON.",
    ));
    json_schema!({
        "description": "A OneChat broadcast `{event, data}`, bare or inside an Action Cable data frame.",
        "oneOf": variants
    })
}

/// A known event's broadcast in both forms, `event` pinned to its name.
fn envelope(generator: &mut SchemaGenerator, kind: &EventKind) -> Option<Schema> {
    let payload = Event::payload_schema(kind, generator)?;
    let pinned = json_schema!({
        "allOf": [payload, { "properties": { "event": { "const": kind.as_str() } } }]
    });
    let mut schema = wrapped(generator, &pinned, kind.as_str());
    schema.insert("title".into(), kind.as_str().into());
    Some(schema)
}

/// `broadcast`, or a data frame holding it.
fn wrapped(generator: &mut SchemaGenerator, broadcast: &Schema, description: &str) -> Schema {
    let identifier = generator.subschema_for::<Identifier>();
    json_schema!({
        "description": description,
        "anyOf": [
            broadcast,
            {
                "description": "The broadcast inside an Action Cable data frame.",
                "type": "object",
                "required": ["identifier", "message"],
                "properties": { "identifier": identifier, "message": broadcast }
            }
        ]
    })
}
