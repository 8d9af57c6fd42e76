//! [`Chat`]: a conversation with a contact or a group, as events describe it.

use chat_events_core::{Id, Maybe, Num, UnixSeconds, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{ConsentSendMessage, CustomField, IdRef, MessageType, Tag, Translations};

/// A chat as an event describes it.
///
/// `message` and `messageSystem` carry the full chat; most other events carry only its `id`
/// (and `messageStatus` a few contact fields). Every field but `id` is therefore optional;
/// fields that were not sent stay absent when the chat is serialized again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Chat {
    /// Employees helping the responsible one.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accomplices: Maybe<Vec<IdRef>>,
    /// Advertising source of the chat. Shape not documented (only `null` is shown); kept as
    /// raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub advert: Maybe<serde_json::Value>,
    /// Whether the chat is archived.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub archive: Maybe<bool>,
    /// Employees auditing the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub auditors: Maybe<Vec<IdRef>>,
    /// Comment set on the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub comment: Maybe<String>,
    /// Consent to receive messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub consent_send_message: Maybe<ConsentSendMessage>,
    /// `true` when this message created the chat (newer docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created: Maybe<bool>,
    /// Custom fields and their values.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub custom_fields: Maybe<Vec<CustomField>>,
    /// E-mail address, for e-mail chats.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<String>,
    /// A global chat key (a hex digest), when sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub full_id: Maybe<String>,
    /// Sales funnel stage (newer docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub funnel_stage: Maybe<IdRef>,
    /// Messenger-specific hash of the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub hash: Maybe<String>,
    /// The chat's id in the messenger: `"70000000000@c.us"` (WhatsApp),
    /// `"private-1480005234h…"` or `-1002224731326` (Telegram).
    ///
    /// Quirk: a string for most messengers, a JSON number for Telegram groups.
    pub id: Id,
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub image: Maybe<String>,
    /// ChatApp's own chat id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub internal_id: Maybe<Id>,
    /// Group invite link. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_link: Maybe<serde_json::Value>,
    /// Preview of the last message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_message: Maybe<LastMessage>,
    /// When the chat was last read by an employee.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_read: Maybe<UnixSeconds>,
    /// Time of the last message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_time: Maybe<UnixSeconds>,
    /// Chat level.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub level: Maybe<IdRef>,
    /// Link to the chat in the messenger. Shape not documented (only `null` is shown); kept
    /// as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub link: Maybe<serde_json::Value>,
    /// Contact or group name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Phone number, digits only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone: Maybe<String>,
    /// Processing state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub process: Maybe<ChatProcess>,
    /// Employee who produces the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub producer: Maybe<IdRef>,
    /// Employee responsible for the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub responsible: Maybe<IdRef>,
    /// Whether the responsible employee is pinned.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub responsible_pin: Maybe<bool>,
    /// A second link. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub second_link: Maybe<serde_json::Value>,
    /// Open or closed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<ChatStatus>,
    /// Sub-kind of the chat. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subtype: Maybe<serde_json::Value>,
    /// Tags on the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tags: Maybe<Vec<Tag>>,
    /// Time of the last incoming message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time_last_in_message: Maybe<UnixSeconds>,
    /// Kind of chat.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ChatType>,
    /// Number of unread messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_messages: Maybe<Num<i64>>,
    /// Username in the messenger.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub username: Maybe<String>,
}

/// Preview of a chat's last message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LastMessage {
    /// Kind of the last message.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<MessageType>,
    /// Preview text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub preview_text: Maybe<String>,
    /// Preview text by language (system messages).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub preview_text_lang: Maybe<Translations>,
}

open_enum! {
    /// Kind of chat.
    pub enum ChatType {
        /// A group chat (Telegram and WhatsApp groups; their ids start with `group-`).
        Group = "group",
        /// A one-to-one chat.
        Private = "private",
    }
}

open_enum! {
    /// Whether a chat is open or closed.
    pub enum ChatStatus {
        /// The chat was closed.
        Close = "close",
        /// The chat is open.
        Open = "open",
    }
}

open_enum! {
    /// Processing state of a chat (`null` when none is set).
    pub enum ChatProcess {
        /// An employee is working on the chat.
        InWork = "inWork",
    }
}
