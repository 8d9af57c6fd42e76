//! Objects the CodeChat events carry: messages, chats, contacts, groups, send queues.

mod baileys;
mod chat;
mod cloud_message;
mod contact;
mod group;
mod message;
mod message_row;
mod queue;

pub use baileys::{BaileysMessage, MessageContent, MessageKey, ProtocolMessageType};
pub use chat::{ChatItem, ChatRow, ChatState, LegacyChat};
pub use cloud_message::{
    CloudBody, CloudContext, CloudHeader, CloudMessage, CloudUpdateInstance, MediaSize,
};
pub use contact::{CloudContact, ContactItem, ContactRow, LegacyContact};
pub use group::{
    AdminRole, GroupAction, GroupMetadata, GroupParticipant, GroupParticipantsUpdate, Participant,
};
pub use message::{Device, MessageStatus, MessageType, WebhookMessage};
pub use message_row::{MediaPath, MessageInfo, MessageRow};
pub use queue::{
    Queue, QueueAction, QueueChange, QueueData, QueueMessage, QueuedMessage, SendError, SendQueue,
};
