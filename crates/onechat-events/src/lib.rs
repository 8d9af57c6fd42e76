#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
mod envelope;
mod event;
pub mod events;
mod frame;
pub mod objects;
pub mod schema;

pub use chat_events_core::{
    DecodeError, DecodeErrorKind, Decoded, EventSource, Id, Maybe, Num, ProviderEvent,
    ReplaySource, Secret, SourceError, Timestamp, TimestampForm, UnknownEvent, drift,
};
pub use envelope::Payload;
pub use event::{Event, EventKind, EventPayload};
pub use frame::{Command, DataFrame, DisconnectReason, Frame, Identifier, ROOM_CHANNEL};
