//! CodeChat (WhatsApp) events in the [normalized model](chat_events_core::normalized).
//!
//! | CodeChat event | normalized |
//! |---|---|
//! | `messages.upsert`, `send.message`, `new.message` | in every message shape (Baileys' `WebMessageInfo`, the v1.3/Go row, the cloud `{header, body}`), wrappers (`ephemeralMessage`, `viewOnceMessage*`, `documentWithCaptionMessage`, `editedMessage`) opened: a [`Message`](chat_events_core::normalized::Message) (`fromMe` gives the direction); a reaction gives a [`Reaction`], a revoke (`protocolMessage` `REVOKE`) a [`MessageStatus`](chat_events_core::normalized::MessageStatus) `deleted`, an edit (`MESSAGE_EDIT`) a [`NormalizedEvent::MessageEdited`] of the edited message |
//! | `messages.edited` (Evolution 2.x) | the same for the `protocolMessage` it carries (an edit or a revoke), when it says which chat: this line's own changes in one-to-one chats (its key is the author's; contacts' and group changes name no chat) |
//! | `messages.update` | for messages this line sent: a [`MessageStatus`](chat_events_core::normalized::MessageStatus) (`SERVER_ACK` sent, `DELIVERY_ACK` delivered, `READ`/`PLAYED` read, `ERROR` failed, `REVOKE` deleted; the Go API's names likewise) |
//! | `messages.delete` | a [`MessageStatus`](chat_events_core::normalized::MessageStatus) `deleted` per message it names (not CodeChat Go's, which is "delete for me") |
//! | `presence.update`, `presence.updated` (Go) | per person: [`Typing`] (`composing`, `recording` or Go's `audio`, `paused`) or [`Presence`](chat_events_core::normalized::Presence) (`available`, `unavailable`) |
//! | `contacts.update` | a [`ContactUpdated`] per contact |
//! | every other event | nothing |
//!
//! Lost: status posts (`status@broadcast`) and the protocol-only messages WhatsApp sends
//! beside content (sender keys, app-state keys, history-sync notices) give nothing; media
//! come with WhatsApp's URL (an encrypted file) unless the server added its own
//! (Evolution's `mediaUrl`, CodeChat's `media.path`); locations and contact cards are
//! attachments without their coordinates or vCard; polls, buttons, lists and payments are
//! messages without text. WhatsApp has no conversation lifecycle (no assignment, no status),
//! and `chats.*`/`contacts.upsert`/`messages.set` are sent in bulk at history sync, so they
//! are not mapped. Receipts for messages this line received (`fromMe: false`: its own devices
//! reading them) give nothing, and so does Evolution's `DELETED`, which it writes for updates
//! without a status (edits, poll votes), never for deletions. WhatsApp times past 10^11 are
//! read as milliseconds. CodeChat Go's edits (`messageType: editedMessage`, since its commit
//! 52d20af of 2026-07-22) give nothing: the server writes the new content without the edited
//! message's key, so which message changed is not known. CodeChat Go's `messages.update`
//! names the message by WhatsApp's id (`keyId`, the id its `Message` carries) since that
//! commit; its earlier form (the docs' `messageId`) names it only by its database id (the
//! row's `id`), which then stands in.

use std::borrow::Cow;

use chat_events_core::{
    Id, Maybe,
    normalized::{
        Attachment, AttachmentKind, ContactUpdated, Conversation, DeliveryStatus, Direction,
        Message as Normalized, MessageStatus as StatusChange, Normalize, NormalizedEvent,
        Participant, ParticipantKind, Presence as PresenceChange, PresenceStatus, Reaction, Typing,
        TypingState, filled, non_blank, unix_seconds,
    },
};

use crate::{
    Event, Identity, Jid, JidField,
    events::{
        ChatPresenceState, MessageUpdate, MessagesDelete, Presence, PresenceState, PresenceUpdated,
    },
    objects::{
        ContactItem, Contacts, MessageContent, MessageKey, MessageStatus, MessageType,
        ProtocolMessageType, WebhookMessage,
        baileys::{
            AudioMessage, ContextInfo, DocumentMessage, ImageMessage, Message, ProtocolMessage,
            StickerMessage, VideoMessage,
        },
    },
    proto::{Content, Long, ProtoEnum},
};

/// How deep wrappers (`ephemeralMessage`, `viewOnceMessage`, `editedMessage`…) are opened.
const MAX_WRAPPERS: usize = 8;

