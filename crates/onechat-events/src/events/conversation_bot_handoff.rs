//! `conversation.bot_handoff`: a bot handed a conversation over to the agents.
//!
//! Its data has the shape of [`Conversation`], which other events carry too.

use crate::objects::Conversation;

/// The data of `conversation.bot_handoff`: a bot (an agent bot, Captain, a workflow) handed
/// a pending conversation over to the agents, who now see it as open. Sent to the inbox's
/// agents and the administrators.
pub type ConversationBotHandoff = Conversation;
