//! `groups.participants.update`: group members joined, left, or changed role (CodeChat Go's name).

use crate::objects::GroupParticipantsUpdate;

/// The data of `groups.participants.update`: group members joined, left, or changed role
/// (CodeChat Go's `{action, author, authorPn?, id, participants: [{id, admin, isAdmin,
/// isSuperAdmin}]}`).
pub type GroupsParticipantsUpdate = GroupParticipantsUpdate;
