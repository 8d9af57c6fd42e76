//! The provider-independent core of **chat-events**.
//!
//! Users depend on one provider crate (`chatapp-events`, `codechat-events`,
//! `onechat-events`), which re-exports what it needs from here. What users call is at this
//! crate's top; nothing here needs an async runtime:
//!
//! - [`ProviderEvent`]: what every provider's event enum offers (provider name, wire event
//!   name, decode from bytes, schemas);
//! - [`Decoded`]: a typed event together with the JSON it came from, so nothing is lost:
//!   `match decoded.event() { … }`, `decoded.raw()`;
//! - [`UnknownEvent`]: an event name the model does not know, kept with its raw JSON;
//! - [`DecodeError`]: provider, event and JSON path of a failure, the raw bytes, and a
//!   `Display` that never prints payload contents;
//! - lenient value types for what providers really send: [`Id`] (string or number),
//!   [`Num`] and [`UnixSeconds`] (numbers sent as strings), [`Timestamp`] (any time
//!   encoding), [`ObjectOrEmpty`] (`[]` for an empty object), [`OneOrMany`], [`Maybe`]
//!   (absent, `null` or present, read like an `Option`), [`Secret`] (tokens inside payloads,
//!   redacted in `Debug`), [`RawJson`];
//! - [`normalized`]: one small event model across the providers (messages, statuses,
//!   typing, presence, conversations, contacts), each event keeping its source;
//! - [`drift`]: which paths of a payload the typed model drops or changes;
//! - [`EventSource`], [`Update`], [`ConnectionState`]: what the live transports yield and
//!   report, the same for every provider; [`ReplaySource`] replays payloads and recordings
//!   ([`ReplaySource::from_recording`]);
//! - [`Fixture`]: a documented payload of the SDK's corpus, as the providers' testkits give
//!   them.
//!
//! What the provider crates and the macros need (the wire-format `Spine`, the `Shape`
//! derive, `event_enum!`, `open_enum!`, schema builders) is in the hidden `unstable` module:
//! not public API, no semver promise; the provider crates require this crate's exact
//! version.
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

mod canonical;
pub mod drift;
mod error;
mod event;
mod fixture;
mod jsonc;
mod lenient;
pub mod normalized;
mod recording;
mod scan;
mod schema;
mod shape;
mod source;
mod spine;
#[cfg(feature = "testkit")]
mod testkit;
mod unknown;
#[doc(hidden)]
pub mod unstable;
mod validate;

pub use error::{DecodeError, DecodeErrorKind};
pub use event::{Decoded, ProviderEvent};
pub use fixture::Fixture;
pub use lenient::{
    empty::ObjectOrEmpty,
    id::Id,
    maybe::Maybe,
    num::{Integer, Num, UnixSeconds},
    one_or_many::OneOrMany,
    raw::RawJson,
    secret::Secret,
    timestamp::{Timestamp, TimestampForm},
};
pub use source::{ConnectionState, EventSource, ReplaySource, SourceError, Update};
pub use unknown::UnknownEvent;
