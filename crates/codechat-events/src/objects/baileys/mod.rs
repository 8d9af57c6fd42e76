//! WhatsApp messages as Baileys hands them over: Evolution's (and open source ≤ v1.2's)
//! [`BaileysMessage`], its [`MessageKey`], and the content, WAProto's [`Message`] with every
//! kind it holds.
//!
//! # Source
//!
//! The types are written by hand from Baileys' `WAProto/WAProto.proto` (WhatsApp version
//! 2.3000.1029496320), as of Baileys commit `78e7e4e2cfcb1935629173427bc3292b95f61a95`
//! (2026-05-21, v7.0.0-rc13; the file last changed in `a8b8eceb72a3`). No copy of the file is
//! kept here. Each type's doc names its proto message (`WAProto: Message.ImageMessage`); each
//! field's doc starts with its proto name and number (`` `fileLength` = 5 ``). Message
//! kinds are sorted by field name, not by number.
//!
//! # How protobufjs writes them
//!
//! - JSON keys are the proto names (protobufjs keeps them camelCase as written).
//! - Every field is optional ([`Maybe`]: absent, `null` or a
//!   value); repeated fields are lists.
//! - 64-bit integers are [`Long`] (a number, a decimal string, or
//!   `{low, high, unsigned}`); 32-bit ones are plain numbers (`u32`, `i32`); `float` and
//!   `double` are kept as the JSON number sent ([`serde_json::Number`]).
//! - `bytes` are [`Bytes`] (base64, a Node Buffer, or an index-keyed object
//!   `{"0": 78, …}`, which Evolution 2.3 sends).
//! - Enums are [`ProtoEnum`] of an open enum of the proto's values: the
//!   number or the name, whichever was sent, unknown ones kept.
//!
//! # What is typed, and what is kept as sent
//!
//! Every field of the message kinds below is typed, with the messages they hold:
//! text (`conversation`, [`ExtendedTextMessage`]), media ([`ImageMessage`],
//! [`VideoMessage`], [`AudioMessage`], [`DocumentMessage`], [`StickerMessage`]),
//! [`LocationMessage`], [`LiveLocationMessage`], [`ContactMessage`],
//! [`ContactsArrayMessage`], [`ReactionMessage`], polls ([`PollCreationMessage`],
//! [`PollUpdateMessage`], [`PollResultSnapshotMessage`]), [`ProtocolMessage`] (revoke, edit,
//! disappearing timer, history sync), the wrappers ([`FutureProofMessage`]: ephemeral,
//! view once, edited, document with caption…), [`SenderKeyDistributionMessage`],
//! [`MessageContextInfo`], [`ContextInfo`], and the smaller kinds (group and channel invites,
//! events, pins, keeps, replies to buttons, lists and templates, payments, calls, comments).
//!
//! Business kinds whose proto is a tree of its own (`buttonsMessage`, `listMessage`,
//! `templateMessage`, `interactiveMessage`, `productMessage`, `orderMessage`,
//! `invoiceMessage`, `highlyStructuredMessage`, sticker packs, status interactions, AI
//! responses), and a few deep fields (AI bot metadata, peer data operations, payment
//! backgrounds, payment link metadata), are [`RawJson`](chat_events_core::RawJson): kept
//! as sent, each field's doc names its proto type. Keys of a message that no field names
//! land in [`Message::other`], so nothing is lost; inside the other types an unknown key
//! shows up as drift.
//!
//! ```
//! use codechat_events::{Long, ProtoEnum, objects::baileys::{Message, ProtocolMessageType}};
//!
//! let edit: Message = serde_json::from_str(r#"{"editedMessage": {"message": {"protocolMessage": {
//!     "key": {"remoteJid": "5531911112222@s.whatsapp.net", "fromMe": true, "id": "3EB0C2"},
//!     "type": 14, "editedMessage": {"conversation": "nota fiscal 2291"},
//!     "timestampMs": {"low": 804731723, "high": 400, "unsigned": false}}}},
//!     "futureKind": {}}"#)?;
//! assert_eq!(edit.content_type(), Some("editedMessage"));
//! let protocol = edit.edited_message.get().and_then(|w| w.message.get())
//!     .and_then(|m| m.protocol_message.get()).unwrap();
//! assert_eq!(
//!     protocol.kind.get().and_then(ProtoEnum::resolve),
//!     Some(ProtocolMessageType::MessageEdit)
//! );
//! assert_eq!(protocol.timestamp_ms.get().and_then(Long::as_i64), Some(1_718_791_650_123));
//! assert!(edit.other.contains_key("futureKind"));
//! # Ok::<(), serde_json::Error>(())
//! ```

