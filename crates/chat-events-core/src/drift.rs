//! Drift: what a typed model drops or changes from a payload.
//!
//! A provider adds a field; the model does not know it yet; decoding still succeeds (unknown
//! fields never fail a decode) but the typed value no longer carries everything. [`compare`]
//! finds these places by re-serializing the typed value and walking the original JSON
//! beside it. It reports each path that is present in the original and missing from, or
//! different in, the re-serialization. Keys the model adds are not drift.
//!
//! The fixture round-trip tests are built on it, and users can run it on captured payloads:
//!
//! ```
//! use chat_events_core::drift::{self, DriftKind};
//! use serde_json::json;
//!
//! let original = json!({"data": [{"id": 1, "color": "red"}], "meta": {"type": "x"}});
//! let model = json!({"data": [{"id": "1"}], "meta": {"type": "x"}});
//! let drift = drift::compare(&original, &model);
//! assert_eq!(drift.len(), 2);
//! assert_eq!(drift[0].path(), "data[0].color");
//! assert_eq!(drift[0].kind(), DriftKind::Missing);
//! assert_eq!(drift[1].path(), "data[0].id");
//! assert_eq!(drift[1].to_string(), "`data[0].id` changed by the model (number became string)");
//! ```

use std::fmt;

use serde_json::Value;

use crate::{DecodeError, Decoded, ProviderEvent};

mod stream;

/// One place where the model's re-serialization differs from the original payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    pub(crate) path: String,
    pub(crate) kind: DriftKind,
}

impl Drift {
    /// The JSON path in the original payload (`data[0].chat.fullId`; `.` for the root).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// How the model differs there.
    pub const fn kind(&self) -> DriftKind {
        self.kind
    }
}

impl fmt::Display for Drift {
    /// Names the path and the JSON types only: never the values, which may be personal data.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            DriftKind::Missing => write!(f, "`{}` missing from the model", self.path),
            DriftKind::Changed { original, model } if original == model => {
                write!(
                    f,
                    "`{}` changed by the model (a different {original})",
                    self.path
                )
            }
            DriftKind::Changed { original, model } => {
                write!(
                    f,
                    "`{}` changed by the model ({original} became {model})",
                    self.path
                )
            }
        }
    }
}

/// How the model differs from the original at a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DriftKind {
    /// The original has a value here; the model wrote nothing.
    Missing,
    /// The model wrote a different value here.
    Changed {
        /// JSON type in the original.
        original: JsonType,
        /// JSON type the model wrote.
        model: JsonType,
    },
}

/// The type of a JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(clippy::exhaustive_enums)] // JSON has exactly these six types
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// The type of `value`.
    pub const fn of(value: &Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Bool(_) => Self::Boolean,
            Value::Number(_) => Self::Number,
            Value::String(_) => Self::String,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Null => "null",
            Self::Boolean => "boolean",
            Self::Number => "number",
            Self::String => "string",
            Self::Array => "array",
            Self::Object => "object",
        })
    }
}

/// Lists the paths present in `original` that are missing from, or different in, `model`,
/// in document order (object keys sorted).
///
/// Numbers compare by representation as serde_json keeps it: `1` and `1.0` differ, as they
/// would for a consumer in another language.
pub fn compare(original: &Value, model: &Value) -> Vec<Drift> {
    let mut drift = Vec::new();
    walk(original, model, &mut String::new(), &mut drift);
    drift
}

/// [`compare`] below `path`, into `drift`.
pub(crate) fn walk_values(
    original: &Value,
    model: &Value,
    path: &mut String,
    drift: &mut Vec<Drift>,
) {
    walk(original, model, path, drift);
}

fn walk(original: &Value, model: &Value, path: &mut String, drift: &mut Vec<Drift>) {
    match (original, model) {
        (Value::Object(original), Value::Object(model)) => {
            for (key, value) in original {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                match model.get(key) {
                    Some(other) => walk(value, other, path, drift),
                    None => drift.push(Drift {
                        path: path.clone(),
                        kind: DriftKind::Missing,
                    }),
                }
                path.truncate(len);
            }
        }
        (Value::Array(original), Value::Array(model)) => {
            for (index, value) in original.iter().enumerate() {
                let len = path.len();
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
                match model.get(index) {
                    Some(other) => walk(value, other, path, drift),
                    None => drift.push(Drift {
                        path: path.clone(),
                        kind: DriftKind::Missing,
                    }),
                }
                path.truncate(len);
            }
        }
        (original, model) if original == model => {}
        (original, model) => drift.push(Drift {
            path: if path.is_empty() {
                ".".to_owned()
            } else {
                path.clone()
            },
            kind: DriftKind::Changed {
                original: JsonType::of(original),
                model: JsonType::of(model),
            },
        }),
    }
}

