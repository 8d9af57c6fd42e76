//! [`Spine`]: a provider described once — where its event name sits, how its body may be
//! wrapped, which other spellings its names have — and everything derived from that
//! description: decoding (by the name in the body or a name given out of band), the
//! canonical JSON a decoded event re-serializes to, and the JSON Schemas of one event, of
//! any event, and of the envelope.
//!
//! Every provider crate declares one `Spine` constant and hands it to
//! [`event_enum!`](crate::unstable::event_enum); its decoder and schemas are then these functions,
//! the same code for all three providers.
//!
//! This module holds the description and [`Dispatch`], what the generated enums implement for
//! it; `decode` holds the decoder, `schemas` the schemas.
//!
//! ```
//! use chat_events_core::unstable::{Spine, Wrapper};
//! # fn queue(_: &mut schemars::SchemaGenerator) -> schemars::Schema { schemars::json_schema!({}) }
//! # fn body(_: &mut schemars::SchemaGenerator) -> schemars::Schema { schemars::json_schema!({}) }
//!
//! // ChatApp: `{"data": […], "meta": {"type": "message", …}}`, or the same body wrapped as
//! // `{"queue": …, "payload": {…}}`.
//! const CHATAPP: Spine = Spine::new("chatapp", &["meta", "type"])
//!     .body("a ChatApp event body", "A ChatApp event body.", body)
//!     .wrapper(Wrapper::new("payload", "The same body wrapped as a Laravel broadcast event.", queue));
//! assert_eq!(CHATAPP.name_path(), "meta.type");
//! ```

use std::fmt;

use schemars::{Schema, SchemaGenerator, json_schema};

use crate::{DecodeError, UnknownEvent};

mod decode;
mod schemas;

pub(crate) use decode::{at_once, checking_first, decode};
pub(crate) use schemas::{envelope_schema, event_schema, union_schema};

/// What `event_enum!` generates for the spine to call.
pub trait Dispatch: Sized + From<UnknownEvent> {
    /// The provider's wire format.
    const SPINE: &'static Spine;
    /// The wire names of the known events, sorted as the variants are.
    const KNOWN: &'static [&'static str];
    /// The Rust variant name and doc comment of each known event, in the order of
    /// [`KNOWN`](Self::KNOWN) (the schemas name their definitions after them).
    const VARIANTS: &'static [(&'static str, &'static str)];
    /// Decodes the body of the known event `name` (a wire name), whose JSON path is
    /// `prefix`; `None` for other names.
    fn decode_known(name: &str, prefix: &str, body: &str) -> Option<Result<Self, DecodeError>>;
    /// Decodes and checks the document `text` as the known event `name` in one pass (see
    /// [`decode_at_once`](crate::unstable::decode_at_once)); `None` for other names.
    fn decode_known_at_once(
        name: &str,
        text: &str,
        wrapper: Option<&'static str>,
        in_wrapper: bool,
    ) -> Option<crate::unstable::AtOnce<Self>>;
    /// The schema of the body type of the known event `name`.
    fn payload_schema(name: &str, generator: &mut SchemaGenerator) -> Option<Schema>;
}

/// A provider's wire format, described once.
///
/// Built with `const fn`s so that a provider declares it as a constant.
#[derive(Clone, Copy)]
pub struct Spine {
    provider: &'static str,
    name_path: &'static [&'static str],
    wrapper: Option<Wrapper>,
    aliases: &'static [(&'static str, &'static str)],
    what: &'static str,
    description: &'static str,
    envelope: fn(&mut SchemaGenerator) -> Schema,
}

/// An optional wrapper around a provider's body: `{"<key>": {body}, …siblings}`.
///
/// When the top level has `key` holding an object, that object is the body (and error
/// paths start with `key.`); otherwise the top level is the body.
#[derive(Clone, Copy)]
pub struct Wrapper {
    key: &'static str,
    description: &'static str,
    siblings: fn(&mut SchemaGenerator) -> Schema,
}

