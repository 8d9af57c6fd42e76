//! `group.upsert`: a group was created or joined (the cloud docs' name).

use chat_events_core::OneOrMany;

use crate::objects::GroupMetadata;

/// The data of `group.upsert`: a group was created or joined (the cloud docs' name).
pub type GroupUpsert = OneOrMany<GroupMetadata>;
