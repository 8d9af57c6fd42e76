//! Typed OneChat (Chatwoot-style) realtime events.
//!
//! OneChat pushes events over Rails Action Cable (`/cable`, `RoomChannel`, with presence).
//! This crate will model the Action Cable frames and every event the server sends on the
//! `chat-events-core` foundation (typed events, `Unknown` with raw JSON, decode errors with
//! JSON paths, JSON Schema), and offer an Action Cable client behind the `client` feature.
//! The model is not written yet; this crate holds its place in the workspace.
#![forbid(unsafe_code)]
