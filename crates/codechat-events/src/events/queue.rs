//! The cloud's bulk-send queue: `send.message:START|PROCESSING|COMPLETED|ERROR`,
//! `paused.queue`, `resumed.queue`, `deleted.queue`, and `general.error`.

use std::borrow::Cow;

use chat_events_core::{Id, Maybe, Num, open_enum};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::IgnoredAny};
use serde_json::value::RawValue;

use crate::{
    events::message_update::CloudUpdateInstance,
    objects::{MessageContent, MessageType},
    proto::{Content, Long, decode_captured},
};

/// Progress of a bulk send (`send.message:START`, `:PROCESSING`, `:COMPLETED`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SendQueue {
    /// Old docs: the instance, inside the data.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<CloudUpdateInstance>,
    /// The queue.
    pub queue: Queue,
}

/// A queue was paused, resumed or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct QueueChange {
    /// What happened.
    pub action: QueueAction,
    /// The queue.
    pub queue: Queue,
}

/// A bulk-send queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Queue {
    /// What is being sent to whom.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data: Maybe<QueueData>,
    /// `:PROCESSING`: the message just sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Percent done, 0 to 100.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub progress: Maybe<Num<i64>>,
    /// Queue id (a UUID).
    pub queue_id: String,
    /// When (milliseconds since the epoch).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub queue_timestamp: Maybe<Long>,
    /// `STARTED`…
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<String>,
}

/// What a queue sends, to whom. The examples disagree on its keys; all are optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueueData {
    /// Recipients' JIDs.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jids: Maybe<Vec<String>>,
    /// The message: `{messageType, message}`, or the content itself (the `paused.queue`
    /// example).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<QueueMessage>,
    /// Ids of the messages sent (webhook examples' spelling).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_ids: Maybe<Vec<String>>,
    /// Kind of message (the `paused.queue` example).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Ids of the messages sent. Quirk: the OpenAPI schema's spelling `messagesIds`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub messages_ids: Maybe<Vec<String>>,
}

impl QueueData {
    /// The ids of the messages sent, whichever spelling carried them.
    pub fn sent_message_ids(&self) -> Option<&[String]> {
        self.message_ids
            .get()
            .or_else(|| self.messages_ids.get())
            .map(Vec::as_slice)
    }
}

/// The message of a queue, in either documented form, told apart by the `messageType` key.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum QueueMessage {
    /// The content itself (its kind is in `QueueData::message_type`).
    Content(Content<MessageContent>),
    /// `{messageType, message}`.
    Typed(QueuedMessage),
}

impl Serialize for QueueMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Content(content) => content.serialize(serializer),
            Self::Typed(typed) => typed.serialize(serializer),
        }
    }
}

#[derive(Deserialize)]
struct QueueMessageShape {
    #[serde(default, rename = "messageType")]
    message_type: Option<IgnoredAny>,
}

impl<'de> Deserialize<'de> for QueueMessage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let typed = raw.get().starts_with('{')
            && decode_captured::<QueueMessageShape, D::Error>(&raw)?
                .message_type
                .is_some();
        if typed {
            decode_captured(&raw).map(Self::Typed)
        } else {
            decode_captured(&raw).map(Self::Content)
        }
    }
}

impl JsonSchema for QueueMessage {
    fn schema_name() -> Cow<'static, str> {
        "QueueMessage".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let typed = generator.subschema_for::<QueuedMessage>();
        let content = generator.subschema_for::<Content<MessageContent>>();
        json_schema!({ "anyOf": [{ "allOf": [typed, { "required": ["messageType"] }] }, content] })
    }
}

/// A queued message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueuedMessage {
    /// The content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Content<MessageContent>>,
    /// Kind of message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
}

open_enum! {
    /// What happened to a queue.
    pub enum QueueAction {
        /// Deleted (also when it finished).
        Delete = "delete",
        /// Paused.
        Pause = "pause",
        /// Resumed.
        Resume = "resume",
    }
}

/// An error while sending (`send.message:ERROR`, and the best guess for `general.error`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendError {
    /// HTTP-style reason (`Not Found`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error: Maybe<String>,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// The recipient it failed for.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub number: Maybe<String>,
    /// The queue.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub queue_id: Maybe<Id>,
    /// HTTP-style status (`404`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<Num<i64>>,
}
