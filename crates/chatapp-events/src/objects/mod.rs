//! Objects shared by several ChatApp events: chats, messages, tags, custom fields, users, references.

mod chat;
mod chat_mark;
mod chat_participants;
mod common;
mod custom_field;
mod message;
mod quick_response;
mod tag;
mod user;

pub use chat::{Chat, ChatProcess, ChatStatus, ChatType, LastMessage};
pub use chat_mark::ChatMark;
pub use chat_participants::ChatParticipants;
pub use common::{
    ChangeAction, ConsentSendMessage, ErrorInfo, FromApp, IdRef, MessageType, Translations,
};
pub use custom_field::{CustomField, CustomFieldOption, CustomFieldType, CustomFieldValue};
pub use message::{Message, MessageContent, QuotedMessage, Side};
pub use quick_response::{
    Permission, QuickResponse, QuickResponseAccess, QuickResponseAction, QuickResponseList,
};
pub use tag::{Tag, TagCategory};
pub use user::User;