impl Wrapper {
    /// A wrapper whose body sits under `key`. `siblings` gives the schema of the wrapper's
    /// other keys: an object schema with `properties` and, optionally, `required`.
    pub const fn new(
        key: &'static str,
        description: &'static str,
        siblings: fn(&mut SchemaGenerator) -> Schema,
    ) -> Self {
        Self {
            key,
            description,
            siblings,
        }
    }

    /// The key the body sits under.
    pub const fn key(&self) -> &'static str {
        self.key
    }
}

fn no_envelope(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "object" })
}

impl Spine {
    /// A provider called `provider` (as errors name it) whose event name is the string at
    /// `name_path` inside the body (`["event"]`, `["meta", "type"]`).
    pub const fn new(provider: &'static str, name_path: &'static [&'static str]) -> Self {
        Self {
            provider,
            name_path,
            wrapper: None,
            aliases: &[],
            what: "an event body",
            description: "An event body.",
            envelope: no_envelope,
        }
    }

    /// What a body is called in errors (`"a ChatApp event body"`), the description of the
    /// union schema, and the schema of a bare body whatever its event (the envelope).
    #[must_use]
    pub const fn body(
        self,
        what: &'static str,
        description: &'static str,
        envelope: fn(&mut SchemaGenerator) -> Schema,
    ) -> Self {
        Self {
            what,
            description,
            envelope,
            ..self
        }
    }

    /// The wrapper the body may come in.
    #[must_use]
    pub const fn wrapper(self, wrapper: Wrapper) -> Self {
        Self {
            wrapper: Some(wrapper),
            ..self
        }
    }

    /// Other names of known events, as `(alias, wire name)`: the docs' misspellings and old
    /// names, which decode as their event.
    #[must_use]
    pub const fn aliases(self, aliases: &'static [(&'static str, &'static str)]) -> Self {
        Self { aliases, ..self }
    }

    /// The provider's short name, as errors name it.
    pub const fn provider(&self) -> &'static str {
        self.provider
    }

    /// Where the event name sits, as a JSON path (`meta.type`).
    pub fn name_path(&self) -> String {
        self.name_path.join(".")
    }

    /// The wrapper the body may come in, if any.
    pub const fn wrapper_key(&self) -> Option<&'static str> {
        match &self.wrapper {
            Some(wrapper) => Some(wrapper.key),
            None => None,
        }
    }

    /// The wire name an alias stands for; `None` for a name that is no alias.
    pub fn resolve_alias(&self, name: &str) -> Option<&'static str> {
        self.aliases
            .iter()
            .find(|(alias, _)| *alias == name)
            .map(|(_, wire)| *wire)
    }

    /// The aliases of the wire name `wire`.
    pub fn aliases_of<'a>(&'a self, wire: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.aliases
            .iter()
            .filter(move |(_, target)| *target == wire)
            .map(|(alias, _)| *alias)
    }

    /// Every alias, as `(alias, wire name)`.
    pub const fn all_aliases(&self) -> &'static [(&'static str, &'static str)] {
        self.aliases
    }

    /// The canonical form of a payload: its body, unwrapped when it came in the wrapper.
    /// Serializing a decoded event gives this form.
    pub fn canonical_json(&self, original: serde_json::Value) -> serde_json::Value {
        match (self.wrapper, original) {
            (Some(wrapper), serde_json::Value::Object(mut map))
                if map
                    .get(wrapper.key)
                    .is_some_and(serde_json::Value::is_object) =>
            {
                map.remove(wrapper.key).unwrap_or_default()
            }
            (_, other) => other,
        }
    }

    fn join(prefix: &str, path: &str) -> String {
        if prefix.is_empty() {
            path.to_owned()
        } else {
            format!("{prefix}.{path}")
        }
    }
}

impl fmt::Debug for Spine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spine")
            .field("provider", &self.provider)
            .field("name_path", &self.name_path)
            .field("wrapper", &self.wrapper_key())
            .field("aliases", &self.aliases)
            .finish_non_exhaustive()
    }
}
#[cfg(test)]
mod tests {
    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
    use serde::{Deserialize, Serialize};

