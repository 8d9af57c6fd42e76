//! Objects the CodeChat events carry: messages, chats, contacts, groups, send queues, CodeChat
//! Go's message batches and calls.

pub mod baileys;
mod batch;
mod call;
mod chat;
mod cloud_message;
mod contact;
mod group;
mod message;
mod message_common;
mod message_row;
mod queue;

pub use baileys::{BaileysMessage, MessageContent, MessageKey, ProtocolMessageType};
pub use batch::{
    BatchAudio, BatchButton, BatchChange, BatchContact, BatchCounts, BatchCurrentItem, BatchDelay,
    BatchInstance, BatchInteractive, BatchItemError, BatchItemInstance, BatchItemOutcome,
    BatchLink, BatchLocation, BatchMedia, BatchMessage, BatchMessageOf, BatchOptions,
    BatchPresence, BatchRecurrence, BatchSchedule, BatchStatus, BatchText, InterruptionReason,
    MessageBatch,
};
pub use call::{
    Call, CallDirection, CallEventDetail, CallLifecycle, CallSession, CallState, CallStatus,
};
pub use chat::{ChatItem, ChatRow, ChatState, LegacyChat};
pub use cloud_message::{
    CloudBody, CloudContext, CloudHeader, CloudMessage, CloudUpdateInstance, MediaSize,
};
pub use contact::{
    CloudContact, ContactItem, ContactRow, Contacts, GoContact, GoContactAction, GoContactSource,
    LegacyContact,
};
pub use group::{
    AdminRole, GroupAction, GroupMetadata, GroupParticipant, GroupParticipantsUpdate, Participant,
    ParticipantData,
};
pub use message::WebhookMessage;
pub use message_common::{Device, MessageStatus, MessageType};
pub use message_row::{MediaPath, MessageInfo, MessageRow};
pub use queue::{
    Queue, QueueAction, QueueChange, QueueData, QueueMessage, QueuedMessage, SendError, SendQueue,
};
