//! ChatApp events in the [normalized model](chat_events_core::normalized).
//!
//! | ChatApp event | normalized |
//! |---|---|
//! | `message` | per item: [`Message`] (`side`, or `fromMe`, gives the direction), or [`NormalizedEvent::MessageEdited`] when `edited` is `true`; a [`ConversationOpened`] before it when `chat.created` is `true` |
//! | `messageStatus` | per item: [`MessageStatus`] (`viewed` is read) |
//! | `messageDestroy` | per item: [`MessageStatus`] `deleted` |
//! | `messageReaction` | per item: [`Reaction`] (`unreact`, or a blank reaction, removes) |
//! | `chatStatus` | per item: [`ConversationStatusChanged`] (`open`, `close`) |
//! | `chatResponsible` | per item: [`ConversationAssigned`] (the employee's id only) |
//! | `employeeStatus` | per item: [`Presence`] of the employee (`online`; `offline`) |
//! | every other event | nothing |
//!
//! Lost: ChatApp does not document the shape of `message.file`, `location` or `template`
//! (only `null` is shown, and only the types `text` and `system`), so a non-null `file` or
//! `location` is reported as an attachment whose kind comes from a media-like `type` (else
//! `file`), without URL, MIME type or size; other employee statuses than `online`/`offline`
//! and a responsible taken away (undocumented) give nothing; system notices (`messageSystem`) and chat bookkeeping
//! (tags, funnel stages, comments, read marks…) are not in the model.

use chat_events_core::{
    Id, Maybe, UnixSeconds,
    normalized::{
        Attachment, AttachmentKind, Conversation, ConversationAssigned, ConversationOpened,
        ConversationStatus, ConversationStatusChanged, DeliveryStatus, Direction, Message,
        MessageStatus, Normalize, NormalizedEvent, Participant, ParticipantKind, Presence,
        PresenceStatus, Reaction, filled, non_blank, unix_seconds_of,
    },
};

use crate::{
    Event, Meta,
    events::ReactionAction,
    objects::{Chat, ChatType, Side, User},
};

impl Normalize for Event {
    const MAPPED: &'static [&'static str] = &[
        "chatResponsible",
        "chatStatus",
        "employeeStatus",
        "message",
        "messageDestroy",
        "messageReaction",
        "messageStatus",
    ];

    // One arm per row of the table above, in its order.
    #[allow(clippy::too_many_lines)]
    fn normalize_into(&self, out: &mut Vec<NormalizedEvent>) {
        match self {
            Self::Message(payload) => {
                for item in &payload.data {
                    message(&payload.meta, item, out);
                }
            }
            Self::MessageStatus(payload) => {
                for item in &payload.data {
                    let Some(status) = item.delivery_status() else {
                        continue;
                    };
                    out.push(NormalizedEvent::MessageStatus(Box::new(status_event(
                        conversation(&payload.meta, &item.chat),
                        &item.id,
                        status,
                        item.kind.as_str(),
                        item.time.get(),
                        item.error
                            .get()
                            .and_then(|error| error.message.get().cloned()),
                    ))));
                }
            }
            Self::MessageDestroy(payload) => {
                for item in &payload.data {
                    out.push(NormalizedEvent::MessageStatus(Box::new(status_event(
                        conversation(&payload.meta, &item.chat),
                        &item.id,
                        DeliveryStatus::Deleted,
                        "messageDestroy",
                        item.time.get(),
                        None,
                    ))));
                }
            }
            Self::MessageReaction(payload) => {
                for item in &payload.data {
                    let emoji = match item.action {
                        ReactionAction::React => non_blank(item.reaction.as_deref()),
                        ReactionAction::Unreact => None,
                        // An action this version does not know: not guessed at.
                        _ => continue,
                    };
                    let mut reaction =
                        Reaction::new(conversation(&payload.meta, &item.chat), id(&item.id), emoji);
                    reaction.sender = item
                        .from_user
                        .get()
                        .and_then(|user| user_participant(user, ParticipantKind::Contact));
                    reaction.timestamp = item.time.get().and_then(unix_seconds_of);
                    out.push(NormalizedEvent::Reaction(Box::new(reaction)));
                }
            }
            Self::ChatStatus(payload) => {
                for item in &payload.data {
                    let provider_status = item.kind.as_str();
                    let status = match provider_status {
                        "open" => ConversationStatus::Open,
                        "close" => ConversationStatus::Closed,
                        _ => continue,
                    };
                    out.push(NormalizedEvent::ConversationStatusChanged(Box::new(
                        ConversationStatusChanged::new(
                            conversation(&payload.meta, &item.chat),
                            status,
                            provider_status,
                        ),
                    )));
                }
            }
            Self::ChatResponsible(payload) => {
                for item in &payload.data {
                    out.push(NormalizedEvent::ConversationAssigned(Box::new(
                        ConversationAssigned::new(
                            conversation(&payload.meta, &item.chat),
                            Some(Participant::new(
                                ParticipantKind::Agent,
                                id(&item.responsible.id),
                            )),
                        ),
                    )));
                }
            }
            Self::EmployeeStatus(payload) => {
                for item in &payload.data {
                    let provider_status = item.kind.as_str();
                    let status = match provider_status {
                        "online" => PresenceStatus::Online,
                        "offline" => PresenceStatus::Offline,
                        // Only `online` is documented; other values are not guessed at.
                        _ => continue,
                    };
                    out.push(NormalizedEvent::Presence(Box::new(Presence::new(
                        Participant::new(ParticipantKind::Agent, id(&item.employee.id)),
                        status,
                        provider_status,
                    ))));
                }
            }
            _ => {}
        }
    }
}

