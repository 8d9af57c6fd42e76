//! The data types of OneChat events that are not a plain conversation, message or contact.
//!
//! Conversation events carry [`Conversation`](crate::objects::Conversation), message events
//! [`Message`](crate::objects::Message), contact events [`Contact`](crate::objects::Contact);
//! [`Event`](crate::Event) says which event carries which type.

mod account;
mod call;
mod copilot;
mod notification;
mod order;
mod presence;
mod typing;

pub use account::CacheInvalidated;
pub use call::{CallChange, CallData, CallRejected};
pub use copilot::{CopilotContent, CopilotMessage, CopilotMessageType, CopilotThread};
pub use notification::{
    Notification, NotificationChange, NotificationType, OtherActor, SecondaryActor, SlaPolicy,
};
pub use order::{LineItem, Order, OrderUpdate};
pub use presence::Presence;
pub use typing::Typing;
