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
//!
//! Lost: interactive content (cards, forms, CSAT, articles), e-mail headers, the
//! attachments' coordinates, thumbnails and transcriptions, teams, labels, SLAs and custom
//! attributes; `presence.update` lists who is online (people absent from it are not reported
//! offline).

use chat_events_core::{
    Id, Maybe, Timestamp,
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
    webhook::WebhookEvent,
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
                let attributes = data.content_attributes.get();
                let deleted = attributes.is_some_and(|a| a.deleted.get() == Some(&true));
                let error = attributes.and_then(|a| non_blank(a.external_error.as_deref()));
                let (status, provider_status) = match (deleted, &error) {
                    (true, _) => (DeliveryStatus::Deleted, "deleted"),
                    (false, Some(_)) => (DeliveryStatus::Failed, "failed"),
                    (false, None) => return,
                };
                if let Some(message) = webhook_message(data) {
                    let mut change = StatusChange::new(message.id, status, provider_status);
                    change.conversation = Some(message.conversation);
                    change.error = error.filter(|_| !deleted);
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

/// A webhook's message: the conversation and account are objects, the type a name.
fn webhook_message(data: &WebhookMessage) -> Option<Message> {
    let direction = match data.message_type.get()?.as_str() {
        "incoming" => Direction::Incoming,
        "outgoing" | "template" => Direction::Outgoing,
        _ => return None,
    };
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
    let mut message = Message::new(id(&data.id), conversation, direction);
    message.sender = data.sender.get().and_then(webhook_participant);
    fill(
        &mut message,
        data.private.get().copied(),
        &data.content,
        &data.created_at,
        &data.content_attributes,
        &data.attachments,
    );
    Some(message)
}

/// What Action Cable and webhook messages share: privacy, text, time, quote, attachments.
fn fill(
    message: &mut Message,
    private: Option<bool>,
    content: &Maybe<String>,
    created_at: &Maybe<Timestamp>,
    attributes: &Maybe<ContentAttributes>,
    attachments: &Maybe<Vec<Maybe<OneChatAttachment>>>,
) {
    message.internal = private == Some(true);
    message.text = non_blank(content.as_deref());
    message.timestamp = created_at.get().and_then(unix_seconds);
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
    let status = match provider_status.as_str() {
        "open" => ConversationStatus::Open,
        "pending" => ConversationStatus::Pending,
        "snoozed" => ConversationStatus::Snoozed,
        "resolved" => ConversationStatus::Closed,
        _ => return None,
    };
    Some(NormalizedEvent::ConversationStatusChanged(Box::new(
        ConversationStatusChanged::new(conversation, status, provider_status.as_str()),
    )))
}

fn message(data: &crate::objects::Message) -> Option<Message> {
    let sender_type = data.sender_type.get();
    let direction = match data.message_type.get() {
        Some(MessageType::Incoming) => Direction::Incoming,
        Some(MessageType::Outgoing | MessageType::Template) => Direction::Outgoing,
        // Without a type (minimal frames), the author's kind tells the direction.
        None if sender_type == Some(&SenderType::Contact) => Direction::Incoming,
        None if sender_type.is_some() => Direction::Outgoing,
        // Activity lines, unknown types, and no type nor author.
        Some(_) | None => return None,
    };
    let conversation = data.conversation_id.get()?;
    let conversation = Normalized::new(id(conversation))
        .account(data.account_id.get().map(id))
        .channel(data.inbox_id.get().map(id));
    let mut message = Message::new(id(&data.id), conversation, direction);
    message.sender = data.sender.get().and_then(participant);
    fill(
        &mut message,
        data.private.get().copied(),
        &data.content,
        &data.created_at,
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
    let deleted = data
        .content_attributes
        .get()
        .is_some_and(|attributes| attributes.deleted.get() == Some(&true));
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
    if deleted {
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
    if status_changed && let Some(provider_status) = data.status.get() {
        let delivery = match provider_status {
            MessageStatus::Sent => Some(DeliveryStatus::Sent),
            MessageStatus::Delivered => Some(DeliveryStatus::Delivered),
            MessageStatus::Read => Some(DeliveryStatus::Read),
            MessageStatus::Failed => Some(DeliveryStatus::Failed),
            _ => None,
        };
        if let Some(delivery) = delivery {
            let change = status(delivery, provider_status.as_str());
            out.push(NormalizedEvent::MessageStatus(Box::new(change)));
        }
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
