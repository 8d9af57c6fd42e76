//! The runtime half of [`Shape`](crate::Shape): choosing a variant from a captured value,
//! and the schema that says the same thing.

use std::{borrow::Cow, fmt};

use schemars::{Schema, json_schema};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// What every enum deriving [`Shape`](derive@crate::Shape) tells about the value it holds:
/// which shape arrived.
///
/// ```
/// use chat_events_core::{RawJson, Shape};
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

/// The index of the first shape (a list of alternatives, each a list of conditions) one of
/// whose alternatives holds for `raw`, reading the keys they name in one borrowed pass;
/// `None` when no shape fits.
pub fn choose_shape(raw: &RawValue, shapes: &[&[&[Cond]]]) -> Option<usize> {
    let kind = raw.get().trim_start().bytes().next()?;
    let keys: Vec<&'static str> = shapes
        .iter()
        .flat_map(|alternatives| alternatives.iter())
        .flat_map(|conds| conds.iter().filter_map(|cond| cond.key()))
        .collect();
    let seen = if kind == b'{' && !keys.is_empty() {
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        Peek { keys: &keys }.deserialize(&mut deserializer).ok()?
    } else {
        Vec::new()
    };
    let lookup = |key: &str| {
        keys.iter()
            .position(|known| *known == key)
            .and_then(|index| seen.get(index))
            .unwrap_or(&Seen::Absent)
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

/// Reads the top-level keys `keys` of an object (the first occurrence of each).
struct Peek<'k> {
    keys: &'k [&'static str],
}

impl<'de> DeserializeSeed<'de> for Peek<'_> {
    type Value = Vec<Seen<'de>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Peek<'_> {
    type Value = Vec<Seen<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = vec![Seen::Absent; self.keys.len()];
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match self.keys.iter().position(|known| *known == key) {
                Some(index) if seen[index] == Seen::Absent => {
                    seen[index] = map.next_value::<SeenValue<'de>>()?.0;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(seen)
    }
}

struct SeenValue<'a>(Seen<'a>);

impl<'de> de::Deserialize<'de> for SeenValue<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeenVisitor;

        impl<'de> Visitor<'de> for SeenVisitor {
            type Value = SeenValue<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Text(Cow::Borrowed(value))))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Text(Cow::Owned(value.to_owned()))))
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Null))
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Null))
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Value))
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Value))
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Value))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(SeenValue(Seen::Value))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(SeenValue(Seen::Value))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(SeenValue(Seen::Value))
            }
        }

        deserializer.deserialize_any(SeenVisitor)
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

    fn raw(text: &str) -> Box<RawValue> {
        serde_json::from_str(text).unwrap()
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
        assert_eq!(choose_shape(&raw(r#""jid""#), shapes), Some(0));
        assert_eq!(
            choose_shape(&raw(r#"{"type":"user","wuid":1}"#), shapes),
            Some(1)
        );
        assert_eq!(
            choose_shape(&raw(r#"{"type":"bot","wuid":1}"#), shapes),
            Some(2)
        );
        assert_eq!(
            choose_shape(&raw(r#"{"rt":5}"#), shapes),
            Some(2),
            "second alternative"
        );
        assert_eq!(
            choose_shape(&raw(r#"{"wuid":null,"id":1,"owner":"o"}"#), shapes),
            Some(3)
        );
        assert_eq!(
            choose_shape(&raw(r#"{"id":1}"#), shapes),
            None,
            "one key of two"
        );
        assert_eq!(choose_shape(&raw("[1]"), shapes), Some(4));
        assert_eq!(choose_shape(&raw("12"), shapes), None);
        // An escaped tag still compares by its value; the first of two keys counts.
        assert_eq!(
            choose_shape(&raw(r#"{"type":"us\u0065r"}"#), shapes),
            Some(1)
        );
        assert_eq!(
            choose_shape(&raw(r#"{"type":"bot","type":"user"}"#), shapes),
            None
        );
    }
}
