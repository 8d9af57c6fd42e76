//! `messageImport`: a history download task changed state (company channel).

use chat_events_core::{Id, Maybe, UnixSeconds, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    channel::MessengerType,
    objects::{Chat, ErrorInfo, IdRef},
};

/// A history download task and its state.
///
/// The newer docs show this example under a second "chatRename" heading; its `meta.type`
/// is `messageImport`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageImport {
    /// The chat being imported (id and name).
    pub chat: Chat,
    /// Employee who started the task.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created: Maybe<IdRef>,
    /// Why the task failed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub error: Maybe<ErrorInfo>,
    /// Task id.
    pub id: Id,
    /// The line.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub license_id: Maybe<Id>,
    /// Cursor for the next page of history, such as `"1751449154,2468"`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub messages_next_page: Maybe<String>,
    /// The line's messenger.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub messenger_type: Maybe<MessengerType>,
    /// State of the task.
    pub status: ImportStatus,
    /// When the state changed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
    /// Start of the imported period.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time_from: Maybe<UnixSeconds>,
    /// End of the imported period; `null` for "until now".
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time_to: Maybe<UnixSeconds>,
}

open_enum! {
    /// State of a history download task.
    pub enum ImportStatus {
        /// The task failed; see `error`.
        Failed = "failed",
    }
}
