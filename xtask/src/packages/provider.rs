//! The generators' input: what they need to know about each provider (and the normalized
//! model), read from the freshly generated schemas.

use std::{collections::BTreeMap, path::PathBuf};

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
        Provider::of::<onechat_events::webhook_events::WebhookEvent>("OneChat (webhooks)", schemas),
    ]
}
