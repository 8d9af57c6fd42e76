//! `labels.edit`: a label was created, edited or deleted.

use chat_events_core::{Id, Maybe, Num};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A label was created, edited or deleted (open source, Evolution with its `instance`,
/// CodeChat Go: Baileys' or whatsmeow's label, the same keys).
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
