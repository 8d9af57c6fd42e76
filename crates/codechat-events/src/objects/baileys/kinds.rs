//! The other message kinds: location, contact, reaction, poll, protocol (revoke, edit), wrappers,
//! invitations, replies to buttons and lists, payments, calls.

use chat_events_core::{Maybe, RawJson};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{
        BcallMediaType, ButtonsResponseType, CallLogType, CallOutcome, ContextInfo,
        DisappearingMode, GroupInviteType, HistorySyncType, InteractiveResponseFormat, KeepType,
        LimitSharing, ListType, LocalChatState, MemberLabel, Message, MessageKey,
        PaymentServiceType, PinInChatType, PlaceholderType, PollContentType, PollType,
        ProtocolMessageType, ScheduledCallEditType, ScheduledCallType,
    },
    proto::{Bytes, Long, ProtoEnum},
};

/// A location.
///
/// WAProto: `Message.LocationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocationMessage {
    /// `accuracyInMeters` = 7: accuracy in metres.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accuracy_in_meters: Maybe<u32>,
    /// `address` = 4: address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub address: Maybe<String>,
    /// `comment` = 11: comment.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub comment: Maybe<String>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `degreesClockwiseFromMagneticNorth` = 9: heading in degrees.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_clockwise_from_magnetic_north: Maybe<u32>,
    /// `degreesLatitude` = 1: latitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_latitude: Maybe<serde_json::Number>,
    /// `degreesLongitude` = 2: longitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_longitude: Maybe<serde_json::Number>,
    /// `isLive` = 6: a live location.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_live: Maybe<bool>,
    /// `jpegThumbnail` = 16: map thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `name` = 3: place name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `speedInMps` = 8: speed in m/s.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub speed_in_mps: Maybe<serde_json::Number>,
    /// `url` = 5: place URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
}

/// A live location (one update of it).
///
/// WAProto: `Message.LiveLocationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LiveLocationMessage {
    /// `accuracyInMeters` = 3: accuracy in metres.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accuracy_in_meters: Maybe<u32>,
    /// `caption` = 6: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `degreesClockwiseFromMagneticNorth` = 5: heading in degrees.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_clockwise_from_magnetic_north: Maybe<u32>,
    /// `degreesLatitude` = 1: latitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_latitude: Maybe<serde_json::Number>,
    /// `degreesLongitude` = 2: longitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_longitude: Maybe<serde_json::Number>,
    /// `jpegThumbnail` = 16: map thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `sequenceNumber` = 7: update sequence number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sequence_number: Maybe<Long>,
    /// `speedInMps` = 4: speed in m/s.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub speed_in_mps: Maybe<serde_json::Number>,
    /// `timeOffset` = 8: seconds since the sharing started.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time_offset: Maybe<u32>,
}

/// A contact card.
///
/// WAProto: `Message.ContactMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactMessage {
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `displayName` = 1: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// `vcard` = 16: the contact as a vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vcard: Maybe<String>,
}

/// Several contact cards.
///
/// WAProto: `Message.ContactsArrayMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactsArrayMessage {
    /// `contacts` = 2: the contact cards.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contacts: Maybe<Vec<ContactMessage>>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `displayName` = 1: display name of the set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
}

/// A reaction to a message (an emoji; empty text removes it).
///
/// WAProto: `Message.ReactionMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReactionMessage {
    /// `groupingKey` = 3: grouping key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub grouping_key: Maybe<String>,
    /// `key` = 1: the message reacted to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 4: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `text` = 2: the emoji (empty: reaction removed).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// An encrypted reaction (channels, communities).
///
/// WAProto: `Message.EncReactionMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncReactionMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `targetMessageKey` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}

