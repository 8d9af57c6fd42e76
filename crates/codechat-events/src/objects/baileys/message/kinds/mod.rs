//! The other message kinds: location, contact, reaction, poll, protocol (revoke, edit), wrappers,
//! invitations, replies to buttons and lists, payments, calls.
//!
//! One file per family of kinds; every type is re-exported here and from
//! [`baileys`](crate::objects::baileys).

mod calls;
mod contacts;
mod events;
mod history;
mod invites;
mod location;
mod payments;
mod pins;
mod polls;
mod protocol;
mod reactions;
mod responses;
mod wrappers;

pub use calls::{
    BcallMessage, CallLogMessage, CallMessage, CallParticipant, ScheduledCallCreationMessage,
    ScheduledCallEditMessage,
};
pub use contacts::{ChatMessage, ContactMessage, ContactsArrayMessage, RequestPhoneNumberMessage};
pub use events::{EncEventResponseMessage, EventMessage};
pub use history::{MessageHistoryBundle, MessageHistoryMetadata, MessageHistoryNotice};
pub use invites::{
    GroupInviteMessage, NewsletterAdminInviteMessage, NewsletterFollowerInviteMessage,
};
pub use location::{LiveLocationMessage, LocationMessage};
pub use payments::{
    CancelPaymentRequestMessage, DeclinePaymentRequestMessage, Money, PaymentInviteMessage,
    RequestPaymentMessage, SendPaymentMessage,
};
pub use pins::{KeepInChatMessage, PinInChatMessage};
pub use polls::{
    PollCreationMessage, PollEncValue, PollOption, PollResultSnapshotMessage, PollUpdateMessage,
    PollUpdateMessageMetadata, PollVote, QuestionResponseMessage,
};
pub use protocol::{
    AppStateFatalExceptionNotification, AppStateSyncKey, AppStateSyncKeyData,
    AppStateSyncKeyFingerprint, AppStateSyncKeyId, AppStateSyncKeyRequest, AppStateSyncKeyShare,
    FullHistorySyncOnDemandRequestMetadata, HistorySyncMessageAccessStatus,
    HistorySyncNotification, InitialSecurityNotificationSettingSync, PlaceholderMessage,
    ProtocolMessage, RequestWelcomeMessageMetadata, SenderKeyDistributionMessage,
};
pub use reactions::{CommentMessage, EncCommentMessage, EncReactionMessage, ReactionMessage};
pub use responses::{
    ButtonsResponseMessage, InteractiveResponseBody, InteractiveResponseMessage,
    ListResponseMessage, NativeFlowResponseMessage, SingleSelectReply, TemplateButtonReplyMessage,
};
pub use wrappers::{AlbumMessage, DeviceSentMessage, FutureProofMessage};
