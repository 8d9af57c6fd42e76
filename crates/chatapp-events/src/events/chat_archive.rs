//! `chatArchive`: a chat was archived or restored from the archive.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Chat;

/// A chat was archived or restored from the archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatArchive {
    /// `true` when archived, `false` when restored.
    pub archive: bool,
    /// The chat.
    pub chat: Chat,
}
