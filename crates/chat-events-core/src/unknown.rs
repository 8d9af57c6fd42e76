//! [`UnknownEvent`]: an event whose name this version does not model, kept with its raw JSON.

use std::fmt;

use serde::{Serialize, Serializer, de::DeserializeOwned};

use crate::{RawJson, lenient::raw::raw_json_eq};

/// An event whose name this version does not model: its wire name and raw JSON.
///
/// Serializing it writes the raw JSON unchanged. `Debug` shows the name and the size only,
/// because unknown payloads may carry tokens or personal data.
#[derive(Clone)]
pub struct UnknownEvent {
    name: String,
    raw: RawJson,
}

impl UnknownEvent {
    /// An unknown event named `name` with the JSON it came in.
    pub fn new(name: impl Into<String>, raw: RawJson) -> Self {
        Self {
            name: name.into(),
            raw,
        }
    }

    /// The wire name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The raw JSON.
    pub fn raw(&self) -> &RawJson {
        &self.raw
    }

    /// Deserializes the raw JSON into a type of the caller's choice.
    ///
    /// # Errors
    ///
    /// serde's error when the JSON does not fit `T`.
    pub fn deserialize_as<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.raw.get())
    }
}

impl PartialEq for UnknownEvent {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && raw_json_eq(self.raw.get(), other.raw.get())
    }
}

impl fmt::Debug for UnknownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownEvent")
            .field("name", &self.name)
            .field("raw_len", &self.raw.get().len())
            .finish()
    }
}

impl Serialize for UnknownEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}
