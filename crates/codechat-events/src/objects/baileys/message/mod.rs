//! [`Message`]: WAProto's `Message`, the content of a WhatsApp message, one field per kind.
//!
//! Unlike the other WAProto types it keeps the keys it does not know (in [`Message::other`]),
//! so a message kind newer than this model, or a key an API adds beside the content, stays
//! reachable without loss. It is deserialized in one pass by a visitor written by the macro
//! below (no `flatten`, which would buffer the whole map).
//!
//! The kinds it holds, and the context they carry, are its child modules: they hold a
//! [`Message`] in turn (a quoted message, a wrapped one), so they sit below it.

pub(super) mod context;
pub(super) mod kinds;
pub(super) mod media;
pub(super) mod text;

use std::{borrow::Cow, collections::BTreeMap, fmt};

use chat_events_core::{Maybe, RawJson};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{MapAccess, Visitor},
    ser::SerializeMap,
};

use crate::objects::baileys::{
    AlbumMessage, AudioMessage, BcallMessage, ButtonsResponseMessage, CallLogMessage, CallMessage,
    CancelPaymentRequestMessage, ChatMessage, CommentMessage, ContactMessage, ContactsArrayMessage,
    ContextInfo, DeclinePaymentRequestMessage, DeviceSentMessage, DocumentMessage,
    EncCommentMessage, EncEventResponseMessage, EncReactionMessage, EventMessage,
    ExtendedTextMessage, FutureProofMessage, GroupInviteMessage, ImageMessage,
    InteractiveResponseMessage, KeepInChatMessage, ListResponseMessage, LiveLocationMessage,
    LocationMessage, MessageContextInfo, MessageHistoryBundle, MessageHistoryNotice,
    NewsletterAdminInviteMessage, NewsletterFollowerInviteMessage, PaymentInviteMessage,
    PinInChatMessage, PlaceholderMessage, PollCreationMessage, PollResultSnapshotMessage,
    PollUpdateMessage, ProtocolMessage, QuestionResponseMessage, ReactionMessage,
    RequestPaymentMessage, RequestPhoneNumberMessage, ScheduledCallCreationMessage,
    ScheduledCallEditMessage, SendPaymentMessage, SenderKeyDistributionMessage, StickerMessage,
    TemplateButtonReplyMessage, VideoMessage,
};

/// Declares a struct of `Maybe` fields, each with its JSON key, plus an `other` map for the
/// keys none of them names, and writes its `Deserialize` (one pass over the map),
/// `Serialize` (known fields in declaration order, then `other`), `Debug` (present fields
/// only) and `JsonSchema` (an object with these properties, other keys allowed).
macro_rules! open_message {
    (
        $(#[doc = $doc:tt])*
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:tt])*
                $field:ident: $ty:ty = $key:tt,
            )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[doc = $field_doc])*
                pub $field: Maybe<$ty>,
            )+
            /// The keys no field above names, with their values as sent: message kinds
            /// newer than this model, and keys an API put beside the content.
            pub other: BTreeMap<String, RawJson>,
        }

        impl $name {
            /// The JSON keys of the typed fields, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$($key),+];

            /// The JSON keys of the typed fields that are present (`null` included), in
            /// declaration order.
            pub fn present_keys(&self) -> Vec<&'static str> {
                let mut keys = Vec::new();
                $(
                    if !self.$field.is_absent() {
                        keys.push($key);
                    }
                )+
                keys
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut debug = f.debug_struct(stringify!($name));
                $(
                    if !self.$field.is_absent() {
                        debug.field(stringify!($field), &self.$field);
                    }
                )+
                if !self.other.is_empty() {
                    debug.field("other", &self.other);
                }
                debug.finish()
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(
                    if !self.$field.is_absent() {
                        map.serialize_entry($key, &self.$field)?;
                    }
                )+
                for (key, value) in &self.other {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FieldsVisitor;

                impl<'de> Visitor<'de> for FieldsVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a WhatsApp message object")
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        let mut value = $name::default();
                        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                            match &*key {
                                $($key => value.$field = map.next_value()?,)+
                                _ => {
                                    let raw: RawJson = map.next_value()?;
                                    value.other.insert(key.into_owned(), raw);
                                }
                            }
                        }
                        Ok(value)
                    }
                }

                deserializer.deserialize_map(FieldsVisitor)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(generator: &mut SchemaGenerator) -> Schema {
                let mut properties = serde_json::Map::new();
                $(
                    let mut schema = generator.subschema_for::<Maybe<$ty>>();
                    let doc = [$($field_doc),*].map(str::trim).join("\n");
                    if !doc.is_empty() {
                        schema.insert("description".to_owned(), doc.into());
                    }
                    properties.insert($key.to_owned(), schema.to_value());
                )+
                let doc = [$($doc),*].map(str::trim).join("\n");
                json_schema!({
                    "description": doc,
                    "type": "object",
                    "properties": properties,
                    "additionalProperties": true,
                })
            }
        }
    };
}

