//! One event model across the providers: what a multi-provider app (a help desk, a CRM sync,
//! a bot) wants to know, whichever platform it came from.
//!
//! A provider event implies zero, one or several [`NormalizedEvent`]s: a ChatApp `message`
//! carrying two items is two [`Message`]s, a OneChat `presence.update` one [`Presence`] per
//! listed person, a CodeChat `messages.upsert` holding a reaction a [`Reaction`], an employee's
//! read receipt on a ChatApp chat nothing at all. Each provider crate implements [`Normalize`]
//! for its event enum (the mapping lives with the types it reads), and
//! [`Decoded::normalize`] pairs every normalized event with the provider event and the raw
//! JSON it came from ([`Normalized`]), so what the small model leaves out stays one call
//! away.
//!
//! The model is deliberately small and closed: every field is one an app can act on for all
//! three providers. Values a provider spells its own way keep their spelling beside the
//! normalized one (`provider_status`). Ids are strings (numbers written in decimal), times
//! are Unix seconds (fractions dropped). What each provider maps to, and what is lost, is in
//! the repository's README ("Normalized events").
//!
//! Serialized (`serde_json::to_string(&normalized)`), a [`Normalized`] is
//! `{"provider", "sourceEvent", "event": {"type": …}, "raw"}`; its JSON Schema is
//! [`schema`] (`schemas/normalized.schema.json`). The `type` tag makes [`NormalizedEvent`]
//! an internally tagged enum: reading normalized JSON back is not a hot path, so its
//! `Deserialize` is the derived one.

use std::time::SystemTime;

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize, ser::SerializeStruct};

use crate::{Decoded, ProviderEvent, RawJson, Timestamp, UnixSeconds, schema as schemas};

/// A provider event enum that maps its events to the [normalized model](self).
///
/// Implemented by each provider crate for its `Event`; call it through
/// [`Decoded::normalize`], which keeps the source beside each result.
pub trait Normalize: ProviderEvent {
    /// The wire names of the events that can normalize to something (sorted); every other
    /// event normalizes to nothing.
    const MAPPED: &'static [&'static str];

    /// Appends the normalized events this event implies to `out` (none for events outside
    /// the model, and for unknown events).
    fn normalize_into(&self, out: &mut Vec<NormalizedEvent>);

    /// The normalized events this event implies, without their source.
    fn normalized(&self) -> Vec<NormalizedEvent> {
        let mut out = Vec::new();
        self.normalize_into(&mut out);
        out
    }
}

impl<E: Normalize> Decoded<E> {
    /// The normalized events this event implies (zero, one or several), each with a
    /// reference to this decoded event and its raw JSON.
    ///
    /// ```
    /// # fn main() {}
    /// # fn show<E: chat_events_core::normalized::Normalize>(decoded: &chat_events_core::Decoded<E>) {
    /// use chat_events_core::normalized::NormalizedEvent;
    ///
    /// for normalized in decoded.normalize() {
    ///     if let NormalizedEvent::Message(message) = normalized.event() {
    ///         println!(
    ///             "{} in {}: {}",
    ///             normalized.source().name(),
    ///             message.conversation.id,
    ///             message.text.as_deref().unwrap_or("")
    ///         );
    ///     }
    /// }
    /// # }
    /// ```
    pub fn normalize(&self) -> Vec<Normalized<'_, E>> {
        self.event()
            .normalized()
            .into_iter()
            .map(|event| Normalized {
                event,
                source: self,
            })
            .collect()
    }
}

/// A normalized event with the provider event it came from.
///
/// Serializes as `{"provider", "sourceEvent", "event", "raw"}` (see [`schema`]).
#[derive(Clone, Debug)]
pub struct Normalized<'a, E> {
    event: NormalizedEvent,
    source: &'a Decoded<E>,
}

impl<'a, E: ProviderEvent> Normalized<'a, E> {
    /// The normalized event.
    pub const fn event(&self) -> &NormalizedEvent {
        &self.event
    }