mod enums;
mod message;

use chat_events_core::{Id, Maybe, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use enums::{
    AdMediaType, AdvEncryptionType, AiCreatedSource, AssociationType, BcallMediaType,
    ButtonsResponseType, CallLogType, CallOutcome, DisappearingModeInitiator,
    DisappearingModeTrigger, ExternalAdType, ExternalShareSource, FontType, ForwardOrigin,
    GroupInviteType, HistorySyncType, ImageSourceType, InteractiveResponseFormat,
    InviteLinkGroupType, KeepType, LimitSharingTrigger, ListType, LocalChatState, MediaKeyDomain,
    MessageAddonExpiryType, NewsletterContentType, PairedMediaType, PaymentServiceType,
    PinInChatType, PlaceholderType, PollContentType, PollType, PreviewType, ProtocolMessageType,
    QuotedType, RlAttributionSource, ScheduledCallEditType, ScheduledCallType, SocialMediaPostType,
    StatusAttributionKind, StatusAttributionType, StatusAudienceType, StatusLinkType,
    StatusReshareSource, StatusSourceType, ThreadType, VideoAttribution, VideoQuality,
    VideoSourceType, WebLinkRenderConfig,
};
pub use message::Message;
pub use message::context::{
    ActionLink, AdReplyInfo, AiCreatedAttribution, BusinessMessageForwardInfo, ContextInfo,
    DataSharingContext, DataSharingParameters, DeviceListMetadata, DisappearingMode,
    ExternalAdReplyInfo, ExternalShareAttribution, FeatureEligibilities, ForwardedAiBotMessageInfo,
    ForwardedNewsletterMessageInfo, GroupMention, GroupStatusAttribution, LimitSharing,
    MemberLabel, MessageAssociation, MessageContextInfo, MusicAttribution,
    QuestionReplyQuotedMessage, RlAttribution, StatusAttribution, StatusAudienceMetadata,
    StatusReshareAttribution, StatusReshareMetadata, ThreadId, UrlTrackingMap,
    UrlTrackingMapElement, UtmInfo,
};
pub use message::kinds::{
    AlbumMessage, AppStateFatalExceptionNotification, AppStateSyncKey, AppStateSyncKeyData,
    AppStateSyncKeyFingerprint, AppStateSyncKeyId, AppStateSyncKeyRequest, AppStateSyncKeyShare,
    BcallMessage, ButtonsResponseMessage, CallLogMessage, CallMessage, CallParticipant,
    CancelPaymentRequestMessage, ChatMessage, CommentMessage, ContactMessage, ContactsArrayMessage,
    DeclinePaymentRequestMessage, DeviceSentMessage, EncCommentMessage, EncEventResponseMessage,
    EncReactionMessage, EventMessage, FullHistorySyncOnDemandRequestMetadata, FutureProofMessage,
    GroupInviteMessage, HistorySyncMessageAccessStatus, HistorySyncNotification,
    InitialSecurityNotificationSettingSync, InteractiveResponseBody, InteractiveResponseMessage,
    KeepInChatMessage, ListResponseMessage, LiveLocationMessage, LocationMessage,
    MessageHistoryBundle, MessageHistoryMetadata, MessageHistoryNotice, Money,
    NativeFlowResponseMessage, NewsletterAdminInviteMessage, NewsletterFollowerInviteMessage,
    PaymentInviteMessage, PinInChatMessage, PlaceholderMessage, PollCreationMessage, PollEncValue,
    PollOption, PollResultSnapshotMessage, PollUpdateMessage, PollUpdateMessageMetadata, PollVote,
    ProtocolMessage, QuestionResponseMessage, ReactionMessage, RequestPaymentMessage,
    RequestPhoneNumberMessage, RequestWelcomeMessageMetadata, ScheduledCallCreationMessage,
    ScheduledCallEditMessage, SendPaymentMessage, SenderKeyDistributionMessage, SingleSelectReply,
    TemplateButtonReplyMessage,
};
pub use message::media::{
    AnnotationLocation, AnnotationPoint, AudioMessage, DocumentMessage, EmbeddedContent,
    EmbeddedMessage, EmbeddedMusic, ImageMessage, InteractiveAnnotation, MmsThumbnailMetadata,
    ProcessedVideo, StickerMessage, TapLinkAction, VideoMessage,
};
pub use message::text::{
    ExtendedTextMessage, LinkPreviewMetadata, PaymentExtendedMetadata, UrlMetadata, VideoEndCard,
};

use crate::Jid;
use crate::{
    objects::{Device, MessageStatus, MessageType},
    proto::{Bytes, Long, ProtoEnum},
};

/// A message as Evolution API (and the open-source CodeChat ≤ v1.2) sends it: Baileys'
/// `WebMessageInfo` cut down to what the server picked, with a few keys of its own.
///
/// Evolution builds it in `prepareMessage`: `{key, pushName, status, message, contextInfo,
/// messageType, messageTimestamp, instanceId, source}`, plus the Chatwoot ids when it
/// mirrors the message there. Version 1 sends `owner` instead of `instanceId` and no
/// `status`. `broadcast`, `category`, `participant` and `verifiedBizName` are Baileys'
/// own `WAMessage` fields, for servers that pass the message through whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BaileysMessage {
    /// `broadcast` = 18: sent to a broadcast list or as a status.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub broadcast: Maybe<bool>,
    /// Baileys: the stanza's category (`peer` for messages between one's own devices).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub category: Maybe<String>,
    /// Evolution: the Chatwoot conversation it was mirrored to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chatwoot_conversation_id: Maybe<Id>,
    /// Evolution: the Chatwoot inbox it was mirrored to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chatwoot_inbox_id: Maybe<Id>,
    /// Evolution: the Chatwoot message it was mirrored to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chatwoot_message_id: Maybe<Id>,
    /// Evolution: the content's `contextInfo`, copied to the top (`null` when the content
    /// has none: media in v1; on the Cloud API channel, `{stanzaId}` of a quote).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// Evolution v2: the instance's id (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// `key` = 1: which message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `message` = 2: the content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `messageTimestamp` = 3: seconds since the epoch. Quirk: a string when Baileys' object
    /// was serialized as is.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_timestamp: Maybe<Long>,
    /// Evolution: the content's key in `message` (`conversation` also for extended text,
    /// which Evolution v2 rewrites to `conversation`; `unknown` or `""` when there is none).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Open source ≤ v1.2 and Evolution v1: the instance (its owner's JID, or its name).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
    /// `participant` = 5: the sender in a group or broadcast (Baileys usually puts it in the
    /// key).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Jid>,
    /// `pushName` = 19: the sender's display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// Evolution: the sender's device, told from the message id (`unknown` on the Cloud API
    /// channel).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<Device>,
    /// `status` = 4: delivery status, as a name or a number (Evolution v2: `DELIVERY_ACK`
    /// for received messages, `SERVER_ACK` for sent ones).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<ProtoEnum<MessageStatus>>,
    /// `verifiedBizName` = 37: the verified name of a business sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub verified_biz_name: Maybe<String>,
}