open_message! {
    /// The content of a WhatsApp message (WAProto `Message`): one field per kind, usually
    /// one of them set (`conversation`, `imageMessage`…), often with `messageContextInfo`
    /// and sometimes `senderKeyDistributionMessage` beside it.
    ///
    /// Wrappers (`ephemeralMessage`, `viewOnceMessage*`, `documentWithCaptionMessage`,
    /// `editedMessage`…) hold a whole `Message` again. Kinds this model does not type field by
    /// field are kept as sent ([`RawJson`]); keys it does not know at all are kept in
    /// [`other`](Self::other). Evolution API adds four keys of its own (`base64`,
    /// `mediaUrl`, `speechToText`, and `contextInfo` on its Cloud API channel), typed at the
    /// end of the list.
    pub struct Message {
        /// `albumMessage` = 83: announces an album; its media follow as messages of their own.
        album_message: Box<AlbumMessage> = "albumMessage",
        /// `associatedChildMessage` = 91: a message that belongs to another (see
        /// `messageContextInfo.messageAssociation`).
        associated_child_message: Box<FutureProofMessage> = "associatedChildMessage",
        /// `audioMessage` = 8: an audio file or a voice note.
        audio_message: Box<AudioMessage> = "audioMessage",
        /// `bcallMessage` = 72: a broadcast call.
        bcall_message: Box<BcallMessage> = "bcallMessage",
        /// `botForwardedMessage` = 104: a message forwarded by an AI bot.
        bot_forwarded_message: Box<FutureProofMessage> = "botForwardedMessage",
        /// `botInvokeMessage` = 67: a message that invokes an AI bot.
        bot_invoke_message: Box<FutureProofMessage> = "botInvokeMessage",
        /// `botTaskMessage` = 100: an AI bot task.
        bot_task_message: Box<FutureProofMessage> = "botTaskMessage",
        /// `buttonsMessage` = 42: a message with buttons (`ButtonsMessage`, kept as sent).
        buttons_message: RawJson = "buttonsMessage",
        /// `buttonsResponseMessage` = 43: the button chosen in a buttons message.
        buttons_response_message: Box<ButtonsResponseMessage> = "buttonsResponseMessage",
        /// `call` = 10: a call offer.
        call: Box<CallMessage> = "call",
        /// `callLogMesssage` = 69: a call in the chat history (sic: three `s` in WAProto).
        call_log_messsage: Box<CallLogMessage> = "callLogMesssage",
        /// `cancelPaymentRequestMessage` = 24: cancels a payment request.
        cancel_payment_request_message: Box<CancelPaymentRequestMessage> = "cancelPaymentRequestMessage",
        /// `chat` = 11: a chat.
        chat: Box<ChatMessage> = "chat",
        /// `commentMessage` = 77: a comment on a message.
        comment_message: Box<CommentMessage> = "commentMessage",
        /// `contactMessage` = 4: a contact card.
        contact_message: Box<ContactMessage> = "contactMessage",
        /// `contactsArrayMessage` = 13: several contact cards.
        contacts_array_message: Box<ContactsArrayMessage> = "contactsArrayMessage",
        /// `conversation` = 1: plain text (a text with a preview, quote or mention is an
        /// `extendedTextMessage`).
        conversation: String = "conversation",
        /// `declinePaymentRequestMessage` = 23: declines a payment request.
        decline_payment_request_message: Box<DeclinePaymentRequestMessage> = "declinePaymentRequestMessage",
        /// `deviceSentMessage` = 31: a message sent from another of one's own devices.
        device_sent_message: Box<DeviceSentMessage> = "deviceSentMessage",
        /// `documentMessage` = 7: a document.
        document_message: Box<DocumentMessage> = "documentMessage",
        /// `documentWithCaptionMessage` = 53: a document with a caption (wraps a message holding
        /// `documentMessage`).
        document_with_caption_message: Box<FutureProofMessage> = "documentWithCaptionMessage",
        /// `editedMessage` = 58: an edit (wraps a message holding the `protocolMessage` of type
        /// `MESSAGE_EDIT`).
        edited_message: Box<FutureProofMessage> = "editedMessage",
        /// `encCommentMessage` = 71: an encrypted comment.
        enc_comment_message: Box<EncCommentMessage> = "encCommentMessage",
        /// `encEventResponseMessage` = 76: an encrypted answer to an event.
        enc_event_response_message: Box<EncEventResponseMessage> = "encEventResponseMessage",
        /// `encReactionMessage` = 56: an encrypted reaction (channels, communities).
        enc_reaction_message: Box<EncReactionMessage> = "encReactionMessage",
        /// `ephemeralMessage` = 40: a disappearing message (wraps the content).
        ephemeral_message: Box<FutureProofMessage> = "ephemeralMessage",
        /// `eventCoverImage` = 85: an event's cover image.
        event_cover_image: Box<FutureProofMessage> = "eventCoverImage",
        /// `eventMessage` = 75: an event.
        event_message: Box<EventMessage> = "eventMessage",
        /// `extendedTextMessage` = 6: text with a link preview, formatting, a quote or mentions.
        extended_text_message: Box<ExtendedTextMessage> = "extendedTextMessage",
        /// `fastRatchetKeySenderKeyDistributionMessage` = 15: a group's fast ratchet sender key.
        fast_ratchet_key_sender_key_distribution_message: Box<SenderKeyDistributionMessage> = "fastRatchetKeySenderKeyDistributionMessage",
        /// `groupInviteMessage` = 28: an invitation to a group.
        group_invite_message: Box<GroupInviteMessage> = "groupInviteMessage",
        /// `groupMentionedMessage` = 62: a message mentioning a group.
        group_mentioned_message: Box<FutureProofMessage> = "groupMentionedMessage",
        /// `groupStatusMentionMessage` = 92: a status mentioning a group.
        group_status_mention_message: Box<FutureProofMessage> = "groupStatusMentionMessage",
        /// `groupStatusMessage` = 96: a group status.
        group_status_message: Box<FutureProofMessage> = "groupStatusMessage",
        /// `groupStatusMessageV2` = 103: a group status (v2).
        group_status_message_v2: Box<FutureProofMessage> = "groupStatusMessageV2",
        /// `highlyStructuredMessage` = 14: a template (`HighlyStructuredMessage`, kept as sent).
        highly_structured_message: RawJson = "highlyStructuredMessage",
        /// `imageMessage` = 3: an image.
        image_message: Box<ImageMessage> = "imageMessage",
        /// `interactiveMessage` = 45: an interactive message (`InteractiveMessage`, kept as sent).
        interactive_message: RawJson = "interactiveMessage",
        /// `interactiveResponseMessage` = 48: the reply to an interactive message.
        interactive_response_message: Box<InteractiveResponseMessage> = "interactiveResponseMessage",
        /// `invoiceMessage` = 41: an invoice (`InvoiceMessage`, kept as sent).
        invoice_message: RawJson = "invoiceMessage",
        /// `keepInChatMessage` = 51: keeps a disappearing message.
        keep_in_chat_message: Box<KeepInChatMessage> = "keepInChatMessage",
        /// `limitSharingMessage` = 99: a limited-sharing notice.
        limit_sharing_message: Box<FutureProofMessage> = "limitSharingMessage",
        /// `listMessage` = 36: a list (`ListMessage`, kept as sent).
        list_message: RawJson = "listMessage",
        /// `listResponseMessage` = 39: the row chosen in a list.
        list_response_message: Box<ListResponseMessage> = "listResponseMessage",
        /// `liveLocationMessage` = 18: a live location.
        live_location_message: Box<LiveLocationMessage> = "liveLocationMessage",
        /// `locationMessage` = 5: a location.
        location_message: Box<LocationMessage> = "locationMessage",
        /// `lottieStickerMessage` = 74: a Lottie sticker (wraps a message holding
        /// `stickerMessage`).
        lottie_sticker_message: Box<FutureProofMessage> = "lottieStickerMessage",
        /// `messageContextInfo` = 35: metadata of the whole message: device lists, message secret,
        /// threads.
        message_context_info: Box<MessageContextInfo> = "messageContextInfo",
        /// `messageHistoryBundle` = 70: shared message history.
        message_history_bundle: Box<MessageHistoryBundle> = "messageHistoryBundle",
        /// `messageHistoryNotice` = 102: a notice of shared message history.
        message_history_notice: Box<MessageHistoryNotice> = "messageHistoryNotice",
        /// `newsletterAdminInviteMessage` = 78: an invitation to administer a channel.
        newsletter_admin_invite_message: Box<NewsletterAdminInviteMessage> = "newsletterAdminInviteMessage",
        /// `newsletterFollowerInviteMessageV2` = 113: an invitation to follow a channel.
        newsletter_follower_invite_message_v2: Box<NewsletterFollowerInviteMessage> = "newsletterFollowerInviteMessageV2",
        /// `orderMessage` = 38: an order (`OrderMessage`, kept as sent).
        order_message: RawJson = "orderMessage",
        /// `paymentInviteMessage` = 44: an invitation to use payments.
        payment_invite_message: Box<PaymentInviteMessage> = "paymentInviteMessage",
        /// `pinInChatMessage` = 63: pins or unpins a message.
        pin_in_chat_message: Box<PinInChatMessage> = "pinInChatMessage",
        /// `placeholderMessage` = 80: a placeholder shown on linked devices.
        placeholder_message: Box<PlaceholderMessage> = "placeholderMessage",
        /// `pollCreationMessage` = 49: a poll (one choice, first generation).
        poll_creation_message: Box<PollCreationMessage> = "pollCreationMessage",
        /// `pollCreationMessageV2` = 60: a poll (v2).
        poll_creation_message_v2: Box<PollCreationMessage> = "pollCreationMessageV2",
        /// `pollCreationMessageV3` = 64: a poll (v3, what current clients send).
        poll_creation_message_v3: Box<PollCreationMessage> = "pollCreationMessageV3",
        /// `pollCreationMessageV4` = 93: a poll (v4, a wrapper).
        poll_creation_message_v4: Box<FutureProofMessage> = "pollCreationMessageV4",
        /// `pollCreationMessageV5` = 111: a poll (v5).
        poll_creation_message_v5: Box<PollCreationMessage> = "pollCreationMessageV5",
        /// `pollCreationOptionImageMessage` = 90: an image of a poll option.
        poll_creation_option_image_message: Box<FutureProofMessage> = "pollCreationOptionImageMessage",
        /// `pollResultSnapshotMessage` = 88: a poll's results.
        poll_result_snapshot_message: Box<PollResultSnapshotMessage> = "pollResultSnapshotMessage",
        /// `pollResultSnapshotMessageV3` = 114: a poll's results (v3).
        poll_result_snapshot_message_v3: Box<PollResultSnapshotMessage> = "pollResultSnapshotMessageV3",
        /// `pollUpdateMessage` = 50: a vote in a poll.
        poll_update_message: Box<PollUpdateMessage> = "pollUpdateMessage",
        /// `productMessage` = 30: a product (`ProductMessage`, kept as sent).
        product_message: RawJson = "productMessage",
        /// `protocolMessage` = 12: deletes (`REVOKE`) or edits (`MESSAGE_EDIT`) a message, changes
        /// the disappearing timer….
        protocol_message: Box<ProtocolMessage> = "protocolMessage",
        /// `ptvMessage` = 66: a round video note.
        ptv_message: Box<VideoMessage> = "ptvMessage",
        /// `questionMessage` = 101: a question.
        question_message: Box<FutureProofMessage> = "questionMessage",
        /// `questionReplyMessage` = 106: a reply to a question.
        question_reply_message: Box<FutureProofMessage> = "questionReplyMessage",
        /// `questionResponseMessage` = 107: an answer to a question.
        question_response_message: Box<QuestionResponseMessage> = "questionResponseMessage",
        /// `reactionMessage` = 46: a reaction.
        reaction_message: Box<ReactionMessage> = "reactionMessage",
        /// `requestPaymentMessage` = 22: a payment request.
        request_payment_message: Box<RequestPaymentMessage> = "requestPaymentMessage",
        /// `requestPhoneNumberMessage` = 54: asks for the user's phone number.
        request_phone_number_message: Box<RequestPhoneNumberMessage> = "requestPhoneNumberMessage",
        /// `richResponseMessage` = 97: an AI rich response (`AIRichResponseMessage`, kept as sent).
        rich_response_message: RawJson = "richResponseMessage",
        /// `scheduledCallCreationMessage` = 61: a scheduled call.
        scheduled_call_creation_message: Box<ScheduledCallCreationMessage> = "scheduledCallCreationMessage",
        /// `scheduledCallEditMessage` = 65: changes a scheduled call.
        scheduled_call_edit_message: Box<ScheduledCallEditMessage> = "scheduledCallEditMessage",
        /// `secretEncryptedMessage` = 82: an encrypted message (`SecretEncryptedMessage`, kept as
        /// sent).
        secret_encrypted_message: RawJson = "secretEncryptedMessage",
        /// `senderKeyDistributionMessage` = 2: a group's Signal sender key (sent beside the first
        /// content to a group).
        sender_key_distribution_message: Box<SenderKeyDistributionMessage> = "senderKeyDistributionMessage",
        /// `sendPaymentMessage` = 16: a payment.
        send_payment_message: Box<SendPaymentMessage> = "sendPaymentMessage",
        /// `statusAddYours` = 95: an "add yours" status.
        status_add_yours: Box<FutureProofMessage> = "statusAddYours",
        /// `statusMentionMessage` = 87: a status mentioning the user.
        status_mention_message: Box<FutureProofMessage> = "statusMentionMessage",
        /// `statusNotificationMessage` = 98: a status notification (`StatusNotificationMessage`,
        /// kept as sent).
        status_notification_message: RawJson = "statusNotificationMessage",
        /// `statusQuestionAnswerMessage` = 105: an answer to a status question
        /// (`StatusQuestionAnswerMessage`, kept as sent).
        status_question_answer_message: RawJson = "statusQuestionAnswerMessage",
        /// `statusQuotedMessage` = 109: a quoted status (`StatusQuotedMessage`, kept as sent).
        status_quoted_message: RawJson = "statusQuotedMessage",
        /// `statusStickerInteractionMessage` = 110: a status sticker interaction
        /// (`StatusStickerInteractionMessage`, kept as sent).
        status_sticker_interaction_message: RawJson = "statusStickerInteractionMessage",
        /// `stickerMessage` = 26: a sticker.
        sticker_message: Box<StickerMessage> = "stickerMessage",
        /// `stickerPackMessage` = 86: a sticker pack (`StickerPackMessage`, kept as sent).
        sticker_pack_message: RawJson = "stickerPackMessage",
        /// `stickerSyncRmrMessage` = 47: a sticker sync request (`StickerSyncRMRMessage`, kept as
        /// sent).
        sticker_sync_rmr_message: RawJson = "stickerSyncRmrMessage",
        /// `templateButtonReplyMessage` = 29: the button chosen in a template.
        template_button_reply_message: Box<TemplateButtonReplyMessage> = "templateButtonReplyMessage",
        /// `templateMessage` = 25: a template (`TemplateMessage`, kept as sent).
        template_message: RawJson = "templateMessage",
        /// `videoMessage` = 9: a video or a GIF.
        video_message: Box<VideoMessage> = "videoMessage",
        /// `viewOnceMessage` = 37: view-once media (wraps the content).
        view_once_message: Box<FutureProofMessage> = "viewOnceMessage",
        /// `viewOnceMessageV2` = 55: view-once media (v2, wraps the content).
        view_once_message_v2: Box<FutureProofMessage> = "viewOnceMessageV2",
        /// `viewOnceMessageV2Extension` = 59: view-once voice note (wraps the content).
        view_once_message_v2_extension: Box<FutureProofMessage> = "viewOnceMessageV2Extension",
        /// Evolution API: the media as base64, when the instance's webhook has
        /// `webhookBase64` on (beside the media message, not inside it).
        base64: String = "base64",
        /// Evolution API: the media on the instance's S3/MinIO storage, when enabled.
        media_url: String = "mediaUrl",
        /// Evolution API: the transcription of a voice note (`[audio] …`), when OpenAI
        /// speech-to-text is on.
        speech_to_text: String = "speechToText",
        /// Evolution API's Cloud API channel: the quote of a message received from Meta
        /// (`{stanzaId}`), put beside the content instead of inside it.
        context_info: Box<ContextInfo> = "contextInfo",
    }
}

impl Message {
    /// The key of the content, like Baileys' `getContentType`: the first typed field that is
    /// present (in alphabetical order) other than `messageContextInfo`, the sender keys and
    /// Evolution's additions; else the first key of [`other`](Self::other).
    pub fn content_type(&self) -> Option<&str> {
        self.present_keys()
            .into_iter()
            .find(|key| !NOT_CONTENT.contains(key))
            .or_else(|| self.other.keys().map(String::as_str).next())
    }
}

/// Keys of [`Message`] that travel beside the content.
const NOT_CONTENT: &[&str] = &[
    "messageContextInfo",
    "senderKeyDistributionMessage",
    "fastRatchetKeySenderKeyDistributionMessage",
    "base64",
    "mediaUrl",
    "speechToText",
    "contextInfo",
];
