//! The provider-independent core of **chat-events**.
//!
//! Users depend on one provider crate (`chatapp-events`, `codechat-events`,
//! `onechat-events`), which re-exports what it needs from here. This crate holds what every
//! provider shares, and nothing that needs an async runtime:
//!
//! - [`ProviderEvent`]: the trait every provider's event enum implements (provider name, wire
//!   event name, decode from bytes), and the [`event_enum!`] macro that declares such an enum;
//! - [`Decoded`]: a typed event together with the JSON it came from, so nothing is lost;
//! - [`UnknownEvent`]: an event name the model does not know, kept with its raw JSON;
//! - [`DecodeError`]: provider, event and JSON path of a failure, the raw bytes, and a
//!   `Display` that never prints payload contents;
//! - lenient value types for what providers really send: [`Id`] (string or number),
//!   [`Num`] and [`UnixSeconds`] (numbers sent as strings), [`Timestamp`] (any time
//!   encoding), [`ObjectOrEmpty`] (`[]` for an empty object), [`Maybe`] (absent, `null` or
//!   present), [`Secret`] (tokens inside payloads, redacted in `Debug`), and [`open_enum!`]
//!   (string enums that keep unknown values);
//! - [`drift`]: which paths of a payload the typed model drops or changes;
//! - [`EventSource`]: the async stream the live transports implement.
//!
//! Every lenient type serializes back to the representation it was read from, and its
//! `JsonSchema` lists every shape its `Deserialize` accepts.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod drift;
pub mod envelope;
mod error;
mod event;
mod event_enum;
mod lenient;
pub mod schema;
mod source;

pub use error::{DecodeError, DecodeErrorKind};
pub use event::{Decoded, ProviderEvent, UnknownEvent, decode_at, decode_captured, raw_json_eq};
pub use lenient::{
    empty::ObjectOrEmpty,
    id::Id,
    maybe::Maybe,
    num::{Integer, Num, UnixSeconds},
    one_or_many::OneOrMany,
    secret::Secret,
    timestamp::{Timestamp, TimestampForm},
};
pub use source::{EventSource, ReplaySource, SourceError};

/// Re-exports and helpers for the macros of this crate. Not public API.
#[doc(hidden)]
pub mod __private {
    use std::{
        fmt::{self, Write as _},
        marker::PhantomData,
    };

    pub use schemars;
    use schemars::{Schema, json_schema};
    pub use serde;
    use serde::de::{self, Visitor};
    pub use serde_json;

    /// Deserializes an open enum from a string.
    pub struct OpenEnumVisitor<T> {
        name: &'static str,
        value: PhantomData<fn() -> T>,
    }

    impl<T> OpenEnumVisitor<T> {
        /// A visitor for the open enum called `name`.
        pub const fn new(name: &'static str) -> Self {
            Self {
                name,
                value: PhantomData,
            }
        }
    }

    impl<T: for<'a> From<&'a str> + From<String>> Visitor<'_> for OpenEnumVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a string ({})", self.name)
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    /// Turns the text of `///` lines into a schema description.
    pub fn doc_text(doc: &str) -> String {
        doc.lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned()
    }

    /// The schema of an open enum: the known values, then any other string.
    pub fn open_enum_schema(doc: &str, values: &[(&str, &str)]) -> Schema {
        let known: Vec<&str> = values.iter().map(|(wire, _)| *wire).collect();
        let mut description = doc_text(doc);
        description.push_str("\n\nKnown values:");
        for (wire, doc) in values {
            let _ = write!(description, "\n- `{wire}`: {}", doc_text(doc));
        }
        description.push_str("\n\nAny other string is accepted and kept as it is.");
        json_schema!({
            "description": description,
            "anyOf": [
                { "type": "string", "enum": known },
                { "type": "string" }
            ]
        })
    }
}
