//! `chats.delete`: chats were deleted (a list of JIDs).

/// The data of `chats.delete`: chats were deleted (a list of JIDs).
pub type ChatsDelete = Vec<String>;
