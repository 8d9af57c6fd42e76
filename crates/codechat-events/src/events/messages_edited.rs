//! `messages.edited`: a message was edited (Evolution API 2.x).

use crate::objects::baileys::ProtocolMessage;

/// The data of `messages.edited`: Evolution API (since mid-2024) sends the edit's WhatsApp
/// `protocolMessage` as it is, `{key, type: "MESSAGE_EDIT", editedMessage, timestampMs}`:
/// `key` names the edited message, `editedMessage` holds its new content, `timestampMs` is in
/// milliseconds. Evolution 2.3 sends revokes (`type: "REVOKE"`) and other protocol messages
/// this way too, and no longer puts them in `messages.upsert`.
pub type MessagesEdited = ProtocolMessage;
