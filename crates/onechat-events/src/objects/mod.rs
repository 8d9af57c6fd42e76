//! Objects the OneChat events carry: conversations, messages, senders, attachments,
//! notifications, calls; and what Chatwoot's HTTP webhook bodies carry besides
//! (account and inbox references, changed attributes, the webhook forms of messages,
//! senders and typing, inbox settings).

mod call;
mod conversation;
mod conversation_status;
mod inbox;
mod message;
mod notification;
mod sender;
mod typing;
mod voice_call;
mod webhook;
mod webhook_message;
mod webhook_typing;

pub use call::{CallChange, CallData};
pub use conversation::{
    AppliedSla, ChannelType, ContactInbox, Conversation, ConversationMeta, Priority, SlaEvent,
    SlaStatus,
};
pub use conversation_status::ConversationStatus;
pub use inbox::{InboxSettings, SenderNameType, WorkingHour};
pub use message::{
    Activity, Attachment, CardAction, ContentAttributes, ContentData, ContentType, CsatDisplayType,
    CsatSubmission, CsatSurveyResponse, EmailContent, FileType, IncomingEmail, Item, Message,
    MessageContactInbox, MessageConversation, MessageStatus, MessageType, Referral, SenderType,
    SubmittedValue, SubmittedValues, WelcomeMessage,
};
pub use notification::{
    Notification, NotificationChange, NotificationType, SecondaryActor, SlaPolicy,
};
pub use sender::{
    AgentBot, Attributes, Availability, CaptainAssistant, Contact, PresenceMap, Sender, Team, User,
    WebhookSender,
};
pub use typing::Typing;
pub use voice_call::{
    CallAgent, CallDirection, CallProvider, CallRecord, CallRecordDirection, CallStatus, CallTimes,
    Caller, IceServer, VoiceCall,
};
pub use webhook::{Account, AttributeChange, ChangedAttributes, Inbox};
pub use webhook_message::{WebhookMessage, WebhookMessageType};
pub use webhook_typing::WebhookTyping;
