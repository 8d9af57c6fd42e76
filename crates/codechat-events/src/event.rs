//! [`Event`]: every CodeChat webhook event, dispatched on its name.

use std::fmt;

use crate::{
    envelope::{Instance, Payload, SPINE},
    events::{
        Call, CancelPayment, ChatsDelete, ChatsSet, ChatsUpdate, ChatsUpsert, ConnectionUpdate,
        ContactsUpdate, ContactsUpsert, DeclinePayment, DeletedQueue, GeneralError,
        GroupParticipantUpdate, GroupParticipantsUpdate, GroupUpdate, GroupUpsert, GroupsUpdate,
        GroupsUpsert, Label, LabelAssociation, MessageUpdate, MessagesDelete, MessagesSet,
        MessagesUpsert, NewJwt, NewMessage, PausedQueue, Presence, QrcodeUpdate, RequestPayment,
        ResumedQueue, SendMessage, SendMessageCompleted, SendMessageError, SendMessageProcessing,
        SendMessageStart, SendPayment, StatusBroadcast, StatusInstance,
    },
};

chat_events_core::event_enum! {
    /// A CodeChat webhook event: the events of the CodeChat cloud docs (the seed list) and of
    /// the open-source `whatsapp-api` server and its Evolution fork.
    ///
    /// The event name comes from the body's `event`; the docs' aliases and misspellings
    /// (`connections.update`, `message.update`, `message.delete`, `recusar.pagamento`) decode
    /// to their event, and the payload keeps the spelling that was sent. Where one name has
    /// several generations' shapes, its data is an enum whose variant says which shape
    /// arrived. An event name this version does not know gives [`Event::Unknown`] with the
    /// raw JSON; a known name with data that does not fit is a
    /// [`DecodeError`](crate::DecodeError) naming the JSON path.
    ///
    /// ```
    /// use codechat_events::{Event, objects::WebhookMessage};
    ///
    /// let body = br#"{"event":"messages.upsert","instance":"sales-01",
    ///   "data":{"keyId":"3EB0","keyFromMe":false,"keyRemoteJid":"5531911112222@s.whatsapp.net",
    ///           "messageType":"conversation","content":{"text":"Bom dia!"},"messageTimestamp":1718791402}}"#;
    /// let event = Event::decode(body).unwrap();
    /// let Event::MessagesUpsert(upsert) = &*event else { panic!() };
    /// let Some(WebhookMessage::Row(row)) = upsert.data.get() else { panic!() };
    /// assert_eq!(row.key_id, "3EB0");
    /// assert_eq!(upsert.data.get().and_then(WebhookMessage::remote_jid), Some("5531911112222@s.whatsapp.net"));
    /// assert_eq!(event.instance_name(), Some("sales-01"));
    /// ```
    pub enum Event;
    /// The name of a CodeChat event (the canonical spelling; converting an alias such as
    /// `connections.update` gives its event).
    pub enum EventKind;
    spine = SPINE;
    payload_trait = EventPayload;
    /// A call's state changed (open source).
    CallUpsert(Payload<Call>) = "call.upsert",
    /// A payment request was cancelled (cloud; payload not documented).
    CancelPayment(Payload<CancelPayment>) = "cancel.payment",
    /// Chats were deleted (a list of JIDs).
    ChatsDelete(Payload<ChatsDelete>) = "chats.delete",
    /// Chats were loaded (history sync, repeated per chunk).
    ChatsSet(Payload<ChatsSet>) = "chats.set",
    /// Chats changed.
    ChatsUpdate(Payload<ChatsUpdate>) = "chats.update",
    /// Chats were created or updated (open source: one chat per POST).
    ChatsUpsert(Payload<ChatsUpsert>) = "chats.upsert",
    /// The connection to WhatsApp changed (alias `connections.update`).
    ConnectionUpdate(Payload<ConnectionUpdate>) = "connection.update",
    /// Contacts changed.
    ContactsUpdate(Payload<ContactsUpdate>) = "contacts.update",
    /// Contacts were loaded or updated.
    ContactsUpsert(Payload<ContactsUpsert>) = "contacts.upsert",
    /// A payment request was declined (cloud; alias `recusar.pagamento`; payload not
    /// documented).
    DeclinePayment(Payload<DeclinePayment>) = "decline.payment",
    /// A send queue was deleted (cloud).
    DeletedQueue(Payload<DeletedQueue>) = "deleted.queue",
    /// An error linked to an event (cloud; payload not documented).
    GeneralError(Payload<GeneralError>) = "general.error",
    /// Group members changed (cloud docs' name).
    GroupParticipantUpdate(Payload<GroupParticipantUpdate>) = "group:participant.update",
    /// Group members changed (open-source name).
    GroupParticipantsUpdate(Payload<GroupParticipantsUpdate>) = "group-participants.update",
    /// A group changed (cloud docs' name).
    GroupUpdate(Payload<GroupUpdate>) = "group.update",
    /// A group was created or joined (cloud docs' name).
    GroupUpsert(Payload<GroupUpsert>) = "group.upsert",
    /// Groups changed (open-source name).
    GroupsUpdate(Payload<GroupsUpdate>) = "groups.update",
    /// Groups were created or joined (open-source name).
    GroupsUpsert(Payload<GroupsUpsert>) = "groups.upsert",
    /// A label was put on or taken off a chat or message (open source).
    LabelsAssociation(Payload<LabelAssociation>) = "labels.association",
    /// A label was created, edited or deleted (open source).
    LabelsEdit(Payload<Label>) = "labels.edit",
    /// Messages were deleted (cloud; alias `message.delete`).
    MessagesDelete(Payload<MessagesDelete>) = "messages.delete",
    /// Old messages were loaded (history sync, repeated per chunk).
    MessagesSet(Payload<MessagesSet>) = "messages.set",
    /// A message's status changed, or it was edited or revoked (alias `message.update`).
    MessagesUpdate(Payload<MessageUpdate>) = "messages.update",
    /// A message was received or sent (open source; one message per POST).
    MessagesUpsert(Payload<MessagesUpsert>) = "messages.upsert",
    /// The instance's token was renewed (open source; no data, the token in `auth`).
    NewJwt(Payload<NewJwt>) = "new.jwt",
    /// A message was received (cloud).
    NewMessage(Payload<NewMessage>) = "new.message",
    /// A send queue was paused (cloud).
    PausedQueue(Payload<PausedQueue>) = "paused.queue",
    /// Someone is online, typing or recording.
    PresenceUpdate(Payload<Presence>) = "presence.update",
    /// A new QR code is ready, or the QR code limit was reached.
    QrcodeUpdated(Payload<QrcodeUpdate>) = "qrcode.updated",
    /// A payment was requested (cloud; payload not documented).
    RequestPayment(Payload<RequestPayment>) = "request.payment",
    /// A send queue was resumed (cloud).
    ResumedQueue(Payload<ResumedQueue>) = "resumed.queue",
    /// A message was sent through the REST API (open source).
    SendMessage(Payload<SendMessage>) = "send.message",
    /// A bulk send completed (cloud).
    SendMessageCompleted(Payload<SendMessageCompleted>) = "send.message:COMPLETED",
    /// A bulk send hit an error for one recipient and goes on (cloud).
    SendMessageError(Payload<SendMessageError>) = "send.message:ERROR",
    /// A bulk send progressed (cloud).
    SendMessageProcessing(Payload<SendMessageProcessing>) = "send.message:PROCESSING",
    /// A bulk send started (cloud).
    SendMessageStart(Payload<SendMessageStart>) = "send.message:START",
    /// A payment was received (cloud; payload not documented).
    SendPayment(Payload<SendPayment>) = "send.payment",
    /// A contact posted a status (cloud).
    StatusBroadcast(Payload<StatusBroadcast>) = "status.broadcast",
    /// An instance was loaded or removed (open source).
    StatusInstance(Payload<StatusInstance>) = "status.instance",
}

/// What every known CodeChat event offers, whatever its data (see [`Event::payload`]).
pub trait EventPayload: fmt::Debug + Send + Sync {
    /// The event name exactly as sent (aliases included).
    fn event_as_sent(&self) -> &str;
    /// The sending instance, when the body names it.
    fn instance(&self) -> Option<&Instance>;
}

impl<T: fmt::Debug + Send + Sync> EventPayload for Payload<T> {
    fn event_as_sent(&self) -> &str {
        &self.event
    }

    fn instance(&self) -> Option<&Instance> {
        self.instance.get()
    }
}

impl Event {
    /// The sending instance's name, whichever form the body gives it in.
    pub fn instance_name(&self) -> Option<&str> {
        self.payload()
            .and_then(EventPayload::instance)
            .and_then(Instance::name)
    }
}
