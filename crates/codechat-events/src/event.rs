//! [`Event`]: every CodeChat webhook event, dispatched on its name.

use std::fmt;

use crate::{
    envelope::{Instance, Payload, SPINE},
    events::{
        AppState, Call, CallEnded, CallEvent, CallIncoming, CallReady, CallRinging, CancelPayment,
        ChatsDelete, ChatsSet, ChatsUpdate, ChatsUpdated, ChatsUpsert, ConnectionUpdate,
        ContactsSet, ContactsUpdate, ContactsUpsert, DeclinePayment, DeletedQueue, GeneralError,
        GroupParticipantUpdate, GroupParticipantsUpdate, GroupUpdate, GroupUpsert,
        GroupsParticipantsUpdate, GroupsUpdate, GroupsUpsert, HistorySync, IdentityUpdate, Label,
        LabelAssociation, LoadInstance, MediaRetry, MessageBatchCompleted,
        MessageBatchCompletedWithErrors, MessageBatchCreated, MessageBatchInterrupted,
        MessageBatchItemFailed, MessageBatchItemUnknown, MessageBatchPauseRequested,
        MessageBatchPaused, MessageBatchProgress, MessageBatchRecovered, MessageBatchResumed,
        MessageBatchScheduled, MessageBatchStarted, MessageBatchStopRequested, MessageBatchStopped,
        MessageBatchWaitingInstance, MessageBatchWaitingWindow, MessageBatchWindowStarted,
        MessageStar, MessageUpdate, MessagesDelete, MessagesEdited, MessagesSet, MessagesUpsert,
        NewJwt, NewMessage, NewsLetter, PausedQueue, Presence, PresenceUpdated,
        ProfilePictureUpdate, QrcodeUpdated, RequestPayment, ResumedQueue, SendMessage,
        SendMessageCompleted, SendMessageError, SendMessageProcessing, SendMessageStart,
        SendPayment, SettingsUpdate, StatusBroadcast, StatusInstance, UndecryptableMessage,
        UserAboutUpdate,
    },
};

