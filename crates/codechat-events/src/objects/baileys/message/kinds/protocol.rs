//! Protocol messages: revokes and edits, history sync, app state sync keys, sender keys,
//! placeholders; what devices exchange rather than what users write.

use chat_events_core::{Maybe, RawJson};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::{
        DisappearingMode, HistorySyncType, LimitSharing, LocalChatState, MemberLabel, Message,
        MessageKey, PlaceholderType, ProtocolMessageType,
    },
    proto::{Bytes, Long, ProtoEnum},
};

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
    pub invoker_jid: Maybe<Jid>,
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
    pub group_id: Maybe<Jid>,
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