/// A message's key: WAProto's `MessageKey` (`remoteJid`, `fromMe`, `id`, `participant`) with
/// the fields Baileys adds to it.
///
/// Baileys 6.7.18–6.7.x added `senderLid`/`senderPn` and `participantLid`/`participantPn`;
/// Baileys 7 replaced them with `remoteJidAlt`/`participantAlt` and `addressingMode`
/// (`src/Types/Message.ts`, `WAMessageKey`). The same type is used wherever WAProto has a
/// `MessageKey` (reactions, revokes, quotes…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageKey {
    /// Baileys 7: whether `remoteJid`/`participant` are phone-number JIDs (`pn`) or LIDs
    /// (`lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<AddressingMode>,
    /// `fromMe` = 2: this line sent it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_me: Maybe<bool>,
    /// `id` = 3: the message id (Evolution's Cloud API channel: Meta's `wamid.…`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Baileys: the message was a view-once message this device cannot open.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_view_once: Maybe<bool>,
    /// `participant` = 4: the sender in a group (may be `@lid`). Quirk: `""` in a one-to-one
    /// chat with Evolution 2.3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Jid>,
    /// Baileys 7: the sender's other address (the phone-number JID when `participant` is a
    /// LID, and the other way round).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_alt: Maybe<Jid>,
    /// Baileys 6.7.18+: the sender's LID in a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_lid: Maybe<Jid>,
    /// Baileys 6.7.18+: the sender's phone-number JID in a group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_pn: Maybe<Jid>,
    /// Baileys 7: the sender's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant_username: Maybe<String>,
    /// Evolution 2.3: the chat's LID, when Evolution replaced a LID `remoteJid` with the
    /// phone-number JID (`senderPn`) before sending.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub previous_remote_jid: Maybe<Jid>,
    /// `remoteJid` = 1: the chat (may be `@lid`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<Jid>,
    /// Baileys 7: the chat's other address (the phone-number JID when `remoteJid` is a LID,
    /// and the other way round).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_alt: Maybe<Jid>,
    /// Baileys 7: the chat's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid_username: Maybe<String>,
    /// Baileys 6.7.18+: the chat's LID when `remoteJid` is a phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_lid: Maybe<Jid>,
    /// Baileys 6.7.18+: the chat's phone-number JID when `remoteJid` is a LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_pn: Maybe<Jid>,
    /// Baileys: the server's id of a channel message (snake case on the wire).
    #[serde(
        default,
        rename = "server_id",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub server_id: Maybe<String>,
}

