//! CodeChat Go's message batches (`message.batch.*`, sent to the global webhook only, without
//! `instance`): the batch in every state change, and the failed or unconfirmed items.

use chat_events_core::{Id, Maybe, Num, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{envelope::GoConnectionStatus, objects::MessageRow};

/// The data of a batch's state change (`message.batch.created`, `…started`, `…progress`,
/// `…completed`…): the batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BatchChange {
    /// The batch as it is now. Quirk: the docs' separate progress and completion bodies
    /// carry fewer keys than the per-event examples.
    pub batch: Box<MessageBatch>,
}

/// A message batch: one message sent to many recipients through one or more instances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageBatch {
    /// Whether the batch resumes by itself after a shutdown, crash or expired lease.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub auto_resume: Maybe<bool>,
    /// `…completed`, `…completed-with-errors`: when it finished.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub completed_at: Maybe<Timestamp>,
    /// How many items are in each state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub counts: Maybe<BatchCounts>,
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// `…progress`: the item being sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub current_item: Maybe<BatchCurrentItem>,
    /// Attributes the batch's creator attached (docs-api's OpenAPI `MessageBatch`). Kept as
    /// a map of JSON values because it is free-form: the server stores the object the
    /// client sent and gives its keys no meaning.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Batch id (a UUID).
    pub id: String,
    /// The instances the batch may send through.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instances: Maybe<Vec<BatchInstance>>,
    /// `…interrupted`: when it was interrupted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub interrupted_at: Maybe<Timestamp>,
    /// Why it was last interrupted, or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub interruption_reason: Maybe<InterruptionReason>,
    /// When it was last interrupted, or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_interrupted_at: Maybe<Timestamp>,
    /// The last error the batch met, as text (docs-api's OpenAPI `MessageBatch`; no
    /// example shows it).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_error: Maybe<String>,
    /// When it last recovered from an interruption, or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_recovered_at: Maybe<Timestamp>,
    /// What is sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<BatchMessage>,
    /// The batch's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// When the next sending window opens, or `null` without a schedule.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub next_run_at: Maybe<Timestamp>,
    /// How it sends.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub options: Maybe<BatchOptions>,
    /// The user who owns the batch (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_user_id: Maybe<String>,
    /// `…paused`: when it paused.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub paused_at: Maybe<Timestamp>,
    /// Percent of the items processed, 0 to 100.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub progress: Maybe<Num<i64>>,
    /// The sending window, or `null` to send at once.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub schedule: Maybe<BatchSchedule>,
    /// When it first started.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub started_at: Maybe<Timestamp>,
    /// Its state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<BatchStatus>,
    /// `…stopped`: when it stopped.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub stopped_at: Maybe<Timestamp>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// How many of a batch's items are in each state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchCounts {
    /// Recipients left out when the batch was created because they repeat one already in
    /// it (after normalizing the number).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duplicates_ignored: Maybe<Num<i64>>,
    /// Failed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub failed: Maybe<Num<i64>>,
    /// Not sent yet.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pending: Maybe<Num<i64>>,
    /// Done, whatever the outcome.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub processed: Maybe<Num<i64>>,
    /// Recipients received when the batch was created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub received: Maybe<Num<i64>>,
    /// Being sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sending: Maybe<Num<i64>>,
    /// Skipped.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub skipped: Maybe<Num<i64>>,
    /// Sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub success: Maybe<Num<i64>>,
    /// All items.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub total: Maybe<Num<i64>>,
    /// Sent or not, no one can tell (the result was not confirmed).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unknown: Maybe<Num<i64>>,
}

/// The item a batch is sending.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchCurrentItem {
    /// Item id (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The instance sending it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_name: Maybe<String>,
    /// Its position in the recipient list.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub position: Maybe<Num<i64>>,
    /// The recipient's number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recipient: Maybe<String>,
}

/// An instance a batch may send through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchInstance {
    /// Its connection state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection_status: Maybe<GoConnectionStatus>,
    /// Items it failed to send.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub failed_count: Maybe<Num<i64>>,
    /// Instance id (an integer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Items it was chosen for.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_count: Maybe<Num<i64>>,
    /// Items it sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub success_count: Maybe<Num<i64>>,
}

