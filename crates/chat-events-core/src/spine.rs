//! [`Spine`]: a provider described once — where its event name sits, how its body may be
//! wrapped, which other spellings its names have — and everything derived from that
//! description: decoding (by the name in the body or a name given out of band), the
//! canonical JSON a decoded event re-serializes to, and the JSON Schemas of one event, of
//! any event, and of the envelope.
//!
//! Every provider crate declares one `Spine` constant and hands it to
//! [`event_enum!`](crate::event_enum); its decoder and schemas are then these functions,
//! the same code for all three providers.
//!
//! ```
//! use chat_events_core::{unstable::Spine, unstable::Wrapper};
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

use std::{borrow::Cow, fmt};

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::{
    DecodeError, RawJson, UnknownEvent,
    scan::{self, Found, Head},
    unstable::{Dispatch, schema},
};

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

/// Decodes a payload of the provider `E`: finds the body, reads the name (unless `given`),
/// and decodes exactly the type of that name, or keeps the payload as an unknown event.
///
/// One [`scan`](crate::scan) checks the document and finds the body and the name; only a
/// document the scan refuses goes through the slow checks, which say what is wrong and where.
pub(crate) fn decode<E: Dispatch>(text: &str, given: Option<&str>) -> Result<E, DecodeError> {
    let spine = E::SPINE;
    let name_path: &'static [&'static str] = if given.is_some() {
        &[]
    } else {
        spine.name_path
    };
    let head = match scan::scan(text, spine.wrapper_key(), name_path) {
        Some(head) => head,
        None => slow_head::<E>(text, given)?,
    };
    let provider = spine.provider;
    let name: Cow<'_, str> = match (given, head.name) {
        (Some(name), _) => Cow::Borrowed(name),
        (None, Found::Name(name)) => name,
        (None, Found::Absent | Found::Null) => {
            return Err(DecodeError::missing_event_name(
                provider,
                &Spine::join(head.prefix, &spine.name_path()),
            ));
        }
        (None, Found::Wrong { depth, kind }) => {
            let path = spine.name_path[..=depth.min(spine.name_path.len() - 1)].join(".");
            let expected = if depth + 1 < spine.name_path.len() {
                "an object"
            } else {
                "a string (the event name)"
            };
            return Err(DecodeError::data(
                provider,
                None,
                Spine::join(head.prefix, &path),
                &format!("invalid type: {kind}, expected {expected}"),
            ));
        }
    };
    let wire = spine.resolve_alias(&name).unwrap_or(&name);
    let known = E::decode_known(wire, head.prefix, head.body);
    if let Some(Err(error)) = known {
        // A float with no fraction (`90512.0`, `1e3`) is an integer to JSON Schema, to
        // JavaScript and to Python; PHP and Python backends write integral floats that way.
        // Rare, so read only when the first try failed: again with them written as integers.
        return match integral_floats_as_integers(text) {
            Some(rewritten) => decode::<E>(&rewritten, given),
            None => Err(error),
        };
    }
    known.unwrap_or_else(|| {
        Ok(E::from(UnknownEvent::new(
            name.into_owned(),
            RawJson::trusted(
                text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    .into(),
            ),
        )))
    })
}

/// `text` with every number that has a fraction or exponent but an integral value written as
/// that integer (`90512.0` → `90512`, `1.5e3` → `1500`, `-0.0` → `0`); `None` when there is no
/// such number. Numbers of more than 20 digits are left alone (no integer field holds them:
/// `u64::MAX` has 20). Strings are copied unchanged.
///
/// Bounded: exponents make short literals long (`1e19` → 20 digits), so the rewrite gives up
/// (`None`: the first error stands) once it would be more than twice as long as the input.
fn integral_floats_as_integers(text: &str) -> Option<String> {
    let limit = text.len().saturating_mul(2);
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        match bytes[pos] {
            b'"' => {
                pos += 1;
                while pos < bytes.len() && bytes[pos] != b'"' {
                    pos += if bytes[pos] == b'\\' { 2 } else { 1 };
                }
                pos += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = pos;
                while pos < bytes.len()
                    && matches!(bytes[pos], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    pos += 1;
                }
                if let Some(integer) = integral(&text[start..pos]) {
                    out.push_str(&text[copied..start]);
                    out.push_str(&integer);
                    copied = pos;
                    if out.len() > limit {
                        return None;
                    }
                }
            }
            _ => pos += 1,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The integer a float literal stands for, when it has a fraction or exponent and its value
/// is integral.
fn integral(number: &str) -> Option<String> {
    if !number.contains(['.', 'e', 'E']) {
        return None;
    }
    let (negative, unsigned) = number
        .strip_prefix('-')
        .map_or((false, number), |rest| (true, rest));
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{whole}{fraction}");
    let mut scale = exponent.checked_sub(i64::try_from(fraction.len()).ok()?)?;
    let significant = digits.trim_start_matches('0').len();
    digits.drain(..digits.len() - significant);
    if digits.is_empty() {
        return Some("0".to_owned());
    }
    while digits.ends_with('0') {
        digits.pop();
        scale += 1;
    }
    if scale < 0 || i64::try_from(digits.len()).ok()? + scale > 20 {
        return None;
    }
    let zeros = usize::try_from(scale).ok()?;
    Some(format!(
        "{}{digits}{}",
        if negative { "-" } else { "" },
        "0".repeat(zeros)
    ))
}

/// The checks of a document the scan refused, in the order that says the most: JSON syntax
/// (serde_json's message, with line and column), an object at the top, then the I-JSON
/// rules with their path. A document that passes them all (the scan and these checks are
/// meant to agree, and are tested to) is read the slow way.
#[cold]
fn slow_head<'a, E: Dispatch>(text: &'a str, given: Option<&str>) -> Result<Head<'a>, DecodeError> {
    let spine = E::SPINE;
    let provider = spine.provider;
    let raw: &RawValue = serde_json::from_str(text).map_err(|error| {
        let error = DecodeError::syntax(provider, &error);
        match given {
            Some(name) => error.with_event(name),
            None => error,
        }
    })?;
    if !raw.get().starts_with('{') {
        let message = format!("invalid type: expected a JSON object ({})", spine.what);
        return Err(DecodeError::data(provider, given, ".".to_owned(), &message));
    }
    crate::validate::check(raw).map_err(|refusal| {
        DecodeError::not_interoperable(provider, given, refusal.path, &refusal.message)
    })?;
    let wrapper = spine.wrapper_key();
    let head = peek(raw, wrapper, given.is_none().then_some(spine.name_path))
        .map_err(|error| DecodeError::data(provider, given, ".".to_owned(), &error.to_string()))?;
    Ok(match head.wrapped {
        Some(body) if body.get().starts_with('{') => {
            let prefix = wrapper.unwrap_or_default();
            let name = if given.is_some() {
                Found::Absent
            } else {
                peek(body, None, Some(spine.name_path))
                    .map_err(|error| {
                        DecodeError::data(provider, None, prefix.to_owned(), &error.to_string())
                    })?
                    .name
            };
            Head {
                body: body.get(),
                prefix,
                name,
            }
        }
        _ => Head {
            body: raw.get(),
            prefix: "",
            name: head.name,
        },
    })
}

