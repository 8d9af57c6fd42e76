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
mod fixture;
mod lenient;
pub mod normalized;
mod scan;
mod shape;
mod source;
mod spine;
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
