//! OneChat (Action Cable) events in the [normalized model](chat_events_core::normalized).
//!
//! | OneChat event | normalized |
//! |---|---|
//! | `message.created` | a [`Message`] (`message_type` 0 incoming; 1 and 3 outgoing; `private` notes are `internal`); activity lines (2) give nothing |
//! | `message.updated` | a [`MessageStatus`](chat_events_core::normalized::MessageStatus) `deleted` when `content_attributes.deleted`; else a [`NormalizedEvent::MessageEdited`] when `previous_changes` has `content`, and a [`MessageStatus`](chat_events_core::normalized::MessageStatus) when it has `status` (servers without `previous_changes`: a status past `sent` of an outgoing message) |
//! | `conversation.created` | a [`ConversationOpened`] |
//! | `conversation.status_changed` | a [`ConversationStatusChanged`] (`resolved` is closed) |
//! | `assignee.changed` | a [`ConversationAssigned`] (`null` assignee: unassigned) |
//! | `conversation.typing_on`, `conversation.typing_off` | a [`Typing`] |
//! | `presence.update` | a [`Presence`] per listed user and contact |
//! | `contact.created`, `contact.updated` | a [`ContactUpdated`] |
//! | every other event | nothing |
//!
//! Chatwoot-style webhooks ([`WebhookEvent`]) map the same way: `message_created` (a
//! [`Message`]; `message_type` is a name there), `conversation_created`,
//! `conversation_opened`/`conversation_resolved`/`conversation_status_changed` (a
//! [`ConversationStatusChanged`] from the conversation's `status`),
//! `conversation_typing_on`/`off`, `contact_created`/`updated`; `conversation_opened` and
//! `conversation_resolved` give the status their name says; `conversation_updated` whose
//! `changed_attributes` has `assignee_id` gives a [`ConversationAssigned`]. The
//! `message_updated` webhook does not say what changed (no `previous_changes`, no `status`):
//! only a deletion (`content_attributes.deleted`) or a failure (`external_error`) is read.
//! The automation, macro and installation webhooks (`automation_event.*`, `macro.executed`,
//! `account_created`) say that a rule, a macro or an account ran or appeared, not what
//! happened in the conversation: they give nothing.
//!
//! Lost: interactive content (cards, forms, CSAT, articles), e-mail headers, the
//! attachments' coordinates, thumbnails and transcriptions, teams, labels, SLAs and custom
//! attributes; `presence.update` lists who is online (people absent from it are not reported
//! offline).

use chat_events_core::{
    Id, Maybe,
    normalized::{
        Attachment, AttachmentKind, ContactUpdated, Conversation as Normalized,
        ConversationAssigned, ConversationOpened, ConversationStatus, ConversationStatusChanged,
        DeliveryStatus, Direction, Message, MessageStatus as StatusChange, Normalize,
        NormalizedEvent, Participant, ParticipantKind, Presence, PresenceStatus, Typing,
        TypingState, non_blank, unix_seconds,
    },
};

use crate::{
    Event,
    objects::{
        AgentBot, Attachment as OneChatAttachment, Availability, CaptainAssistant, Contact,
        ContentAttributes, Conversation, MessageStatus, MessageType, Sender, SenderType, User,
        WebhookMessage, WebhookSender,
    },
    webhook_events::WebhookEvent,
};

impl Normalize for Event {
    const MAPPED: &'static [&'static str] = &[
        "assignee.changed",
        "contact.created",
        "contact.updated",
        "conversation.created",
        "conversation.status_changed",
        "conversation.typing_off",
        "conversation.typing_on",
        "message.created",
        "message.updated",
        "presence.update",
    ];

    fn normalize_into(&self, out: &mut Vec<NormalizedEvent>) {
        match self {
            Self::MessageCreated(payload) => {
                if let Some(message) = message(&payload.data) {
                    out.push(NormalizedEvent::Message(Box::new(message)));
                }
            }
            Self::MessageUpdated(payload) => message_updated(&payload.data, out),
            Self::ConversationCreated(payload) => out.extend(opened(&payload.data)),
            Self::ConversationStatusChanged(payload) => {
                out.extend(status_changed(&payload.data));
            }
            Self::AssigneeChanged(payload) => out.extend(assigned(&payload.data)),
            Self::ConversationTypingOn(payload) | Self::ConversationTypingOff(payload) => {
                out.extend(typing(
                    &payload.data.conversation,
                    participant(&payload.data.user),
                    matches!(self, Self::ConversationTypingOn(_)),
                ));
            }
            Self::PresenceUpdate(payload) => {
                let lists = [
                    (ParticipantKind::Agent, Some(&payload.data.users)),
                    (ParticipantKind::Contact, payload.data.contacts.get()),
                ];
                for (kind, list) in lists {
                    for (id, availability) in list.into_iter().flatten() {
                        let status = match availability {
                            Availability::Online => PresenceStatus::Online,
                            Availability::Busy => PresenceStatus::Busy,
                            Availability::Offline => PresenceStatus::Offline,
                            _ => continue,
                        };
                        out.push(NormalizedEvent::Presence(Box::new(Presence::new(
                            Participant::new(kind, id.as_str()),
                            status,
                            availability.as_str(),
                        ))));
                    }
                }
            }
            Self::ContactCreated(payload) | Self::ContactUpdated(payload) => {
                out.push(NormalizedEvent::ContactUpdated(Box::new(
                    ContactUpdated::new(contact(&payload.data)),
                )));
            }
            _ => {}
        }
    }
}