impl Normalize for Event {
    const MAPPED: &'static [&'static str] = &[
        "contacts.update",
        "messages.delete",
        "messages.edited",
        "messages.update",
        "messages.upsert",
        "new.message",
        "presence.update",
        "presence.updated",
        "send.message",
    ];

    fn normalize_into(&self, out: &mut Vec<NormalizedEvent>) {
        let account = self.instance_name().map(str::to_owned);
        match self {
            Self::MessagesUpsert(payload)
            | Self::NewMessage(payload)
            | Self::SendMessage(payload) => {
                with(&payload.data, |message| {
                    webhook_message(message, account, out);
                });
            }
            Self::MessagesUpdate(payload) => {
                with(&payload.data, |update| message_update(update, account, out));
            }
            Self::MessagesDelete(payload) => with(&payload.data, |deleted| {
                messages_delete(deleted, account.as_ref(), out);
            }),
            Self::MessagesEdited(payload) => {
                let own = payload.sender.get();
                with(&payload.data, |protocol| {
                    messages_edited(protocol, own, account, out);
                });
            }
            Self::PresenceUpdate(payload) => with(&payload.data, |presence| {
                presence_update(presence, account.as_ref(), out);
            }),
            Self::PresenceUpdated(payload) => {
                with(&payload.data, |presence| {
                    presence_updated(presence, account, out);
                });
            }
            Self::ContactsUpdate(payload) => {
                if let Some(contacts) = payload.data.get() {
                    let items = match contacts {
                        Contacts::Many(items) => items.as_slice(),
                        Contacts::One(item) => std::slice::from_ref(item),
                        _ => &[],
                    };
                    for contact in items {
                        if let Some(participant) = contact_participant(contact) {
                            out.push(NormalizedEvent::ContactUpdated(Box::new(
                                ContactUpdated::new(participant),
                            )));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Calls `map` with a payload's data, when it has some.
fn with<T>(data: &Maybe<T>, map: impl FnOnce(&T)) {
    if let Some(data) = data.get() {
        map(data);
    }
}

/// What every message shape says about a message, besides its content.
struct Envelope<'a> {
    account: Option<String>,
    parts: Parts<'a>,
}

impl<'a> std::ops::Deref for Envelope<'a> {
    type Target = Parts<'a>;

    fn deref(&self) -> &Parts<'a> {
        &self.parts
    }
}

impl Envelope<'_> {
    fn conversation(&self) -> Conversation {
        conversation(&self.chat, self.account.clone())
    }

    fn message(&self) -> Normalized {
        let direction = if self.from_me {
            Direction::Outgoing
        } else {
            Direction::Incoming
        };
        let mut message = Normalized::new(self.id.as_ref(), self.conversation(), direction);
        message.sender = self.sender();
        message.timestamp = self.timestamp;
        message
    }
}

/// What every message shape says about a message besides its content: the part of
/// [`Envelope`] that the accessors of [`WebhookMessage`] answer from.
struct Parts<'a> {
    chat: Identity<'a>,
    from_me: bool,
    id: Cow<'a, str>,
    media_url: Option<&'a str>,
    participant: Option<Identity<'a>>,
    push_name: Option<&'a str>,
    timestamp: Option<i64>,
}

impl<'a> Parts<'a> {
    /// Who wrote it, for messages this line did not send: the group member, else the chat.
    fn author(&self) -> Option<Identity<'a>> {
        if self.from_me {
            return None;
        }
        Some(self.participant.unwrap_or(self.chat))
    }

    fn sender(&self) -> Option<Participant> {
        let author = self.author()?;
        Some(participant(&author).name(non_blank(self.push_name)))
    }
}

/// The normalized participant of an identity: its stable id, phone number and LID.
fn participant(identity: &Identity<'_>) -> Participant {
    Participant::new(ParticipantKind::Contact, identity.id())
        .phone(identity.phone().map(str::to_owned))
        .lid(identity.lid.map(|lid| lid.as_str().to_owned()))
}

/// What users read from a message, in one call each, whatever its shape (Baileys'
/// `WebMessageInfo`, the v1.3/Go row, the cloud `{header, body}`); the normalized mapping
/// uses the same methods.
impl WebhookMessage {
    /// The message's id: WhatsApp's (`key.id`, `keyId`, `messageId`; a CodeChat Go row's
    /// `keyId`, else the `messageId` it had on 2026-07-21); for a CodeChat Go row with
    /// neither, its database `id`. `None` when the shape names no id or no chat.
    pub fn message_id(&self) -> Option<Cow<'_, str>> {
        self.parts().map(|parts| parts.id)
    }

    /// The chat's stable id ([`Identity::id`]): a group's JID; for a person the
    /// phone-number JID whenever the payload gives it (`remoteJid`, `remoteJidAlt`,
    /// `senderPn`, `previousRemoteJid`, a Go row's `keyRemoteJid`, `wuid`), else the LID.
    /// `None` when the shape names no chat or no id.
    pub fn chat_id(&self) -> Option<&str> {
        self.parts().map(|parts| parts.chat.id())
    }

    /// The chat, in every form the payload names it: the field the server used
    /// (`remoteJid`, a Go row's `keyRemoteJid` or `keyLid`, `wuid`), and the phone-number
    /// JID and LID beside it (`remoteJidAlt`, `senderPn`, `senderLid`, `previousRemoteJid`,
    /// `keyLid`). `None` when the shape names no chat or no id.
    pub fn chat(&self) -> Option<Identity<'_>> {
        self.parts().map(|parts| parts.chat)
    }

    /// Who wrote it, in every form the payload names them: the group member (`participant`
    /// with `participantAlt`, `participantPn`, `participantLid`; a Go row's `keyParticipant`
    /// with `keyParticipantLid`), else the chat; `None` for messages this line sent.
    /// [`sender`](Self::sender) is the same person as a normalized participant.
    pub fn author(&self) -> Option<Identity<'_>> {
        self.parts()?.author()
    }

    /// Outgoing when this line sent it (`fromMe`), else incoming.
    pub fn direction(&self) -> Direction {
        if self.from_me() == Some(true) {
            Direction::Outgoing
        } else {
            Direction::Incoming
        }
    }

    /// Who wrote it: the group member (`participant`) or the chat's contact, with the
    /// `pushName`, the phone number and LID when the payload gives them, and the stable id
    /// of [`author`](Self::author); `None` for messages this line sent.
    pub fn sender(&self) -> Option<Participant> {
        self.parts()?.sender()
    }

    /// When it was sent, in Unix seconds (`messageTimestamp`; times past 10^11 are read as
    /// milliseconds).
    pub fn timestamp(&self) -> Option<i64> {
        self.parts()?.timestamp
    }

    /// The text someone wrote: the message's text, else its caption (image, video,
    /// document), with WhatsApp's wrappers opened (see [`Message::open_wrappers`]); `None`
    /// when there is none or it is blank.
    pub fn text(&self) -> Option<&str> {
        match self {
            Self::Baileys(info) => info.message.get()?.text(),
            Self::Row(row) => flat_text(row.message_type.get(), row.content.get()),
            Self::Cloud(cloud) => {
                flat_text(cloud.body.message_type.get(), cloud.body.message.get())
                    .or_else(|| filled(cloud.body.caption.as_deref()))
            }
            _ => None,
        }
    }

    fn parts(&self) -> Option<Parts<'_>> {
        match self {
            Self::Baileys(info) => {
                let key = info.key.get()?;
                Some(Parts {
                    chat: key.chat()?,
                    from_me: key.from_me == true,
                    id: Cow::Borrowed(key.id.as_deref()?),
                    media_url: info
                        .message
                        .get()
                        .and_then(|content| content.media_url.as_deref()),
                    participant: key.sender().or_else(|| {
                        let participant = info.participant.get().filter(|jid| !jid.is_empty())?;
                        Some(Identity::gather(JidField::Participant, participant, []))
                    }),
                    push_name: info.push_name.as_deref(),
                    timestamp: long_seconds(&info.message_timestamp),
                })
            }
            Self::Row(row) => {
                // WhatsApp's id is `keyId`, `messageId` for a day (2026-07-21); CodeChat Go's
                // docs leave both out of some examples, and the database id is the only id
                // then.
                let whatsapp_id = row.key_id.as_deref().or(row.message_id.as_deref());
                let row_id = row.id.get().map(|id| id.as_str());
                let chat = match (row.key_remote_jid.get(), row.key_lid.get()) {
                    (Some(jid), lid) => Identity::gather(JidField::KeyRemoteJid, jid, [lid]),
                    (None, Some(lid)) => Identity::gather(JidField::KeyLid, lid, []),
                    (None, None) => return None,
                };
                Some(Parts {
                    chat,
                    from_me: row.key_from_me == true,
                    id: whatsapp_id.map(Cow::Borrowed).or(row_id)?,
                    media_url: row.media.get().and_then(|media| media.path.as_deref()),
                    participant: match (
                        row.key_participant.get().filter(|jid| !jid.is_empty()),
                        row.key_participant_lid.get(),
                    ) {
                        (Some(jid), lid) => {
                            Some(Identity::gather(JidField::KeyParticipant, jid, [lid]))
                        }
                        (None, Some(lid)) => {
                            Some(Identity::gather(JidField::KeyParticipantLid, lid, []))
                        }
                        (None, None) => None,
                    },
                    push_name: row.push_name.as_deref(),
                    timestamp: long_seconds(&row.message_timestamp),
                })
            }
            Self::Cloud(cloud) => {
                let header = &cloud.header;
                Some(Parts {
                    chat: Identity::gather(JidField::Wuid, header.wuid.get()?, []),
                    from_me: header.from_me == true,
                    id: Cow::Borrowed(header.message_id.as_deref()?),
                    media_url: None,
                    participant: header
                        .participant
                        .get()
                        .filter(|jid| !jid.is_empty())
                        .map(|jid| Identity::gather(JidField::Participant, jid, [])),
                    push_name: header.push_name.as_deref(),
                    timestamp: cloud
                        .context
                        .get()
                        .and_then(|context| long_seconds(&context.message_timestamp)),
                })
            }
            _ => None,
        }
    }
}

