//! [`Secret`]: a token inside a payload that must not reach logs.

use std::{borrow::Cow, fmt};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A credential carried inside a payload or a connection setting: a pubsub token, a JWT, an
/// access token.
///
/// It serializes and deserializes as the plain string (payloads stay byte-identical), but
/// `Debug` prints `Secret(<redacted>)` and there is no `Display`: a typed event can be logged
/// with `{:?}` without leaking the credentials inside it. Read the value with
/// [`expose`](Self::expose), on purpose.
///
/// ```
/// use chat_events_core::Secret;
///
/// let token: Secret = serde_json::from_str(r#""Zx9kQ2vN7pLm""#).unwrap();
/// assert_eq!(format!("{token:?}"), "Secret(<redacted>)");
/// assert_eq!(token.expose(), "Zx9kQ2vN7pLm");
/// assert_eq!(serde_json::to_string(&token).unwrap(), r#""Zx9kQ2vN7pLm""#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(Box<str>);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into().into_boxed_str())
    }

    /// The credential itself. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the credential is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

impl JsonSchema for Secret {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Secret".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A credential (token, JWT). Treat as secret: do not log.",
            "type": "string"
        })
    }
}