    /// The normalized event, without its source.
    pub fn into_event(self) -> NormalizedEvent {
        self.event
    }

    /// The provider event it came from, with its raw JSON.
    pub const fn source(&self) -> &'a Decoded<E> {
        self.source
    }

    /// The provider's short name (`"chatapp"`, `"codechat"`, `"onechat"`,
    /// `"onechat-webhook"`).
    pub const fn provider(&self) -> &'static str {
        E::PROVIDER
    }

    /// The JSON the provider event was decoded from, as sent.
    pub fn raw(&self) -> &RawJson {
        self.source.raw()
    }
}

impl<E: ProviderEvent> Serialize for Normalized<'_, E> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut record = serializer.serialize_struct("Normalized", 4)?;
        record.serialize_field("provider", E::PROVIDER)?;
        record.serialize_field("sourceEvent", self.source.name())?;
        record.serialize_field("event", &self.event)?;
        record.serialize_field("raw", self.source.raw())?;
        record.end()
    }
}

/// A normalized event with the provider event it came from, as the Rust SDK writes it (its
/// `Normalized` serializes to this), and a type to read that JSON back with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(rename = "Normalized")]
#[non_exhaustive]
pub struct NormalizedRecord {
    /// The normalized event.
    pub event: NormalizedEvent,
    /// The provider's short name: `chatapp`, `codechat`, `onechat` or `onechat-webhook`.
    pub provider: String,
    /// The provider event, exactly as it was received.
    pub raw: RawJson,
    /// The provider's name of the event it came from (`message`, `messages.upsert`,
    /// `message.created`…).
    pub source_event: String,
}

/// The JSON Schema of a serialized [`Normalized`] (`schemas/normalized.schema.json`).
pub fn schema() -> Schema {
    schemas::root_schema("Normalized", |generator| {
        NormalizedRecord::json_schema(generator)
    })
}

/// One normalized event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NormalizedEvent {
    /// A contact was created or its details changed.
    ContactUpdated(Box<ContactUpdated>),
    /// A conversation was assigned to an agent, or unassigned.
    ConversationAssigned(Box<ConversationAssigned>),
    /// A conversation was started.
    ConversationOpened(Box<ConversationOpened>),
    /// A conversation's status changed (opened again, closed, pending, snoozed).
    ConversationStatusChanged(Box<ConversationStatusChanged>),
    /// A message was received or sent.
    Message(Box<Message>),
    /// A message's content was edited; the value is the message as it is now.
    MessageEdited(Box<Message>),
    /// A sent message's delivery status changed, or a message was deleted.
    MessageStatus(Box<MessageStatus>),
    /// Someone came online or went offline.
    Presence(Box<Presence>),
    /// A reaction was added to a message, or removed.
    Reaction(Box<Reaction>),
    /// Someone started or stopped typing (or recording a voice message).
    Typing(Box<Typing>),
}

impl NormalizedEvent {
    /// The event's `type` tag (`"message"`, `"message_status"`…).
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::ContactUpdated(_) => "contact_updated",
            Self::ConversationAssigned(_) => "conversation_assigned",
            Self::ConversationOpened(_) => "conversation_opened",
            Self::ConversationStatusChanged(_) => "conversation_status_changed",
            Self::Message(_) => "message",
            Self::MessageEdited(_) => "message_edited",
            Self::MessageStatus(_) => "message_status",
            Self::Presence(_) => "presence",
            Self::Reaction(_) => "reaction",
            Self::Typing(_) => "typing",
        }
    }

    /// The conversation the event belongs to, when it belongs to one.
    pub fn conversation(&self) -> Option<&Conversation> {
        match self {
            Self::ConversationAssigned(event) => Some(&event.conversation),
            Self::ConversationOpened(event) => Some(&event.conversation),
            Self::ConversationStatusChanged(event) => Some(&event.conversation),
            Self::Message(message) | Self::MessageEdited(message) => Some(&message.conversation),
            Self::MessageStatus(status) => status.conversation.as_ref(),
            Self::Reaction(reaction) => Some(&reaction.conversation),
            Self::Typing(typing) => Some(&typing.conversation),
            Self::ContactUpdated(_) | Self::Presence(_) => None,
        }
    }
}

