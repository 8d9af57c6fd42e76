//! [`Event`]: every CodeChat webhook event, dispatched on its name.

use std::fmt;

use chat_events_core::OneOrMany;

use crate::{
    Instance, Payload, envelope,
    events::{
        Call, ConnectionUpdate, Label, LabelAssociation, MessageUpdate, MessagesDelete, Presence,
        QrcodeUpdate, QueueChange, SendError, SendQueue, StatusInstance,
    },
    objects::{ChatItem, ContactItem, GroupMetadata, GroupParticipantsUpdate, WebhookMessage},
    proto::Opaque,
    schema,
};

/// The CodeChat provider name, as it appears in errors.
pub(crate) const PROVIDER: &str = "codechat";

chat_events_core::event_enum! {
    provider = "codechat";
    /// A CodeChat webhook event: the events of the CodeChat cloud docs (the seed list) and of
    /// the open-source `whatsapp-api` server and its Evolution fork.
    ///
    /// The event name comes from the body's `event`; the docs' aliases and misspellings
    /// (`connections.update`, `message.update`, `message.delete`, `recusar.pagamento`) decode
    /// to their event, and the payload keeps the spelling that was sent. Where one name has
    /// several generations' shapes, its data is an enum whose variant says which shape
    /// arrived. An event name this version does not know gives [`Event::Unknown`] with the
    /// raw JSON; a known name with data that does not fit is a
    /// [`DecodeError`](chat_events_core::DecodeError) naming the JSON path.
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
    /// The name of a CodeChat event (the canonical spelling; see [`crate::kind_of`] for aliases).
    pub enum EventKind;
    payload_trait = EventPayload;
    decode = envelope::decode;
    canonical = envelope::canonical;
    schema = schema::event_union;
    /// A call's state changed (open source).
    CallUpsert(Payload<Call>) = "call.upsert",
    /// A payment request was cancelled (cloud; payload not documented).
    CancelPayment(Payload<Opaque<WebhookMessage>>) = "cancel.payment",
    /// Chats were deleted (a list of JIDs).
    ChatsDelete(Payload<Vec<String>>) = "chats.delete",
    /// Chats were loaded (history sync, repeated per chunk).
    ChatsSet(Payload<Vec<ChatItem>>) = "chats.set",
    /// Chats changed.
    ChatsUpdate(Payload<Vec<ChatItem>>) = "chats.update",
    /// Chats were created or updated (open source: one chat per POST).
    ChatsUpsert(Payload<Vec<ChatItem>>) = "chats.upsert",
    /// The connection to WhatsApp changed (alias `connections.update`).
    ConnectionUpdate(Payload<ConnectionUpdate>) = "connection.update",
    /// Contacts changed.
    ContactsUpdate(Payload<Vec<ContactItem>>) = "contacts.update",
    /// Contacts were loaded or updated.
    ContactsUpsert(Payload<Vec<ContactItem>>) = "contacts.upsert",
    /// A payment request was declined (cloud; alias `recusar.pagamento`; payload not
    /// documented).
    DeclinePayment(Payload<Opaque<WebhookMessage>>) = "decline.payment",
    /// A send queue was deleted (cloud).
    DeletedQueue(Payload<QueueChange>) = "deleted.queue",
    /// An error linked to an event (cloud; payload not documented).
    GeneralError(Payload<Opaque<SendError>>) = "general.error",
    /// Group members changed (cloud docs' name).
    GroupParticipantUpdate(Payload<GroupParticipantsUpdate>) = "group:participant.update",
    /// Group members changed (open-source name).
    GroupParticipantsUpdate(Payload<GroupParticipantsUpdate>) = "group-participants.update",
    /// A group changed (cloud docs' name).
    GroupUpdate(Payload<OneOrMany<GroupMetadata>>) = "group.update",
    /// A group was created or joined (cloud docs' name).
    GroupUpsert(Payload<OneOrMany<GroupMetadata>>) = "group.upsert",
    /// Groups changed (open-source name).
    GroupsUpdate(Payload<OneOrMany<GroupMetadata>>) = "groups.update",
    /// Groups were created or joined (open-source name).
    GroupsUpsert(Payload<OneOrMany<GroupMetadata>>) = "groups.upsert",
    /// A label was put on or taken off a chat or message (open source).
    LabelsAssociation(Payload<LabelAssociation>) = "labels.association",
    /// A label was created, edited or deleted (open source).
    LabelsEdit(Payload<Label>) = "labels.edit",
    /// Messages were deleted (cloud; alias `message.delete`).
    MessagesDelete(Payload<MessagesDelete>) = "messages.delete",
    /// Old messages were loaded (history sync, repeated per chunk).
    MessagesSet(Payload<Vec<WebhookMessage>>) = "messages.set",
    /// A message's status changed, or it was edited or revoked (alias `message.update`).
    MessagesUpdate(Payload<MessageUpdate>) = "messages.update",
    /// A message was received or sent (open source; one message per POST).
    MessagesUpsert(Payload<WebhookMessage>) = "messages.upsert",
    /// The instance's token was renewed (open source; no data, the token in `auth`).
    NewJwt(Payload<serde_json::Value>) = "new.jwt",
    /// A message was received (cloud).
    NewMessage(Payload<WebhookMessage>) = "new.message",
    /// A send queue was paused (cloud).
    PausedQueue(Payload<QueueChange>) = "paused.queue",
    /// Someone is online, typing or recording.
    PresenceUpdate(Payload<Presence>) = "presence.update",
    /// A new QR code is ready, or the QR code limit was reached.
    QrcodeUpdated(Payload<QrcodeUpdate>) = "qrcode.updated",
    /// A payment was requested (cloud; payload not documented).
    RequestPayment(Payload<Opaque<WebhookMessage>>) = "request.payment",
    /// A send queue was resumed (cloud).
    ResumedQueue(Payload<QueueChange>) = "resumed.queue",
    /// A message was sent through the REST API (open source).
    SendMessage(Payload<WebhookMessage>) = "send.message",
    /// A bulk send completed (cloud).
    SendMessageCompleted(Payload<SendQueue>) = "send.message:COMPLETED",
    /// A bulk send hit an error for one recipient and goes on (cloud).
    SendMessageError(Payload<SendError>) = "send.message:ERROR",
    /// A bulk send progressed (cloud).
    SendMessageProcessing(Payload<SendQueue>) = "send.message:PROCESSING",
    /// A bulk send started (cloud).
    SendMessageStart(Payload<SendQueue>) = "send.message:START",
    /// A payment was received (cloud; payload not documented).
    SendPayment(Payload<Opaque<WebhookMessage>>) = "send.payment",
    /// A contact posted a status (cloud).
    StatusBroadcast(Payload<WebhookMessage>) = "status.broadcast",
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
