//! Objects the OneChat events carry: conversations, messages, senders, attachments.

mod conversation;
mod message;
mod sender;

pub use conversation::{
    AppliedSla, ChannelType, ContactInbox, Conversation, ConversationMeta, ConversationStatus,
    Priority, SlaEvent, SlaStatus,
};
pub use message::{
    Attachment, CardAction, ContentAttributes, ContentType, CsatDisplayType, CsatSubmission,
    CsatSurveyResponse, EmailContent, FileType, IncomingEmail, Item, Message, MessageContactInbox,
    MessageConversation, MessageStatus, MessageType, SenderType, SubmittedValue, SubmittedValues,
};
pub(crate) use sender::decode_captured;
pub use sender::{
    AgentBot, Attributes, Availability, CaptainAssistant, Contact, OtherSender, PresenceMap,
    Sender, Team, User,
};