impl Normalize for WebhookEvent {
    const MAPPED: &'static [&'static str] = &[
        "contact_created",
        "contact_updated",
        "conversation_created",
        "conversation_opened",
        "conversation_resolved",
        "conversation_status_changed",
        "conversation_typing_off",
        "conversation_typing_on",
        "conversation_updated",
        "message_created",
        "message_updated",
    ];

    fn normalize_into(&self, out: &mut Vec<NormalizedEvent>) {
        match self {
            Self::MessageCreated(data) => {
                if let Some(message) = webhook_message(data) {
                    out.push(NormalizedEvent::Message(Box::new(message)));
                }
            }
            Self::ConversationCreated(data) => out.extend(opened(data)),
            Self::ConversationStatusChanged(data) => out.extend(status_changed(data)),
            // The event's name is the new status (Chatwoot's documented bodies of these two
            // carry a stale `status`).
            Self::ConversationOpened(data) | Self::ConversationResolved(data) => {
                let (status, provider_status) = if matches!(self, Self::ConversationOpened(_)) {
                    (ConversationStatus::Open, "open")
                } else {
                    (ConversationStatus::Closed, "resolved")
                };
                if let Some(conversation) = conversation(data) {
                    out.push(NormalizedEvent::ConversationStatusChanged(Box::new(
                        ConversationStatusChanged::new(conversation, status, provider_status),
                    )));
                }
            }
            Self::ConversationUpdated(data) => {
                let reassigned = data
                    .changed_attributes
                    .get()
                    .is_some_and(|changes| changes.get("assignee_id").is_some());
                if reassigned {
                    out.extend(assigned(data));
                }
            }
            Self::MessageUpdated(data) => {
                // Only a deletion or a failure: the webhook names no status.
                let Some(status) = data.delivery_status() else {
                    return;
                };
                let deleted = status == DeliveryStatus::Deleted;
                let provider_status = if deleted { "deleted" } else { "failed" };
                if let Some(message) = webhook_message(data) {
                    let mut change = StatusChange::new(message.id, status, provider_status);
                    change.conversation = Some(message.conversation);
                    change.error = data
                        .content_attributes
                        .get()
                        .filter(|_| !deleted)
                        .and_then(|attributes| non_blank(attributes.external_error.as_deref()));
                    out.push(NormalizedEvent::MessageStatus(Box::new(change)));
                }
            }
            Self::ConversationTypingOn(data) | Self::ConversationTypingOff(data) => {
                out.extend(typing(
                    &data.conversation,
                    webhook_participant(&data.user),
                    matches!(self, Self::ConversationTypingOn(_)),
                ));
            }
            Self::ContactCreated(data) | Self::ContactUpdated(data) => {
                out.push(NormalizedEvent::ContactUpdated(Box::new(
                    ContactUpdated::new(contact(data)),
                )));
            }
            _ => {}
        }
    }
}

/// What users read from a realtime message, in one call each (the
/// [normalized](chat_events_core::normalized) mapping uses the same methods).
impl crate::objects::Message {
    /// The text (`content`); `None` when it is absent or blank (attachment-only messages).
    pub fn text(&self) -> Option<&str> {
        filled(&self.content)
    }

    /// The conversation's id (`conversation_id`, its display id); `None` when the server
    /// leaves it out.
    pub fn chat_id(&self) -> Option<&Id> {
        self.conversation_id.get()
    }

    /// The message's id.
    pub const fn message_id(&self) -> &Id {
        &self.id
    }

