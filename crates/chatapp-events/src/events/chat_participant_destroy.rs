//! `chatParticipantDestroy`: participants were removed from a group (Telegram, Telegram bots).
//!
//! Its items have the shape of [`ChatParticipants`], which other events carry too.

use crate::objects::ChatParticipants;

/// One item of `chatParticipantDestroy`: participants were removed from a group (Telegram, Telegram bots).
pub type ChatParticipantDestroy = ChatParticipants;
