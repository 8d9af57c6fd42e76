//! The runtime half of [`Shape`](crate::unstable::Shape): choosing a variant from a captured value,
//! and the schema that says the same thing.

use std::{borrow::Cow, fmt};

use schemars::{Schema, json_schema};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// What every enum deriving [`Shape`](derive@crate::unstable::Shape) tells about the value it holds:
/// which shape arrived.
///
/// ```
/// use chat_events_core::{RawJson, unstable::Shape};
///
/// #[derive(Debug, Shape)]
/// /// A bare id or a record.
/// enum Who {
///     /// A bare id.
///     #[shape(string)]
///     Id(String),
///     /// Anything else.
///     #[shape(other)]
///     Other(RawJson),
/// }
///
/// let who: Who = serde_json::from_str(r#""u-1""#).unwrap();
/// assert_eq!((who.shape(), who.is_known_shape()), ("Id", true));
/// let who: Who = serde_json::from_str("[1]").unwrap();
/// assert_eq!((who.shape(), who.is_known_shape()), ("Other", false));
/// ```
pub trait Shape {
    /// The name of the variant the value was read as (`"Row"`, `"Baileys"`, `"Other"`).
    fn shape(&self) -> &'static str;

    /// Whether the value fit one of the typed shapes (false for the raw catch-all).
    fn is_known_shape(&self) -> bool;
}

/// A condition a shape variant puts on the JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // built by `#[derive(Shape)]`'s output
pub enum Cond {
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// An object with this key present and not `null`.
    Has(&'static str),
    /// An object whose key holds this string.
    Equals(&'static str, &'static str),
}

impl Cond {
    const fn kind(self) -> u8 {
        match self {
            Self::String => b'"',
            Self::Array => b'[',
            Self::Object | Self::Has(_) | Self::Equals(..) => b'{',
        }
    }

    const fn key(self) -> Option<&'static str> {
        match self {
            Self::Has(key) | Self::Equals(key, _) => Some(key),
            Self::String | Self::Array | Self::Object => None,
        }
    }

    /// The schema of this condition alone.
    fn schema(self) -> Schema {
        match self {
            Self::String => json_schema!({ "type": "string" }),
            Self::Array => json_schema!({ "type": "array" }),
            Self::Object => json_schema!({ "type": "object" }),
            Self::Has(key) => json_schema!({
                "type": "object",
                "required": [key],
                "properties": { (key): { "not": { "type": "null" } } }
            }),
            Self::Equals(key, value) => json_schema!({
                "type": "object",
                "required": [key],
                "properties": { (key): { "const": value } }
            }),
        }
    }
}

/// What the peek found for one key: absent, `null`, a string, or another value.
#[derive(Clone, Debug, PartialEq)]
enum Seen<'a> {
    Absent,
    Null,
    Text(Cow<'a, str>),
    Value,
}

/// The most keys the shapes of one enum may name (checked by the derive's tests: the
/// largest enum names 6).
const MAX_KEYS: usize = 16;

/// The index of the first shape (a list of alternatives, each a list of conditions) one of
/// whose alternatives holds for the JSON text `raw`, reading the keys they name in one
/// pass that stops once it has them all; `None` when no shape fits.
///
/// `raw` is a value serde_json captured, so it is not checked again here.
pub fn choose_shape(raw: &str, shapes: &[&[&[Cond]]]) -> Option<usize> {
    let kind = raw
        .bytes()
        .find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))?;
    let mut keys: [&str; MAX_KEYS] = [""; MAX_KEYS];
    let mut count = 0;
    for key in shapes
        .iter()
        .flat_map(|alternatives| alternatives.iter())
        .flat_map(|conds| conds.iter().filter_map(|cond| cond.key()))
    {
        if !keys[..count].contains(&key) && count < MAX_KEYS {
            keys[count] = key;
            count += 1;
        }
    }
    let keys = &keys[..count];
    let mut seen: [Seen<'_>; MAX_KEYS] = std::array::from_fn(|_| Seen::Absent);
    if kind == b'{' && !keys.is_empty() {
        let mut missing = keys.len();
        crate::scan::members(raw, |key, value| {
            if let Some(index) = keys.iter().position(|known| *known == key)
                && seen[index] == Seen::Absent
            {
                seen[index] = match value.as_bytes().first() {
                    Some(b'n') => Seen::Null,
                    Some(b'"') => {
                        serde_json::from_str::<Cow<'_, str>>(value).map_or(Seen::Value, Seen::Text)
                    }
                    _ => Seen::Value,
                };
                missing -= 1;
            }
            missing > 0
        });
    }
    let lookup = |key: &str| {
        keys.iter()
            .position(|known| *known == key)
            .map_or(&Seen::Absent, |index| &seen[index])
    };
    let holds = |conds: &[Cond]| {
        conds.iter().all(|cond| {
            cond.kind() == kind
                && match cond {
                    Cond::Has(key) => matches!(lookup(key), Seen::Text(_) | Seen::Value),
                    Cond::Equals(key, value) => {
                        matches!(lookup(key), Seen::Text(text) if text == value)
                    }
                    Cond::String | Cond::Array | Cond::Object => true,
                }
        })
    };
    shapes
        .iter()
        .position(|alternatives| alternatives.iter().any(|conds| holds(conds)))
}

