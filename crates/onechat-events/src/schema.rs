//! JSON Schemas of OneChat broadcasts and frames, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/onechat/`: one file per event
//! ([`ProviderEvent::event_schema`](crate::ProviderEvent::event_schema)), the union of all
//! events ([`ProviderEvent::union_schema`](crate::ProviderEvent::union_schema)), the envelope
//! ([`ProviderEvent::envelope_schema`](crate::ProviderEvent::envelope_schema)), and the Action
//! Cable frame ([`frame_schema`]). They describe what [`Event::decode`](crate::Event::decode)
//! and [`Frame::decode`](crate::Frame::decode) accept (draft 2020-12).

use chat_events_core::unstable::schema::root_schema;
use schemars::{Schema, json_schema};

use crate::Identifier;

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