/// A conversation: a chat with a contact or a group, on one line of one account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Conversation {
    /// The account or line it belongs to: ChatApp's license id, CodeChat's instance name,
    /// OneChat's account id.
    pub account: Option<String>,
    /// The channel: ChatApp's messenger type (`telegram`, `grWhatsApp`…), `whatsapp` for
    /// CodeChat, OneChat's inbox id.
    pub channel: Option<String>,
    /// The provider's id of the conversation: ChatApp's chat id, OneChat's conversation
    /// display id; for WhatsApp (CodeChat) a stable id that does not change when WhatsApp
    /// moves the chat from phone number to LID: a group's, broadcast's or channel's JID; for
    /// a person the phone-number JID (`…@s.whatsapp.net`) whenever the payload gives it (in
    /// the chat's field or beside it: `remoteJidAlt`, `senderPn`, `previousRemoteJid`,
    /// `keyRemoteJid`…), else the LID (`…@lid`). A payload that names a chat by its LID alone
    /// gives the LID: the two ids meet again only where a payload carries both forms.
    pub id: String,
    /// WhatsApp: the chat's LID (`…@lid`), when the payload gives it; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lid: Option<String>,
    /// WhatsApp: the phone number of a one-to-one chat, digits only, when the payload gives
    /// it; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl Conversation {
    /// A conversation with this id and nothing else known.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            account: None,
            channel: None,
            id: id.into(),
            lid: None,
            phone: None,
        }
    }

    /// Sets the LID (WhatsApp).
    #[must_use]
    pub fn lid(mut self, lid: Option<String>) -> Self {
        self.lid = lid;
        self
    }

    /// Sets the phone number (WhatsApp: digits only).
    #[must_use]
    pub fn phone(mut self, phone: Option<String>) -> Self {
        self.phone = phone;
        self
    }

    /// Sets the account or line.
    #[must_use]
    pub fn account(mut self, account: Option<String>) -> Self {
        self.account = account;
        self
    }

    /// Sets the channel.
    #[must_use]
    pub fn channel(mut self, channel: Option<String>) -> Self {
        self.channel = channel;
        self
    }
}

/// A person or bot taking part in conversations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Participant {
    /// Picture URL.
    pub avatar_url: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// The provider's id: ChatApp's user or employee id, OneChat's contact or user id; for
    /// WhatsApp (CodeChat) a stable id like [`Conversation::id`]'s: the phone-number JID
    /// whenever the payload gives it (`participant`, `participantAlt`, `participantPn`,
    /// `remoteJidAlt`, `senderPn`…), else the LID.
    pub id: String,
    /// Contact, agent or bot.
    pub kind: ParticipantKind,
    /// WhatsApp: the person's LID (`…@lid`), when the payload gives it; left out otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lid: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Phone number, as the provider wrote it (WhatsApp: digits only, from the phone-number
    /// JID).
    pub phone: Option<String>,
}

impl Participant {
    /// A participant with this kind and id and nothing else known.
    pub fn new(kind: ParticipantKind, id: impl Into<String>) -> Self {
        Self {
            avatar_url: None,
            email: None,
            id: id.into(),
            kind,
            lid: None,
            name: None,
            phone: None,
        }
    }

    /// Sets the LID (WhatsApp).
    #[must_use]
    pub fn lid(mut self, lid: Option<String>) -> Self {
        self.lid = lid;
        self
    }

    /// Sets the display name.
    #[must_use]
    pub fn name(mut self, name: Option<String>) -> Self {
        self.name = name;
        self
    }

    /// Sets the phone number.
    #[must_use]
    pub fn phone(mut self, phone: Option<String>) -> Self {
        self.phone = phone;
        self
    }

