//! [`Event`]: every OneChat event, dispatched on its name.

use std::fmt;

use chat_events_core::Id;

use crate::{
    envelope::{Payload, SPINE},
    events::{
        AccountCacheInvalidated, AccountEnrichmentCompleted, AssigneeChanged, CallCreated,
        CallEnded, CallRejected, ContactCreated, ContactDeleted, ContactMerged, ContactUpdated,
        ConversationBotHandoff, ConversationContactChanged, ConversationCreated,
        ConversationMentioned, ConversationRead, ConversationStatusChanged, ConversationTypingOff,
        ConversationTypingOn, ConversationUnreadCountChanged, ConversationUpdated, CopilotMessage,
        FirstReplyCreated, MessageCreated, MessageUpdated, NotificationCreated,
        NotificationDeleted, NotificationUpdated, OrderUpdate, Presence, TeamChanged,
        VoiceCallAccepted, VoiceCallEnded, VoiceCallIncoming, VoiceCallOutboundAccepted,
        VoiceCallOutboundConnected,
    },
    objects::Sender,
};

chat_events_core::unstable::event_enum! {
    /// A OneChat (Chatwoot) event.
    ///
    /// Decode one with [`Event::decode`] from a broadcast (`{"event", "data"}`) or from the
    /// whole Action Cable data frame. An event name this version does not know gives
    /// [`Event::Unknown`] with the raw JSON; a known name with data that does not fit is a
    /// [`DecodeError`](crate::DecodeError) naming the JSON path.
    ///
    /// A user's subscription receives the events of every account the user belongs to:
    /// filter with [`Event::account_id`] or [`Event::belongs_to`].
    ///
    /// ```
    /// use onechat_events::{Event, objects::Availability};
    ///
    /// let frame = br#"{"identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"t\",\"account_id\":1,\"user_id\":1}",
    ///                 "message":{"event":"presence.update","data":{"account_id":1,"users":{"1":"online"}}}}"#;
    /// let event = Event::decode(frame).unwrap();
    /// let Event::PresenceUpdate(presence) = event.event() else { panic!() };
    /// assert_eq!(presence.data.user(1), Some(&Availability::Online));
    /// assert_eq!(event.account_id().and_then(|id| id.as_i64()), Some(1));
    /// ```
    pub enum Event;
    /// The name of a OneChat event (the broadcast's `event`).
    pub enum EventKind;
    spine = SPINE;
    payload_trait = EventPayload;
    /// The account's cached labels, inboxes, teams or canned responses changed.
    AccountCacheInvalidated(Payload<AccountCacheInvalidated>) = "account.cache_invalidated",
    /// The account's onboarding enrichment finished (sent to its first administrator).
    AccountEnrichmentCompleted(Payload<AccountEnrichmentCompleted>) = "account.enrichment_completed",
    /// A conversation's assignee changed.
    AssigneeChanged(Payload<AssigneeChanged>) = "assignee.changed",
    /// An agent started a call (OneHash).
    CallCreated(Payload<CallCreated>) = "call.created",
    /// An agent ended a call (OneHash).
    CallEnded(Payload<CallEnded>) = "call.ended",
    /// The contact rejected a call (OneHash).
    CallRejected(Payload<CallRejected>) = "call.rejected",
    /// A contact was created.
    ContactCreated(Payload<ContactCreated>) = "contact.created",
    /// A contact was deleted.
    ContactDeleted(Payload<ContactDeleted>) = "contact.deleted",
    /// Another contact was merged into this one (a `contact.updated` follows).
    ContactMerged(Payload<ContactMerged>) = "contact.merged",
    /// A contact was updated.
    ContactUpdated(Payload<ContactUpdated>) = "contact.updated",
    /// A bot handed a conversation over to the agents.
    ConversationBotHandoff(Payload<ConversationBotHandoff>) = "conversation.bot_handoff",
    /// A conversation's contact changed (contacts were merged).
    ConversationContactChanged(Payload<ConversationContactChanged>) = "conversation.contact_changed",
    /// A conversation was created.
    ConversationCreated(Payload<ConversationCreated>) = "conversation.created",
    /// The subscribed user was mentioned in a conversation.
    ConversationMentioned(Payload<ConversationMentioned>) = "conversation.mentioned",
    /// The contact read a conversation.
    ConversationRead(Payload<ConversationRead>) = "conversation.read",
    /// A conversation's status changed.
    ConversationStatusChanged(Payload<ConversationStatusChanged>) = "conversation.status_changed",
    /// Someone stopped typing.
    ConversationTypingOff(Payload<ConversationTypingOff>) = "conversation.typing_off",
    /// Someone started typing.
    ConversationTypingOn(Payload<ConversationTypingOn>) = "conversation.typing_on",
    /// The account's unread conversation counts changed: refetch them.
    ConversationUnreadCountChanged(Payload<ConversationUnreadCountChanged>) = "conversation.unread_count_changed",
    /// A conversation's team, assignee, status, labels, priority or attributes changed.
    ConversationUpdated(Payload<ConversationUpdated>) = "conversation.updated",
    /// Copilot wrote a message in the subscribed user's thread (enterprise).
    CopilotMessageCreated(Payload<CopilotMessage>) = "copilot.message.created",
    /// An agent sent the first reply of a conversation.
    FirstReplyCreated(Payload<FirstReplyCreated>) = "first.reply.created",
    /// A message was created.
    MessageCreated(Payload<MessageCreated>) = "message.created",
    /// A message was updated (status, edit, deletion, submission).
    MessageUpdated(Payload<MessageUpdated>) = "message.updated",
    /// A notification of the subscribed user was created.
    NotificationCreated(Payload<NotificationCreated>) = "notification.created",
    /// A notification of the subscribed user was deleted.
    NotificationDeleted(Payload<NotificationDeleted>) = "notification.deleted",
    /// A notification of the subscribed user was read, snoozed or unsnoozed.
    NotificationUpdated(Payload<NotificationUpdated>) = "notification.updated",
    /// A Shopify order changed (OneHash).
    OrderUpdate(Payload<OrderUpdate>) = "order.update",
    /// Who is online in the account.
    PresenceUpdate(Payload<Presence>) = "presence.update",
    /// A conversation's team changed.
    TeamChanged(Payload<TeamChanged>) = "team.changed",
    /// An agent accepted an inbound call.
    VoiceCallAccepted(Payload<VoiceCallAccepted>) = "voice_call.accepted",
    /// A call ended.
    VoiceCallEnded(Payload<VoiceCallEnded>) = "voice_call.ended",
    /// A call is ringing for the agents.
    VoiceCallIncoming(Payload<VoiceCallIncoming>) = "voice_call.incoming",
    /// The contact picked up an outbound call.
    VoiceCallOutboundAccepted(Payload<VoiceCallOutboundAccepted>) = "voice_call.outbound_accepted",
    /// The contact's side of an outbound call is connected (still ringing).
    VoiceCallOutboundConnected(Payload<VoiceCallOutboundConnected>) = "voice_call.outbound_connected",
}

