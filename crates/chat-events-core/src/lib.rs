//! The provider-independent core of **chat-events**.
//!
//! Users depend on one provider crate (`chatapp-events`, `codechat-events`,
//! `onechat-events`), which re-exports what it needs from here. This crate holds what every
//! provider shares, and nothing that needs an async runtime:
//!
//! - [`Spine`]: a provider's wire format described once (where the event name sits, the
//!   wrapper its body may come in, aliases); decoding, canonical JSON and the JSON Schemas of
//!   every provider are derived from it;
//! - [`ProviderEvent`]: the trait every provider's event enum implements (provider name, wire
//!   event name, decode from bytes, schemas), and the [`event_enum!`] macro that declares such
//!   an enum from a spine and one sorted list of events;
//! - [`Shape`]: the derive for enums whose variant is told by the payload's shape (its JSON
//!   type, its keys, a tag's value), with a raw catch-all ([`RawJson`]) for what fits none;
//! - [`Decoded`]: a typed event together with the JSON it came from, so nothing is lost;
//! - [`UnknownEvent`]: an event name the model does not know, kept with its raw JSON;
//! - [`DecodeError`]: provider, event and JSON path of a failure, the raw bytes, and a
//!   `Display` that never prints payload contents;
//! - lenient value types for what providers really send: [`Id`] (string or number),
//!   [`Num`] and [`UnixSeconds`] (numbers sent as strings), [`Timestamp`] (any time
//!   encoding), [`ObjectOrEmpty`] (`[]` for an empty object), [`Maybe`] (absent, `null` or
//!   present), [`Secret`] (tokens inside payloads, redacted in `Debug`), and [`open_enum!`]
//!   (string enums that keep unknown values, read with `as_str()`);
//! - [`normalized`]: one small event model across the providers (messages, statuses,
//!   typing, presence, conversations, contacts), each event keeping its source;
//! - [`drift`]: which paths of a payload the typed model drops or changes;
//! - [`EventSource`], [`Update`], [`ConnectionState`]: what the live transports yield and
//!   report, the same for every provider.
//!
//! Every lenient type serializes back to the representation it was read from, and its
//! `JsonSchema` lists every shape its `Deserialize` accepts.
//!
#![cfg_attr(feature = "document-features", doc = "## Feature flags")]
#![cfg_attr(feature = "document-features", doc = document_features::document_features!())]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The macros name this crate by its path; this makes the path work inside it too.
#[allow(unused_extern_crates)]
extern crate self as chat_events_core;

pub mod drift;
mod error;
mod event;
pub mod fixture;
pub mod jsonc;
mod lenient;
pub mod normalized;
pub mod recording;
mod scan;
pub mod schema;
mod shape;
mod source;
mod spine;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
mod unknown;
mod validate;

pub use chat_events_macros::{Shape, event_enum, open_enum};
pub use error::{DecodeError, DecodeErrorKind};
pub use event::{Decoded, ProviderEvent, check_interoperable, decode_at};
pub use fixture::Fixture;
pub use lenient::{
    empty::ObjectOrEmpty,
    id::Id,
    maybe::Maybe,
    num::{Integer, Num, UnixSeconds},
    one_or_many::OneOrMany,
    raw::{RawJson, raw_json_eq},
    secret::Secret,
    timestamp::{Timestamp, TimestampForm},
};
pub use scan::peek;
pub use shape::Shape;
pub use source::{ConnectionState, EventSource, ReplaySource, SourceError, Update};
pub use spine::{Spine, Wrapper};
pub use unknown::UnknownEvent;
pub use validate::{MAX_DEPTH, path_segment};

/// What the macros of this crate expand to. Not public API: nothing here is stable.
#[doc(hidden)]
pub mod __private {
    use std::{
        borrow::Borrow,
        fmt::{self, Write as _},
        marker::PhantomData,
    };

    pub use schemars;
    use schemars::{Schema, SchemaGenerator, json_schema};
    pub use serde;
    use serde::de::{self, Visitor};
    pub use serde_json;

    pub use crate::{
        event::{decode_at, decode_captured},
        shape::{Captured, Cond, ShapeSchema, choose_shape, shape_schema},
        spine::Dispatch,
    };

    /// Whether the single-pass scan accepts `text` (any JSON value at the top): for the
    /// fuzz target and tests that compare it with the slow checks.
    pub fn scan_accepts(text: &str) -> bool {
        crate::scan::acceptable(text)
    }

    /// Whether the slow checks accept `text`: serde_json's parse, then the I-JSON rules.
    pub fn slow_accepts(text: &str) -> bool {
        serde_json::from_str::<&serde_json::value::RawValue>(text)
            .is_ok_and(|raw| crate::validate::check(raw).is_ok())
    }

    /// The union schema of a provider's events (`JsonSchema` of the event enum).
    pub fn union_schema<E: Dispatch>(generator: &mut SchemaGenerator) -> Schema {
        crate::spine::union_schema::<E>(generator, true)
    }

    /// The unknown value of an open enum: private, so that users read it with `as_str()`
    /// and cannot match on a string that a later version may know.
    #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct PrivOwnedStr(Box<str>);

    impl PrivOwnedStr {
        /// The value.
        pub fn as_str(&self) -> &str {
            &self.0
        }
    }

    impl From<&str> for PrivOwnedStr {
        fn from(value: &str) -> Self {
            Self(value.into())
        }
    }

    impl From<String> for PrivOwnedStr {
        fn from(value: String) -> Self {
            Self(value.into_boxed_str())
        }
    }

    impl Borrow<str> for PrivOwnedStr {
        fn borrow(&self) -> &str {
            &self.0
        }
    }

    impl fmt::Debug for PrivOwnedStr {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&*self.0, f)
        }
    }

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

    /// The schema of an open enum: the known values, then any other string.
    pub fn open_enum_schema(doc: &str, values: &[(&str, &str)]) -> Schema {
        let known: Vec<&str> = values.iter().map(|(wire, _)| *wire).collect();
        let mut description = doc.to_owned();
        description.push_str("\n\nKnown values:");
        for (wire, doc) in values {
            let _ = write!(description, "\n- `{wire}`: {doc}");
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
