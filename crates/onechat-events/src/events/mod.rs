//! The data types of every OneChat event: one file per event, named after its wire name
//! (`conversation.typing_on` → `conversation_typing_on.rs`).
//!
//! A file holds what only its event carries: the data type and the enums only it uses. Data
//! that several events share (conversations, messages, contacts, notifications, typing) lives
//! in [`objects`](crate::objects); the file of an event that carries it names it with a type
//! alias. [`Event`](crate::Event) says which event carries which type.

mod account_cache_invalidated;
mod account_enrichment_completed;
mod assignee_changed;
mod call_created;
mod call_ended;
mod call_rejected;
mod contact_created;
mod contact_deleted;
mod contact_merged;
mod contact_updated;
mod conversation_bot_handoff;
mod conversation_contact_changed;
mod conversation_created;
mod conversation_mentioned;
mod conversation_read;
mod conversation_status_changed;
mod conversation_typing_off;
mod conversation_typing_on;
mod conversation_unread_count_changed;
mod conversation_updated;
mod copilot_message_created;
mod first_reply_created;
mod message_created;
mod message_updated;
mod notification_created;
mod notification_deleted;
mod notification_updated;
mod order_update;
mod presence_update;
mod team_changed;
mod voice_call_accepted;
mod voice_call_ended;
mod voice_call_incoming;
mod voice_call_outbound_accepted;
mod voice_call_outbound_connected;

pub use account_cache_invalidated::{AccountCacheInvalidated, CacheKeys};
pub use account_enrichment_completed::AccountEnrichmentCompleted;
pub use assignee_changed::AssigneeChanged;
pub use call_created::CallCreated;
pub use call_ended::CallEnded;
pub use call_rejected::CallRejected;
pub use contact_created::ContactCreated;
pub use contact_deleted::ContactDeleted;
pub use contact_merged::ContactMerged;
pub use contact_updated::ContactUpdated;
pub use conversation_bot_handoff::ConversationBotHandoff;
pub use conversation_contact_changed::ConversationContactChanged;
pub use conversation_created::ConversationCreated;
pub use conversation_mentioned::ConversationMentioned;
pub use conversation_read::ConversationRead;
pub use conversation_status_changed::ConversationStatusChanged;
pub use conversation_typing_off::ConversationTypingOff;
pub use conversation_typing_on::ConversationTypingOn;
pub use conversation_unread_count_changed::ConversationUnreadCountChanged;
pub use conversation_updated::ConversationUpdated;
pub use copilot_message_created::{
    CopilotContent, CopilotMessage, CopilotMessageType, CopilotThread, FlatCopilotMessage,
    ThreadedCopilotMessage,
};
pub use first_reply_created::FirstReplyCreated;
pub use message_created::MessageCreated;
pub use message_updated::MessageUpdated;
pub use notification_created::NotificationCreated;
pub use notification_deleted::NotificationDeleted;
pub use notification_updated::NotificationUpdated;
pub use order_update::{LineItem, Order, OrderUpdate};
pub use presence_update::Presence;
pub use team_changed::TeamChanged;
pub use voice_call_accepted::VoiceCallAccepted;
pub use voice_call_ended::VoiceCallEnded;
pub use voice_call_incoming::VoiceCallIncoming;
pub use voice_call_outbound_accepted::VoiceCallOutboundAccepted;
pub use voice_call_outbound_connected::VoiceCallOutboundConnected;
