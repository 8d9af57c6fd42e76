//! Send queues of the cloud product (`deleted.queue`, `paused.queue`, `resumed.queue`, `send.message:*`, `general.error`).

use chat_events_core::{Id, Maybe, Num, RawJson, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::{CloudUpdateInstance, MessageContent, MessageType},
    proto::{Content, Long},
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
    pub jids: Maybe<Vec<Jid>>,
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

/// The message of a queue, in either documented form, told apart by its keys:
/// `messageType` → `{messageType, message}`; a string, or an object with one of the keys that
/// carry what a message says or shows (`text`, `caption`, `url`, `mimetype`,
/// `degreesLatitude`, `vcard`) → the content itself. Another value is kept raw in
/// [`QueueMessage::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum QueueMessage {
    /// `{messageType, message}`.
    #[shape(has("messageType"))]
    Typed(QueuedMessage),
    /// The content itself (its kind is in `QueueData::message_type`): the text, or the
    /// message object (the `paused.queue` example: `{caption}`).
    #[shape(string)]
    #[shape(has("text"))]
    #[shape(has("caption"))]
    #[shape(has("url"))]
    #[shape(has("mimetype"))]
    #[shape(has("degreesLatitude"))]
    #[shape(has("vcard"))]
    Content(Content<MessageContent>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
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
    pub number: Maybe<Jid>,
    /// The queue.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub queue_id: Maybe<Id>,
    /// HTTP-style status (`404`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<Num<i64>>,
}
