//! JSON Schemas of ChatApp payloads, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/chatapp/`: one file per event
//! ([`ProviderEvent::event_schema`](crate::ProviderEvent::event_schema)), the union of all
//! events ([`ProviderEvent::union_schema`](crate::ProviderEvent::union_schema)), the envelope
//! ([`ProviderEvent::envelope_schema`](crate::ProviderEvent::envelope_schema)), and the
//! channel name ([`channel_schema`]). They describe what [`Event::decode`](crate::Event::decode)
//! accepts, lenient forms included (ids as string or number, `[]` for an empty object,
//! numbers as strings, unknown values of open enums, unknown fields), in JSON Schema draft
//! 2020-12.

use schemars::Schema;

use crate::Channel;

/// The schema of a channel name.
pub fn channel_schema() -> Schema {
    let mut schema = chat_events_core::unstable::schema::settings()
        .into_generator()
        .into_root_schema_for::<Channel>();
    chat_events_core::unstable::schema::finish(&mut schema);
    schema
}