/// Who a key names, in every form it gives.
impl MessageKey {
    /// The chat: `remoteJid`, with `remoteJidAlt`, `senderPn`, `senderLid` and
    /// `previousRemoteJid` beside it (Baileys 6.7.18+, Baileys 7, Evolution 2.3). `None`
    /// without `remoteJid`.
    pub fn chat(&self) -> Option<Identity<'_>> {
        let jid = self.remote_jid.get()?;
        Some(Identity::gather(
            JidField::RemoteJid,
            jid,
            [
                self.remote_jid_alt.get(),
                self.sender_pn.get(),
                self.sender_lid.get(),
                self.previous_remote_jid.get(),
            ],
        ))
    }

    /// The group member who sent it: the first of `participant`, `participantPn`,
    /// `participantLid`, `participantAlt` that is not blank, with the others beside it.
    /// `None` when the key names no member (one-to-one chats).
    pub fn sender(&self) -> Option<Identity<'_>> {
        let fields = [
            (JidField::Participant, &self.participant),
            (JidField::ParticipantPn, &self.participant_pn),
            (JidField::ParticipantLid, &self.participant_lid),
            (JidField::ParticipantAlt, &self.participant_alt),
        ];
        let (field, jid) = fields.iter().find_map(|(field, jid)| {
            let jid = jid.get().filter(|jid| !jid.is_empty())?;
            Some((*field, jid))
        })?;
        Some(Identity::gather(
            field,
            jid,
            fields.iter().map(|(_, jid)| jid.get()),
        ))
    }
}

/// What users read from a WhatsApp message's content.
impl Message {
    /// The content inside WhatsApp's wrappers (`ephemeralMessage`, `viewOnceMessage`,
    /// `viewOnceMessageV2`, `viewOnceMessageV2Extension`, `documentWithCaptionMessage`,
    /// `editedMessage`), opened up to 8 deep; the message itself when it has none.
    pub fn open_wrappers(&self) -> &Self {
        let mut content = self;
        for _ in 0..MAX_WRAPPERS {
            let inner = [
                &content.ephemeral_message,
                &content.view_once_message,
                &content.view_once_message_v2,
                &content.view_once_message_v2_extension,
                &content.document_with_caption_message,
                &content.edited_message,
            ]
            .into_iter()
            .find_map(|wrapper| wrapper.get().and_then(|wrapper| wrapper.message.get()));
            match inner {
                Some(inner) => content = inner,
                None => break,
            }
        }
        content
    }