open_enum! {
    /// How a key addresses its chat and sender (Baileys 7's `WAMessageAddressingMode`).
    pub enum AddressingMode {
        /// LIDs (`…@lid`).
        Lid = "lid",
        /// Phone-number JIDs (`…@s.whatsapp.net`).
        Pn = "pn",
    }
}

/// The fields of WhatsApp's message objects that the open-source v1.3 row and the cloud
/// docs carry in `content` / `body.message`, where the kind is told by `messageType`
/// instead of by a key: one struct with the fields of text, media, reactions, protocol
/// messages, locations, contacts and payment requests. Each kind sets a few of them; keys
/// not listed here stay in the raw JSON and show up as drift. (Where the kind is a key,
/// in Baileys' shape, the content is a [`Message`], typed kind by kind.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageContent {
    /// Payment request: amount × 1000.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount1000: Maybe<Long>,
    /// Media caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// Quotes, mentions, forwarding.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// Payment request: currency.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code_iso4217: Maybe<String>,
    /// Location: latitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_latitude: Maybe<serde_json::Number>,
    /// Location: longitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_longitude: Maybe<serde_json::Number>,
    /// Media path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// Contact: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// Edit: the new content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited_message: Maybe<Box<Message>>,
    /// Payment request: expiry (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// SHA-256 of the encrypted media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// Media size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// Document name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_name: Maybe<String>,
    /// SHA-256 of the media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// Image or video height.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<serde_json::Number>,
    /// Thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// Reaction and protocol messages: the message they refer to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// The key that decrypts the media (a credential for the media; redacted in `Debug`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// When the media key was issued.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// The media on the instance's S3/MinIO storage, when enabled.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// Wrappers (`messageType` `ephemeralMessage`, `viewOnceMessage*`,
    /// `documentWithCaptionMessage`, `editedMessage`): the wrapped message, its kind a key
    /// (CodeChat v1.3 names the type after the outermost key).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// Location or contact name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Payment messages: the note.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<Box<Message>>,
    /// Voice note (push-to-talk) flag.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ptt: Maybe<bool>,
    /// Payment request: from whom.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_from: Maybe<Jid>,
    /// Audio or video length in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub seconds: Maybe<serde_json::Number>,
    /// Reaction: when it was sent (ms).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// Text (`conversation` wrapped as `{text}`, extended text, reactions' emoji).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
    /// Protocol message: what it does (`REVOKE`, `MESSAGE_EDIT`…), as a name or a number.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<ProtocolMessageType>>,
    /// Media URL on WhatsApp's CDN (encrypted; decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// Contact: the vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vcard: Maybe<String>,
    /// Voice note waveform.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub waveform: Maybe<Bytes>,
    /// Image or video width.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<serde_json::Number>,
}