/// What the slow name lookup found at the top level.
struct Top<'a> {
    wrapped: Option<&'a RawValue>,
    name: Found<'a>,
}

/// One borrowed pass over the top level: the wrapper's value and the name.
fn peek<'a>(
    raw: &'a RawValue,
    wrapper: Option<&'static str>,
    name_path: Option<&'static [&'static str]>,
) -> Result<Top<'a>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    TopVisitor { wrapper, name_path }.deserialize(&mut deserializer)
}

struct TopVisitor {
    wrapper: Option<&'static str>,
    name_path: Option<&'static [&'static str]>,
}

impl<'de> DeserializeSeed<'de> for TopVisitor {
    type Value = Top<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = Top {
            wrapped: None,
            name: Found::Absent,
        };
        let mut name_seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if self.wrapper == Some(&*key) && head.wrapped.is_none() {
                head.wrapped = Some(map.next_value::<&'de RawValue>()?);
            } else if let Some(path) = self.name_path.filter(|path| !name_seen && path[0] == key) {
                name_seen = true;
                head.name = map.next_value_seed(NameAt { path, depth: 0 })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(head)
    }
}

/// Follows the name path below the top level.
struct NameAt {
    path: &'static [&'static str],
    depth: usize,
}

impl NameAt {
    const fn leaf(&self) -> bool {
        self.depth + 1 == self.path.len()
    }

    const fn wrong<'a>(&self, kind: &'static str) -> Found<'a> {
        Found::Wrong {
            depth: self.depth,
            kind,
        }
    }
}

impl<'de> DeserializeSeed<'de> for NameAt {
    type Value = Found<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NameAt {
    type Value = Found<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        if self.leaf() {
            Ok(Found::Name(Cow::Borrowed(value)))
        } else {
            Ok(self.wrong("string"))
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        if self.leaf() {
            Ok(Found::Name(Cow::Owned(value.to_owned())))
        } else {
            Ok(self.wrong("string"))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Found::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Found::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(self.wrong("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(self.wrong("integer"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(self.wrong("integer"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(self.wrong("floating point"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.wrong("sequence"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if self.leaf() {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(self.wrong("map"));
        }
        let next = self.path[self.depth + 1];
        let mut found = Found::Absent;
        let mut seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if !seen && key == next {
                seen = true;
                found = map.next_value_seed(NameAt {
                    path: self.path,
                    depth: self.depth + 1,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// `{"allOf": [payload, name pinned to names]}`-style schemas, shared by the three below.
/// Every object on the name path is required, as [`decode`] needs them.
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
            assert_eq!(super::integral(float).as_deref(), integer, "{float}");
        }
        assert_eq!(
            super::integral_floats_as_integers(r#"{"a":"1.0\"","b":[2.0,3.5],"c\\\"":4e0}"#)
                .as_deref(),
            Some(r#"{"a":"1.0\"","b":[2,3.5],"c\\\"":4}"#)
        );
        assert_eq!(super::integral_floats_as_integers(r#"{"a":1.5}"#), None);
        // A body of short exponents would grow fivefold: the rewrite gives up at twice.
        let dense = format!("{{\"a\":[{}1]}}", "1e19,".repeat(10_000));
        assert_eq!(super::integral_floats_as_integers(&dense), None);
        let sparse = format!("{{\"a\":[1e3,{}1]}}", "1,".repeat(10_000));
        assert!(
            super::integral_floats_as_integers(&sparse)
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