    /// The text someone wrote, wrappers opened: `conversation` or `extendedTextMessage.text`,
    /// else the caption of an image, video (or round video) or document; `None` when blank.
    pub fn text(&self) -> Option<&str> {
        self.open_wrappers().own_text()
    }

    /// [`text`](Self::text) of this content, without opening wrappers.
    fn own_text(&self) -> Option<&str> {
        let mut text = self.conversation.get().and_then(|text| filled(Some(text)));
        if let Some(extended) = self.extended_text_message.get() {
            text = filled(extended.text.as_deref());
        }
        text.or_else(|| {
            self.image_message
                .get()
                .and_then(|image| filled(image.caption.as_deref()))
        })
        .or_else(|| {
            [&self.video_message, &self.ptv_message]
                .into_iter()
                .find_map(|video| {
                    video
                        .get()
                        .and_then(|video| filled(video.caption.as_deref()))
                })
        })
        .or_else(|| {
            self.document_message
                .get()
                .and_then(|document| filled(document.caption.as_deref()))
        })
    }
}

/// The text of a row's or cloud body's content (the kind is `messageType`): a string, or
/// an object's `text` or `caption`; a wrapper object's inner message (as [`Message::text`]).
/// Reactions, revokes, edits and the other changes that are not a message someone wrote
/// (`NOT_CONTENT`) have none.
fn flat_text<'a>(
    kind: Option<&MessageType>,
    content: Option<&'a Content<MessageContent>>,
) -> Option<&'a str> {
    if kind.is_some_and(|kind| NOT_CONTENT.contains(&kind.as_str())) {
        return None;
    }
    match content? {
        Content::Text(text) => filled(Some(text)),
        Content::Object(content) => match content.message.get() {
            Some(inner) => inner.text(),
            None => filled(content.text.as_deref()).or_else(|| filled(content.caption.as_deref())),
        },
    }
}

fn webhook_message(
    message: &WebhookMessage,
    account: Option<String>,
    out: &mut Vec<NormalizedEvent>,
) {
    let Some(parts) = message.parts() else { return };
    let envelope = Envelope { account, parts };
    match message {
        WebhookMessage::Baileys(info) => {
            let Some(content) = info.message.get() else {
                return;
            };
            let reply_to = info
                .context_info
                .get()
                .and_then(|context| context.stanza_id.as_deref());
            baileys_content(&envelope, content, reply_to, out);
        }
        WebhookMessage::Row(row) => {
            flat_content(&envelope, row.message_type.get(), row.content.get(), out);
        }
        WebhookMessage::Cloud(cloud) => {
            let body = &cloud.body;
            let before = out.len();
            flat_content(&envelope, body.message_type.get(), body.message.get(), out);
            // The cloud body keeps the caption and MIME type beside the content.
            if let Some(NormalizedEvent::Message(message)) = out.get_mut(before) {
                if message.text.is_none() {
                    message.text = non_blank(body.caption.as_deref());
                }
                if let (Some(attachment), Some(mime)) =
                    (message.attachments.first_mut(), body.mimetype.get())
                {
                    attachment.mime.get_or_insert_with(|| mime.clone());
                }
            }
        }
        _ => {}
    }
}

/// Content where the kind is a key (Baileys' `Message`).
fn baileys_content(
    envelope: &Envelope<'_>,
    content: &Message,
    reply_to: Option<&str>,
    out: &mut Vec<NormalizedEvent>,
) {
    if envelope.chat.jid.is_status() {
        return;
    }
    let content = content.open_wrappers();
    if let Some(protocol) = content.protocol_message.get() {
        let kind = protocol.kind.get().and_then(ProtoEnum::resolve);
        protocol_change(
            envelope,
            kind.as_ref(),
            protocol.key.get(),
            protocol.edited_message.get().map(|message| &**message),
            out,
        );
        return;
    }
    if let Some(reaction) = content.reaction_message.get() {
        reaction_change(envelope, reaction.key.get(), reaction.text.as_deref(), out);
        return;
    }
    let mut message = envelope.message();
    let mut reply = reply_to.map(str::to_owned);
    read_baileys(content, envelope.media_url, &mut message, &mut reply);
    message.reply_to = reply;
    if message.text.is_some() || !message.attachments.is_empty() || has_content(content) {
        out.push(NormalizedEvent::Message(Box::new(message)));
    }
}

/// Whether a message holds content beyond the protocol keys WhatsApp sends beside it.
fn has_content(content: &Message) -> bool {
    content
        .present_keys()
        .iter()
        .any(|key| !NOT_CONTENT.contains(key))
        || !content.other.is_empty()
}

/// Keys of a WhatsApp message that are not a message someone wrote: protocol and key
/// material sent beside content, and changes to another message (poll votes, encrypted
/// reactions, keep/pin in chat, event answers), which the model has no event for.
const NOT_CONTENT: [&str; 12] = [
    "base64",
    "encEventResponseMessage",
    "encReactionMessage",
    "fastRatchetKeySenderKeyDistributionMessage",
    "keepInChatMessage",
    "messageContextInfo",
    "pinInChatMessage",
    "pollUpdateMessage",
    "protocolMessage",
    "reactionMessage",
    "senderKeyDistributionMessage",
    "speechToText",
];

