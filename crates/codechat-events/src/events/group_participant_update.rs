//! `group:participant.update`: group members changed (the cloud docs' name).

use crate::objects::GroupParticipantsUpdate;

/// The data of `group:participant.update`: group members changed (the cloud docs' name).
pub type GroupParticipantUpdate = GroupParticipantsUpdate;