/// What every known OneChat event offers, whatever its data (see [`Event::payload`]).
pub trait EventPayload: fmt::Debug + Send + Sync {
    /// The account the event belongs to (every event data carries it).
    fn account_id(&self) -> Option<&Id>;
    /// Who caused the event, when a signed-in user or bot did.
    fn performer(&self) -> Option<&Sender>;
}

#[allow(private_bounds)] // `Scoped` only selects the data types of this crate
impl<T: Scoped + fmt::Debug + Send + Sync> EventPayload for Payload<T> {
    fn account_id(&self) -> Option<&Id> {
        self.data.account_id()
    }

    fn performer(&self) -> Option<&Sender> {
        self.data.performer()
    }
}

impl Event {
    /// The account the event belongs to; `None` for unknown events.
    pub fn account_id(&self) -> Option<&Id> {
        self.payload().and_then(EventPayload::account_id)
    }

    /// Whether the event belongs to `account_id`. A user's subscription receives the
    /// events of all the user's accounts; keep those of one account with this.
    pub fn belongs_to(&self, account_id: i64) -> bool {
        self.account_id().and_then(Id::as_i64) == Some(account_id)
    }

    /// Who caused the event, when a signed-in user or bot did.
    pub fn performer(&self) -> Option<&Sender> {
        self.payload().and_then(EventPayload::performer)
    }
}

/// The account and the actor of an event's data (see [`EventPayload`]).
trait Scoped {
    fn account_id(&self) -> Option<&Id>;
    fn performer(&self) -> Option<&Sender>;
}

macro_rules! scoped {
    ($($type:ty),+ $(,)?) => {
        $(impl Scoped for $type {
            fn account_id(&self) -> Option<&Id> {
                self.account_id.get()
            }
            fn performer(&self) -> Option<&Sender> {
                self.performer.get()
            }
        })+
    };
}

macro_rules! scoped_without_performer {
    ($($type:ty),+ $(,)?) => {
        $(impl Scoped for $type {
            fn account_id(&self) -> Option<&Id> {
                self.account_id.get()
            }
            fn performer(&self) -> Option<&Sender> {
                None
            }
        })+
    };
}

scoped!(
    crate::objects::Conversation,
    crate::objects::Message,
    crate::objects::Typing,
    crate::objects::NotificationChange,
    AccountCacheInvalidated,
    crate::objects::CallChange,
    ConversationUnreadCountChanged,
);
scoped_without_performer!(
    Presence,
    CallRejected,
    OrderUpdate,
    AccountEnrichmentCompleted,
    crate::objects::VoiceCall,
);

impl Scoped for CopilotMessage {
    fn account_id(&self) -> Option<&Id> {
        CopilotMessage::account_id(self)
    }
    fn performer(&self) -> Option<&Sender> {
        CopilotMessage::performer(self)
    }
}

impl Scoped for crate::objects::Contact {
    fn account_id(&self) -> Option<&Id> {
        self.account_id.get()
    }
    fn performer(&self) -> Option<&Sender> {
        self.performer.get().map(|performer| &**performer)
    }
}
