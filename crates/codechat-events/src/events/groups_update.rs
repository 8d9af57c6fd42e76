//! `groups.update`: groups changed (the open-source name).

use chat_events_core::{Maybe, RawJson, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::GroupMetadata;

/// The data of `groups.update`: groups changed. A list (in practice of one item); Baileys
/// sends the group's changed keys, CodeChat Go wraps them in `partial`.
pub type GroupsUpdate = Vec<GroupChange>;

/// One group's change, in the shape of the generation that sent it, read from its keys:
/// `partial` → CodeChat Go; `id` → Baileys' partial group metadata (open source,
/// Evolution). Another value is kept raw in [`GroupChange::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum GroupChange {
    /// CodeChat Go (2026): `{partial: {…changed keys}}`.
    #[shape(has("partial"))]
    Go(Box<GoGroupChange>),
    /// Open source and Evolution: Baileys' `Partial<GroupMetadata>`, the group's `id` with
    /// the changed keys and who changed them.
    #[shape(has("id"))]
    Baileys(Box<GroupMetadata>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl GroupChange {
    /// The changed group's metadata (only `id` and the changed keys), whatever the shape.
    pub fn metadata(&self) -> Option<&GroupMetadata> {
        match self {
            Self::Baileys(metadata) => Some(metadata),
            Self::Go(update) => update.partial.get(),
            Self::Other(_) => None,
        }
    }
}

/// CodeChat Go: a group's change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct GoGroupChange {
    /// The changed keys of the group's metadata, with its `id`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub partial: Maybe<GroupMetadata>,
}
