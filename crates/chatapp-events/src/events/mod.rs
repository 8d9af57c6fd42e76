//! The item types of every ChatApp event: one file per event, named after its wire name
//! (`chatRead` → `chat_read.rs`).
//!
//! Each event's `data` is a list of its item type; [`Event`](crate::Event) says which. A file
//! holds what only its event carries: the item type (named after the event, `…Change` when the
//! event is named after the object it changes) and the enums only it uses. Items that several
//! events share live in [`objects`](crate::objects); the file of an event that carries one of
//! them names it with a type alias.

mod chat_accomplice;
mod chat_archive;
mod chat_auditor;
mod chat_comment;
mod chat_consent_send_message;
mod chat_conversation;
mod chat_custom_field;
mod chat_funnel_stage;
mod chat_level;
mod chat_participant_add;
mod chat_participant_destroy;
mod chat_process;
mod chat_producer;
mod chat_read;
mod chat_rename;
mod chat_responsible;
mod chat_responsible_pin;
mod chat_status;
mod chat_tag;
mod chat_unread;
mod employee_status;
mod employee_workday;
mod message;
mod message_destroy;
mod message_import;
mod message_reaction;
mod message_status;
mod message_system;
mod quick_response;
mod quick_response_list;

pub use chat_accomplice::ChatAccomplice;
pub use chat_archive::ChatArchive;
pub use chat_auditor::ChatAuditor;
pub use chat_comment::ChatComment;
pub use chat_consent_send_message::ChatConsentSendMessage;
pub use chat_conversation::{ChatConversation, Conversation};
pub use chat_custom_field::ChatCustomField;
pub use chat_funnel_stage::ChatFunnelStage;
pub use chat_level::ChatLevel;
pub use chat_participant_add::ChatParticipantAdd;
pub use chat_participant_destroy::ChatParticipantDestroy;
pub use chat_process::ChatProcessChange;
pub use chat_producer::ChatProducer;
pub use chat_read::ChatRead;
pub use chat_rename::ChatRename;
pub use chat_responsible::ChatResponsible;
pub use chat_responsible_pin::{ChatResponsiblePin, PinAction};
pub use chat_status::ChatStatusChange;
pub use chat_tag::ChatTag;
pub use chat_unread::ChatUnread;
pub use employee_status::{EmployeeStatus, EmployeeStatusType};
pub use employee_workday::{EmployeeWorkday, WorkdayAction};
pub use message::Message;
pub use message_destroy::MessageDestroy;
pub use message_import::{ImportStatus, MessageImport};
pub use message_reaction::{MessageReaction, ReactionAction};
pub use message_status::{MessageStatus, MessageStatusType};
pub use message_system::MessageSystem;
pub use quick_response::QuickResponseChange;
pub use quick_response_list::QuickResponseListChange;