    /// Sets the e-mail address.
    #[must_use]
    pub fn email(mut self, email: Option<String>) -> Self {
        self.email = email;
        self
    }

    /// Sets the picture URL.
    #[must_use]
    pub fn avatar_url(mut self, avatar_url: Option<String>) -> Self {
        self.avatar_url = avatar_url;
        self
    }
}

/// Who a participant is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParticipantKind {
    /// A person working in the account: a ChatApp employee, a OneChat user. (Messages a
    /// WhatsApp line sends have no sender: the payload does not say who at the line wrote
    /// them.)
    Agent,
    /// A bot or assistant.
    Bot,
    /// A customer: the other side of the conversation.
    Contact,
}

/// A message received or sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Message {
    /// Files, media, locations and contact cards, in order.
    pub attachments: Vec<Attachment>,
    /// The conversation it belongs to.
    pub conversation: Conversation,
    /// Received from the contact, or sent to them.
    pub direction: Direction,
    /// The provider's message id (for WhatsApp, the id receipts and reactions refer to).
    pub id: String,
    /// An internal note, not shown to the contact (OneChat's private notes).
    pub internal: bool,
    /// The id of the message it replies to.
    pub reply_to: Option<String>,
    /// Who wrote it, when the payload says.
    pub sender: Option<Participant>,
    /// The text, or the caption of its attachments; `None` when there is none.
    pub text: Option<String>,
    /// When it was sent (Unix seconds).
    pub timestamp: Option<i64>,
}

impl Message {
    /// A message with this id, conversation and direction and nothing else known.
    pub fn new(id: impl Into<String>, conversation: Conversation, direction: Direction) -> Self {
        Self {
            attachments: Vec::new(),
            conversation,
            direction,
            id: id.into(),
            internal: false,
            reply_to: None,
            sender: None,
            text: None,
            timestamp: None,
        }
    }
}

/// Which way a message went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// From the contact to the account.
    Incoming,
    /// From the account (an agent, a bot, the API, the phone) to the contact.
    Outgoing,
}

/// A file, medium, location or contact card of a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Attachment {
    /// What it is.
    pub kind: AttachmentKind,
    /// MIME type.
    pub mime: Option<String>,
    /// File name.
    pub name: Option<String>,
    /// Size in bytes.
    pub size: Option<u64>,
    /// Where to download it. WhatsApp media URLs point at encrypted files (CodeChat's own
    /// download path is used when the payload has one).
    pub url: Option<String>,
}

impl Attachment {
    /// An attachment of this kind and nothing else known.
    pub const fn new(kind: AttachmentKind) -> Self {
        Self {
            kind,
            mime: None,
            name: None,
            size: None,
            url: None,
        }
    }
}

/// What an attachment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AttachmentKind {
    /// Audio, including voice notes.
    Audio,
    /// A contact card.
    Contact,
    /// Any other file.
    File,
    /// An image.
    Image,
    /// A shared location.
    Location,
    /// A sticker.
    Sticker,
    /// A video, including round video notes.
    Video,
}

/// A sent message's new delivery status, or its deletion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageStatus {
    /// The conversation, when the payload names it.
    pub conversation: Option<Conversation>,
    /// Why delivery failed (`failed` only), when the payload says.
    pub error: Option<String>,
    /// The id of the message whose status changed.
    pub message_id: String,
    /// The status as the provider wrote it (`viewed`, `DELIVERY_ACK`, `4`…).
    pub provider_status: String,
    /// The new status.
    pub status: DeliveryStatus,
    /// When it changed (Unix seconds).
    pub timestamp: Option<i64>,
}

impl MessageStatus {
    /// A status change of the message `message_id`, the provider's spelling beside it.
    pub fn new(
        message_id: impl Into<String>,
        status: DeliveryStatus,
        provider_status: impl Into<String>,
    ) -> Self {
        Self {
            conversation: None,
            error: None,
            message_id: message_id.into(),
            provider_status: provider_status.into(),
            status,
            timestamp: None,
        }
    }
}

