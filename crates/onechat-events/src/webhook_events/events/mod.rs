//! The body types of every Chatwoot webhook: one file per event, named after its wire name
//! (`message_created` → `message_created.rs`, `macro.executed` → `macro_executed.rs`).
//!
//! Most webhooks send data that other webhooks or the realtime events carry too; their
//! files name it with a type alias from [`objects`](crate::objects). What only one webhook
//! carries (the widget's `event_info`, the installation's new account) lives in its file.
//! [`WebhookEvent`](super::WebhookEvent) says which webhook carries which type.

mod account_created;
mod automation_event_conversation_created;
mod automation_event_conversation_opened;
mod automation_event_conversation_resolved;
mod automation_event_conversation_updated;
mod automation_event_message_created;
mod contact_created;
mod contact_updated;
mod conversation_created;
mod conversation_opened;
mod conversation_resolved;
mod conversation_status_changed;
mod conversation_typing_off;
mod conversation_typing_on;
mod conversation_updated;
mod inbox_created;
mod inbox_updated;
mod macro_executed;
mod message_created;
mod message_updated;
mod webwidget_triggered;

pub use account_created::AccountCreated;
pub use automation_event_conversation_created::AutomationEventConversationCreated;
pub use automation_event_conversation_opened::AutomationEventConversationOpened;
pub use automation_event_conversation_resolved::AutomationEventConversationResolved;
pub use automation_event_conversation_updated::AutomationEventConversationUpdated;
pub use automation_event_message_created::AutomationEventMessageCreated;
pub use contact_created::ContactCreated;
pub use contact_updated::ContactUpdated;
pub use conversation_created::ConversationCreated;
pub use conversation_opened::ConversationOpened;
pub use conversation_resolved::ConversationResolved;
pub use conversation_status_changed::ConversationStatusChanged;
pub use conversation_typing_off::ConversationTypingOff;
pub use conversation_typing_on::ConversationTypingOn;
pub use conversation_updated::ConversationUpdated;
pub use inbox_created::InboxCreated;
pub use inbox_updated::InboxUpdated;
pub use macro_executed::MacroExecuted;
pub use message_created::MessageCreated;
pub use message_updated::MessageUpdated;
pub use webwidget_triggered::{Browser, WebwidgetTriggered, WidgetEventInfo, WidgetInitiatedAt};
