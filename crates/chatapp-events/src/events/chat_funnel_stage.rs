//! `chatFunnelStage`: a chat was moved to a sales funnel stage (newer docs).

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, IdRef};

/// A chat was moved to a sales funnel stage (newer docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatFunnelStage {
    /// The chat.
    pub chat: Chat,
    /// The new stage; `null` when the chat left the funnel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub funnel_stage: Maybe<IdRef>,
}