/// How a batch sends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchOptions {
    /// The random pause between two items.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub delay: Maybe<BatchDelay>,
    /// Attributes stored with each message sent. Kept as a map of JSON values because it is
    /// free-form: the server stores the object the client sent and gives its keys no
    /// meaning.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Whether to mention every member of a group. Quirk: only `false` is accepted (a
    /// batch sends to contacts, never to groups).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mention_all: Maybe<bool>,
    /// The presence shown before each message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub presence: Maybe<BatchPresence>,
    /// The message to quote, as a message row: the OpenAPI says only "an object", and
    /// CodeChat Go's send options read `keyId`, `keyRemoteJid`, `keyParticipant`,
    /// `messageType` and `content` from it (`contextInfoFromMap` in
    /// `internal/message/service.go`). Not with `quotedMessageId`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_message: Maybe<Box<MessageRow>>,
    /// The id of the message to quote (an integer in the batch options of docs-api's
    /// OpenAPI, a string in its send options); not with `quotedMessage`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_message_id: Maybe<Id>,
    /// Kept as sent; the server gives it no meaning.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub replicable: Maybe<bool>,
}

open_enum! {
    /// The presence a batch shows before each message.
    pub enum BatchPresence {
        /// Typing.
        Composing = "composing",
        /// Paused (stopped typing).
        Paused = "paused",
        /// Recording audio.
        Recording = "recording",
    }
}

/// The random pause between two items of a batch, in milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchDelay {
    /// Longest.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub max_ms: Maybe<Num<i64>>,
    /// Shortest.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub min_ms: Maybe<Num<i64>>,
}

/// When a batch may send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchSchedule {
    /// Whether the window repeats.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recurrence: Maybe<BatchRecurrence>,
    /// An IANA time zone (`America/Sao_Paulo`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timezone: Maybe<String>,
    /// The window's end (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub window_end_at: Maybe<Timestamp>,
    /// The window's start (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub window_start_at: Maybe<Timestamp>,
}

open_enum! {
    /// Whether a batch's sending window repeats.
    pub enum BatchRecurrence {
        /// Every day, at the window's times.
        Daily = "DAILY",
        /// Once.
        None = "NONE",
    }
}

open_enum! {
    /// A message batch's state.
    pub enum BatchStatus {
        /// Every item finished, none failed or unconfirmed.
        Completed = "COMPLETED",
        /// Every item finished, some failed or unconfirmed.
        CompletedWithErrors = "COMPLETED_WITH_ERRORS",
        /// Created, not started.
        Draft = "DRAFT",
        /// Failed for a structural reason.
        Failed = "FAILED",
        /// Interrupted (shutdown, crash, expired lease).
        Interrupted = "INTERRUPTED",
        /// A pause was asked for.
        PauseRequested = "PAUSE_REQUESTED",
        /// Paused.
        Paused = "PAUSED",
        /// Sending.
        Processing = "PROCESSING",
        /// Waiting for a worker.
        Queued = "QUEUED",
        /// Waiting for its first sending window.
        Scheduled = "SCHEDULED",
        /// A stop was asked for.
        StopRequested = "STOP_REQUESTED",
        /// Stopped (final).
        Stopped = "STOPPED",
        /// No instance of the batch is connected.
        WaitingForInstance = "WAITING_FOR_INSTANCE",
        /// The sending window closed with items left.
        WaitingForWindow = "WAITING_FOR_WINDOW",
    }
}

open_enum! {
    /// Why a message batch was interrupted.
    pub enum InterruptionReason {
        /// The server shut down gracefully.
        GracefulShutdown = "GRACEFUL_SHUTDOWN",
        /// The worker's lease expired (a crash, a kill).
        LeaseExpired = "LEASE_EXPIRED",
        /// The server process crashed (listed in docs-api's OpenAPI, not described).
        ProcessCrash = "PROCESS_CRASH",
        /// A send was still running when the graceful shutdown's wait ran out (listed in
        /// docs-api's OpenAPI, not described; the docs say such an item becomes `UNKNOWN`).
        SendTimeoutDuringShutdown = "SEND_TIMEOUT_DURING_SHUTDOWN",
    }
}

