//! `labels.association`: a label was put on or taken off a chat or message.

use crate::Jid;
use chat_events_core::{Id, Maybe, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A label was put on or taken off a chat or a message, in the shape of the generation that
/// sent it, read from its keys: `association` → open source; `chatId` → Evolution;
/// `chatJid` → CodeChat Go. Another value is kept raw in [`LabelAssociation::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum LabelAssociation {
    /// Open source: `{association: {type, chatId, labelId, messageId?}, type}`.
    #[shape(has("association"))]
    Nested(NestedLabelAssociation),
    /// Evolution: `{instance, type, chatId, labelId}`.
    #[shape(has("chatId"))]
    Flat(FlatLabelAssociation),
    /// CodeChat Go (2026): `{type: chat | message, chatJid, messageId?, labelId, action?,
    /// dateTime}`.
    #[shape(has("chatJid"))]
    Go(GoLabelAssociation),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// CodeChat Go: a label was put on or taken off a chat or a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoLabelAssociation {
    /// Put on or taken off; left out when WhatsApp did not say.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub action: Maybe<AssociationChange>,
    /// The chat's JID.
    pub chat_jid: Jid,
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// The label (a string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label_id: Maybe<Id>,
    /// The message, for `message`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// What is labelled: `chat` or `message`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<GoLabelTarget>,
}

open_enum! {
    /// CodeChat Go: what a label is on.
    pub enum GoLabelTarget {
        /// A chat.
        Chat = "chat",
        /// A message.
        Message = "message",
    }
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
    pub chat_id: Maybe<Jid>,
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
    pub chat_id: Maybe<Jid>,
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