chat_events_core::unstable::event_enum! {
    /// A CodeChat webhook event: the events of the CodeChat cloud docs (the seed list), of
    /// the open-source `whatsapp-api` server and its Evolution fork, of CodeChat v3 (2024)
    /// and of CodeChat Go (2026, `code-chat-br/docs-api`).
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
    /// let Event::MessagesUpsert(upsert) = event.event() else { panic!() };
    /// let Some(WebhookMessage::Row(row)) = upsert.data.get() else { panic!() };
    /// assert_eq!(row.key_id.as_deref(), Some("3EB0"));
    /// let chat = upsert.data.get().and_then(WebhookMessage::remote_jid).unwrap();
    /// assert_eq!((chat.as_str(), chat.phone()), ("5531911112222@s.whatsapp.net", Some("5531911112222")));
    /// assert_eq!(event.instance_name(), Some("sales-01"));
    /// ```
    pub enum Event;
    /// The name of a CodeChat event (the canonical spelling; converting an alias such as
    /// `connections.update` gives its event).
    pub enum EventKind;
    spine = SPINE;
    payload_trait = EventPayload;
    /// An app-state change was synced from the phone (CodeChat v3, 2024).
    AppState(Payload<AppState>) = "app.state",
    /// A call's state changed (Evolution's name).
    Call(Payload<CallEvent>) = "call",
    /// A call ended, confirmed (CodeChat Go calls).
    CallEnded(Payload<CallEnded>) = "call.ended",
    /// A call to the instance rings (CodeChat Go calls).
    CallIncoming(Payload<CallIncoming>) = "call.incoming",
    /// A call's media became ready (CodeChat Go calls).
    CallReady(Payload<CallReady>) = "call.ready",
    /// A call the API placed rang on the other side (CodeChat Go calls).
    CallRinging(Payload<CallRinging>) = "call.ringing",
    /// A call's state changed (open source, CodeChat Go).
    CallUpsert(Payload<Call>) = "call.upsert",
    /// A payment request was cancelled (cloud; payload not documented).
    CancelPayment(Payload<CancelPayment>) = "cancel.payment",
    /// Chats were deleted or cleared (a list of JIDs; CodeChat Go: one chat).
    ChatsDelete(Payload<ChatsDelete>) = "chats.delete",
    /// Chats were loaded (history sync, repeated per chunk).
    ChatsSet(Payload<ChatsSet>) = "chats.set",
    /// Chats changed.
    ChatsUpdate(Payload<ChatsUpdate>) = "chats.update",
    /// A chat was archived, pinned, muted, cleared or marked read, or the block list
    /// changed (CodeChat Go).
    ChatsUpdated(Payload<ChatsUpdated>) = "chats.updated",
    /// Chats were created or updated (open source: one chat per POST).
    ChatsUpsert(Payload<ChatsUpsert>) = "chats.upsert",
    /// The connection to WhatsApp changed (alias `connections.update`).
    ConnectionUpdate(Payload<ConnectionUpdate>) = "connection.update",
    /// The contact list was loaded (2022 cloud docs).
    ContactsSet(Payload<ContactsSet>) = "contacts.set",
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
    /// Group members changed (CodeChat Go's name).
    GroupsParticipantsUpdate(Payload<GroupsParticipantsUpdate>) = "groups.participants.update",
    /// Groups changed (open-source name).
    GroupsUpdate(Payload<GroupsUpdate>) = "groups.update",
    /// Groups were created or joined (open-source name).
    GroupsUpsert(Payload<GroupsUpsert>) = "groups.upsert",
    /// WhatsApp sent a chunk of history (CodeChat Go).
    HistorySync(Payload<HistorySync>) = "history.sync",
    /// A contact's encryption identity changed (CodeChat Go).
    IdentityUpdate(Payload<IdentityUpdate>) = "identity.update",
    /// A label was put on or taken off a chat or message (open source, CodeChat Go).
    LabelsAssociation(Payload<LabelAssociation>) = "labels.association",
    /// A label was created, edited or deleted (open source, CodeChat Go).
    LabelsEdit(Payload<Label>) = "labels.edit",
    /// The instance was loaded and connected (2022 cloud docs).
    LoadInstance(Payload<LoadInstance>) = "load.instance",
    /// The phone answered a request to re-upload media (CodeChat Go).
    MediaRetry(Payload<MediaRetry>) = "media.retry",
    /// A message batch finished without failures (CodeChat Go, global webhook).
    MessageBatchCompleted(Payload<MessageBatchCompleted>) = "message.batch.completed",
    /// A message batch finished with failures (CodeChat Go, global webhook).
    MessageBatchCompletedWithErrors(Payload<MessageBatchCompletedWithErrors>) = "message.batch.completed-with-errors",
    /// A message batch was created (CodeChat Go, global webhook).
    MessageBatchCreated(Payload<MessageBatchCreated>) = "message.batch.created",
    /// A message batch was interrupted (CodeChat Go, global webhook).
    MessageBatchInterrupted(Payload<MessageBatchInterrupted>) = "message.batch.interrupted",
    /// An item of a message batch failed (CodeChat Go, global webhook).
    MessageBatchItemFailed(Payload<MessageBatchItemFailed>) = "message.batch.item.failed",
    /// An item of a message batch could not be confirmed (CodeChat Go, global webhook).
    MessageBatchItemUnknown(Payload<MessageBatchItemUnknown>) = "message.batch.item.unknown",
    /// A pause of a message batch was requested (CodeChat Go, global webhook).
    MessageBatchPauseRequested(Payload<MessageBatchPauseRequested>) = "message.batch.pause-requested",
    /// A message batch paused (CodeChat Go, global webhook).
    MessageBatchPaused(Payload<MessageBatchPaused>) = "message.batch.paused",
    /// A message batch progressed (CodeChat Go, global webhook).
    MessageBatchProgress(Payload<MessageBatchProgress>) = "message.batch.progress",
    /// A message batch recovered from an interruption (CodeChat Go, global webhook).
    MessageBatchRecovered(Payload<MessageBatchRecovered>) = "message.batch.recovered",
    /// A message batch resumed (CodeChat Go, global webhook).
    MessageBatchResumed(Payload<MessageBatchResumed>) = "message.batch.resumed",
    /// A message batch was scheduled (CodeChat Go, global webhook).
    MessageBatchScheduled(Payload<MessageBatchScheduled>) = "message.batch.scheduled",
    /// A message batch started (CodeChat Go, global webhook).
    MessageBatchStarted(Payload<MessageBatchStarted>) = "message.batch.started",
    /// A stop of a message batch was requested (CodeChat Go, global webhook).
    MessageBatchStopRequested(Payload<MessageBatchStopRequested>) = "message.batch.stop-requested",
    /// A message batch stopped (CodeChat Go, global webhook).
    MessageBatchStopped(Payload<MessageBatchStopped>) = "message.batch.stopped",
    /// A message batch waited for a connected instance (CodeChat Go, global webhook).
    MessageBatchWaitingInstance(Payload<MessageBatchWaitingInstance>) = "message.batch.waiting-instance",
    /// A message batch waited for its next window (CodeChat Go, global webhook).
    MessageBatchWaitingWindow(Payload<MessageBatchWaitingWindow>) = "message.batch.waiting-window",
    /// A message batch's sending window opened (CodeChat Go, global webhook).
    MessageBatchWindowStarted(Payload<MessageBatchWindowStarted>) = "message.batch.window-started",
    /// Messages were deleted (alias `message.delete`).
    MessagesDelete(Payload<MessagesDelete>) = "messages.delete",
    /// A message was edited, or another protocol message arrived (Evolution API 2.x).
    MessagesEdited(Payload<MessagesEdited>) = "messages.edited",
    /// Old messages were loaded (history sync, repeated per chunk).
    MessagesSet(Payload<MessagesSet>) = "messages.set",
    /// A message was starred or unstarred (CodeChat Go).
    MessagesStar(Payload<MessageStar>) = "messages.star",
    /// A message could not be decrypted (CodeChat Go).
    MessagesUndecryptable(Payload<UndecryptableMessage>) = "messages.undecryptable",
    /// A message's status changed, or it was edited or revoked (alias `message.update`).
    MessagesUpdate(Payload<MessageUpdate>) = "messages.update",
    /// A message was received or sent (open source, Evolution, CodeChat Go; one message per
    /// POST).
    MessagesUpsert(Payload<MessagesUpsert>) = "messages.upsert",
    /// The instance's token was renewed (open source; no data, the token in `auth`).
    NewJwt(Payload<NewJwt>) = "new.jwt",
    /// A message was received (cloud).
    NewMessage(Payload<NewMessage>) = "new.message",
    /// Something happened to a channel (CodeChat Go).
    NewsLetter(Payload<NewsLetter>) = "news.letter",
    /// A send queue was paused (cloud).
    PausedQueue(Payload<PausedQueue>) = "paused.queue",
    /// Someone is online, typing or recording.
    PresenceUpdate(Payload<Presence>) = "presence.update",
    /// Someone is typing or recording, or came online or went offline (CodeChat Go).
    PresenceUpdated(Payload<PresenceUpdated>) = "presence.updated",
    /// A profile or group picture changed (CodeChat Go).
    ProfilePictureUpdate(Payload<ProfilePictureUpdate>) = "profile.picture.update",
    /// A new QR code is ready, or the QR code limit was reached.
    QrcodeUpdated(Payload<QrcodeUpdated>) = "qrcode.updated",
    /// A payment was requested (cloud; payload not documented).
    RequestPayment(Payload<RequestPayment>) = "request.payment",
    /// A send queue was resumed (cloud).
    ResumedQueue(Payload<ResumedQueue>) = "resumed.queue",
    /// A message was sent through the REST API (open source, CodeChat Go).
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
    /// A setting of the account changed (CodeChat Go).
    SettingsUpdate(Payload<SettingsUpdate>) = "settings.update",
    /// A contact posted a status (cloud).
    StatusBroadcast(Payload<StatusBroadcast>) = "status.broadcast",
    /// An instance was loaded, removed or closed, or reports a state (CodeChat Go).
    StatusInstance(Payload<StatusInstance>) = "status.instance",
    /// Someone's "about" text changed (CodeChat Go).
    UserAboutUpdate(Payload<UserAboutUpdate>) = "user.about.update",
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