/// A poll (`pollCreationMessage`, `…V2`, `…V3`, `…V5`).
///
/// WAProto: `Message.PollCreationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollCreationMessage {
    /// `contextInfo` = 5: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `correctAnswer` = 8: quiz: the correct option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub correct_answer: Maybe<PollOption>,
    /// `encKey` = 1: key of the votes (a credential).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_key: Maybe<Bytes>,
    /// `name` = 2: the question.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `options` = 3: the options.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub options: Maybe<Vec<PollOption>>,
    /// `pollContentType` = 6: text or image options.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_content_type: Maybe<ProtoEnum<PollContentType>>,
    /// `pollType` = 7: poll or quiz.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_type: Maybe<ProtoEnum<PollType>>,
    /// `selectableOptionsCount` = 4: how many options a voter may choose (0: any).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selectable_options_count: Maybe<u32>,
}

/// A vote in a poll. The vote is encrypted with the poll's `messageSecret`.
///
/// WAProto: `Message.PollUpdateMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollUpdateMessage {
    /// `metadata` = 3: metadata.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub metadata: Maybe<PollUpdateMessageMetadata>,
    /// `pollCreationMessageKey` = 1: the poll voted in.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_creation_message_key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 4: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `vote` = 2: the vote, encrypted (a `PollVoteMessage` of option hashes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub vote: Maybe<PollEncValue>,
}

/// An encrypted vote.
///
/// WAProto: `Message.PollEncValue`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollEncValue {
    /// `encIv` = 2: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 1: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
}

/// Metadata of a vote (no fields yet).
///
/// WAProto: `Message.PollUpdateMessageMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollUpdateMessageMetadata {}

/// The results of a poll, as shared.
///
/// WAProto: `Message.PollResultSnapshotMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollResultSnapshotMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `name` = 1: the question.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `pollType` = 4: poll or quiz.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_type: Maybe<ProtoEnum<PollType>>,
    /// `pollVotes` = 2: votes per option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub poll_votes: Maybe<Vec<PollVote>>,
}

/// A protocol message: deletes (`REVOKE`) or edits (`MESSAGE_EDIT`) another message, changes the
/// disappearing timer, announces a history sync…
///
/// WAProto: `Message.ProtocolMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ProtocolMessage {
    /// `aiPsiMetadata` = 25: AI metadata.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ai_psi_metadata: Maybe<Bytes>,
    /// `aiQueryFanout` = 26: AI query fan-out (`AIQueryFanout`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ai_query_fanout: Maybe<RawJson>,
    /// `appStateFatalExceptionNotification` = 10: app state sync failure.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub app_state_fatal_exception_notification: Maybe<AppStateFatalExceptionNotification>,
    /// `appStateSyncKeyRequest` = 8: `APP_STATE_SYNC_KEY_REQUEST`: keys asked for.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub app_state_sync_key_request: Maybe<AppStateSyncKeyRequest>,
    /// `appStateSyncKeyShare` = 7: `APP_STATE_SYNC_KEY_SHARE`: keys (credentials).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub app_state_sync_key_share: Maybe<AppStateSyncKeyShare>,
    /// `botFeedbackMessage` = 18: AI bot feedback (`BotFeedbackMessage`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_feedback_message: Maybe<RawJson>,
    /// `cloudApiThreadControlNotification` = 22: Cloud API thread control
    /// (`CloudAPIThreadControlNotification`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cloud_api_thread_control_notification: Maybe<RawJson>,
    /// `disappearingMode` = 11: disappearing mode.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disappearing_mode: Maybe<DisappearingMode>,
    /// `editedMessage` = 14: `MESSAGE_EDIT`: the new content.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edited_message: Maybe<Box<Message>>,
    /// `ephemeralExpiration` = 4: `EPHEMERAL_SETTING`: the new timer in seconds (0: off).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_expiration: Maybe<u32>,
    /// `ephemeralSettingTimestamp` = 5: `EPHEMERAL_SETTING`: when (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_setting_timestamp: Maybe<Long>,
    /// `historySyncNotification` = 6: `HISTORY_SYNC_NOTIFICATION`: where to download the history
    /// chunk.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub history_sync_notification: Maybe<HistorySyncNotification>,
    /// `initialSecurityNotificationSettingSync` = 9: security notification setting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initial_security_notification_setting_sync: Maybe<InitialSecurityNotificationSettingSync>,
    /// `invokerJid` = 19: who invoked the bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invoker_jid: Maybe<String>,
    /// `key` = 1: the message revoked or edited.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `lidMigrationMappingSyncMessage` = 23: LID migration mappings
    /// (`LIDMigrationMappingSyncMessage`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub lid_migration_mapping_sync_message: Maybe<RawJson>,
    /// `limitSharing` = 24: `LIMIT_SHARING`: the new setting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub limit_sharing: Maybe<LimitSharing>,
    /// `mediaNotifyMessage` = 21: media notification (`MediaNotifyMessage`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_notify_message: Maybe<RawJson>,
    /// `memberLabel` = 27: `GROUP_MEMBER_LABEL_CHANGE`: the new label.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub member_label: Maybe<MemberLabel>,
    /// `peerDataOperationRequestMessage` = 16: request to a linked device
    /// (`PeerDataOperationRequestMessage`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub peer_data_operation_request_message: Maybe<RawJson>,
    /// `peerDataOperationRequestResponseMessage` = 17: its response
    /// (`PeerDataOperationRequestResponseMessage`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub peer_data_operation_request_response_message: Maybe<RawJson>,
    /// `requestWelcomeMessageMetadata` = 20: welcome message request.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_welcome_message_metadata: Maybe<RequestWelcomeMessageMetadata>,
    /// `timestampMs` = 15: `MESSAGE_EDIT`: when it was edited (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp_ms: Maybe<Long>,
    /// `type` = 2: what it does (`REVOKE`, `MESSAGE_EDIT`, `EPHEMERAL_SETTING`…).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<ProtocolMessageType>>,
}

