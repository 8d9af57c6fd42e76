//! `chatCustomField`: a custom field of a chat changed value.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, CustomField};

/// A custom field of a chat changed value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ChatCustomField {
    /// The chat.
    pub chat: Chat,
    /// The field with its new value.
    pub field: CustomField,
}