    /// Which way it went: `message_type` 0 incoming, 1 and 3 (template) outgoing; without a
    /// type, a contact author is incoming and any other author outgoing. `None` for activity
    /// lines (2), unknown types, and a message with neither type nor author.
    pub fn direction(&self) -> Option<Direction> {
        let sender_type = self.sender_type.get();
        match self.message_type.get() {
            Some(MessageType::Incoming) => Some(Direction::Incoming),
            Some(MessageType::Outgoing | MessageType::Template) => Some(Direction::Outgoing),
            // Without a type (minimal frames), the author's kind tells the direction.
            None if sender_type == Some(&SenderType::Contact) => Some(Direction::Incoming),
            None if sender_type.is_some() => Some(Direction::Outgoing),
            // Activity lines, unknown types, and no type nor author.
            Some(_) | None => None,
        }
    }

    /// The author (`sender`: a contact, an agent or a bot); `None` for template, activity
    /// and system messages.
    pub fn sender(&self) -> Option<Participant> {
        self.sender.get().and_then(participant)
    }

    /// When it was created, in Unix seconds (`created_at`).
    pub fn timestamp(&self) -> Option<i64> {
        self.created_at.get().and_then(unix_seconds)
    }

    /// The delivery status: [`Deleted`](DeliveryStatus::Deleted) when
    /// `content_attributes.deleted`, else `status` (`sent`, `delivered`, `read`, `failed`);
    /// `None` without one or for a status this version does not know (`status` has it).
    pub fn delivery_status(&self) -> Option<DeliveryStatus> {
        if deleted(&self.content_attributes) {
            return Some(DeliveryStatus::Deleted);
        }
        Some(match self.status.get()? {
            MessageStatus::Sent => DeliveryStatus::Sent,
            MessageStatus::Delivered => DeliveryStatus::Delivered,
            MessageStatus::Read => DeliveryStatus::Read,
            MessageStatus::Failed => DeliveryStatus::Failed,
            _ => return None,
        })
    }
}

/// What users read from a webhook's message, in one call each (the
/// [normalized](chat_events_core::normalized) mapping uses the same methods).
impl WebhookMessage {
    /// The text (`content`); `None` when it is absent or blank (attachment-only messages).
    pub fn text(&self) -> Option<&str> {
        filled(&self.content)
    }

    /// The conversation's id (`conversation.id`, its display id); `None` when the body has
    /// no conversation or the conversation no id.
    pub fn chat_id(&self) -> Option<&Id> {
        self.conversation
            .get()
            .and_then(|conversation| conversation.id.get())
    }

    /// The message's id.
    pub const fn message_id(&self) -> &Id {
        &self.id
    }

    /// Which way it went: `message_type` `incoming`, or `outgoing` and `template`; `None`
    /// for activity lines, unknown types and a message without a type.
    pub fn direction(&self) -> Option<Direction> {
        match self.message_type.get()?.as_str() {
            "incoming" => Some(Direction::Incoming),
            "outgoing" | "template" => Some(Direction::Outgoing),
            _ => None,
        }
    }

    /// The author (`sender`: a contact, an agent or a bot); `None` when there is none.
    pub fn sender(&self) -> Option<Participant> {
        self.sender.get().and_then(webhook_participant)
    }

    /// When it was created, in Unix seconds (`created_at`).
    pub fn timestamp(&self) -> Option<i64> {
        self.created_at.get().and_then(unix_seconds)
    }

    /// What the body tells of the delivery: [`Deleted`](DeliveryStatus::Deleted) when
    /// `content_attributes.deleted`, [`Failed`](DeliveryStatus::Failed) when it has an
    /// `external_error`; `None` otherwise (webhooks carry no `status`).
    pub fn delivery_status(&self) -> Option<DeliveryStatus> {
        if deleted(&self.content_attributes) {
            return Some(DeliveryStatus::Deleted);
        }
        self.content_attributes
            .get()
            .and_then(|attributes| filled(&attributes.external_error))
            .map(|_| DeliveryStatus::Failed)
    }
}

/// What users read from a conversation, in one call (the
/// [normalized](chat_events_core::normalized) mapping uses the same method).
impl Conversation {
    /// The status, normalized: `open`, `pending`, `snoozed`, and `resolved` (closed); `None`
    /// without one or for a status this version does not know (`status` has it).
    pub fn conversation_status(&self) -> Option<ConversationStatus> {
        Some(match self.status.get()?.as_str() {
            "open" => ConversationStatus::Open,
            "pending" => ConversationStatus::Pending,
            "snoozed" => ConversationStatus::Snoozed,
            "resolved" => ConversationStatus::Closed,
            _ => return None,
        })
    }
}

/// `text` unless it is absent or blank.
fn filled(text: &Maybe<String>) -> Option<&str> {
    chat_events_core::normalized::filled(text.as_deref())
}

