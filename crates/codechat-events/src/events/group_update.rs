//! `group.update`: a group changed (the cloud docs' name).

use chat_events_core::OneOrMany;

use crate::objects::GroupMetadata;

/// The data of `group.update`: a group changed (the cloud docs' name).
pub type GroupUpdate = OneOrMany<GroupMetadata>;