/// Where to download a history sync chunk.
///
/// WAProto: `Message.HistorySyncNotification`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistorySyncNotification {
    /// `chunkOrder` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub chunk_order: Maybe<u32>,
    /// `directPath` = 5: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `encHandle` = 14.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_handle: Maybe<String>,
    /// `fileEncSha256` = 4: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 2: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 1: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `fullHistorySyncOnDemandRequestMetadata` = 13.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub full_history_sync_on_demand_request_metadata: Maybe<FullHistorySyncOnDemandRequestMetadata>,
    /// `initialHistBootstrapInlinePayload` = 11.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initial_hist_bootstrap_inline_payload: Maybe<Bytes>,
    /// `mediaKey` = 3: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `messageAccessStatus` = 15.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_access_status: Maybe<HistorySyncMessageAccessStatus>,
    /// `oldestMsgInChunkTimestampSec` = 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub oldest_msg_in_chunk_timestamp_sec: Maybe<Long>,
    /// `originalMessageId` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub original_message_id: Maybe<String>,
    /// `peerDataRequestSessionId` = 12.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub peer_data_request_session_id: Maybe<String>,
    /// `progress` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub progress: Maybe<u32>,
    /// `syncType` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sync_type: Maybe<ProtoEnum<HistorySyncType>>,
}

/// An on-demand history sync request.
///
/// WAProto: `Message.FullHistorySyncOnDemandRequestMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FullHistorySyncOnDemandRequestMetadata {
    /// `requestId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_id: Maybe<String>,
}

/// Whether the history is complete.
///
/// WAProto: `Message.HistorySyncMessageAccessStatus`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HistorySyncMessageAccessStatus {
    /// `completeAccessGranted` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub complete_access_granted: Maybe<bool>,
}

/// App state sync keys, shared between one's own devices.
///
/// WAProto: `Message.AppStateSyncKeyShare`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKeyShare {
    /// `keys` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub keys: Maybe<Vec<AppStateSyncKey>>,
}

