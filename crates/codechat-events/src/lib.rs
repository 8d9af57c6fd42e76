//! Typed CodeChat (WhatsApp Web API) webhook events.
//!
//! CodeChat servers POST one JSON body per event to a webhook URL, with the event name in
//! the body's `event` field. This crate will model every event of the CodeChat cloud docs and
//! of the open-source `code-chat-br/whatsapp-api` server on the `chat-events-core`
//! foundation (typed events, `Unknown` with raw JSON, decode errors with JSON paths, JSON
//! Schema), and offer a webhook receiver behind the `webhook` feature. The model is not
//! written yet; this crate holds its place in the workspace.
#![forbid(unsafe_code)]
