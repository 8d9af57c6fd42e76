//! `groups.upsert`: groups were created or joined (the open-source name).

use chat_events_core::OneOrMany;

use crate::objects::GroupMetadata;

/// The data of `groups.upsert`: groups were created or joined (the open-source name).
pub type GroupsUpsert = OneOrMany<GroupMetadata>;