/// Where a sent message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeliveryStatus {
    /// Deleted (for everyone).
    Deleted,
    /// Reached the contact's device.
    Delivered,
    /// Could not be delivered.
    Failed,
    /// Waiting to be sent.
    Pending,
    /// Read by the contact (for WhatsApp voice notes, also played).
    Read,
    /// Accepted by the messenger's server.
    Sent,
}

/// A reaction added to a message, or removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Reaction {
    /// The conversation.
    pub conversation: Conversation,
    /// The emoji; `None` when the reaction was removed.
    pub emoji: Option<String>,
    /// The id of the message reacted to.
    pub message_id: String,
    /// Who reacted, when the payload says.
    pub sender: Option<Participant>,
    /// When (Unix seconds).
    pub timestamp: Option<i64>,
}

impl Reaction {
    /// A reaction (`None`: removed) to the message `message_id`.
    pub fn new(
        conversation: Conversation,
        message_id: impl Into<String>,
        emoji: Option<String>,
    ) -> Self {
        Self {
            conversation,
            emoji,
            message_id: message_id.into(),
            sender: None,
            timestamp: None,
        }
    }
}

/// Someone started or stopped typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Typing {
    /// The conversation.
    pub conversation: Conversation,
    /// Who, when the payload says.
    pub participant: Option<Participant>,
    /// Typing, recording or stopped.
    pub state: TypingState,
}

impl Typing {
    /// `participant` (when known) is doing `state` in `conversation`.
    pub const fn new(
        conversation: Conversation,
        participant: Option<Participant>,
        state: TypingState,
    ) -> Self {
        Self {
            conversation,
            participant,
            state,
        }
    }
}

/// What someone is doing in the compose box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TypingState {
    /// Recording a voice message.
    Recording,
    /// Stopped typing or recording.
    Stopped,
    /// Typing.
    Typing,
}

/// Someone's availability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Presence {
    /// Who.
    pub participant: Participant,
    /// The availability as the provider wrote it.
    pub provider_status: String,
    /// Online, busy or offline.
    pub status: PresenceStatus,
}

impl Presence {
    /// `participant`'s availability, the provider's spelling beside it.
    pub fn new(
        participant: Participant,
        status: PresenceStatus,
        provider_status: impl Into<String>,
    ) -> Self {
        Self {
            participant,
            provider_status: provider_status.into(),
            status,
        }
    }
}

/// Availability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PresenceStatus {
    /// Online but not taking conversations (OneChat's `busy`, ChatApp's `away`…).
    Busy,
    /// Offline.
    Offline,
    /// Online.
    Online,
}

/// A conversation was started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConversationOpened {
    /// The contact, when the payload says.
    pub contact: Option<Participant>,
    /// The conversation.
    pub conversation: Conversation,
}

impl ConversationOpened {
    /// `conversation` was started (the contact not known).
    pub const fn new(conversation: Conversation) -> Self {
        Self {
            contact: None,
            conversation,
        }
    }
}

/// A conversation's assignee changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConversationAssigned {
    /// The new assignee; `None` when the conversation was unassigned.
    pub assignee: Option<Participant>,
    /// The conversation.
    pub conversation: Conversation,
}

impl ConversationAssigned {
    /// `conversation` is now assigned to `assignee` (`None`: nobody).
    pub const fn new(conversation: Conversation, assignee: Option<Participant>) -> Self {
        Self {
            assignee,
            conversation,
        }
    }
}

/// A conversation's status changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConversationStatusChanged {
    /// The conversation.
    pub conversation: Conversation,
    /// The status as the provider wrote it (`close`, `resolved`…).
    pub provider_status: String,
    /// The new status.
    pub status: ConversationStatus,
}