/// An app state sync key.
///
/// WAProto: `Message.AppStateSyncKey`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKey {
    /// `keyData` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_data: Maybe<AppStateSyncKeyData>,
    /// `keyId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<AppStateSyncKeyId>,
}

/// The id of an app state sync key.
///
/// WAProto: `Message.AppStateSyncKeyId`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKeyId {
    /// `keyId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_id: Maybe<Bytes>,
}

/// An app state sync key's data (a credential).
///
/// WAProto: `Message.AppStateSyncKeyData`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKeyData {
    /// `fingerprint` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub fingerprint: Maybe<AppStateSyncKeyFingerprint>,
    /// `keyData` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_data: Maybe<Bytes>,
    /// `timestamp` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Long>,
}

/// An app state sync key's fingerprint.
///
/// WAProto: `Message.AppStateSyncKeyFingerprint`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKeyFingerprint {
    /// `currentIndex` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub current_index: Maybe<u32>,
    /// `deviceIndexes` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device_indexes: Maybe<Vec<u32>>,
    /// `rawId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub raw_id: Maybe<u32>,
}

/// A request for app state sync keys.
///
/// WAProto: `Message.AppStateSyncKeyRequest`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateSyncKeyRequest {
    /// `keyIds` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key_ids: Maybe<Vec<AppStateSyncKeyId>>,
}

/// The security notification setting.
///
/// WAProto: `Message.InitialSecurityNotificationSettingSync`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InitialSecurityNotificationSettingSync {
    /// `securityNotificationEnabled` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub security_notification_enabled: Maybe<bool>,
}

/// An app state sync failure.
///
/// WAProto: `Message.AppStateFatalExceptionNotification`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppStateFatalExceptionNotification {
    /// `collectionNames` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub collection_names: Maybe<Vec<String>>,
    /// `timestamp` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Long>,
}

/// A welcome message request.
///
/// WAProto: `Message.RequestWelcomeMessageMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestWelcomeMessageMetadata {
    /// `localChatState` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub local_chat_state: Maybe<ProtoEnum<LocalChatState>>,
}

/// A group's Signal sender key, sent with the first message to a group (often beside the content).
///
/// WAProto: `Message.SenderKeyDistributionMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SenderKeyDistributionMessage {
    /// `axolotlSenderKeyDistributionMessage` = 2: the Signal sender key (a credential: `Debug`
    /// shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub axolotl_sender_key_distribution_message: Maybe<Bytes>,
    /// `groupId` = 1: the group the key is for.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_id: Maybe<String>,
}

/// A wrapper around a full message (`ephemeralMessage`, `viewOnceMessage`, `viewOnceMessageV2`,
/// `viewOnceMessageV2Extension`, `documentWithCaptionMessage`, `editedMessage`…).
///
/// WAProto: `Message.FutureProofMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FutureProofMessage {
    /// `message` = 1: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
}

/// An invitation to a group.
///
/// WAProto: `Message.GroupInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupInviteMessage {
    /// `caption` = 6: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `groupJid` = 1: the group's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_jid: Maybe<String>,
    /// `groupName` = 4: the group's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_name: Maybe<String>,
    /// `groupType` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_type: Maybe<ProtoEnum<GroupInviteType>>,
    /// `inviteCode` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_code: Maybe<String>,
    /// `inviteExpiration` = 3: when the invite expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_expiration: Maybe<Long>,
    /// `jpegThumbnail` = 5: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
}

/// An event (a date, a place, a call link).
///
/// WAProto: `Message.EventMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EventMessage {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `description` = 4: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `endTime` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_time: Maybe<Long>,
    /// `extraGuestsAllowed` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub extra_guests_allowed: Maybe<bool>,
    /// `hasReminder` = 11.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub has_reminder: Maybe<bool>,
    /// `isCanceled` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_canceled: Maybe<bool>,
    /// `isScheduleCall` = 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_schedule_call: Maybe<bool>,
    /// `joinLink` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub join_link: Maybe<String>,
    /// `location` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub location: Maybe<LocationMessage>,
    /// `name` = 3: name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `reminderOffsetSec` = 12.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reminder_offset_sec: Maybe<Long>,
    /// `startTime` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub start_time: Maybe<Long>,
}

