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
    schema
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
