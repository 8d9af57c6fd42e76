//! `chats.update`: chats changed.

use crate::objects::ChatItem;

/// The data of `chats.update`: chats changed.
pub type ChatsUpdate = Vec<ChatItem>;