/// What users read from a message, in one call each; the mapping below uses the same methods.
impl crate::objects::Message {
    /// The text: the content's `text`, else its `caption`; `None` when both are blank.
    pub fn text(&self) -> Option<&str> {
        let content = self.message.get()?;
        filled(content.text.as_deref()).or_else(|| filled(content.caption.as_deref()))
    }

    /// The chat's id.
    pub const fn chat_id(&self) -> &Id {
        &self.chat.id
    }

    /// The message's id.
    pub const fn message_id(&self) -> &Id {
        &self.id
    }

    /// Who sent it: `side` (`in`/`out`), else `fromMe`; incoming when neither says.
    pub fn direction(&self) -> Direction {
        match self.side.get() {
            Some(Side::In) => Direction::Incoming,
            Some(Side::Out) => Direction::Outgoing,
            _ if self.from_me == true => Direction::Outgoing,
            _ => Direction::Incoming,
        }
    }

    /// The author: for incoming messages the contact (`fromUser` in groups, else the chat's
    /// contact); for outgoing ones the employee in `created`, when ChatApp names one.
    pub fn sender(&self) -> Option<Participant> {
        match self.direction() {
            // `fromUser` is the author in groups ("for group", say the docs); in a one-to-one
            // chat the contact is the chat.
            Direction::Incoming => Some(
                self.from_user
                    .get()
                    .filter(|_| self.chat.kind.get().map(ChatType::as_str) != Some("private"))
                    .and_then(|user| user_participant(user, ParticipantKind::Contact))
                    .unwrap_or_else(|| chat_contact(&self.chat)),
            ),
            // Sent by an employee (`created`, when ChatApp says who), else by the line.
            _ => self
                .created
                .get()
                .map(|employee| Participant::new(ParticipantKind::Agent, id(&employee.id))),
        }
    }

    /// When it was sent, in Unix seconds (`time`; `None` when absent or 0).
    pub fn timestamp(&self) -> Option<i64> {
        self.time.get().and_then(unix_seconds_of)
    }
}

/// What users read from a status change, in one call each.
impl crate::events::MessageStatus {
    /// The delivery status: `sent`, `delivered`, `viewed` (read), `failed`; `None` for a
    /// status this version does not know (`kind.as_str()` has it).
    pub fn delivery_status(&self) -> Option<DeliveryStatus> {
        Some(match self.kind.as_str() {
            "sent" => DeliveryStatus::Sent,
            "delivered" => DeliveryStatus::Delivered,
            "viewed" => DeliveryStatus::Read,
            "failed" => DeliveryStatus::Failed,
            _ => return None,
        })
    }