/// Pins or unpins a message.
///
/// WAProto: `Message.PinInChatMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PinInChatMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `senderTimestampMs` = 3: when the sender sent it (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp_ms: Maybe<Long>,
    /// `type` = 2.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<PinInChatType>>,
}

/// Keeps a disappearing message (or undoes it).
///
/// WAProto: `Message.KeepInChatMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct KeepInChatMessage {
    /// `keepType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub keep_type: Maybe<ProtoEnum<KeepType>>,
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `timestampMs` = 3: when (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp_ms: Maybe<Long>,
}

/// Cancels a payment request.
///
/// WAProto: `Message.CancelPaymentRequestMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CancelPaymentRequestMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// Declines a payment request.
///
/// WAProto: `Message.DeclinePaymentRequestMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeclinePaymentRequestMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// A payment request.
///
/// WAProto: `Message.RequestPaymentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestPaymentMessage {
    /// `amount` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount: Maybe<Money>,
    /// `amount1000` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount1000: Maybe<Long>,
    /// `background` = 7: background (`PaymentBackground`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background: Maybe<RawJson>,
    /// `currencyCodeIso4217` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code_iso4217: Maybe<String>,
    /// `expiryTimestamp` = 5: when it expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// `noteMessage` = 4: the note, a message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<Box<Message>>,
    /// `requestFrom` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_from: Maybe<String>,
}

/// A payment.
///
/// WAProto: `Message.SendPaymentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendPaymentMessage {
    /// `background` = 4: background (`PaymentBackground`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background: Maybe<RawJson>,
    /// `noteMessage` = 2: the note, a message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<Box<Message>>,
    /// `requestMessageKey` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_message_key: Maybe<MessageKey>,
    /// `transactionData` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub transaction_data: Maybe<String>,
}

/// Asks for the user's phone number.
///
/// WAProto: `Message.RequestPhoneNumberMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestPhoneNumberMessage {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
}

/// Announces an album (its media follow as messages of their own).
///
/// WAProto: `Message.AlbumMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AlbumMessage {
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `expectedImageCount` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expected_image_count: Maybe<u32>,
    /// `expectedVideoCount` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expected_video_count: Maybe<u32>,
}

/// A placeholder for a message shown on linked devices.
///
/// WAProto: `Message.PlaceholderMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PlaceholderMessage {
    /// `type` = 1.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<PlaceholderType>>,
}

/// A message sent from another of one's own devices.
///
/// WAProto: `Message.DeviceSentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceSentMessage {
    /// `destinationJid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub destination_jid: Maybe<String>,
    /// `message` = 2: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `phash` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phash: Maybe<String>,
}

/// The button chosen in a buttons message.
///
/// WAProto: `Message.ButtonsResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ButtonsResponseMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `selectedButtonId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_button_id: Maybe<String>,
    /// `selectedDisplayText` = 2: the text of the chosen button.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_display_text: Maybe<String>,
    /// `type` = 4.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<ButtonsResponseType>>,
}

/// The row chosen in a list message.
///
/// WAProto: `Message.ListResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListResponseMessage {
    /// `contextInfo` = 4: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `description` = 5: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `listType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub list_type: Maybe<ProtoEnum<ListType>>,
    /// `singleSelectReply` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub single_select_reply: Maybe<SingleSelectReply>,
    /// `title` = 1: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// The button chosen in a template message.
