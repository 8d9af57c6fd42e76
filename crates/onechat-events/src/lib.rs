#![doc = include_str!("../README.md")]
//! ## Feature flags
#![doc = document_features::document_features!()]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
mod envelope;
mod event;
pub mod events;
pub mod normalize;
pub mod objects;
pub mod protocol;
pub mod schema;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
pub mod webhook;

pub use chat_events_core::{
    ConnectionState, DecodeError, DecodeErrorKind, Decoded, EventSource, Id, Maybe, Num,
    ProviderEvent, RawJson, ReplaySource, Secret, SourceError, Timestamp, TimestampForm,
    UnknownEvent, drift, normalized,
};
pub use envelope::{Identifier, Payload, ROOM_CHANNEL};
pub use event::{Event, EventKind, EventPayload};
pub use protocol::{Command, DataFrame, DisconnectReason, Frame};
