//! [`CustomField`]: a user-defined field on a chat, and its value.

use std::{borrow::Cow, fmt};

use chat_events_core::{Id, Maybe, Num, unstable::open_enum};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer},
};

/// A custom field of a chat with its current value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CustomField {
    /// Field id.
    pub id: Id,
    /// Field name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The choices of a `select` field; `null` for other kinds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub options: Maybe<Vec<CustomFieldOption>>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
    /// Kind of field, which decides the shape of `value`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<CustomFieldType>,
    /// Current value: a number for `numeric`, the chosen option's id for `select`, text for
    /// `string`; `null` when unset.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<CustomFieldValue>,
}

impl CustomField {
    /// The option chosen in a `select` field, looked up by the value's id.
    pub fn selected_option(&self) -> Option<&CustomFieldOption> {
        let chosen = self.value.get()?.as_i64()?;
        self.options
            .get()?
            .iter()
            .find(|option| option.id.as_i64() == Some(chosen))
    }
}

/// One choice of a `select` custom field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CustomFieldOption {
    /// Option id (what a `select` field's value holds).
    pub id: Id,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
    /// Option text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<String>,
}

open_enum! {
    /// Kind of a custom field.
    pub enum CustomFieldType {
        /// A number (integer or decimal).
        Numeric = "numeric",
        /// One choice among `options`; the value is the option id.
        Select = "select",
        /// Free text.
        String = "string",
    }
}

/// The value of a custom field, kept in the JSON type it arrived in.
///
/// Which type arrives depends on the field's kind; the variants cover every JSON value but
/// `null` (which is the field's `Maybe::Null`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CustomFieldValue {
    /// `true` or `false`.
    Bool(bool),
    /// A list of values (several choices).
    List(Vec<CustomFieldValue>),
    /// A number, kept exactly as sent (`205` stays an integer, `1234.66672` a decimal).
    Number(serde_json::Number),
    /// An object (not documented; kept as it came).
    Object(serde_json::Map<String, serde_json::Value>),
    /// Text.
    String(String),
}

impl CustomFieldValue {
    /// The value as a float: numbers, and strings holding one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(number) => number.as_f64(),
            Self::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as an integer (such as a `select` option id): integral numbers, and strings
    /// holding one.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Number(number) => number.as_i64(),
            Self::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as text, when it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }
}

impl Serialize for CustomFieldValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Bool(value) => serializer.serialize_bool(*value),
            Self::List(values) => values.serialize(serializer),
            Self::Number(number) => number.serialize(serializer),
            Self::Object(map) => map.serialize(serializer),
            Self::String(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for CustomFieldValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;

        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = CustomFieldValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a custom field value (number, string, boolean, list or object)")
            }

            fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
                Ok(CustomFieldValue::Bool(value))
            }

            fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E> {
                Ok(CustomFieldValue::Number(value.into()))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E> {
                Ok(CustomFieldValue::Number(value.into()))
            }

            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Self::Value, E> {
                serde_json::Number::from_f64(value)
                    .map(CustomFieldValue::Number)
                    .ok_or_else(|| E::custom("a non-finite number"))
            }

            fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
                Ok(CustomFieldValue::String(value.to_owned()))
            }

            fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
                Ok(CustomFieldValue::String(value))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut values = Vec::new();
                while let Some(value) = seq.next_element()? {
                    values.push(value);
                }
                Ok(CustomFieldValue::List(values))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                serde_json::Map::deserialize(MapAccessDeserializer::new(map))
                    .map(CustomFieldValue::Object)
            }
        }

        deserializer.deserialize_any(ValueVisitor)
    }
}

impl JsonSchema for CustomFieldValue {
    fn schema_name() -> Cow<'static, str> {
        "CustomFieldValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The value of a custom field: a number (`numeric`; the option id for `select`), text (`string`), a boolean, a list or an object.",
            "type": ["number", "string", "boolean", "array", "object"]
        })
    }
}