    use crate::{
        DecodeErrorKind, ProviderEvent,
        spine::{Spine, Wrapper},
    };

    fn body(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object" })
    }

    const SPINE: Spine = Spine::new("demo", &["meta", "type"])
        .body("a demo body", "A demo body.", body)
        .wrapper(Wrapper::new("payload", "Wrapped.", body))
        .aliases(&[("pong", "ping")]);

    pub(crate) trait Common {}

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(crate) struct Ping {
        id: u8,
        meta: Meta,
    }

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(crate) struct Meta {
        #[serde(rename = "type")]
        kind: String,
    }

    impl Common for Ping {}

    crate::unstable::event_enum! {
        /// Demo events.
        pub(crate) enum Event;
        /// Demo names.
        pub(crate) enum EventKind;
        spine = SPINE;
        payload_trait = Common;
        /// Pinged.
        Ping(Ping) = "ping",
    }

    #[test]
    fn integral_floats_read_as_integers_only_when_needed() {
        for (float, integer) in [
            ("90512.0", Some("90512")),
            ("1e3", Some("1000")),
            ("1.5E+3", Some("1500")),
            ("-2.50e1", Some("-25")),
            ("-0.0", Some("0")),
            ("0.000", Some("0")),
            ("12000e-3", Some("12")),
            ("1.5", None),
            ("1e-3", None),
            ("90512", None),
            ("1e60", None),
            ("1e19", Some("10000000000000000000")),
            ("1e20", None),
        ] {
            assert_eq!(
                super::decode::integral(float).as_deref(),
                integer,
                "{float}"
            );
        }
        assert_eq!(
            super::decode::integral_floats_as_integers(
                r#"{"a":"1.0\"","b":[2.0,3.5],"c\\\"":4e0}"#
            )
            .as_deref(),
            Some(r#"{"a":"1.0\"","b":[2,3.5],"c\\\"":4}"#)
        );
        assert_eq!(
            super::decode::integral_floats_as_integers(r#"{"a":1.5}"#),
            None
        );
        // A body of short exponents would grow fivefold: the rewrite gives up at twice.
        let dense = format!("{{\"a\":[{}1]}}", "1e19,".repeat(10_000));
        assert_eq!(super::decode::integral_floats_as_integers(&dense), None);
        let sparse = format!("{{\"a\":[1e3,{}1]}}", "1,".repeat(10_000));
        assert!(
            super::decode::integral_floats_as_integers(&sparse)
                .is_some_and(|out| out.len() < sparse.len() + 10)
        );
        // The typed value reads 2.0 as 2; the kept JSON is the input.
        let decoded = Event::decode(br#"{"id":2.0,"meta":{"type":"ping"}}"#).unwrap();
        assert_eq!(decoded.raw().get(), r#"{"id":2.0,"meta":{"type":"ping"}}"#);
        assert_eq!(
            serde_json::to_string(decoded.event()).unwrap(),
            r#"{"id":2,"meta":{"type":"ping"}}"#
        );
        assert!(Event::decode(br#"{"id":2.5,"meta":{"type":"ping"}}"#).is_err());
        assert!(Event::decode(br#"{"id":256.0,"meta":{"type":"ping"}}"#).is_err());
    }

    #[test]
    fn name_at_a_nested_path_flat_or_wrapped() {
        let flat = Event::decode(br#"{"id":1,"meta":{"type":"ping"}}"#).unwrap();
        assert_eq!(flat.kind(), EventKind::Ping);
        assert!(flat.payload().is_some() && !flat.is_unknown());
        let wrapped =
            Event::decode(br#"{"queue":"q","payload":{"meta":{"type":"ping"},"id":2}}"#).unwrap();
        assert_eq!(wrapped.kind(), EventKind::Ping);
        // The canonical form of the wrapped body is the body.
        assert!(wrapped.drift().unwrap().is_empty());
        // An alias decodes as its event and the kind converts the same way.
        let alias = Event::decode(br#"{"id":3,"meta":{"type":"pong"}}"#).unwrap();
        assert_eq!(alias.kind(), EventKind::Ping);
        assert_eq!(EventKind::from("pong"), EventKind::Ping);
        // A name given out of band wins and the body may name none.
        let named = Event::decode_named("ping", br#"{"id":4,"meta":{"type":"x"}}"#).unwrap();
        assert_eq!(named.kind(), EventKind::Ping);
        let unknown = Event::decode(br#"{"meta":{"type":"zap"}}"#).unwrap();
        assert_eq!(unknown.kind().as_str(), "zap");
        assert!(!unknown.kind().is_known());
    }

    #[test]
    fn errors_say_where_the_name_should_be() {
        let case = |json: &str| Event::decode(json.as_bytes()).unwrap_err();
        let missing = case(r#"{"id":1}"#);
        assert_eq!(missing.kind(), DecodeErrorKind::MissingEventName);
        assert_eq!(missing.path(), Some("meta.type"));
        let wrapped = case(r#"{"payload":{"id":1,"meta":{}}}"#);
        assert_eq!(wrapped.path(), Some("payload.meta.type"));
        let wrong_leaf = case(r#"{"meta":{"type":5}}"#);
        assert_eq!(wrong_leaf.path(), Some("meta.type"));
        assert_eq!(
            wrong_leaf.message(),
            "invalid type: integer, expected a string (the event name)"
        );
        let wrong_node = case(r#"{"meta":"ping"}"#);
        assert_eq!(wrong_node.path(), Some("meta"));
        let not_object = case("[1]");
        assert_eq!(
            not_object.message(),
            "invalid type: expected a JSON object (a demo body)"
        );
        let bad_body = case(r#"{"payload":{"id":"x","meta":{"type":"ping"}}}"#);
        assert_eq!(bad_body.path(), Some("payload.id"));
        assert_eq!(bad_body.event(), Some("ping"));
    }

    #[test]
    fn schemas_pin_the_name_and_its_aliases_in_both_forms() {
        let schema = serde_json::to_value(Event::event_schema("ping").unwrap()).unwrap();
        let forms = schema["anyOf"].as_array().unwrap();
        assert_eq!(forms.len(), 2);
        // Bare: the body, and not a document whose `payload` is an object.
        assert_eq!(forms[0]["allOf"][0]["$ref"], "#/$defs/PingEvent");
        assert_eq!(
            forms[0]["allOf"][1]["not"]["required"],
            serde_json::json!(["payload"])
        );
        assert_eq!(forms[1]["required"], serde_json::json!(["payload"]));
        assert_eq!(
            forms[1]["properties"]["payload"]["$ref"],
            "#/$defs/PingEvent"
        );
        let body = &schema["$defs"]["PingEvent"];
        assert_eq!(body["title"], "ping");
        assert_eq!(body["description"], "Pinged.");
        let pin = &body["allOf"][1];
        assert_eq!(pin["required"], serde_json::json!(["meta"]));
        assert_eq!(
            pin["properties"]["meta"]["required"],
            serde_json::json!(["type"])
        );
        assert_eq!(
            pin["properties"]["meta"]["properties"]["type"]["enum"],
            serde_json::json!(["ping", "pong"])
        );
        assert!(Event::event_schema("zap").is_none());
        assert!(
            Event::event_schema("pong").is_some(),
            "an alias finds its event"
        );
        let union = serde_json::to_value(Event::union_schema()).unwrap();
        assert_eq!(union["oneOf"].as_array().unwrap().len(), 2);
        assert_eq!(union["$defs"]["UnknownEvent"]["title"], "Unknown");
        let known = serde_json::to_value(Event::known_schema()).unwrap();
        assert_eq!(known["oneOf"].as_array().unwrap().len(), 1);
        assert!(known["$defs"].get("UnknownEvent").is_none());
    }
}
