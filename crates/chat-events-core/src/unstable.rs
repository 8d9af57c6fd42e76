//! What the provider crates and the macros of `chat-events-macros` need from the core:
//! **not public API**. Nothing here follows semantic versioning; the provider crates require
//! this crate's exact version (`=x.y.z`) so that they always agree with it. Users read events
//! through the items at the crate root and the provider crates.
//!
//! - [`Spine`], [`Wrapper`], [`decode_at`], [`check_interoperable`]: a provider's wire format
//!   and the decoding derived from it (what `event_enum!` expands to calls these);
//! - [`Shape`] (trait and derive), [`event_enum!`], [`open_enum!`]: how provider crates declare
//!   their models;
//! - [`schema`]: building the JSON Schemas provider crates export;
//! - [`jsonc`], [`recording`], [`fixture`]: reading documented examples and recordings;
//! - [`peek`], [`MAX_DEPTH`], [`path_segment`], [`raw_json_eq`]: the single-pass scan and
//!   JSON-path helpers the transports use;
//! - `testkit` (feature `testkit`): the loopback listener the providers' test servers share.

use std::{
    borrow::Borrow,
    fmt::{self, Write as _},
    marker::PhantomData,
};

pub use chat_events_macros::{Shape, event_enum, open_enum};
pub use schemars;
use schemars::{Schema, SchemaGenerator, json_schema};
pub use serde;
use serde::de::{self, Visitor};
pub use serde_json;

pub use crate::{
    event::{check_interoperable, decode_at, decode_at_once, decode_captured},
    lenient::raw::raw_json_eq,
    scan::{
        de::{AtOnce, SHAPE_AHEAD},
        peek,
    },
    shape::{Captured, Cond, Shape, ShapeSchema, choose_shape, shape_schema},
    spine::Dispatch,
    spine::{Spine, Wrapper},
    validate::{MAX_DEPTH, path_segment},
};

/// Writes the canonical JSON of `text` to `out` (keys sorted, no whitespace, numbers and
/// strings as serde_json writes them: byte for byte `Value::to_string`), straight from the
/// text; `false` when `text` is not an acceptable document or needs serde_json's own
/// printing (then build the `Value`). For content ids.
pub fn write_canonical_json(text: &str, out: &mut String) -> bool {
    crate::canonical::write(text, out)
}

/// Decodes `text` the one-pass way only (see [`decode_at_once`]): `None` where
/// [`ProviderEvent::decode`](crate::ProviderEvent::decode) would go the checking way. For the
/// tests that compare the two ways.
pub fn decode_in_one_pass<E: Dispatch>(text: &str) -> Option<E> {
    crate::spine::at_once::<E>(text, None)
}

/// Decodes `text` the checking way only (the scan, then serde_json), as every document the
/// one-pass decoder refuses is. For the tests that compare the two ways.
///
/// # Errors
///
/// As [`ProviderEvent::decode`](crate::ProviderEvent::decode).
pub fn decode_checking_first<E: Dispatch>(text: &str) -> Result<E, crate::DecodeError> {
    crate::spine::checking_first::<E>(text, None)
}

/// Documented examples: the [`Fixture`](crate::Fixture) type and the payload-file helpers.
pub mod fixture {
    pub use crate::fixture::{Fixture, files_with, payload_files};
}
/// JSON with comments, as provider docs write their examples.
pub mod jsonc {
    pub use crate::jsonc::*;
}
/// The line format of recordings (`chat-events … --record`).
pub mod recording {
    pub use crate::recording::*;
}
/// Helpers for building the JSON Schemas providers export.
pub mod schema {
    pub use crate::schema::*;
}
/// What the providers' testkits share (feature `testkit`).
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit {
    pub use crate::testkit::*;
}

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

/// The longest wait a transport setting takes (about 100 years): longer ones are clamped, so
/// that adding them to an `Instant` cannot overflow (which would panic).
pub const LONGEST_WAIT: std::time::Duration = std::time::Duration::from_secs(100 * 365 * 24 * 3600);

/// `wait`, clamped to [`LONGEST_WAIT`]: what the transports' builders store.
pub fn bounded_wait(wait: std::time::Duration) -> std::time::Duration {
    wait.min(LONGEST_WAIT)
}