///
/// WAProto: `Message.TemplateButtonReplyMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateButtonReplyMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `selectedCarouselCardIndex` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_carousel_card_index: Maybe<u32>,
    /// `selectedDisplayText` = 2: the text of the chosen button.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_display_text: Maybe<String>,
    /// `selectedId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_id: Maybe<String>,
    /// `selectedIndex` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_index: Maybe<u32>,
}

/// The reply to an interactive (native flow) message.
///
/// WAProto: `Message.InteractiveResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InteractiveResponseMessage {
    /// `body` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub body: Maybe<InteractiveResponseBody>,
    /// `contextInfo` = 15: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `nativeFlowResponseMessage` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub native_flow_response_message: Maybe<NativeFlowResponseMessage>,
}

/// A comment on a message.
///
/// WAProto: `Message.CommentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CommentMessage {
    /// `message` = 1: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `targetMessageKey` = 2: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}

/// An encrypted comment.
///
/// WAProto: `Message.EncCommentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncCommentMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `targetMessageKey` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub target_message_key: Maybe<MessageKey>,
}

/// An encrypted answer to an event.
///
/// WAProto: `Message.EncEventResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EncEventResponseMessage {
    /// `encIv` = 3: the IV of the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_iv: Maybe<Bytes>,
    /// `encPayload` = 2: the encrypted payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enc_payload: Maybe<Bytes>,
    /// `eventCreationMessageKey` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_creation_message_key: Maybe<MessageKey>,
}

/// A scheduled call.
///
/// WAProto: `Message.ScheduledCallCreationMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledCallCreationMessage {
    /// `callType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_type: Maybe<ProtoEnum<ScheduledCallType>>,
    /// `scheduledTimestampMs` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub scheduled_timestamp_ms: Maybe<Long>,
    /// `title` = 3: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// Changes a scheduled call.
///
/// WAProto: `Message.ScheduledCallEditMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ScheduledCallEditMessage {
    /// `editType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub edit_type: Maybe<ProtoEnum<ScheduledCallEditType>>,
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// A call in the chat history.
///
/// WAProto: `Message.CallLogMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallLogMessage {
    /// `callOutcome` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_outcome: Maybe<ProtoEnum<CallOutcome>>,
    /// `callType` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_type: Maybe<ProtoEnum<CallLogType>>,
    /// `durationSecs` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration_secs: Maybe<Long>,
    /// `isVideo` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_video: Maybe<bool>,
    /// `participants` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participants: Maybe<Vec<CallParticipant>>,
}

/// An answer to a question.
///
/// WAProto: `Message.QuestionResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuestionResponseMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
    /// `text` = 2: the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// A notice of shared message history.
///
/// WAProto: `Message.MessageHistoryNotice`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryNotice {
    /// `contextInfo` = 1: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `messageHistoryMetadata` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_history_metadata: Maybe<MessageHistoryMetadata>,
}

/// What shared message history holds.
///
/// WAProto: `Message.MessageHistoryMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryMetadata {
    /// `historyReceivers` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub history_receivers: Maybe<Vec<String>>,
    /// `messageCount` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_count: Maybe<Long>,
    /// `oldestMessageTimestamp` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub oldest_message_timestamp: Maybe<Long>,
}

/// Shared message history, as a file on the CDN.
///
/// WAProto: `Message.MessageHistoryBundle`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageHistoryBundle {
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 5: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileEncSha256` = 4: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileSha256` = 2: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `mediaKey` = 3: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyTimestamp` = 6: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `messageHistoryMetadata` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_history_metadata: Maybe<MessageHistoryMetadata>,
    /// `mimetype` = 1: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
}

/// An invitation to administer a channel.
///
/// WAProto: `Message.NewsletterAdminInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewsletterAdminInviteMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 6: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `inviteExpiration` = 5: when the invite expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_expiration: Maybe<Long>,
    /// `jpegThumbnail` = 3: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `newsletterJid` = 1: the channel's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<String>,
    /// `newsletterName` = 2: the channel's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_name: Maybe<String>,
}

