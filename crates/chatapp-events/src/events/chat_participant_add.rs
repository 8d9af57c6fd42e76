//! `chatParticipantAdd`: participants were added to a group (Telegram, Telegram bots).
//!
//! Its items have the shape of [`ChatParticipants`], which other events carry too.

use crate::objects::ChatParticipants;

/// One item of `chatParticipantAdd`: participants were added to a group (Telegram, Telegram bots).
pub type ChatParticipantAdd = ChatParticipants;