/// What a batch sends, by its `type`. A type this version does not know is kept raw in
/// [`BatchMessage::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum BatchMessage {
    /// `text`: `{text}`.
    #[shape(equals("type", "text"))]
    Text(BatchMessageOf<BatchText>),
    /// `link`: a link with its preview.
    #[shape(equals("type", "link"))]
    Link(BatchMessageOf<BatchLink>),
    /// `media`: an image, document, video, audio or round video, by URL or upload.
    #[shape(equals("type", "media"))]
    Media(BatchMessageOf<BatchMedia>),
    /// `audio` (also spelled `ptt`, `whatsapp-audio`, `whatsapp_audio`): a voice note.
    #[shape(equals("type", "audio"))]
    #[shape(equals("type", "ptt"))]
    #[shape(equals("type", "whatsapp-audio"))]
    #[shape(equals("type", "whatsapp_audio"))]
    Audio(BatchMessageOf<BatchAudio>),
    /// `contact`: contact cards (a list).
    #[shape(equals("type", "contact"))]
    Contact(BatchMessageOf<Vec<BatchContact>>),
    /// `location`: a place.
    #[shape(equals("type", "location"))]
    Location(BatchMessageOf<BatchLocation>),
    /// `interactive`: a text with buttons.
    #[shape(equals("type", "interactive"))]
    Interactive(BatchMessageOf<BatchInteractive>),
    /// Another type; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// A batch message: its `type` and its `payload`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "BatchMessage_{P}")]
#[non_exhaustive]
pub struct BatchMessageOf<P> {
    /// The message's type, as sent.
    #[serde(rename = "type")]
    pub kind: String,
    /// What to send.
    pub payload: P,
}

/// A batch's text message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BatchText {
    /// The text.
    pub text: String,
}

/// A batch's link message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchLink {
    /// The preview's description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// The link (HTTP or HTTPS).
    pub link: String,
    /// The preview's image URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_url: Maybe<String>,
    /// The preview's title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// A batch's media message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchMedia {
    /// Caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// File name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_name: Maybe<String>,
    /// The media's URL (or `mediaUploadId`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media: Maybe<String>,
    /// A pre-upload's id (or `media`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_upload_id: Maybe<Id>,
    /// `image`, `document`, `video`, `audio` or `ptv`. Quirk: the key is all lower case.
    #[serde(
        default,
        rename = "mediatype",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub media_type: Maybe<String>,
}

/// A batch's voice note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchAudio {
    /// The audio's URL (or `mediaUploadId`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub audio: Maybe<String>,
    /// A pre-upload's id (or `audio`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_upload_id: Maybe<Id>,
    /// `true` when given (always sent as a voice note).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ptt: Maybe<bool>,
}

/// A contact card of a batch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchContact {
    /// Full name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub full_name: Maybe<String>,
    /// Organization.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub organization: Maybe<String>,
    /// Phone number, as written.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone_number: Maybe<String>,
    /// A vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vcard: Maybe<String>,
    /// WhatsApp number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

/// A batch's location message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BatchLocation {
    /// Address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub address: Maybe<String>,
    /// Latitude, -90 to 90.
    pub latitude: serde_json::Number,
    /// Longitude, -180 to 180.
    pub longitude: serde_json::Number,
    /// Name of the place.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// A map URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
}

/// A batch's text with buttons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchInteractive {
    /// The buttons (at most 10).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub buttons: Maybe<Vec<BatchButton>>,
    /// The text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// Footer.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub footer_text: Maybe<String>,
    /// A pre-uploaded image (`0` or `""` for none).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_upload_id: Maybe<Id>,
    /// Title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// A button of a batch's interactive message: its action is told by `url`, `copyCode` or
/// `id`, or by `type` with `value`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchButton {
    /// A code to copy.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub copy_code: Maybe<String>,
    /// The button's text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_text: Maybe<String>,
    /// A reply id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// `url`, `copy` or `reply`, with `value`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
    /// A link to open.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// The action's value, with `type`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<String>,
}

/// The data of `message.batch.item.failed` and `message.batch.item.unknown`: one item failed,
/// or its result could not be confirmed. The batch's message is not repeated; look it up by
/// `batchId`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BatchItemOutcome {
    /// The batch (a UUID).
    pub batch_id: String,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error: Maybe<BatchItemError>,
    /// The instance that tried to send it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<BatchItemInstance>,
    /// The item (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub item_id: Maybe<String>,
    /// The recipient's number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recipient: Maybe<String>,
}

/// Why a batch item failed or is unconfirmed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BatchItemError {
    /// `SEND_MESSAGE_FAILED`, `SEND_RESULT_UNKNOWN`….
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub code: Maybe<String>,
    /// A human message (Portuguese).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
}

/// The instance of a batch item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct BatchItemInstance {
    /// Instance id (an integer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}