/// Text, attachments and the quoted id of a Baileys `Message`.
fn read_baileys(
    content: &Message,
    media_url: Option<&str>,
    message: &mut Normalized,
    reply_to: &mut Option<String>,
) {
    message.text = content.own_text().map(str::to_owned);
    if let Some(text) = content.extended_text_message.get() {
        quote(reply_to, &text.context_info);
    }
    let media = |kind, url: &Maybe<String>, mime: &Maybe<String>, size: &Maybe<Long>| {
        let mut attachment = Attachment::new(kind);
        attachment.url = media_url.map(str::to_owned).or_else(|| url.get().cloned());
        attachment.mime = mime.get().cloned();
        attachment.size = size.get().and_then(Long::as_u64);
        attachment
    };
    if let Some(image) = content.image_message.get() {
        let image: &ImageMessage = image;
        message.attachments.push(media(
            AttachmentKind::Image,
            &image.url,
            &image.mimetype,
            &image.file_length,
        ));
        quote(reply_to, &image.context_info);
    }
    for video in [&content.video_message, &content.ptv_message] {
        if let Some(video) = video.get() {
            let video: &VideoMessage = video;
            message.attachments.push(media(
                AttachmentKind::Video,
                &video.url,
                &video.mimetype,
                &video.file_length,
            ));
            quote(reply_to, &video.context_info);
        }
    }
    if let Some(audio) = content.audio_message.get() {
        let audio: &AudioMessage = audio;
        message.attachments.push(media(
            AttachmentKind::Audio,
            &audio.url,
            &audio.mimetype,
            &audio.file_length,
        ));
        quote(reply_to, &audio.context_info);
    }
    if let Some(sticker) = content.sticker_message.get() {
        let sticker: &StickerMessage = sticker;
        message.attachments.push(media(
            AttachmentKind::Sticker,
            &sticker.url,
            &sticker.mimetype,
            &sticker.file_length,
        ));
        quote(reply_to, &sticker.context_info);
    }
    if let Some(document) = content.document_message.get() {
        let document: &DocumentMessage = document;
        let mut attachment = media(
            AttachmentKind::File,
            &document.url,
            &document.mimetype,
            &document.file_length,
        );
        attachment.name = non_blank(document.file_name.as_deref())
            .or_else(|| non_blank(document.title.as_deref()));
        message.attachments.push(attachment);
        quote(reply_to, &document.context_info);
    }
    if let Some(location) = content.location_message.get() {
        let mut attachment = Attachment::new(AttachmentKind::Location);
        attachment.name = non_blank(location.name.as_deref());
        message.attachments.push(attachment);
        quote(reply_to, &location.context_info);
    }
    if let Some(location) = content.live_location_message.get() {
        message
            .attachments
            .push(Attachment::new(AttachmentKind::Location));
        quote(reply_to, &location.context_info);
    }
    if let Some(contact) = content.contact_message.get() {
        let mut attachment = Attachment::new(AttachmentKind::Contact);
        attachment.name = non_blank(contact.display_name.as_deref());
        message.attachments.push(attachment);
        quote(reply_to, &contact.context_info);
    }
    if let Some(contacts) = content.contacts_array_message.get() {
        for contact in contacts.contacts.get().into_iter().flatten() {
            let mut attachment = Attachment::new(AttachmentKind::Contact);
            attachment.name = non_blank(contact.display_name.as_deref());
            message.attachments.push(attachment);
        }
        quote(reply_to, &contacts.context_info);
    }
    // Evolution's Cloud API channel puts the quote at the content's top.
    quote(reply_to, &content.context_info);
}

/// Sets `reply_to` from a `contextInfo`'s quoted message id, unless already set.
fn quote(reply_to: &mut Option<String>, context: &Maybe<Box<ContextInfo>>) {
    if reply_to.is_none() {
        *reply_to = context
            .get()
            .and_then(|context| non_empty(context.stanza_id.as_deref()))
            .map(str::to_owned);
    }
}

/// Content where the kind is `messageType` (the row and cloud shapes).
fn flat_content(
    envelope: &Envelope<'_>,
    kind: Option<&MessageType>,
    content: Option<&Content<MessageContent>>,
    out: &mut Vec<NormalizedEvent>,
) {
    if envelope.chat.jid.is_status() {
        return;
    }
    let kind = kind.map(MessageType::as_str);
    let object = content.and_then(Content::as_object);
    match (kind, object) {
        (Some("protocolMessage"), Some(content)) => {
            let protocol_kind = content.kind.get().and_then(ProtoEnum::resolve);
            protocol_change(
                envelope,
                protocol_kind.as_ref(),
                content.key.get(),
                content.edited_message.get().map(|message| &**message),
                out,
            );
            return;
        }
        (Some("reactionMessage"), Some(content)) => {
            reaction_change(envelope, content.key.get(), content.text.as_deref(), out);
            return;
        }
        // Not a message someone wrote (see `NOT_CONTENT`), or a change without its object.
        (Some(kind), _) if NOT_CONTENT.contains(&kind) => return,
        _ => {}
    }
    // A wrapper (`ephemeralMessage`, `viewOnceMessage`, `editedMessage`…) holds the message
    // with its kind as a key.
    if let Some(inner) = object.and_then(|content| content.message.get()) {
        baileys_content(envelope, inner, None, out);
        return;
    }
    // CodeChat Go's edit: the new content without the edited message's key (its `keyId` is
    // the edit's own id), so which message changed is not known; it is not a new message.
    if kind == Some("editedMessage") {
        return;
    }
    let mut message = envelope.message();
    message.text = flat_text(None, content).map(str::to_owned);
    if let Some(Content::Object(content)) = content {
        if let Some(kind) = kind.and_then(attachment_kind) {
            let mut attachment = Attachment::new(kind);
            attachment.url = envelope
                .media_url
                .map(str::to_owned)
                .or_else(|| content.media_url.get().cloned())
                .or_else(|| content.url.get().cloned());
            attachment.mime = content.mimetype.get().cloned();
            attachment.size = content.file_length.get().and_then(Long::as_u64);
            attachment.name = non_blank(content.file_name.as_deref())
                .or_else(|| non_blank(content.display_name.as_deref()))
                .or_else(|| non_blank(content.name.as_deref()));
            message.attachments.push(attachment);
        }
        message.reply_to = content
            .context_info
            .get()
            .and_then(|context| non_empty(context.stanza_id.as_deref()))
            .map(str::to_owned);
    }
    if message.text.is_none() && message.attachments.is_empty() && kind.is_none() {
        return;
    }
    out.push(NormalizedEvent::Message(Box::new(message)));
}