/// Whether `content_attributes.deleted` is `true`.
fn deleted(attributes: &Maybe<Box<ContentAttributes>>) -> bool {
    attributes
        .get()
        .is_some_and(|attributes| attributes.deleted.get() == Some(&true))
}

/// A webhook's message: the conversation and account are objects, the type a name.
fn webhook_message(data: &WebhookMessage) -> Option<Message> {
    let direction = data.direction()?;
    let conversation = data
        .conversation
        .get()
        .and_then(|data| conversation(data))?;
    let mut conversation = conversation;
    if conversation.account.is_none() {
        conversation.account = data.account.get().map(|account| id(&account.id));
    }
    if conversation.channel.is_none() {
        conversation.channel = data.inbox.get().map(|inbox| id(&inbox.id));
    }
    let mut message = Message::new(id(data.message_id()), conversation, direction);
    message.sender = data.sender();
    message.text = data.text().map(str::to_owned);
    message.timestamp = data.timestamp();
    fill(
        &mut message,
        data.private.get().copied(),
        &data.content_attributes,
        &data.attachments,
    );
    Some(message)
}

/// What Action Cable and webhook messages share besides the accessors: privacy, quote,
/// attachments.
fn fill(
    message: &mut Message,
    private: Option<bool>,
    attributes: &Maybe<Box<ContentAttributes>>,
    attachments: &Maybe<Vec<Maybe<OneChatAttachment>>>,
) {
    message.internal = private == Some(true);
    message.reply_to = attributes
        .get()
        .and_then(|attributes| attributes.in_reply_to.get())
        .map(id);
    for attachment in attachments.get().into_iter().flatten() {
        if let Some(attachment) = attachment.get().and_then(self::attachment) {
            message.attachments.push(attachment);
        }
    }
}

/// A conversation was created: the contact is `meta.sender`.
fn opened(data: &Conversation) -> Option<NormalizedEvent> {
    let mut opened = ConversationOpened::new(conversation(data)?);
    opened.contact = data
        .meta
        .get()
        .and_then(|meta| meta.sender.get())
        .and_then(participant);
    Some(NormalizedEvent::ConversationOpened(Box::new(opened)))
}

/// A conversation's assignee is now `meta.assignee` (none: unassigned).
fn assigned(data: &Conversation) -> Option<NormalizedEvent> {
    let assignee = data
        .meta
        .get()
        .and_then(|meta| meta.assignee.get())
        .and_then(participant);
    Some(NormalizedEvent::ConversationAssigned(Box::new(
        ConversationAssigned::new(conversation(data)?, assignee),
    )))
}

/// Someone started (`on`) or stopped typing in a conversation.
fn typing(
    data: &Conversation,
    participant: Option<Participant>,
    on: bool,
) -> Option<NormalizedEvent> {
    let state = if on {
        TypingState::Typing
    } else {
        TypingState::Stopped
    };
    Some(NormalizedEvent::Typing(Box::new(Typing::new(
        conversation(data)?,
        participant,
        state,
    ))))
}

/// The status change a conversation payload reports.
fn status_changed(data: &Conversation) -> Option<NormalizedEvent> {
    let conversation = conversation(data)?;
    let provider_status = data.status.get()?;
    let status = data.conversation_status()?;
    Some(NormalizedEvent::ConversationStatusChanged(Box::new(
        ConversationStatusChanged::new(conversation, status, provider_status.as_str()),
    )))
}

/// A realtime message: activity lines and messages without a conversation give nothing.
fn message(data: &crate::objects::Message) -> Option<Message> {
    let direction = data.direction()?;
    let conversation = Normalized::new(id(data.chat_id()?))
        .account(data.account_id.get().map(id))
        .channel(data.inbox_id.get().map(id));
    let mut message = Message::new(id(data.message_id()), conversation, direction);
    message.sender = data.sender();
    message.text = data.text().map(str::to_owned);
    message.timestamp = data.timestamp();
    fill(
        &mut message,
        data.private.get().copied(),
        &data.content_attributes,
        &data.attachments,
    );
    Some(message)
}

fn attachment(attachment: &OneChatAttachment) -> Option<Attachment> {
    let kind = match attachment.file_type.get()?.as_str() {
        "image" | "ig_post" | "ig_story" | "story_mention" => AttachmentKind::Image,
        "video" | "ig_reel" => AttachmentKind::Video,
        "audio" => AttachmentKind::Audio,
        "location" => AttachmentKind::Location,
        "contact" => AttachmentKind::Contact,
        _ => AttachmentKind::File,
    };
    let mut normalized = Attachment::new(kind);
    normalized.url = non_blank(attachment.data_url.as_deref());
    normalized.size = attachment
        .file_size
        .get()
        .and_then(|size| u64::try_from(size.get()).ok());
    normalized.name = non_blank(attachment.fallback_title.as_deref());
    Some(normalized)
}