/// A value captured as its JSON text inside a `Deserialize` impl, borrowed from the input
/// when the input is a string or a byte slice (no copy), owned otherwise (`from_reader`,
/// `from_value`).
///
/// It speaks serde_json's raw-value protocol: the newtype name
/// `$serde_json::private::RawValue` that serde_json's own `&RawValue` and `Box<RawValue>`
/// ask for, answered with a one-entry map whose value is the text. serde_json offers no
/// public type that borrows when it can and owns when it must; this is that type, and the
/// tests decode shapes through `from_str`, `from_slice`, `from_reader` and `from_value` so
/// that a change of the protocol cannot pass unnoticed.
#[derive(Debug)]
pub struct Captured<'de>(Cow<'de, str>);

/// serde_json's raw-value newtype name.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

impl Captured<'_> {
    /// The JSON text.
    pub fn text(&self) -> &str {
        &self.0
    }

    /// The text as a [`RawJson`](crate::RawJson) (moved when owned, copied when borrowed).
    pub fn into_raw_json(self) -> crate::RawJson {
        crate::RawJson::trusted(self.0.into_owned().into_boxed_str())
    }
}

impl<'de> de::Deserialize<'de> for Captured<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;

        impl<'de> Visitor<'de> for Entry {
            type Value = Captured<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any valid JSON value")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                if map.next_key::<IgnoredAny>()?.is_none() {
                    return Err(de::Error::invalid_length(0, &self));
                }
                map.next_value_seed(Text)
            }
        }

        struct Text;

        impl<'de> DeserializeSeed<'de> for Text {
            type Value = Captured<'de>;

            fn deserialize<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_str(self)
            }
        }

        impl<'de> Visitor<'de> for Text {
            type Value = Captured<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("raw JSON text")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
                Ok(Captured(Cow::Borrowed(value)))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(Captured(Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
                Ok(Captured(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, Entry)
    }
}

/// One typed variant of a shape enum, for its schema.
#[derive(Debug)]
#[allow(clippy::exhaustive_structs)] // built by `#[derive(Shape)]`'s output
pub struct ShapeSchema {
    /// Its alternatives, each a list of conditions.
    pub alternatives: &'static [&'static [Cond]],
    /// The variant's name.
    pub title: &'static str,
    /// The variant's doc.
    pub description: &'static str,
    /// The schema of the variant's type.
    pub schema: Schema,
}

/// The schema of a shape enum: each variant with exactly the conditions the decoder checks
/// (its own, and not those of the variants tried before it), and the catch-all (`other`:
/// title and doc) for what fits none.
pub fn shape_schema(
    description: &str,
    shapes: &[ShapeSchema],
    other: Option<(&str, &str)>,
) -> Schema {
    let all_of = |conds: &[Cond]| -> Schema {
        match conds {
            [one] => one.schema(),
            many => {
                json_schema!({ "allOf": many.iter().map(|cond| cond.schema()).collect::<Vec<_>>() })
            }
        }
    };
    let any_of = |alternatives: &[&[Cond]]| -> Schema {
        match alternatives {
            [one] => all_of(one),
            many => {
                json_schema!({ "anyOf": many.iter().map(|conds| all_of(conds)).collect::<Vec<_>>() })
            }
        }
    };
    let mut variants = Vec::new();
    for (index, shape) in shapes.iter().enumerate() {
        let mut all = vec![any_of(shape.alternatives)];
        for earlier in &shapes[..index] {
            let all_disjoint = earlier
                .alternatives
                .iter()
                .all(|a| shape.alternatives.iter().all(|b| disjoint(a, b)));
            if !all_disjoint {
                all.push(json_schema!({ "not": any_of(earlier.alternatives) }));
            }
        }
        all.push(shape.schema.clone());
        variants.push(json_schema!({
            "title": shape.title,
            "description": shape.description,
            "allOf": all
        }));
    }
    if let Some((title, doc)) = other {
        let none: Vec<Schema> = shapes
            .iter()
            .map(|shape| any_of(shape.alternatives))
            .collect();
        variants.push(json_schema!({
            "title": title,
            "description": doc,
            "not": { "anyOf": none }
        }));
    }
    json_schema!({ "description": description, "anyOf": variants })
}

/// Whether no value can meet both condition lists (different JSON types, or one key equal
/// to two different strings).
fn disjoint(a: &[Cond], b: &[Cond]) -> bool {
    let kind = |conds: &[Cond]| conds.first().map(|cond| cond.kind());
    kind(a) != kind(b)
        || a.iter().any(|x| {
            b.iter().any(|y| {
                matches!((x, y), (Cond::Equals(k1, v1), Cond::Equals(k2, v2)) if k1 == k2 && v1 != v2)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> &str {
        text
    }

    #[test]
    fn captured_text_is_borrowed_when_it_can_be() {
        let text = r#"{"a": [1, "x"], "b": {"c": null}}"#;
        let captured: Captured<'_> = serde_json::from_str(text).unwrap();
        assert!(matches!(captured.0, Cow::Borrowed(_)));
        assert_eq!(captured.text(), text);
        let captured: Captured<'_> = serde_json::from_slice(text.as_bytes()).unwrap();
        assert!(matches!(captured.0, Cow::Borrowed(_)));
        // Inside a document, only the value itself.
        let (_, captured): (u8, Captured<'_>) = serde_json::from_str(r#"[1, "s" ]"#).unwrap();
        assert_eq!(captured.text(), r#""s""#);
        let mut reader = serde_json::Deserializer::from_reader(text.as_bytes());
        let captured = <Captured<'_> as de::Deserialize>::deserialize(&mut reader).unwrap();
        assert!(matches!(captured.0, Cow::Owned(_)));
        assert_eq!(captured.text(), text);
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let captured = <Captured<'_> as de::Deserialize>::deserialize(value).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(captured.text()).unwrap(),
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
        assert_eq!(
            captured.into_raw_json().get(),
            r#"{"a":[1,"x"],"b":{"c":null}}"#,
            "serde_json writes the value back compactly"
        );
    }

    #[test]
    fn first_fitting_shape_wins() {
        let shapes: &[&[&[Cond]]] = &[
            &[&[Cond::String]],
            &[&[Cond::Equals("type", "user")]],
            &[&[Cond::Has("wuid")], &[Cond::Has("rt")]],
            &[&[Cond::Has("id"), Cond::Has("owner")]],
            &[&[Cond::Array]],
        ];
        assert_eq!(choose_shape(raw(r#""jid""#), shapes), Some(0));
        assert_eq!(
            choose_shape(raw(r#"{"type":"user","wuid":1}"#), shapes),
            Some(1)
        );
        assert_eq!(
            choose_shape(raw(r#"{"type":"bot","wuid":1}"#), shapes),
            Some(2)
        );
        assert_eq!(
            choose_shape(raw(r#"{"rt":5}"#), shapes),
            Some(2),
            "second alternative"
        );
        assert_eq!(
            choose_shape(raw(r#"{"wuid":null,"id":1,"owner":"o"}"#), shapes),
            Some(3)
        );
        assert_eq!(
            choose_shape(raw(r#"{"id":1}"#), shapes),
            None,
            "one key of two"
        );
        assert_eq!(choose_shape(raw("[1]"), shapes), Some(4));
        assert_eq!(choose_shape(raw("12"), shapes), None);
        // An escaped tag still compares by its value; the first of two keys counts.
        assert_eq!(
            choose_shape(raw(r#"{"type":"us\u0065r"}"#), shapes),
            Some(1)
        );
        assert_eq!(
            choose_shape(raw(r#"{"type":"bot","type":"user"}"#), shapes),
            None
        );
    }
}
