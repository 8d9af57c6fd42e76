//! [`RawJson`]: a JSON value kept as sent.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A JSON value kept exactly as sent: the raw JSON of every decoded event
/// ([`Decoded::raw`](crate::Decoded::raw)), what a shape enum holds for a value that fits
/// none of its shapes (the catch-all variant), and what drift reports as not modelled.
///
/// Always valid JSON: it is built by a decoder that checked it, from a `RawValue`, or by
/// [`from_string`](Self::from_string), which checks. Equality is by JSON value (whitespace
/// does not matter); serializing writes the text unchanged. `Debug` shows the size only,
/// because such values may carry personal data.
#[derive(Clone)]
pub struct RawJson(Box<str>);

impl RawJson {
    /// Text a decoder of this crate has checked to be JSON.
    pub(crate) fn trusted(text: Box<str>) -> Self {
        Self(text)
    }

    /// Checks that `text` is one JSON value and keeps it (without the whitespace around it).
    ///
    /// # Errors
    ///
    /// serde_json's error when `text` is not JSON.
    pub fn from_string(text: String) -> Result<Self, serde_json::Error> {
        RawValue::from_string(text).map(Self::from)
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        &self.0
    }

    /// The JSON text, owned.
    pub fn into_string(self) -> String {
        self.0.into_string()
    }

    /// The JSON as a serde_json `RawValue` borrowing this text, to embed it in a document
    /// serde_json writes. Reads the text once more to find its extent (linear in its size).
    pub fn as_raw_value(&self) -> &RawValue {
        // Valid JSON by construction; should that ever break, `null` says so without a panic.
        serde_json::from_str(&self.0).unwrap_or(RawValue::NULL)
    }

    /// The string value at the top-level `key` of an object, if there is one.
    pub fn str_at(&self, key: &str) -> Option<Cow<'_, str>> {
        #[derive(Deserialize)]
        struct Probe<'a>(#[serde(borrow)] std::collections::BTreeMap<Cow<'a, str>, &'a RawValue>);
        let Probe(map) = serde_json::from_str(&self.0).ok()?;
        let value = map.get(key)?;
        let text: Cow<'_, str> = serde_json::from_str(value.get()).ok()?;
        // A borrowed value lives in `self`; an unescaped one was built here.
        Some(Cow::Owned(text.into_owned()))
    }

    /// Deserializes the value into a type of the caller's choice.
    ///
    /// # Errors
    ///
    /// serde's error when the JSON does not fit `T`.
    pub fn deserialize_as<'a, T: Deserialize<'a>>(&'a self) -> Result<T, serde_json::Error> {
        serde_json::from_str(&self.0)
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        Self(raw.into())
    }
}

impl From<&RawValue> for RawJson {
    fn from(raw: &RawValue) -> Self {
        Self(raw.get().into())
    }
}

impl AsRef<str> for RawJson {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        raw_json_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({} bytes)", self.0.len())
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_raw_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(Self::from)
    }
}

impl JsonSchema for RawJson {
    fn schema_name() -> Cow<'static, str> {
        "RawJson".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "description": "Any JSON value, kept as sent." })
    }
}

/// Whether two raw JSON texts hold the same JSON value, whatever their whitespace.
///
/// Equal texts compare without parsing; otherwise both are parsed and compared as values.
/// Text that is not JSON (which a `RawValue` cannot hold) compares unequal.
pub fn raw_json_eq(a: &str, b: &str) -> bool {
    a == b
        || matches!(
            (serde_json::from_str::<serde_json::Value>(a), serde_json::from_str::<serde_json::Value>(b)),
            (Ok(a), Ok(b)) if a == b
        )
}
