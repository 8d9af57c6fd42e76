//! `groups.update`: groups changed (the open-source name).

use chat_events_core::OneOrMany;

use crate::objects::GroupMetadata;

/// The data of `groups.update`: groups changed (the open-source name).
pub type GroupsUpdate = OneOrMany<GroupMetadata>;
