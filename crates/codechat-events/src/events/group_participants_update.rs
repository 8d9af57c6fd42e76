//! `group-participants.update`: group members changed (the open-source name).
//!
//! Its data is [`GroupParticipantsUpdate`](crate::objects::GroupParticipantsUpdate), which
//! the cloud docs' `group:participant.update` carries too.

pub use crate::objects::GroupParticipantsUpdate;
