//! Objects shared by several ChatApp events: chats, tags, custom fields, users, references.

mod chat;
mod common;
mod custom_field;
mod tag;
mod user;

pub use chat::{Chat, ChatProcess, ChatStatus, ChatType, LastMessage};
pub use common::{ConsentSendMessage, ErrorInfo, FromApp, IdRef, MessageType, Translations};
pub use custom_field::{CustomField, CustomFieldOption, CustomFieldType, CustomFieldValue};
pub use tag::{Tag, TagCategory};
pub use user::User;
