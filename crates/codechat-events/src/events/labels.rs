//! `labels.edit` and `labels.association` (open source v1.3.2.81+).

use std::borrow::Cow;

use chat_events_core::{Id, Maybe, Num, open_enum};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::IgnoredAny};
use serde_json::value::RawValue;

use crate::proto::decode_captured;

/// A label was created, edited or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Label {
    /// Colour index.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub color: Maybe<Num<i64>>,
    /// Whether it was deleted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub deleted: Maybe<bool>,
    /// Label id (a string).
    pub id: Id,
    /// Evolution: the instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The predefined label it derives from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub predefined_id: Maybe<String>,
}

/// A label was put on or taken off a chat or a message. The shape is read from the keys:
/// `association` means the open-source form.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LabelAssociation {
    /// Evolution: `{instance, type, chatId, labelId}`.
    Flat(FlatLabelAssociation),
    /// Open source: `{association: {type, chatId, labelId, messageId?}, type}`.
    Nested(NestedLabelAssociation),
}

impl Serialize for LabelAssociation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Flat(flat) => flat.serialize(serializer),
            Self::Nested(nested) => nested.serialize(serializer),
        }
    }
}

#[derive(Deserialize)]
struct AssociationShape {
    #[serde(default)]
    association: Option<IgnoredAny>,
}

impl<'de> Deserialize<'de> for LabelAssociation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let shape: AssociationShape = decode_captured(&raw)?;
        if shape.association.is_some() {
            decode_captured(&raw).map(Self::Nested)
        } else {
            decode_captured(&raw).map(Self::Flat)
        }
    }
}

impl JsonSchema for LabelAssociation {
    fn schema_name() -> Cow<'static, str> {
        "LabelAssociation".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let nested = generator.subschema_for::<NestedLabelAssociation>();
        let flat = generator.subschema_for::<FlatLabelAssociation>();
        json_schema!({ "anyOf": [{ "allOf": [nested, { "required": ["association"] }] }, flat] })
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

open_enum! {
    /// Whether a label was put on or taken off.
    pub enum AssociationChange {
        /// Put on.
        Add = "add",
        /// Taken off.
        Remove = "remove",
    }
}
