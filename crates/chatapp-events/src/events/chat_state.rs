//! Events that change a chat's own properties: `chatTag`, `chatStatus`, `chatLevel`,
//! `chatConversation`, `chatRead`, `chatUnread`, `chatProcess`, `chatComment`,
//! `chatConsentSendMessage`, `chatArchive`, `chatCustomField`, `chatRename`,
//! `chatFunnelStage`.

use chat_events_core::{Maybe, UnixSeconds};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ChangeAction;
use crate::objects::Chat;
use crate::objects::{
    ChatProcess, ChatStatus, ConsentSendMessage, CustomField, FromApp, IdRef, Tag,
};

/// A tag was added to or removed from a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatTag {
    /// The chat.
    pub chat: Chat,
    /// Added or removed.
    #[serde(rename = "type")]
    pub kind: ChangeAction,
    /// The tag.
    pub tag: Tag,
}

/// A chat was opened or closed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatStatusChange {
    /// The chat.
    pub chat: Chat,
    /// The new status.
    #[serde(rename = "type")]
    pub kind: ChatStatus,
}

/// A chat's level was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatLevel {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new level.
    pub level: IdRef,
}

/// A 24-hour conversation window opened (WhatsApp).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatConversation {
    /// The chat.
    pub chat: Chat,
    /// The window.
    pub conversation: Conversation,
}

/// A WhatsApp conversation window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Conversation {
    /// When the window closes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_time: Maybe<UnixSeconds>,
    /// Conversation id.
    pub id: String,
    /// When the window opened.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub start_time: Maybe<UnixSeconds>,
    /// Who opened it, in WhatsApp's terms (`BIC`: business-initiated).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// A chat was marked read (`chatRead`) or unread (`chatUnread`); the event name says which.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatMark {
    /// The chat.
    pub chat: Chat,
}

/// A chat's processing state was set or cleared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatProcessChange {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new state; `null` when it was cleared.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub process: Maybe<ChatProcess>,
}

/// A chat's comment was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatComment {
    /// The chat.
    pub chat: Chat,
    /// The new comment; `null` when it was removed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub comment: Maybe<String>,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
}

/// A chat's consent to receive messages was set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatConsentSendMessage {
    /// The chat.
    pub chat: Chat,
    /// The new consent; `null` when it was cleared.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub consent_send_message: Maybe<ConsentSendMessage>,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
}

/// A chat was archived or restored from the archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatArchive {
    /// `true` when archived, `false` when restored.
    pub archive: bool,
    /// The chat.
    pub chat: Chat,
}

/// A custom field of a chat changed value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatCustomField {
    /// The chat.
    pub chat: Chat,
    /// The field with its new value.
    pub field: CustomField,
}

/// A chat was renamed (newer docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatRename {
    /// The chat.
    pub chat: Chat,
    /// The new name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// A chat was moved to a sales funnel stage (newer docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatFunnelStage {
    /// The chat.
    pub chat: Chat,
    /// The new stage; `null` when the chat left the funnel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub funnel_stage: Maybe<IdRef>,
}