/// The drift of a typed `event` against the JSON text `raw` it was decoded from, after the
/// provider's [canonical wrapping](ProviderEvent::canonical_json).
///
/// # Errors
///
/// serde's error when the typed event or the raw JSON cannot be turned into a JSON value.
pub fn of<E: ProviderEvent>(event: &E, raw: &str) -> Result<Vec<Drift>, serde_json::Error> {
    serde_json::from_str::<serde::de::IgnoredAny>(raw)?;
    trusted::<E>(event, raw)
}

/// [`of`] for text a decode checked: the typed value is compared with the text while it is
/// serialized, without building either as a `Value` (see `stream`).
fn trusted<E: ProviderEvent>(event: &E, raw: &str) -> Result<Vec<Drift>, serde_json::Error> {
    stream::compare(raw, E::SPINE.wrapper_key(), event)
}

/// Decodes `bytes` as a provider event and returns its drift: the check to run over captured
/// payloads before trusting the model with them.
///
/// ```
/// # // A minimal provider to show the call; real ones are `chatapp_events::Event` and friends.
/// # use chat_events_core::unstable::Spine;
/// # const SPINE: Spine = Spine::new("demo", &["event"]);
/// # pub trait Common {}
/// # #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
/// # pub struct Ping { event: String, id: u8 }
/// # impl Common for Ping {}
/// # chat_events_core::unstable::event_enum! {
/// #     /// Demo events.
/// #     pub enum Event;
/// #     /// Demo event names.
/// #     pub enum EventKind;
/// #     spine = SPINE;
/// #     payload_trait = Common;
/// #     /// Pinged.
/// #     Ping(Ping) = "ping",
/// # }
/// let drift = chat_events_core::drift::check::<Event>(br#"{"event": "ping", "id": 7, "extra": true}"#).unwrap();
/// assert_eq!(drift[0].to_string(), "`extra` missing from the model");
/// ```
///
/// # Errors
///
/// The [`DecodeError`] when the bytes do not decode.
pub fn check<E: ProviderEvent>(bytes: &[u8]) -> Result<Vec<Drift>, DecodeError> {
    let decoded = E::decode(bytes)?;
    decoded.drift().map_err(|error| {
        let message = format!("the typed event could not be serialized back: {error}");
        DecodeError::data(E::PROVIDER, Some(decoded.name()), ".".to_owned(), &message)
            .with_raw(bytes)
    })
}

impl<E: ProviderEvent> Decoded<E> {
    /// The JSON paths of the original that the typed value drops or changes (see
    /// [`drift`](crate::drift)); empty when the model covers the payload completely.
    ///
    /// # Errors
    ///
    /// Serializing the typed event failed (a bug in the model: it is reported, not hidden).
    pub fn drift(&self) -> Result<Vec<Drift>, serde_json::Error> {
        trusted(&**self, self.raw().get())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn equal_documents_have_no_drift() {
        let value = json!({"a": [1, {"b": null}], "c": "d"});
        assert!(compare(&value, &value).is_empty());
    }

    #[test]
    fn reports_missing_and_changed_by_path() {
        let original = json!({"a": [1, 2, {"b": 1.5}], "c": {"d": true}, "e": 1});
        let model = json!({"a": [1], "c": {}, "e": 1.0, "added": 1});
        let found: Vec<String> = compare(&original, &model)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            found,
            [
                "`a[1]` missing from the model",
                "`a[2]` missing from the model",
                "`c.d` missing from the model",
                "`e` changed by the model (a different number)",
            ]
        );
    }

    #[test]
    fn a_changed_root_is_named_dot() {
        let drift = compare(&json!(1), &json!("1"));
        assert_eq!(drift[0].path(), ".");
    }
}