/// The attachment a `messageType` implies.
fn attachment_kind(kind: &str) -> Option<AttachmentKind> {
    Some(match kind {
        "imageMessage" => AttachmentKind::Image,
        "videoMessage" | "ptvMessage" => AttachmentKind::Video,
        "audioMessage" => AttachmentKind::Audio,
        "documentMessage" | "documentWithCaptionMessage" => AttachmentKind::File,
        "stickerMessage" => AttachmentKind::Sticker,
        "locationMessage" | "liveLocationMessage" => AttachmentKind::Location,
        "contactMessage" | "contactsArrayMessage" => AttachmentKind::Contact,
        _ => return None,
    })
}

/// A revoke or an edit.
fn protocol_change(
    envelope: &Envelope<'_>,
    kind: Option<&ProtocolMessageType>,
    key: Option<&MessageKey>,
    edited: Option<&Message>,
    out: &mut Vec<NormalizedEvent>,
) {
    let Some(target) = key.and_then(|key| key.id.as_deref()) else {
        return;
    };
    match kind {
        Some(ProtocolMessageType::Revoke) => {
            let mut status = StatusChange::new(target, DeliveryStatus::Deleted, "REVOKE");
            status.conversation = Some(envelope.conversation());
            status.timestamp = envelope.timestamp;
            out.push(NormalizedEvent::MessageStatus(Box::new(status)));
        }
        Some(ProtocolMessageType::MessageEdit) => {
            let mut message = envelope.message();
            target.clone_into(&mut message.id);
            if let Some(edited) = edited {
                let mut reply = None;
                read_baileys(edited.open_wrappers(), None, &mut message, &mut reply);
                message.reply_to = reply;
            }
            out.push(NormalizedEvent::MessageEdited(Box::new(message)));
        }
        _ => {}
    }
}

fn reaction_change(
    envelope: &Envelope<'_>,
    key: Option<&MessageKey>,
    text: Option<&str>,
    out: &mut Vec<NormalizedEvent>,
) {
    let Some(target) = key.and_then(|key| key.id.as_deref()) else {
        return;
    };
    let mut reaction = Reaction::new(envelope.conversation(), target, non_blank(text));
    reaction.sender = envelope.sender();
    reaction.timestamp = envelope.timestamp;
    out.push(NormalizedEvent::Reaction(Box::new(reaction)));
}

/// What users read from a receipt, in one call each, whatever its shape; the normalized
/// mapping uses the same methods.
impl MessageUpdate {
    /// The delivery status ([`provider_status`](Self::provider_status) in the normalized
    /// vocabulary): `SERVER_ACK` sent, `DELIVERY_ACK` delivered, `READ`/`PLAYED` read,
    /// `ERROR` failed, `REVOKE` deleted, and CodeChat Go's names likewise; `None` for other
    /// values (Evolution's `DELETED` is written for edits and votes, not deletions).
    pub fn delivery_status(&self) -> Option<DeliveryStatus> {
        delivery_status(self.provider_status()?)
    }

    /// The status as sent (`DELIVERY_ACK`, CodeChat Go's `read`…).
    pub fn provider_status(&self) -> Option<&str> {
        match self {
            Self::Key(update) => update.status.get().map(MessageStatus::as_str),
            Self::Cloud(cloud) => cloud.update.status.get().map(MessageStatus::as_str),
            Self::Go(update) => Some(update.status.as_str()),
            _ => None,
        }
    }

