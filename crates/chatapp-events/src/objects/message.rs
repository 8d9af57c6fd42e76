//! [`Message`]: a message, as `message` and `messageSystem` carry it.

use chat_events_core::{Id, Maybe, UnixSeconds, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, FromApp, IdRef, MessageType, Translations, User};

/// A message in a chat, with the full chat it belongs to.
///
/// The item of `message` (incoming and outgoing messages) and `messageSystem` (notices such
/// as "Set responsible …").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Message {
    /// The chat, with its tags, employees and custom fields.
    pub chat: Chat,
    /// Employee who created the message (system messages); `null` otherwise.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created: Maybe<IdRef>,
    /// Whether the message was edited.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<bool>,
    /// Whether it was sent through the API.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_api: Maybe<bool>,
    /// The app it was sent from, if any.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// Whether it was sent from this line.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// The author (filled in groups).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_user: Maybe<User>,
    /// Whether it was forwarded.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub forwarded: Maybe<bool>,
    /// Id of the album or group of messages it belongs to. Shape not documented (only `null`
    /// is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_id: Maybe<serde_json::Value>,
    /// The message's id in the messenger (a WhatsApp id, a UUID for system messages).
    pub id: Id,
    /// ChatApp's own message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub internal_id: Maybe<Id>,
    /// The content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<MessageContent>,
    /// The message it replies to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_message: Maybe<QuotedMessage>,
    /// Incoming or outgoing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub side: Maybe<Side>,
    /// Sub-kind. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subtype: Maybe<serde_json::Value>,
    /// When it was sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
    /// Kind of message.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<MessageType>,
    /// UTM marks of the conversation. Shape not documented (only `null` is shown); kept as
    /// raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub utm: Maybe<serde_json::Value>,
}

/// The content of a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageContent {
    /// Caption of a file; `""` when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// Attached file. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file: Maybe<serde_json::Value>,
    /// HTML form of the text (e-mail); `""` when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub html: Maybe<String>,
    /// Shared location. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub location: Maybe<serde_json::Value>,
    /// Messenger template (WhatsApp Business). Shape not documented (only `null` is shown);
    /// kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub template: Maybe<serde_json::Value>,
    /// The text; `""` when the message is only a file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
    /// The text by language (system messages).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text_lang: Maybe<Translations>,
}

/// The message a message replies to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuotedMessage {
    /// The quoted message's id in the messenger.
    pub id: Id,
    /// ChatApp's own id of the quoted message (newer docs; sent as a string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub internal_id: Maybe<Id>,
    /// Its content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<MessageContent>,
    /// Sub-kind. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subtype: Maybe<serde_json::Value>,
    /// When it was sent (newer docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
    /// Kind of message.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<MessageType>,
}

open_enum! {
    /// Direction of a message.
    pub enum Side {
        /// Received from the contact.
        In = "in",
        /// Sent to the contact.
        Out = "out",
    }
}
