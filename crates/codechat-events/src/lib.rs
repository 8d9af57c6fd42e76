#![doc = include_str!("../README.md")]
//! ## Feature flags
#![doc = document_features::document_features!()]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod envelope;
mod event;
pub mod events;
pub mod normalize;
pub mod objects;
mod proto;
pub mod schema;
#[cfg(feature = "testkit")]
#[cfg_attr(docsrs, doc(cfg(feature = "testkit")))]
pub mod testkit;
#[cfg(feature = "webhook")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhook")))]
pub mod webhook;

pub use chat_events_core::{
    DecodeError, DecodeErrorKind, Decoded, EventSource, Id, Maybe, Num, OneOrMany, ProviderEvent,
    RawJson, ReplaySource, Secret, SourceError, Timestamp, UnknownEvent, drift, normalized,
};
pub use envelope::{
    BusinessAccount, BusinessInstance, BusinessWhatsApp, CloudInstance, ConnectionStatus, DataKey,
    GoConnectionStatus, GoInstance, Instance, InstanceRecord, Payload,
};
pub use event::{Event, EventKind, EventPayload};
pub use proto::{Bytes, Content, FromCode, Long, Opaque, ProtoEnum};
