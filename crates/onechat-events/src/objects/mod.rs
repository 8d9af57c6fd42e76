//! Objects the OneChat events carry: conversations, messages, senders, attachments, notifications.

mod call;
mod conversation;
mod message;
mod notification;
mod sender;
mod typing;

pub use call::{CallChange, CallData};
pub use conversation::{
    AppliedSla, ChannelType, ContactInbox, Conversation, ConversationMeta, ConversationStatus,
    Priority, SlaEvent, SlaStatus,
};
pub use message::{
    Attachment, CardAction, ContentAttributes, ContentType, CsatDisplayType, CsatSubmission,
    CsatSurveyResponse, EmailContent, FileType, IncomingEmail, Item, Message, MessageContactInbox,
    MessageConversation, MessageStatus, MessageType, SenderType, SubmittedValue, SubmittedValues,
};
pub use notification::{
    Notification, NotificationChange, NotificationType, SecondaryActor, SlaPolicy,
};
pub use sender::{
    AgentBot, Attributes, Availability, CaptainAssistant, Contact, PresenceMap, Sender, Team, User,
};
pub use typing::Typing;
