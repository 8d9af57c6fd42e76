//! [`Event`]: every OneChat event, dispatched on its name.

use std::fmt;

use chat_events_core::Id;

use crate::{
    Payload, envelope,
    envelope::Scoped,
    events::{
        CacheInvalidated, CallChange, CallRejected, CopilotMessage, NotificationChange,
        OrderUpdate, Presence, Typing,
    },
    objects::{Contact, Conversation, Message, Sender},
    schema,
};

/// The OneChat provider name, as it appears in errors.
pub(crate) const PROVIDER: &str = "onechat";

chat_events_core::event_enum! {
    provider = "onechat";
    /// A OneChat (Chatwoot) event.
    ///
    /// Decode one with [`Event::decode`] from a broadcast (`{"event", "data"}`) or from the
    /// whole Action Cable data frame. An event name this version does not know gives
    /// [`Event::Unknown`] with the raw JSON; a known name with data that does not fit is a
    /// [`DecodeError`] naming the JSON path.
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
    /// let Event::PresenceUpdate(presence) = &*event else { panic!() };
    /// assert_eq!(presence.data.user(1), Some(&Availability::Online));
    /// assert_eq!(event.account_id().and_then(|id| id.as_i64()), Some(1));
    /// ```
    pub enum Event;
    /// The name of a OneChat event (the broadcast's `event`).
    pub enum EventKind;
    payload_trait = EventPayload;
    decode = envelope::decode;
    canonical = envelope::canonical;
    schema = schema::event_union;
    /// The account's cached labels, inboxes or teams changed.
    AccountCacheInvalidated(Payload<CacheInvalidated>) = "account.cache_invalidated",
    /// A conversation's assignee changed.
    AssigneeChanged(Payload<Conversation>) = "assignee.changed",
    /// An agent started a call (OneHash).
    CallCreated(Payload<CallChange>) = "call.created",
    /// An agent ended a call (OneHash).
    CallEnded(Payload<CallChange>) = "call.ended",
    /// The contact rejected a call (OneHash).
    CallRejected(Payload<CallRejected>) = "call.rejected",
    /// A contact was created.
    ContactCreated(Payload<Contact>) = "contact.created",
    /// A contact was deleted.
    ContactDeleted(Payload<Contact>) = "contact.deleted",
    /// Another contact was merged into this one (a `contact.updated` follows).
    ContactMerged(Payload<Contact>) = "contact.merged",
    /// A contact was updated.
    ContactUpdated(Payload<Contact>) = "contact.updated",
    /// A conversation's contact changed (contacts were merged).
    ConversationContactChanged(Payload<Conversation>) = "conversation.contact_changed",
    /// A conversation was created.
    ConversationCreated(Payload<Conversation>) = "conversation.created",
    /// The subscribed user was mentioned in a conversation.
    ConversationMentioned(Payload<Conversation>) = "conversation.mentioned",
    /// The contact read a conversation.
    ConversationRead(Payload<Conversation>) = "conversation.read",
    /// A conversation's status changed.
    ConversationStatusChanged(Payload<Conversation>) = "conversation.status_changed",
    /// Someone stopped typing.
    ConversationTypingOff(Payload<Typing>) = "conversation.typing_off",
    /// Someone started typing.
    ConversationTypingOn(Payload<Typing>) = "conversation.typing_on",
    /// A conversation's team, assignee, status, labels, priority or attributes changed.
    ConversationUpdated(Payload<Conversation>) = "conversation.updated",
    /// Copilot wrote a message in the subscribed user's thread (enterprise).
    CopilotMessageCreated(Payload<CopilotMessage>) = "copilot.message.created",
    /// An agent sent the first reply of a conversation.
    FirstReplyCreated(Payload<Message>) = "first.reply.created",
    /// A message was created.
    MessageCreated(Payload<Message>) = "message.created",
    /// A message was updated (status, edit, deletion, submission).
    MessageUpdated(Payload<Message>) = "message.updated",
    /// A notification of the subscribed user was created.
    NotificationCreated(Payload<NotificationChange>) = "notification.created",
    /// A notification of the subscribed user was deleted.
    NotificationDeleted(Payload<NotificationChange>) = "notification.deleted",
    /// A notification of the subscribed user was read, snoozed or unsnoozed.
    NotificationUpdated(Payload<NotificationChange>) = "notification.updated",
    /// A Shopify order changed (OneHash).
    OrderUpdate(Payload<OrderUpdate>) = "order.update",
    /// Who is online in the account.
    PresenceUpdate(Payload<Presence>) = "presence.update",
    /// A conversation's team changed.
    TeamChanged(Payload<Conversation>) = "team.changed",
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