    /// The message's id, WhatsApp's when the receipt names it (`keyId`, `id` or
    /// `messageId`; CodeChat Go's `keyId` since its commit 52d20af). CodeChat Go's earlier
    /// receipts name the message only by its database id (`messageId`, or `keyId` at
    /// efd6e74), which is given then.
    pub fn message_id(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::Key(update) => update
                .key_id
                .as_deref()
                .or(update.id.as_deref())
                .or(update.message_id.as_deref())
                .map(Cow::Borrowed),
            Self::Cloud(cloud) => {
                let update = &cloud.update;
                update
                    .key
                    .get()
                    .and_then(|key| key.id.as_deref())
                    .or_else(|| {
                        update
                            .header
                            .get()
                            .and_then(|header| header.message_id.as_deref())
                    })
                    .map(Cow::Borrowed)
            }
            Self::Go(update) => update
                .key_id
                .get()
                .or_else(|| update.message_id.get())
                .map(Id::as_str),
            _ => None,
        }
    }

    /// The chat's stable id ([`Identity::id`]: the phone-number JID when the receipt gives
    /// it, else the LID; a group's JID). `None` for CodeChat Go's receipts, which do not
    /// name the chat.
    pub fn chat_id(&self) -> Option<&str> {
        self.chat().map(|chat| chat.id())
    }

    /// The chat, in every form the receipt names it (`remoteJid` with `remoteJidAlt`; the
    /// cloud form's key, else its header's `wuid`). `None` for CodeChat Go's receipts.
    pub fn chat(&self) -> Option<Identity<'_>> {
        match self {
            Self::Key(update) => Some(Identity::gather(
                JidField::RemoteJid,
                update.remote_jid.get()?,
                [update.remote_jid_alt.get()],
            )),
            Self::Cloud(cloud) => {
                let update = &cloud.update;
                update.key.get().and_then(MessageKey::chat).or_else(|| {
                    let wuid = update.header.get()?.wuid.get()?;
                    Some(alone(JidField::Wuid, wuid))
                })
            }
            _ => None,
        }
    }

    /// Whether the message is one this line sent (`None` when the receipt does not say).
    pub fn from_me(&self) -> Option<bool> {
        match self {
            Self::Key(update) => update.from_me.get().copied(),
            Self::Cloud(cloud) => {
                let update = &cloud.update;
                update
                    .key
                    .get()
                    .and_then(|key| key.from_me.get())
                    .or_else(|| update.header.get().and_then(|header| header.from_me.get()))
                    .copied()
            }
            _ => None,
        }
    }

    /// When the status changed, in Unix seconds.
    pub fn timestamp(&self) -> Option<i64> {
        match self {
            Self::Key(update) => update
                .date_time
                .get()
                .and_then(unix_seconds)
                .or_else(|| long_seconds(&update.datetime)),
            Self::Cloud(cloud) => long_seconds(&cloud.update.date_time),
            Self::Go(update) => update.date_time.get().and_then(unix_seconds),
            _ => None,
        }
    }
}

fn message_update(update: &MessageUpdate, account: Option<String>, out: &mut Vec<NormalizedEvent>) {
    // A receipt for a message this line received is about this line's own devices
    // reading it (Baileys' `read-self`), not about delivery to the contact.
    if update.from_me() == Some(false) {
        return;
    }
    let (Some(provider_status), Some(id), Some(status)) = (
        update.provider_status(),
        update.message_id(),
        update.delivery_status(),
    ) else {
        return;
    };
    let mut change = StatusChange::new(id, status, provider_status);
    change.conversation = update.chat().map(|chat| conversation(&chat, account));
    change.timestamp = update.timestamp();
    out.push(NormalizedEvent::MessageStatus(Box::new(change)));
}

/// A delivery status, in WhatsApp's names (`MessageStatus`) or CodeChat Go's.
fn delivery_status(status: &str) -> Option<DeliveryStatus> {
    Some(match status {
        "PENDING" => DeliveryStatus::Pending,
        "SERVER_ACK" | "sent" => DeliveryStatus::Sent,
        "DELIVERY_ACK" | "DELIVERY_AT" | "delivered" => DeliveryStatus::Delivered,
        "READ" | "PLAYED" | "read" | "played" => DeliveryStatus::Read,
        "ERROR" | "server_error" => DeliveryStatus::Failed,
        // Evolution's `DELETED` is what it writes for an update without a status (edits,
        // poll votes), never for a deletion (that is `messages.delete`), so it is not read.
        "REVOKE" => DeliveryStatus::Deleted,
        _ => return None,
    })
}

fn messages_delete(
    deleted: &MessagesDelete,
    account: Option<&String>,
    out: &mut Vec<NormalizedEvent>,
) {
    let mut push = |id: Option<&str>, chat: Option<Identity<'_>>| {
        if let Some(id) = id {
            let mut change = StatusChange::new(id, DeliveryStatus::Deleted, "messages.delete");
            change.conversation = chat.map(|chat| conversation(&chat, account.cloned()));
            out.push(NormalizedEvent::MessageStatus(Box::new(change)));
        }
    };
    match deleted {
        MessagesDelete::Messages(messages) => {
            for message in messages {
                push(
                    message.message_id.as_deref(),
                    message.wuid.get().map(|wuid| alone(JidField::Wuid, wuid)),
                );
            }
        }
        MessagesDelete::Key(key) => push(key.id.as_deref(), key.chat()),
        MessagesDelete::Message(message) => {
            let key = message.key.get();
            push(
                key.and_then(|key| key.id.as_deref()),
                key.and_then(MessageKey::chat),
            );
        }
        // CodeChat Go's `messages.delete` is a removal from this device ("delete for me"),
        // not a deletion for everyone; a cleared chat names no message.
        _ => {}
    }
}

fn presence_update(presence: &Presence, account: Option<&String>, out: &mut Vec<NormalizedEvent>) {
    let field = if presence.id.is_value() {
        JidField::Id
    } else {
        JidField::Jid
    };
    let Some(chat) = presence.chat_jid().map(|chat| alone(field, chat)) else {
        return;
    };
    for (jid, entry) in &presence.presences {
        let Some(state) = entry.last_known_presence.get() else {
            continue;
        };
        let participant = participant(&alone(JidField::Jid, jid));
        let typing = match state {
            PresenceState::Composing => TypingState::Typing,
            PresenceState::Recording => TypingState::Recording,
            PresenceState::Paused => TypingState::Stopped,
            PresenceState::Available | PresenceState::Unavailable => {
                let status = if *state == PresenceState::Available {
                    PresenceStatus::Online
                } else {
                    PresenceStatus::Offline
                };
                out.push(NormalizedEvent::Presence(Box::new(PresenceChange::new(
                    participant,
                    status,
                    state.as_str(),
                ))));
                continue;
            }
            _ => continue,
        };
        out.push(NormalizedEvent::Typing(Box::new(Typing::new(
            conversation(&chat, account.cloned()),
            Some(participant),
            typing,
        ))));
    }
}