    /// The chat's id.
    pub const fn chat_id(&self) -> &Id {
        &self.chat.id
    }

    /// The id of the message whose status changed.
    pub const fn message_id(&self) -> &Id {
        &self.id
    }

    /// When it changed, in Unix seconds.
    pub fn timestamp(&self) -> Option<i64> {
        self.time.get().and_then(unix_seconds_of)
    }
}

fn message(meta: &Meta, item: &crate::objects::Message, out: &mut Vec<NormalizedEvent>) {
    let conversation = conversation(meta, &item.chat);
    if item.chat.created == true {
        let mut opened = ConversationOpened::new(conversation.clone());
        opened.contact = Some(chat_contact(&item.chat));
        out.push(NormalizedEvent::ConversationOpened(Box::new(opened)));
    }
    let mut message = Message::new(id(&item.id), conversation, item.direction());
    message.sender = item.sender();
    message.text = item.text().map(str::to_owned);
    if let Some(content) = item.message.get() {
        // The docs show `file` and `location` only as `null`: an attachment is reported when
        // one is there, its kind named by the message `type` where that is a media name.
        if content.file.get().is_some_and(|file| !file.is_null()) {
            let kind = item
                .kind
                .get()
                .and_then(|kind| attachment_kind(kind.as_str()))
                .unwrap_or(AttachmentKind::File);
            message.attachments.push(Attachment::new(kind));
        }
        if content
            .location
            .get()
            .is_some_and(|location| !location.is_null())
        {
            message
                .attachments
                .push(Attachment::new(AttachmentKind::Location));
        }
    }
    message.reply_to = item.quoted_message.get().map(|quoted| id(&quoted.id));
    message.timestamp = item.timestamp();
    out.push(if item.edited == true {
        NormalizedEvent::MessageEdited(Box::new(message))
    } else {
        NormalizedEvent::Message(Box::new(message))
    });
}

/// The kind of a file a message `type` names, for the common media names.
fn attachment_kind(kind: &str) -> Option<AttachmentKind> {
    Some(match kind {
        "image" | "photo" => AttachmentKind::Image,
        "video" => AttachmentKind::Video,
        "audio" | "voice" => AttachmentKind::Audio,
        "sticker" => AttachmentKind::Sticker,
        _ => return None,
    })
}

fn status_event(
    conversation: Conversation,
    message_id: &Id,
    status: DeliveryStatus,
    provider_status: &str,
    time: Option<&UnixSeconds>,
    error: Option<String>,
) -> MessageStatus {
    let mut event = MessageStatus::new(id(message_id), status, provider_status);
    event.conversation = Some(conversation);
    event.timestamp = time.and_then(unix_seconds_of);
    event.error = error;
    event
}

fn conversation(meta: &Meta, chat: &Chat) -> Conversation {
    Conversation::new(id(&chat.id))
        .account(meta.license_id.get().map(id))
        .channel(
            meta.messenger_type
                .get()
                .map(|kind| kind.as_str().to_owned()),
        )
}

/// The contact of a one-to-one chat, from the chat's fields.
fn chat_contact(chat: &Chat) -> Participant {
    Participant::new(ParticipantKind::Contact, id(&chat.id))
        .name(string(&chat.name).or_else(|| string(&chat.username)))
        .phone(string(&chat.phone))
        .email(string(&chat.email))
        .avatar_url(string(&chat.image))
}

fn user_participant(user: &User, kind: ParticipantKind) -> Option<Participant> {
    let user_id = user.id.get()?;
    Some(
        Participant::new(kind, id(user_id))
            .name(string(&user.name).or_else(|| string(&user.username)))
            .phone(string(&user.phone))
            .email(string(&user.email)),
    )
}

fn string(value: &Maybe<String>) -> Option<String> {
    non_blank(value.as_deref())
}

fn id(value: &Id) -> String {
    value.as_str().into_owned()
}
