//! [`ObjectOrEmpty`]: an object that PHP backends send as `[]` when it is empty.

use std::{borrow::Cow, fmt, marker::PhantomData};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{self, IgnoredAny, MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer},
    ser::SerializeSeq,
};

/// A JSON object that may arrive as an empty array `[]` instead.
///
/// PHP's `json_encode` writes an empty associative array as `[]`, so a Laravel backend sends
/// `"category": []` where it would send `"category": {"id": 9, …}` when filled. Wrap such
/// fields in `ObjectOrEmpty`; combine with [`Maybe`](crate::Maybe) when `null` is possible too.
///
/// ```
/// use chat_events_core::ObjectOrEmpty;
///
/// #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
/// struct Category { id: u32 }
///
/// let empty: ObjectOrEmpty<Category> = serde_json::from_str("[]").unwrap();
/// assert_eq!(empty.as_object(), None);
/// assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
///
/// let full: ObjectOrEmpty<Category> = serde_json::from_str(r#"{"id":9}"#).unwrap();
/// assert_eq!(full.as_object(), Some(&Category { id: 9 }));
/// assert!(serde_json::from_str::<ObjectOrEmpty<Category>>("[1]").is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // an object or the empty array: nothing else is accepted
pub enum ObjectOrEmpty<T> {
    /// The object.
    Object(T),
    /// An empty array `[]` stood in for an empty object.
    EmptyArray,
}

impl<T> ObjectOrEmpty<T> {
    /// The object, unless it arrived as `[]`.
    pub const fn as_object(&self) -> Option<&T> {
        match self {
            Self::Object(object) => Some(object),
            Self::EmptyArray => None,
        }
    }

    /// Converts into the object, unless it arrived as `[]`.
    pub fn into_object(self) -> Option<T> {
        match self {
            Self::Object(object) => Some(object),
            Self::EmptyArray => None,
        }
    }
}

impl<T: Serialize> Serialize for ObjectOrEmpty<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Object(object) => object.serialize(serializer),
            Self::EmptyArray => serializer.serialize_seq(Some(0))?.end(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOrEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
            type Value = ObjectOrEmpty<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or an empty array")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map)).map(ObjectOrEmpty::Object)
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                if seq.next_element::<IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom(
                        "a non-empty array where an object was expected",
                    ));
                }
                Ok(ObjectOrEmpty::EmptyArray)
            }
        }

        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for ObjectOrEmpty<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("ObjectOrEmpty_{}", T::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("ObjectOrEmpty<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let object = generator.subschema_for::<T>();
        json_schema!({
            "anyOf": [
                object,
                {
                    "description": "An empty array, sent by PHP backends for an empty object.",
                    "type": "array",
                    "maxItems": 0
                }
            ]
        })
    }
}