/// Evolution's `messages.edited`: the edit's (or revoke's) `protocolMessage` as WhatsApp
/// carries it, its key written from the **author's** side (Baileys flips it; Evolution does
/// not). So it tells the chat only for this line's own edits in a one-to-one chat (`remoteJid`
/// is the contact); a contact's edit names this line (`remoteJid` is `own`, the envelope's
/// `sender`), a group edit names the group with every author's `fromMe: true`, and neither
/// says whose message or which chat: they give nothing.
fn messages_edited(
    protocol: &ProtocolMessage,
    own: Option<&Jid>,
    account: Option<String>,
    out: &mut Vec<NormalizedEvent>,
) {
    let Some(key) = protocol.key.get() else {
        return;
    };
    let (Some(id), Some(chat), Some(own)) = (key.id.as_deref(), key.chat(), own) else {
        return;
    };
    if chat.jid.without_device() == own.without_device()
        || chat.jid.is_group()
        || key.from_me.get() != Some(&true)
    {
        return;
    }
    let envelope = Envelope {
        account,
        parts: Parts {
            chat,
            from_me: true,
            id: Cow::Borrowed(id),
            media_url: None,
            participant: None,
            push_name: None,
            timestamp: long_seconds(&protocol.timestamp_ms),
        },
    };
    let kind = protocol.kind.get().and_then(ProtoEnum::resolve);
    protocol_change(
        &envelope,
        kind.as_ref(),
        Some(key),
        protocol.edited_message.get().map(|message| &**message),
        out,
    );
}

/// CodeChat Go's `presence.updated`: typing in a chat, or online/offline.
fn presence_updated(
    presence: &PresenceUpdated,
    account: Option<String>,
    out: &mut Vec<NormalizedEvent>,
) {
    match presence {
        PresenceUpdated::Chat(chat) => {
            let state = match chat.state.get().map(ChatPresenceState::as_str) {
                Some("composing") if chat.media.as_deref() == Some("audio") => {
                    TypingState::Recording
                }
                Some("composing") => TypingState::Typing,
                Some("paused") => TypingState::Stopped,
                _ => return,
            };
            let participant = chat
                .sender_jid
                .get()
                .map(|jid| participant(&alone(JidField::SenderJid, jid)));
            out.push(NormalizedEvent::Typing(Box::new(Typing::new(
                conversation(&alone(JidField::ChatJid, &chat.chat_jid), account),
                participant,
                state,
            ))));
        }
        PresenceUpdated::User(user) => {
            let Some(jid) = user.jid.get() else {
                return;
            };
            let (status, provider_status) = if user.unavailable.get() == Some(&true) {
                (PresenceStatus::Offline, "unavailable")
            } else {
                (PresenceStatus::Online, "available")
            };
            out.push(NormalizedEvent::Presence(Box::new(PresenceChange::new(
                participant(&alone(JidField::Jid, jid)),
                status,
                provider_status,
            ))));
        }
        _ => {}
    }
}

fn contact_participant(contact: &ContactItem) -> Option<Participant> {
    let identity = match contact {
        ContactItem::Cloud(cloud) => alone(JidField::Wuid, cloud.wuid.get()?),
        ContactItem::Go(go) => {
            Identity::gather(JidField::RemoteJid, &go.remote_jid, [go.lid.get()])
        }
        ContactItem::Legacy(legacy) => alone(JidField::Id, legacy.id.get()?),
        ContactItem::Row(row) => alone(JidField::RemoteJid, &row.remote_jid),
        _ => return None,
    };
    let avatar = match contact {
        ContactItem::Cloud(cloud) => cloud.profile_picture_url.as_deref(),
        ContactItem::Go(go) => go.profile_pic_url.as_deref(),
        ContactItem::Row(row) => row.profile_pic_url.as_deref(),
        ContactItem::Legacy(legacy) => legacy.profile_picture_url.as_deref(),
        _ => None,
    };
    let phone = match contact {
        ContactItem::Cloud(cloud) => cloud.phone_number.as_deref(),
        _ => None,
    };
    let mut participant = participant(&identity);
    if participant.phone.is_none() {
        participant.phone = non_blank(phone);
    }
    Some(
        participant
            .name(non_blank(contact.name()))
            .avatar_url(non_blank(avatar)),
    )
}

/// The normalized conversation of a chat: its stable id, phone number and LID.
fn conversation(chat: &Identity<'_>, account: Option<String>) -> Conversation {
    Conversation::new(chat.id())
        .account(account)
        .channel(Some("whatsapp".to_owned()))
        .phone(chat.phone().map(str::to_owned))
        .lid(chat.lid.map(|lid| lid.as_str().to_owned()))
}

/// An identity named by one address alone.
fn alone(field: JidField, jid: &Jid) -> Identity<'_> {
    Identity::gather(field, jid, [])
}

/// Unix seconds of a WhatsApp time: seconds, or milliseconds where a server passed those
/// on (`dateTime` of cloud updates, Baileys 6's receipts). A value past 10^11 cannot be
/// seconds (that is the year 5138), so it is read as milliseconds.
fn long_seconds(time: &Maybe<Long>) -> Option<i64> {
    const MILLISECONDS_FROM: i64 = 100_000_000_000;
    let value = time
        .get()
        .and_then(Long::as_i64)
        .filter(|value| *value > 0)?;
    Some(if value >= MILLISECONDS_FROM {
        value / 1000
    } else {
        value
    })
}

fn non_empty(text: Option<&str>) -> Option<&str> {
    text.filter(|text| !text.is_empty())
}
