//! `chatTag`: a tag was added to or removed from a chat.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{ChangeAction, Chat, Tag};

/// A tag was added to or removed from a chat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatTag {
    /// The chat.
    pub chat: Chat,
    /// Added or removed.
    #[serde(rename = "type")]
    pub kind: ChangeAction,
    /// The tag.
    pub tag: Tag,
}