/// An invitation to follow a channel.
///
/// WAProto: `Message.NewsletterFollowerInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewsletterFollowerInviteMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 5: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `jpegThumbnail` = 3: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `newsletterJid` = 1: the channel's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<String>,
    /// `newsletterName` = 2: the channel's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_name: Maybe<String>,
}

/// An invitation to use payments.
///
/// WAProto: `Message.PaymentInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PaymentInviteMessage {
    /// `expiryTimestamp` = 2: when it expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// `serviceType` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub service_type: Maybe<ProtoEnum<PaymentServiceType>>,
}

/// A broadcast call.
///
/// WAProto: `Message.BCallMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BcallMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `masterKey` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub master_key: Maybe<Bytes>,
    /// `mediaType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_type: Maybe<ProtoEnum<BcallMediaType>>,
    /// `sessionId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub session_id: Maybe<String>,
}

/// A call offer sent as a message (proto `Message.Call`).
///
/// WAProto: `Message.Call`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallMessage {
    /// `callKey` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_key: Maybe<Bytes>,
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `conversionData` = 3: data of that source.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_data: Maybe<Bytes>,
    /// `conversionDelaySeconds` = 4: seconds between that source and the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_delay_seconds: Maybe<u32>,
    /// `conversionSource` = 2: where the conversation started (ad, link…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_source: Maybe<String>,
    /// `ctwaPayload` = 6: click-to-WhatsApp ad payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_payload: Maybe<Bytes>,
    /// `ctwaSignals` = 5: click-to-WhatsApp ad signals.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_signals: Maybe<String>,
    /// `deeplinkPayload` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub deeplink_payload: Maybe<String>,
    /// `nativeFlowCallButtonPayload` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub native_flow_call_button_payload: Maybe<String>,
}

/// A chat shared as a message (proto `Message.Chat`).
///
/// WAProto: `Message.Chat`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatMessage {
    /// `displayName` = 1: display name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_name: Maybe<String>,
    /// `id` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
}

/// An option of a poll.
///
/// WAProto: `Message.PollCreationMessage.Option`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollOption {
    /// `optionHash` = 2: SHA-256 of the option text (hex), what votes refer to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_hash: Maybe<String>,
    /// `optionName` = 1: the option text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_name: Maybe<String>,
}

/// The votes of one option.
///
/// WAProto: `Message.PollResultSnapshotMessage.PollVote`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollVote {
    /// `optionName` = 1: the option.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_name: Maybe<String>,
    /// `optionVoteCount` = 2: its votes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub option_vote_count: Maybe<Long>,
}

/// The chosen row.
///
/// WAProto: `Message.ListResponseMessage.SingleSelectReply`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SingleSelectReply {
    /// `selectedRowId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_row_id: Maybe<String>,
}

/// The text of an interactive reply.
///
/// WAProto: `Message.InteractiveResponseMessage.Body`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InteractiveResponseBody {
    /// `format` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub format: Maybe<ProtoEnum<InteractiveResponseFormat>>,
    /// `text` = 1: the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// A native flow reply.
///
/// WAProto: `Message.InteractiveResponseMessage.NativeFlowResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NativeFlowResponseMessage {
    /// `name` = 1: name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `paramsJson` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub params_json: Maybe<String>,
    /// `version` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub version: Maybe<i32>,
}

/// A participant of a call.
///
/// WAProto: `Message.CallLogMessage.CallParticipant`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallParticipant {
    /// `callOutcome` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_outcome: Maybe<ProtoEnum<CallOutcome>>,
    /// `jid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<String>,
}

/// An amount of money: `value` / 10^`offset` in `currencyCode`.
///
/// WAProto: `Money`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Money {
    /// `currencyCode` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code: Maybe<String>,
    /// `offset` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub offset: Maybe<u32>,
    /// `value` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<Long>,
}
