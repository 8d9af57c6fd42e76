//! JSON Schemas of CodeChat webhook bodies, for consumers in other languages.
//!
//! `cargo xtask schema` writes them to `schemas/codechat/`: one file per event
//! ([`ProviderEvent::event_schema`](crate::ProviderEvent::event_schema)), the union of all
//! events ([`ProviderEvent::union_schema`](crate::ProviderEvent::union_schema)) and the
//! envelope ([`ProviderEvent::envelope_schema`](crate::ProviderEvent::envelope_schema)), in
//! draft 2020-12. They describe what [`Event::decode`](crate::Event::decode) accepts. CodeChat
//! has no other schema of its own; this module is kept so that every provider crate has the
//! same modules.
