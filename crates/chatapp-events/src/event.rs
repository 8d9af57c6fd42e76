//! [`Event`]: every ChatApp event, dispatched on its name.

use std::fmt;

use chat_events_core::{DecodeError, Decoded};
use serde_json::value::RawValue;

use crate::{
    Payload, envelope,
    envelope::Meta,
    events::{
        ChatAccomplice, ChatArchive, ChatAuditor, ChatComment, ChatConsentSendMessage,
        ChatConversation, ChatCustomField, ChatFunnelStage, ChatLevel, ChatMark, ChatParticipants,
        ChatProcessChange, ChatProducer, ChatRename, ChatResponsible, ChatResponsiblePin,
        ChatStatusChange, ChatTag, EmployeeStatus, EmployeeWorkday, Message, MessageDestroy,
        MessageImport, MessageReaction, MessageStatus, QuickResponseChange,
        QuickResponseListChange,
    },
    schema,
};

/// The ChatApp provider name, as it appears in errors.
pub(crate) const PROVIDER: &str = "chatapp";

chat_events_core::event_enum! {
    provider = "chatapp";
    /// A ChatApp event.
    ///
    /// Decode one with [`Event::decode`] (name read from `meta.type`) or
    /// [`Event::decode_named`] (name given by the Pusher frame). Both the flat
    /// `{"data", "meta"}` body and the wrapped `{"queue", "payload": {…}}` body are accepted.
    /// An event name this version does not know gives [`Event::Unknown`] with the raw JSON; a
    /// known name with a body that does not fit is a [`DecodeError`] naming the JSON path.
    ///
    /// Serializing an event writes the flat body.
    ///
    /// ```
    /// use chatapp_events::{Event, MessengerType};
    ///
    /// let body = br#"{"data":[{"chat":{"id":"7000000000@c.us"}}],
    ///                 "meta":{"type":"chatRead","licenseId":"1229","messengerType":"grWhatsApp"}}"#;
    /// let event = Event::decode(body).unwrap();
    /// let Event::ChatRead(payload) = &*event else { panic!("not chatRead") };
    /// assert_eq!(payload.data[0].chat.id.as_str(), "7000000000@c.us");
    /// assert_eq!(payload.meta.license_id.get().and_then(|id| id.as_i64()), Some(1229));
    /// assert_eq!(payload.meta.messenger_type.get(), Some(&MessengerType::GrWhatsApp));
    /// assert_eq!(event.raw().get(), std::str::from_utf8(body).unwrap());
    /// ```
    pub enum Event;
    /// The name of a ChatApp event (`meta.type`, and the Pusher event name).
    pub enum EventKind;
    payload_trait = EventPayload;
    decode = envelope::decode_unnamed;
    canonical = envelope::canonical;
    schema = schema::event_union;
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
    ChatParticipantAdd(Payload<ChatParticipants>) = "chatParticipantAdd",
    /// Participants were removed from a group (Telegram, Telegram bots).
    ChatParticipantDestroy(Payload<ChatParticipants>) = "chatParticipantDestroy",
    /// A chat's processing state was set or cleared.
    ChatProcess(Payload<ChatProcessChange>) = "chatProcess",
    /// A producer was set for a chat.
    ChatProducer(Payload<ChatProducer>) = "chatProducer",
    /// A chat was marked as read.
    ChatRead(Payload<ChatMark>) = "chatRead",
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
    ChatUnread(Payload<ChatMark>) = "chatUnread",
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
    MessageSystem(Payload<Message>) = "messageSystem",
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
    /// Decodes a ChatApp body whose event name is given out of band: the `event` of the
    /// Pusher frame it came in. The name decides the type even if `meta.type` differs.
    ///
    /// # Errors
    ///
    /// As [`Event::decode`], except that a missing `meta.type` is not an error.
    pub fn decode_named(name: &str, bytes: &[u8]) -> Result<Decoded<Self>, DecodeError> {
        let raw: Box<RawValue> = serde_json::from_slice(bytes).map_err(|error| {
            DecodeError::syntax(PROVIDER, &error)
                .with_event(name)
                .with_raw(bytes)
        })?;
        let event = Self::from_raw_named(name, &raw).map_err(|error| error.with_raw(bytes))?;
        Ok(Decoded::from_parts(event, raw))
    }

    /// Decodes checked JSON whose event name is given out of band (see
    /// [`Event::decode_named`]).
    ///
    /// # Errors
    ///
    /// As [`Event::decode_named`].
    pub fn from_raw_named(name: &str, raw: &RawValue) -> Result<Self, DecodeError> {
        envelope::decode(raw, Some(name))
    }

    /// The event's `meta`; `None` for unknown events.
    pub fn meta(&self) -> Option<&Meta> {
        self.payload().map(EventPayload::meta)
    }
}
