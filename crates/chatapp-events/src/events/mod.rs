//! The item types of every ChatApp event, one module per family.
//!
//! Each event's `data` is a list of one of these types; [`Event`](crate::Event) says which.

mod chat_participant;
mod chat_state;
mod chat_team;
mod employee;
mod message;
mod message_destroy;
mod message_import;
mod message_reaction;
mod message_status;
mod quick_response;

pub use chat_participant::ChatParticipants;
pub use chat_state::{
    ChatArchive, ChatComment, ChatConsentSendMessage, ChatConversation, ChatCustomField,
    ChatFunnelStage, ChatLevel, ChatMark, ChatProcessChange, ChatRename, ChatStatusChange, ChatTag,
    Conversation,
};
pub use chat_team::{
    ChangeAction, ChatAccomplice, ChatAuditor, ChatProducer, ChatResponsible, ChatResponsiblePin,
    PinAction,
};
pub use employee::{EmployeeStatus, EmployeeStatusType, EmployeeWorkday, WorkdayAction};
pub use message::{Message, MessageContent, QuotedMessage, Side};
pub use message_destroy::MessageDestroy;
pub use message_import::{ImportStatus, MessageImport};
pub use message_reaction::{MessageReaction, ReactionAction};
pub use message_status::{MessageStatus, MessageStatusType};
pub use quick_response::{
    Permission, QuickResponse, QuickResponseAccess, QuickResponseAction, QuickResponseChange,
    QuickResponseList, QuickResponseListChange,
};
