//! `chats.upsert`: chats were created or updated (open source: one chat per POST).

use crate::objects::ChatItem;

/// The data of `chats.upsert`: chats were created or updated (open source: one chat per POST).
pub type ChatsUpsert = Vec<ChatItem>;
