//! The data types of every CodeChat event: one file per event, named after its wire name
//! (`messages.upsert` → `messages_upsert.rs`, `send.message:START` → `send_message_start.rs`).
//!
//! A file holds what only its event carries: the data type and the enums only it uses. Data
//! that several events share (messages, chats, contacts, groups, queues) lives in
//! [`objects`](crate::objects); the file of an event that carries it names it with a type
//! alias. Aliases of event names (`connections.update`) are noted in their event's file.

mod call_upsert;
mod cancel_payment;
mod chats_delete;
mod chats_set;
mod chats_update;
mod chats_upsert;
mod connection_update;
mod contacts_update;
mod contacts_upsert;
mod decline_payment;
mod deleted_queue;
mod general_error;
mod group_participant_update;
mod group_participants_update;
mod group_update;
mod group_upsert;
mod groups_update;
mod groups_upsert;
mod labels_association;
mod labels_edit;
mod messages_delete;
mod messages_set;
mod messages_update;
mod messages_upsert;
mod new_jwt;
mod new_message;
mod paused_queue;
mod presence_update;
mod qrcode_updated;
mod request_payment;
mod resumed_queue;
mod send_message;
mod send_message_completed;
mod send_message_error;
mod send_message_processing;
mod send_message_start;
mod send_payment;
mod status_broadcast;
mod status_instance;

pub use call_upsert::{Call, CallStatus};
pub use cancel_payment::CancelPayment;
pub use chats_delete::ChatsDelete;
pub use chats_set::ChatsSet;
pub use chats_update::ChatsUpdate;
pub use chats_upsert::ChatsUpsert;
pub use connection_update::{ConnectionUpdate, WhatsAppState};
pub use contacts_update::ContactsUpdate;
pub use contacts_upsert::ContactsUpsert;
pub use decline_payment::DeclinePayment;
pub use deleted_queue::DeletedQueue;
pub use general_error::GeneralError;
pub use group_participant_update::GroupParticipantUpdate;
pub use group_participants_update::GroupParticipantsUpdate;
pub use group_update::GroupUpdate;
pub use group_upsert::GroupUpsert;
pub use groups_update::GroupsUpdate;
pub use groups_upsert::GroupsUpsert;
pub use labels_association::{
    Association, AssociationChange, FlatLabelAssociation, LabelAssociation, NestedLabelAssociation,
};
pub use labels_edit::Label;
pub use messages_delete::{ClearedChat, DeletedMessage, MessagesDelete};
pub use messages_set::MessagesSet;
pub use messages_update::{CloudMessageUpdate, CloudUpdate, KeyMessageUpdate, MessageUpdate};
pub use messages_upsert::MessagesUpsert;
pub use new_jwt::NewJwt;
pub use new_message::NewMessage;
pub use paused_queue::PausedQueue;
pub use presence_update::{Presence, PresenceEntry, PresenceState};
pub use qrcode_updated::{Qrcode, QrcodeData, QrcodeLimit, QrcodeUpdate};
pub use request_payment::RequestPayment;
pub use resumed_queue::ResumedQueue;
pub use send_message::SendMessage;
pub use send_message_completed::SendMessageCompleted;
pub use send_message_error::SendMessageError;
pub use send_message_processing::SendMessageProcessing;
pub use send_message_start::SendMessageStart;
pub use send_payment::SendPayment;
pub use status_broadcast::StatusBroadcast;
pub use status_instance::{InstanceStatus, StatusInstance};
