//! `labels.association`: a label was put on or taken off a chat or message (open source).

use chat_events_core::{Id, Maybe, Shape, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A label was put on or taken off a chat or a message. The shape is read from the keys:
/// `association` means the open-source form.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum LabelAssociation {
    /// Open source: `{association: {type, chatId, labelId, messageId?}, type}`.
    #[shape(has("association"))]
    Nested(NestedLabelAssociation),
    /// Evolution: `{instance, type, chatId, labelId}`.
    #[shape(object)]
    Flat(FlatLabelAssociation),
}

/// The open-source label association.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct NestedLabelAssociation {
    /// What was labelled.
    pub association: Association,
    /// Added or removed.
    #[serde(rename = "type")]
    pub kind: AssociationChange,
}

/// Evolution's flattened label association.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FlatLabelAssociation {
    /// The chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chat_id: Maybe<String>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<String>,
    /// The label.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label_id: Maybe<Id>,
    /// Added or removed.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<AssociationChange>,
}

/// What a label is on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Association {
    /// The chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chat_id: Maybe<String>,
    /// The label.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label_id: Maybe<Id>,
    /// The message, for `label_message`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// `label_jid` (a chat) or `label_message` (a message).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

open_enum! {
    /// Whether a label was put on or taken off.
    pub enum AssociationChange {
        /// Put on.
        Add = "add",
        /// Taken off.
        Remove = "remove",
    }
}
