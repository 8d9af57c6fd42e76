//! `messages.update` and `messages.delete`.

use std::{borrow::Cow, fmt};

use chat_events_core::{Id, Maybe, Timestamp};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{
        IgnoredAny, MapAccess, SeqAccess, Visitor, value::MapAccessDeserializer,
        value::SeqAccessDeserializer,
    },
};
use serde_json::value::RawValue;

use crate::{
    objects::{CloudHeader, MessageKey, MessageStatus},
    proto::{Long, decode_captured},
};

/// A message's status changed, or it was edited, revoked or voted on. The shape is read from
/// the data's keys: `update` means the cloud docs' form.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum MessageUpdate {
    /// The cloud docs' `{update: {status, header | key, dateTime}}`.
    Cloud(Box<CloudMessageUpdate>),
    /// The open-source and Evolution form: Baileys' key spread, plus status and time.
    Key(Box<KeyMessageUpdate>),
}

impl MessageUpdate {
    /// The new status, whatever the shape (`None` for edits, revokes and votes in the
    /// open-source form).
    pub fn status(&self) -> Option<&MessageStatus> {
        match self {
            Self::Cloud(cloud) => cloud.update.status.get(),
            Self::Key(key) => key.status.get(),
        }
    }
}

impl Serialize for MessageUpdate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Cloud(cloud) => cloud.serialize(serializer),
            Self::Key(key) => key.serialize(serializer),
        }
    }
}

#[derive(Deserialize)]
struct UpdateShape {
    #[serde(default)]
    update: Option<IgnoredAny>,
}

impl<'de> Deserialize<'de> for MessageUpdate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let shape: UpdateShape = decode_captured(&raw)?;
        if shape.update.is_some() {
            decode_captured(&raw).map(|cloud| Self::Cloud(Box::new(cloud)))
        } else {
            decode_captured(&raw).map(|key| Self::Key(Box::new(key)))
        }
    }
}

impl JsonSchema for MessageUpdate {
    fn schema_name() -> Cow<'static, str> {
        "MessageUpdate".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let cloud = generator.subschema_for::<CloudMessageUpdate>();
        let key = generator.subschema_for::<KeyMessageUpdate>();
        json_schema!({
            "description": "The cloud docs' {update: …} (has `update`), or the open-source key form.",
            "anyOf": [{ "allOf": [cloud, { "required": ["update"] }] }, key]
        })
    }
}

/// The cloud docs' message update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudMessageUpdate {
    /// Old docs: the instance, inside the data.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<CloudUpdateInstance>,
    /// The update.
    pub update: CloudUpdate,
}

/// The instance inside an old cloud message update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdateInstance {
    /// The connected number's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub my_wuid: Maybe<String>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// What changed, in the cloud docs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudUpdate {
    /// When (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Long>,
    /// Which message (webhook map form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub header: Maybe<CloudHeader>,
    /// Which message (old README form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The new status. Quirk: the docs spell delivery `DELIVERY_AT`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}

/// The open-source and Evolution message update: the message's key fields, the status and
/// the time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeyMessageUpdate {
    /// `pn` or `lid` (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<String>,
    /// Open source v1.3: when (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// Open source ≤ v1.2: when, in **milliseconds** (note the lowercase key).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub datetime: Maybe<Long>,
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The instance's id (an integer in open source, a UUID in Evolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// View-once flag (Baileys 7).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_view_once: Maybe<bool>,
    /// Evolution: message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<String>,
    /// Evolution: its own message id (a cuid).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Open source ≤ v1.2: the instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
    /// Group sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<String>,
    /// Group sender's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_alt: Maybe<String>,
    /// Group sender's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_username: Maybe<String>,
    /// Evolution: poll votes (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_updates: Maybe<serde_json::Value>,
    /// The chat (may be `@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<String>,
    /// The chat's other address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_alt: Maybe<String>,
    /// The chat's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_username: Maybe<String>,
    /// Server id (newsletters).
    #[serde(
        default,
        rename = "server_id",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub server_id: Maybe<String>,
    /// The new status; absent for edits, revokes and poll votes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
}

/// Messages were deleted (`messages.delete`, alias `message.delete`, cloud docs): a list of
/// messages, or a whole chat. Told apart by the JSON type.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum MessagesDelete {
    /// A whole chat was cleared (`{wuid, all: true}`).
    Chat(ClearedChat),
    /// These messages were deleted.
    Messages(Vec<DeletedMessage>),
}

impl Serialize for MessagesDelete {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Chat(chat) => chat.serialize(serializer),
            Self::Messages(messages) => messages.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for MessagesDelete {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DeleteVisitor;

        impl<'de> Visitor<'de> for DeleteVisitor {
            type Value = MessagesDelete;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of deleted messages or a cleared chat")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Vec::deserialize(SeqAccessDeserializer::new(seq)).map(MessagesDelete::Messages)
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                ClearedChat::deserialize(MapAccessDeserializer::new(map)).map(MessagesDelete::Chat)
            }
        }

        deserializer.deserialize_any(DeleteVisitor)
    }
}

impl JsonSchema for MessagesDelete {
    fn schema_name() -> Cow<'static, str> {
        "MessagesDelete".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let messages = generator.subschema_for::<Vec<DeletedMessage>>();
        let chat = generator.subschema_for::<ClearedChat>();
        json_schema!({ "anyOf": [messages, chat] })
    }
}

/// A deleted message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeletedMessage {
    /// Whether this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// Message id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

/// A cleared chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ClearedChat {
    /// `true`: every message of the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub all: Maybe<bool>,
    /// The chat's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}
