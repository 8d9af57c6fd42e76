//! `chats.set`: chats were loaded (history sync, repeated per chunk).

use crate::objects::ChatItem;

/// The data of `chats.set`: chats were loaded (history sync, repeated per chunk).
pub type ChatsSet = Vec<ChatItem>;
