//! Events that change who works on a chat: `chatResponsible`, `chatResponsiblePin`,
//! `chatProducer`, `chatAccomplice`, `chatAuditor`.

use chat_events_core::{Maybe, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, FromApp, IdRef};

/// A responsible employee was set for a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatResponsible {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new responsible employee.
    pub responsible: IdRef,
}

/// The responsible employee of a chat was pinned or unpinned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatResponsiblePin {
    /// The chat.
    pub chat: Chat,
    /// Pinned or unpinned.
    #[serde(rename = "type")]
    pub kind: PinAction,
}

/// A producer was set for a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatProducer {
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// The new producer.
    pub producer: IdRef,
}

/// An accomplice was added to or removed from a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatAccomplice {
    /// The employee added or removed.
    pub accomplice: IdRef,
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// Added or removed.
    #[serde(rename = "type")]
    pub kind: ChangeAction,
}

/// An auditor was added to or removed from a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatAuditor {
    /// The employee added or removed.
    pub auditor: IdRef,
    /// The chat.
    pub chat: Chat,
    /// Employee who made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited: Maybe<IdRef>,
    /// App the change was made from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_app: Maybe<FromApp>,
    /// Added or removed.
    #[serde(rename = "type")]
    pub kind: ChangeAction,
}

open_enum! {
    /// Whether something was added to or removed from a chat (a tag, an accomplice, an
    /// auditor).
    pub enum ChangeAction {
        /// It was added.
        Add = "add",
        /// It was removed.
        Destroy = "destroy",
    }
}

open_enum! {
    /// Whether the responsible employee was pinned.
    pub enum PinAction {
        /// Pinned.
        Pin = "pin",
        /// Unpinned.
        Unpin = "unpin",
    }
}
