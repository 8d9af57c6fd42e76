//! `chatAuditor`: an auditor was added to or removed from a chat.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{ChangeAction, Chat, FromApp, IdRef};

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