impl ConversationStatusChanged {
    /// `conversation` is now `status`, the provider's spelling beside it.
    pub fn new(
        conversation: Conversation,
        status: ConversationStatus,
        provider_status: impl Into<String>,
    ) -> Self {
        Self {
            conversation,
            provider_status: provider_status.into(),
            status,
        }
    }
}

/// Where a conversation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConversationStatus {
    /// Closed or resolved.
    Closed,
    /// Open: waiting for or in work.
    Open,
    /// Waiting for something outside the conversation (OneChat's `pending`, a bot).
    Pending,
    /// Put aside until a time.
    Snoozed,
}

/// A contact was created or changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ContactUpdated {
    /// The contact as it is now (what the payload says of it).
    pub contact: Participant,
}

impl ContactUpdated {
    /// `contact` as it is now.
    pub const fn new(contact: Participant) -> Self {
        Self { contact }
    }
}

/// Unix seconds of a provider time; `None` for the "never" sentinel, free text and times
/// before the epoch. Fractions are dropped. (For the provider crates' mappings.)
#[doc(hidden)]
pub fn unix_seconds(time: &Timestamp) -> Option<i64> {
    if time.is_never() {
        return None;
    }
    system_seconds(time.to_system_time()?)
}

/// Unix seconds of [`UnixSeconds`]; `None` for `0`. (For the provider crates' mappings.)
#[doc(hidden)]
pub fn unix_seconds_of(time: &UnixSeconds) -> Option<i64> {
    Some(time.get()).filter(|seconds| *seconds > 0)
}

fn system_seconds(time: SystemTime) -> Option<i64> {
    let seconds = time.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(seconds).ok()
}

/// `Some(text)` unless it is empty or only white space. (For the provider crates' mappings.)
#[doc(hidden)]
pub fn non_blank(text: Option<&str>) -> Option<String> {
    filled(text).map(str::to_owned)
}

/// [`non_blank`], borrowed: what the providers' `text()` accessors return.
#[doc(hidden)]
pub fn filled(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_serialize_with_their_type_tag_and_read_back() {
        let mut message = Message::new(
            "m1",
            Conversation::new("c1").account(Some("7".to_owned())),
            Direction::Incoming,
        );
        message.text = Some("hi".to_owned());
        message
            .attachments
            .push(Attachment::new(AttachmentKind::Image));
        let event = NormalizedEvent::Message(Box::new(message));
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["type"], "message");
        assert_eq!(json["direction"], "incoming");
        assert_eq!(json["conversation"]["account"], "7");
        assert_eq!(json["attachments"][0]["kind"], "image");
        assert_eq!(event.kind(), "message");
        assert_eq!(event.conversation().map(|c| c.id.as_str()), Some("c1"));
        let back: NormalizedEvent = serde_json::from_value(json).unwrap();
        assert_eq!(back, event);
    }

    #[test]
    fn times_are_whole_unix_seconds_and_never_is_none() {
        let parse = |json: &str| serde_json::from_str::<Timestamp>(json).unwrap();
        assert_eq!(unix_seconds(&parse("1736743188.9")), Some(1_736_743_188));
        assert_eq!(
            unix_seconds(&parse(r#""2021-07-23T17:13:14.000Z""#)),
            Some(1_627_060_394)
        );
        assert_eq!(unix_seconds(&parse("0")), None);
        assert_eq!(unix_seconds(&parse(r#""soon""#)), None);
        assert_eq!(non_blank(Some("  ")), None);
        assert_eq!(non_blank(Some(" a ")), Some(" a ".to_owned()));
    }

    #[test]
    fn the_schema_names_every_event_type() {
        let schema = serde_json::to_string(&schema()).unwrap();
        for kind in [
            "contact_updated",
            "conversation_assigned",
            "conversation_opened",
            "conversation_status_changed",
            "message",
            "message_edited",
            "message_status",
            "presence",
            "reaction",
            "typing",
        ] {
            assert!(schema.contains(&format!("\"{kind}\"")), "{kind}");
        }
    }
}