fn message_updated(data: &crate::objects::Message, out: &mut Vec<NormalizedEvent>) {
    let Some(message) = message(data) else { return };
    let delivery = data.delivery_status();
    let changes = data.previous_changes.get();
    let status = |status: DeliveryStatus, provider_status: &str| {
        let mut change = StatusChange::new(message.id.clone(), status, provider_status);
        change.conversation = Some(message.conversation.clone());
        change.error = data
            .content_attributes
            .get()
            .filter(|_| status == DeliveryStatus::Failed)
            .and_then(|attributes| non_blank(attributes.external_error.as_deref()));
        change.timestamp = data.updated_at.get().and_then(unix_seconds);
        change
    };
    if delivery == Some(DeliveryStatus::Deleted) {
        out.push(NormalizedEvent::MessageStatus(Box::new(status(
            DeliveryStatus::Deleted,
            "deleted",
        ))));
        return;
    }
    let content_changed = changes.is_some_and(|changes| changes.contains_key("content"));
    // Servers before 2023-07 send no `previous_changes`: the update may be anything (a form
    // submitted, a translation), so only a status past `sent` on a message the account sent
    // is read as a status change then.
    let status_changed = match changes {
        Some(changes) => changes.contains_key("status"),
        None => {
            message.direction == Direction::Outgoing
                && data
                    .status
                    .get()
                    .is_some_and(|status| *status != MessageStatus::Sent)
        }
    };
    // Not deleted here: `delivery` is the `status` column's.
    if status_changed
        && let Some(provider_status) = data.status.get()
        && let Some(delivery) = delivery
    {
        let change = status(delivery, provider_status.as_str());
        out.push(NormalizedEvent::MessageStatus(Box::new(change)));
    }
    if content_changed {
        out.push(NormalizedEvent::MessageEdited(Box::new(message)));
    }
}

/// A conversation payload's conversation. Webhooks leave `account_id` out of it; their last
/// message (`messages[0]`) still names the account.
fn conversation(data: &Conversation) -> Option<Normalized> {
    let account = data.account_id.get().or_else(|| {
        data.messages
            .get()
            .and_then(|messages| messages.first())
            .and_then(|message| message.account_id.get())
    });
    Some(
        Normalized::new(id(data.id.get()?))
            .account(account.map(id))
            .channel(data.inbox_id.get().map(id)),
    )
}

fn participant(sender: &Sender) -> Option<Participant> {
    Some(match sender {
        Sender::Contact(contact) => self::contact(contact),
        Sender::User(user) => self::user(user),
        Sender::AgentBot(bot) => self::bot(bot),
        Sender::CaptainAssistant(assistant) => self::assistant(assistant),
        _ => return None,
    })
}

fn webhook_participant(sender: &WebhookSender) -> Option<Participant> {
    Some(match sender {
        WebhookSender::Contact(contact) => self::contact(contact),
        WebhookSender::User(user) => self::user(user),
        WebhookSender::AgentBot(bot) => self::bot(bot),
        WebhookSender::CaptainAssistant(assistant) => self::assistant(assistant),
        _ => return None,
    })
}

fn user(user: &User) -> Participant {
    Participant::new(ParticipantKind::Agent, id(&user.id))
        .name(string(&user.available_name).or_else(|| string(&user.name)))
        .email(string(&user.email))
        .avatar_url(string(&user.avatar_url).or_else(|| string(&user.thumbnail)))
}

fn bot(bot: &AgentBot) -> Participant {
    Participant::new(ParticipantKind::Bot, id(&bot.id))
        .name(string(&bot.name))
        .avatar_url(string(&bot.avatar_url))
}

fn assistant(assistant: &CaptainAssistant) -> Participant {
    Participant::new(ParticipantKind::Bot, id(&assistant.id))
        .name(string(&assistant.name))
        .avatar_url(string(&assistant.avatar_url))
}

fn contact(contact: &Contact) -> Participant {
    Participant::new(ParticipantKind::Contact, id(&contact.id))
        .name(string(&contact.name))
        .phone(string(&contact.phone_number))
        .email(string(&contact.email))
        .avatar_url(string(&contact.avatar).or_else(|| string(&contact.thumbnail)))
}

fn string(value: &Maybe<String>) -> Option<String> {
    non_blank(value.as_deref())
}

fn id(value: &Id) -> String {
    value.as_str().into_owned()
}
