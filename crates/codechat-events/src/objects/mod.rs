//! Objects the CodeChat events carry: messages, chats, contacts, groups, send queues.

mod chat;
mod contact;
mod group;
mod message;
mod queue;

pub use chat::{ChatItem, ChatRow, ChatState, LegacyChat};
pub use contact::{CloudContact, ContactItem, ContactRow, LegacyContact};
pub use group::{
    AdminRole, GroupAction, GroupMetadata, GroupParticipant, GroupParticipantsUpdate, Participant,
};
pub use message::{
    BaileysMessage, CloudBody, CloudContext, CloudHeader, CloudMessage, CloudUpdateInstance,
    Device, MediaPath, MediaSize, MessageContent, MessageInfo, MessageKey, MessageRow,
    MessageStatus, MessageType, ProtocolMessageType, WebhookMessage,
};
pub use queue::{
    Queue, QueueAction, QueueChange, QueueData, QueueMessage, QueuedMessage, SendError, SendQueue,
};
