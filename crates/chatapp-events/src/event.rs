//! [`Event`]: every ChatApp event, dispatched on its name.

use std::fmt;

use crate::{
    envelope::{Meta, Payload, SPINE},
    events::{
        ChatAccomplice, ChatArchive, ChatAuditor, ChatComment, ChatConsentSendMessage,
        ChatConversation, ChatCustomField, ChatFunnelStage, ChatLevel, ChatParticipantAdd,
        ChatParticipantDestroy, ChatProcessChange, ChatProducer, ChatRead, ChatRename,
        ChatResponsible, ChatResponsiblePin, ChatStatusChange, ChatTag, ChatUnread, EmployeeStatus,
        EmployeeWorkday, Message, MessageDestroy, MessageImport, MessageReaction, MessageStatus,
        MessageSystem, QuickResponseChange, QuickResponseListChange,
    },
};

chat_events_core::unstable::event_enum! {
    /// A ChatApp event.
    ///
    /// Decode one with [`Event::decode`] (name read from `meta.type`) or
    /// [`Event::decode_named`] (name given by the Pusher frame). Both the flat
    /// `{"data", "meta"}` body and the wrapped `{"queue", "payload": {…}}` body are accepted.
    /// An event name this version does not know gives [`Event::Unknown`] with the raw JSON; a
    /// known name with a body that does not fit is a [`DecodeError`](crate::DecodeError)
    /// naming the JSON path.
    ///
    /// Serializing an event writes the flat body.
    ///
    /// ```
    /// use chatapp_events::{Event, MessengerType};
    ///
    /// let body = br#"{"data":[{"chat":{"id":"7000000000@c.us"}}],
    ///                 "meta":{"type":"chatRead","licenseId":"1229","messengerType":"grWhatsApp"}}"#;
    /// let event = Event::decode(body).unwrap();
    /// let Event::ChatRead(payload) = event.event() else { panic!("not chatRead") };
    /// assert_eq!(payload.data[0].chat.id.as_str(), "7000000000@c.us");
    /// assert_eq!(payload.meta.license_id.get().and_then(|id| id.as_i64()), Some(1229));
    /// assert_eq!(payload.meta.messenger_type.get(), Some(&MessengerType::GrWhatsApp));
    /// assert_eq!(event.raw().get(), std::str::from_utf8(body).unwrap());
    /// ```
    pub enum Event;
    /// The name of a ChatApp event (`meta.type`, and the Pusher event name).
    pub enum EventKind;
    spine = SPINE;
    payload_trait = EventPayload;
    /// An accomplice was added to or removed from a chat.
    ChatAccomplice(Payload<ChatAccomplice>) = "chatAccomplice",
    /// A chat was archived or restored from the archive.
    ChatArchive(Payload<ChatArchive>) = "chatArchive",
    /// An auditor was added to or removed from a chat.
    ChatAuditor(Payload<ChatAuditor>) = "chatAuditor",
    /// A chat's comment was set.
    ChatComment(Payload<ChatComment>) = "chatComment",
    /// A chat's consent to receive messages was set.
    ChatConsentSendMessage(Payload<ChatConsentSendMessage>) = "chatConsentSendMessage",
    /// A 24-hour conversation window opened (WhatsApp).
    ChatConversation(Payload<ChatConversation>) = "chatConversation",
    /// A custom field of a chat changed value.
    ChatCustomField(Payload<ChatCustomField>) = "chatCustomField",
    /// A chat was moved to a sales funnel stage.
    ChatFunnelStage(Payload<ChatFunnelStage>) = "chatFunnelStage",
    /// A chat's level was set.
    ChatLevel(Payload<ChatLevel>) = "chatLevel",
    /// Participants were added to a group (Telegram, Telegram bots).
    ChatParticipantAdd(Payload<ChatParticipantAdd>) = "chatParticipantAdd",
    /// Participants were removed from a group (Telegram, Telegram bots).
    ChatParticipantDestroy(Payload<ChatParticipantDestroy>) = "chatParticipantDestroy",
    /// A chat's processing state was set or cleared.
    ChatProcess(Payload<ChatProcessChange>) = "chatProcess",
    /// A producer was set for a chat.
    ChatProducer(Payload<ChatProducer>) = "chatProducer",
    /// A chat was marked as read.
    ChatRead(Payload<ChatRead>) = "chatRead",
    /// A chat was renamed.
    ChatRename(Payload<ChatRename>) = "chatRename",
    /// A responsible employee was set for a chat.
    ChatResponsible(Payload<ChatResponsible>) = "chatResponsible",
    /// The responsible employee of a chat was pinned or unpinned.
    ChatResponsiblePin(Payload<ChatResponsiblePin>) = "chatResponsiblePin",
    /// A chat was opened or closed.
    ChatStatus(Payload<ChatStatusChange>) = "chatStatus",
    /// A tag was added to or removed from a chat.
    ChatTag(Payload<ChatTag>) = "chatTag",
    /// A chat was marked as unread.
    ChatUnread(Payload<ChatUnread>) = "chatUnread",
    /// An employee's presence changed.
    EmployeeStatus(Payload<EmployeeStatus>) = "employeeStatus",
    /// An employee started or ended a workday.
    EmployeeWorkday(Payload<EmployeeWorkday>) = "employeeWorkday",
    /// A message was received or sent.
    Message(Payload<Message>) = "message",
    /// A message was deleted.
    MessageDestroy(Payload<MessageDestroy>) = "messageDestroy",
    /// A history download task changed state.
    MessageImport(Payload<MessageImport>) = "messageImport",
    /// A reaction was put on or taken off a message.
    MessageReaction(Payload<MessageReaction>) = "messageReaction",
    /// A sent message changed status.
    MessageStatus(Payload<MessageStatus>) = "messageStatus",
    /// ChatApp wrote a system message into a chat.
    MessageSystem(Payload<MessageSystem>) = "messageSystem",
    /// A quick response was created, edited or deleted.
    QuickResponse(Payload<QuickResponseChange>) = "quickResponse",
    /// A quick-response list was created, edited or deleted.
    QuickResponseList(Payload<QuickResponseListChange>) = "quickResponseList",
}

/// What every known ChatApp event offers, whatever its items are
/// (see [`Event::payload`]).
pub trait EventPayload: fmt::Debug + Send + Sync {
    /// The event's `meta`.
    fn meta(&self) -> &Meta;
    /// The event's `meta`, mutably (the Pusher client fills what the body omits from the
    /// channel name).
    fn meta_mut(&mut self) -> &mut Meta;
    /// How many items the event's `data` holds.
    fn item_count(&self) -> usize;
}

impl<T: fmt::Debug + Send + Sync> EventPayload for Payload<T> {
    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }

    fn item_count(&self) -> usize {
        self.data.len()
    }
}

impl Event {
    /// The event's `meta`; `None` for unknown events.
    pub fn meta(&self) -> Option<&Meta> {
        self.payload().map(EventPayload::meta)
    }
}
