//! `ContextInfo` (what a message quotes, mentions, forwards…) and `MessageContextInfo` (metadata of
//! the whole message), with what they hold.

use chat_events_core::{Maybe, RawJson};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::{
        AdMediaType, AdvEncryptionType, AiCreatedSource, AssociationType,
        DisappearingModeInitiator, DisappearingModeTrigger, ExternalAdType, ExternalShareSource,
        ForwardOrigin, LimitSharingTrigger, Message, MessageAddonExpiryType, MessageKey,
        NewsletterContentType, PairedMediaType, QuotedType, RlAttributionSource,
        StatusAttributionKind, StatusAttributionType, StatusAudienceType, StatusReshareSource,
        StatusSourceType, ThreadType, WebLinkRenderConfig,
    },
    proto::{Bytes, Long, ProtoEnum},
};

/// Context of a message: the quoted message, mentions, forwarding, the disappearing timer, the ad
/// or link card, where the chat started.
///
/// WAProto: `ContextInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContextInfo {
    /// `actionLink` = 33: a link button.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub action_link: Maybe<ActionLink>,
    /// `alwaysShowAdAttribution` = 48: always show the ad attribution.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub always_show_ad_attribution: Maybe<bool>,
    /// `botMessageSharingInfo` = 72: AI bot sharing (`BotMessageSharingInfo`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_message_sharing_info: Maybe<RawJson>,
    /// `businessMessageForwardInfo` = 44: the business the message was forwarded from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub business_message_forward_info: Maybe<BusinessMessageForwardInfo>,
    /// `conversionData` = 19: data of that source.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_data: Maybe<Bytes>,
    /// `conversionDelaySeconds` = 20: seconds between that source and the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_delay_seconds: Maybe<u32>,
    /// `conversionSource` = 18: where the conversation started (ad, link…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversion_source: Maybe<String>,
    /// `ctwaPayload` = 55: click-to-WhatsApp ad payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_payload: Maybe<Bytes>,
    /// `ctwaSignals` = 54: click-to-WhatsApp ad signals.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_signals: Maybe<String>,
    /// `dataSharingContext` = 47: data sharing with Meta.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data_sharing_context: Maybe<DataSharingContext>,
    /// `disappearingMode` = 32: who turned disappearing messages on and how.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disappearing_mode: Maybe<DisappearingMode>,
    /// `entryPointConversionApp` = 30: the app the chat was started from (`whatsapp`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub entry_point_conversion_app: Maybe<String>,
    /// `entryPointConversionDelaySeconds` = 31: seconds between that entry point and the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub entry_point_conversion_delay_seconds: Maybe<u32>,
    /// `entryPointConversionExternalMedium` = 51: external entry point: medium.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub entry_point_conversion_external_medium: Maybe<String>,
    /// `entryPointConversionExternalSource` = 50: external entry point: source.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub entry_point_conversion_external_source: Maybe<String>,
    /// `entryPointConversionSource` = 29: where the user started the chat
    /// (`global_search_new_chat`, `contact_search`, `click_to_chat_link`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub entry_point_conversion_source: Maybe<String>,
    /// `ephemeralSettingTimestamp` = 26: when the timer was set (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_setting_timestamp: Maybe<Long>,
    /// `ephemeralSharedSecret` = 27: disappearing messages shared secret.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_shared_secret: Maybe<Bytes>,
    /// `expiration` = 25: disappearing messages timer in seconds (0: off).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiration: Maybe<u32>,
    /// `externalAdReply` = 28: the ad or link card shown with the message (click-to-WhatsApp).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_ad_reply: Maybe<ExternalAdReplyInfo>,
    /// `featureEligibilities` = 49: what can be done with the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub feature_eligibilities: Maybe<FeatureEligibilities>,
    /// `forwardedAiBotMessageInfo` = 56: the AI bot message this forwards.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub forwarded_ai_bot_message_info: Maybe<ForwardedAiBotMessageInfo>,
    /// `forwardedNewsletterMessageInfo` = 43: the channel post this forwards.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub forwarded_newsletter_message_info: Maybe<ForwardedNewsletterMessageInfo>,
    /// `forwardingScore` = 21: how many times it was forwarded.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub forwarding_score: Maybe<u32>,
    /// `forwardOrigin` = 67: where a forwarded message came from.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub forward_origin: Maybe<ProtoEnum<ForwardOrigin>>,
    /// `groupMentions` = 40: groups mentioned in the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_mentions: Maybe<Vec<GroupMention>>,
    /// `groupSubject` = 34: the group name (community announcements).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_subject: Maybe<String>,
    /// `isForwarded` = 22: forwarded.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_forwarded: Maybe<bool>,
    /// `isGroupStatus` = 66: a group status.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_group_status: Maybe<bool>,
    /// `isQuestion` = 63: a question.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_question: Maybe<bool>,
    /// `isSampled` = 39: sampled for quality.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_sampled: Maybe<bool>,
    /// `memberLabel` = 62: the sender's group member label.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub member_label: Maybe<MemberLabel>,
    /// `mentionedJid` = 15: JIDs mentioned in the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mentioned_jid: Maybe<Vec<Jid>>,
    /// `nonJidMentions` = 70: number of mentions that are not JIDs.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub non_jid_mentions: Maybe<u32>,
    /// `pairedMediaType` = 59: SD/HD or motion photo pairing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub paired_media_type: Maybe<ProtoEnum<PairedMediaType>>,
    /// `parentGroupJid` = 35: the community of the group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub parent_group_jid: Maybe<Jid>,
    /// `participant` = 2: who sent the quoted message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participant: Maybe<Jid>,
    /// `placeholderKey` = 24: placeholder message key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub placeholder_key: Maybe<MessageKey>,
    /// `questionReplyQuotedMessage` = 68: the question a reply answers.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub question_reply_quoted_message: Maybe<QuestionReplyQuotedMessage>,
    /// `quotedAd` = 23: the ad replied to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_ad: Maybe<AdReplyInfo>,
    /// `quotedMessage` = 3: the quoted message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_message: Maybe<Box<Message>>,
    /// `quotedType` = 71: quoted explicitly or automatically.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_type: Maybe<ProtoEnum<QuotedType>>,
    /// `rankingVersion` = 60: ranking version.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ranking_version: Maybe<u32>,
    /// `remoteJid` = 4: the chat of the quoted message, when it is another chat (status replies).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<Jid>,
    /// `smbClientCampaignId` = 45: business campaign id (client).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub smb_client_campaign_id: Maybe<String>,
    /// `smbServerCampaignId` = 46: business campaign id (server).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub smb_server_campaign_id: Maybe<String>,
    /// `stanzaId` = 1: the quoted message's id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub stanza_id: Maybe<String>,
    /// `statusAttributions` = 65: status attributions.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_attributions: Maybe<Vec<StatusAttribution>>,
    /// `statusAttributionType` = 57: status reshare kind.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_attribution_type: Maybe<ProtoEnum<StatusAttributionType>>,
    /// `statusAudienceMetadata` = 69: status audience.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_audience_metadata: Maybe<StatusAudienceMetadata>,
    /// `statusSourceType` = 64: kind of status replied to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_source_type: Maybe<ProtoEnum<StatusSourceType>>,
    /// `trustBannerAction` = 38: trust banner action.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub trust_banner_action: Maybe<u32>,
    /// `trustBannerType` = 37: trust banner shown.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub trust_banner_type: Maybe<String>,
    /// `urlTrackingMap` = 58: tracked URLs.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url_tracking_map: Maybe<UrlTrackingMap>,
    /// `utm` = 41: UTM parameters of the entry point.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub utm: Maybe<UtmInfo>,
}

/// The ad a message replies to.
///
/// WAProto: `ContextInfo.AdReplyInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AdReplyInfo {
    /// `advertiserName` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub advertiser_name: Maybe<String>,
    /// `caption` = 17: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `jpegThumbnail` = 16: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `mediaType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_type: Maybe<ProtoEnum<AdMediaType>>,
}

/// The ad or link card shown with a message (click-to-WhatsApp ads, `sendMessage` link cards).
///
/// WAProto: `ContextInfo.ExternalAdReplyInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalAdReplyInfo {
    /// `adContextPreviewDismissed` = 16.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ad_context_preview_dismissed: Maybe<bool>,
    /// `adPreviewUrl` = 27.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ad_preview_url: Maybe<String>,
    /// `adType` = 25.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ad_type: Maybe<ProtoEnum<ExternalAdType>>,
    /// `automatedGreetingMessageCtaType` = 23.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub automated_greeting_message_cta_type: Maybe<String>,
    /// `automatedGreetingMessageShown` = 18.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub automated_greeting_message_shown: Maybe<bool>,
    /// `body` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub body: Maybe<String>,
    /// `clickToWhatsappCall` = 15.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub click_to_whatsapp_call: Maybe<bool>,
    /// `containsAutoReply` = 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contains_auto_reply: Maybe<bool>,
    /// `ctaPayload` = 20.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cta_payload: Maybe<String>,
    /// `ctwaClid` = 13.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_clid: Maybe<String>,
    /// `disableNudge` = 21.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disable_nudge: Maybe<bool>,
    /// `greetingMessageBody` = 19.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub greeting_message_body: Maybe<String>,
    /// `mediaType` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_type: Maybe<ProtoEnum<AdMediaType>>,
    /// `mediaUrl` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// `originalImageUrl` = 22.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub original_image_url: Maybe<String>,
    /// `ref` = 14.
    #[serde(default, rename = "ref", skip_serializing_if = "Maybe::is_absent")]
    pub reference: Maybe<String>,
    /// `renderLargerThumbnail` = 11.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub render_larger_thumbnail: Maybe<bool>,
    /// `showAdAttribution` = 12.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub show_ad_attribution: Maybe<bool>,
    /// `sourceApp` = 17.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_app: Maybe<String>,
    /// `sourceId` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
    /// `sourceType` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_type: Maybe<String>,
    /// `sourceUrl` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_url: Maybe<String>,
    /// `thumbnail` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail: Maybe<Bytes>,
    /// `thumbnailUrl` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_url: Maybe<String>,
    /// `title` = 1: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// `wtwaAdFormat` = 24.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wtwa_ad_format: Maybe<bool>,
    /// `wtwaWebsiteUrl` = 26.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wtwa_website_url: Maybe<String>,
}

/// The business a message was forwarded from.
///
/// WAProto: `ContextInfo.BusinessMessageForwardInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BusinessMessageForwardInfo {
    /// `businessOwnerJid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub business_owner_jid: Maybe<Jid>,
}

/// Data sharing with Meta.
///
/// WAProto: `ContextInfo.DataSharingContext`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DataSharingContext {
    /// `dataSharingFlags` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data_sharing_flags: Maybe<i32>,
    /// `encryptedSignalTokenConsented` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub encrypted_signal_token_consented: Maybe<String>,
    /// `parameters` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub parameters: Maybe<Vec<DataSharingParameters>>,
    /// `showMmDisclosure` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub show_mm_disclosure: Maybe<bool>,
}

/// A data sharing parameter (nested through `contents`).
///
/// WAProto: `ContextInfo.DataSharingContext.Parameters`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DataSharingParameters {
    /// `contents` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contents: Maybe<Box<DataSharingParameters>>,
    /// `floatData` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub float_data: Maybe<serde_json::Number>,
    /// `intData` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub int_data: Maybe<Long>,
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<String>,
    /// `stringData` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub string_data: Maybe<String>,
}

/// What can be done with a message.
///
/// WAProto: `ContextInfo.FeatureEligibilities`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FeatureEligibilities {
    /// `canBeReshared` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub can_be_reshared: Maybe<bool>,
    /// `cannotBeRanked` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cannot_be_ranked: Maybe<bool>,
    /// `cannotBeReactedTo` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cannot_be_reacted_to: Maybe<bool>,
    /// `canReceiveMultiReact` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub can_receive_multi_react: Maybe<bool>,
    /// `canRequestFeedback` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub can_request_feedback: Maybe<bool>,
}

/// The channel post a message forwards.
///
/// WAProto: `ContextInfo.ForwardedNewsletterMessageInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ForwardedNewsletterMessageInfo {
    /// `accessibilityText` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_text: Maybe<String>,
    /// `contentType` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_type: Maybe<ProtoEnum<NewsletterContentType>>,
    /// `newsletterJid` = 1: the channel's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<Jid>,
    /// `newsletterName` = 3: the channel's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_name: Maybe<String>,
    /// `serverMessageId` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub server_message_id: Maybe<i32>,
}

/// The question a reply answers.
///
/// WAProto: `ContextInfo.QuestionReplyQuotedMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuestionReplyQuotedMessage {
    /// `quotedQuestion` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_question: Maybe<Box<Message>>,
    /// `quotedResponse` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted_response: Maybe<Box<Message>>,
    /// `serverQuestionId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub server_question_id: Maybe<i32>,
}

/// Who a status was shared with.
///
/// WAProto: `ContextInfo.StatusAudienceMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StatusAudienceMetadata {
    /// `audienceType` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub audience_type: Maybe<ProtoEnum<StatusAudienceType>>,
}

/// UTM parameters of an entry point.
///
/// WAProto: `ContextInfo.UTMInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UtmInfo {
    /// `utmCampaign` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub utm_campaign: Maybe<String>,
    /// `utmSource` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub utm_source: Maybe<String>,
}

/// Who turned disappearing messages on, and how.
///
/// WAProto: `DisappearingMode`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DisappearingMode {
    /// `initiatedByMe` = 4: this line turned it on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initiated_by_me: Maybe<bool>,
    /// `initiator` = 1: who turned it on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initiator: Maybe<ProtoEnum<DisappearingModeInitiator>>,
    /// `initiatorDeviceJid` = 3: the device that turned it on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initiator_device_jid: Maybe<Jid>,
    /// `trigger` = 2: what turned it on.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub trigger: Maybe<ProtoEnum<DisappearingModeTrigger>>,
}

/// A link button.
///
/// WAProto: `ActionLink`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ActionLink {
    /// `buttonTitle` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub button_title: Maybe<String>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
}

/// A group mentioned in a text.
///
/// WAProto: `GroupMention`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupMention {
    /// `groupJid` = 1: the group's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_jid: Maybe<Jid>,
    /// `groupSubject` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_subject: Maybe<String>,
}

/// The AI bot message a message forwards.
///
/// WAProto: `ForwardedAIBotMessageInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ForwardedAiBotMessageInfo {
    /// `botJid` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_jid: Maybe<Jid>,
    /// `botName` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_name: Maybe<String>,
    /// `creatorName` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub creator_name: Maybe<String>,
}

/// Tracked URLs of a message.
///
/// WAProto: `UrlTrackingMap`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UrlTrackingMap {
    /// `urlTrackingMapElements` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url_tracking_map_elements: Maybe<Vec<UrlTrackingMapElement>>,
}

/// A tracked URL.
///
/// WAProto: `UrlTrackingMap.UrlTrackingMapElement`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UrlTrackingMapElement {
    /// `cardIndex` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub card_index: Maybe<u32>,
    /// `consentedUsersUrl` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub consented_users_url: Maybe<String>,
    /// `originalUrl` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub original_url: Maybe<String>,
    /// `unconsentedUsersUrl` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unconsented_users_url: Maybe<String>,
}

/// A group member's label.
///
/// WAProto: `MemberLabel`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MemberLabel {
    /// `label` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label: Maybe<String>,
    /// `labelTimestamp` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label_timestamp: Maybe<Long>,
}

/// Where a status comes from (a reshare, a song, another app…).
///
/// WAProto: `StatusAttribution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StatusAttribution {
    /// `actionUrl` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub action_url: Maybe<String>,
    /// `aiCreatedAttribution` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ai_created_attribution: Maybe<AiCreatedAttribution>,
    /// `externalShare` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_share: Maybe<ExternalShareAttribution>,
    /// `groupStatus` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_status: Maybe<GroupStatusAttribution>,
    /// `music` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub music: Maybe<MusicAttribution>,
    /// `rlAttribution` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub rl_attribution: Maybe<RlAttribution>,
    /// `statusReshare` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_reshare: Maybe<StatusReshareAttribution>,
    /// `type` = 1.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<StatusAttributionKind>>,
}

/// A status made by AI.
///
/// WAProto: `StatusAttribution.AiCreatedAttribution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AiCreatedAttribution {
    /// `source` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<ProtoEnum<AiCreatedSource>>,
}

/// A status shared from another app.
///
/// WAProto: `StatusAttribution.ExternalShare`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExternalShareAttribution {
    /// `actionFallbackUrl` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub action_fallback_url: Maybe<String>,
    /// `actionUrl` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub action_url: Maybe<String>,
    /// `duration` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration: Maybe<i32>,
    /// `source` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<ProtoEnum<ExternalShareSource>>,
}

/// A group status.
///
/// WAProto: `StatusAttribution.GroupStatus`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupStatusAttribution {
    /// `authorJid` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_jid: Maybe<Jid>,
}

/// The song of a status.
///
/// WAProto: `StatusAttribution.Music`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MusicAttribution {
    /// `artistAttribution` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artist_attribution: Maybe<String>,
    /// `author` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author: Maybe<String>,
    /// `authorName` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_name: Maybe<String>,
    /// `isExplicit` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_explicit: Maybe<bool>,
    /// `songId` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub song_id: Maybe<String>,
    /// `title` = 3: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// A status made with smart glasses.
///
/// WAProto: `StatusAttribution.RLAttribution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RlAttribution {
    /// `source` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<ProtoEnum<RlAttributionSource>>,
}

/// A reshared status.
///
/// WAProto: `StatusAttribution.StatusReshare`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StatusReshareAttribution {
    /// `metadata` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub metadata: Maybe<StatusReshareMetadata>,
    /// `source` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<ProtoEnum<StatusReshareSource>>,
}

/// Details of a reshared status.
///
/// WAProto: `StatusAttribution.StatusReshare.Metadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StatusReshareMetadata {
    /// `channelJid` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub channel_jid: Maybe<Jid>,
    /// `channelMessageId` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub channel_message_id: Maybe<i32>,
    /// `duration` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration: Maybe<i32>,
    /// `hasMultipleReshares` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub has_multiple_reshares: Maybe<bool>,
}

/// Metadata of the whole message (beside its content): device lists, the message secret, threads,
/// associations.
///
/// WAProto: `MessageContextInfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageContextInfo {
    /// `botMessageSecret` = 6: AI bot message secret (a credential).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_message_secret: Maybe<Bytes>,
    /// `botMetadata` = 7: AI bot metadata (`BotMetadata`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bot_metadata: Maybe<RawJson>,
    /// `capiCreatedGroup` = 11: group created through the Cloud API.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub capi_created_group: Maybe<bool>,
    /// `deviceListMetadata` = 1: sender's and recipient's device lists (Signal key hashes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device_list_metadata: Maybe<DeviceListMetadata>,
    /// `deviceListMetadataVersion` = 2: version of that metadata (2).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device_list_metadata_version: Maybe<i32>,
    /// `limitSharing` = 13: limited sharing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub limit_sharing: Maybe<LimitSharing>,
    /// `limitSharingV2` = 14: limited sharing (v2).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub limit_sharing_v2: Maybe<LimitSharing>,
    /// `messageAddOnDurationInSecs` = 5: how long add-ons (pins, keeps) last.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_add_on_duration_in_secs: Maybe<u32>,
    /// `messageAddOnExpiryType` = 9: how add-ons expire.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_add_on_expiry_type: Maybe<ProtoEnum<MessageAddonExpiryType>>,
    /// `messageAssociation` = 10: the message this one belongs to (album, event cover, HD copy…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_association: Maybe<MessageAssociation>,
    /// `messageSecret` = 3: secret for reactions, poll votes and edits of this message (a
    /// credential).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_secret: Maybe<Bytes>,
    /// `paddingBytes` = 4: padding.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub padding_bytes: Maybe<Bytes>,
    /// `reportingTokenVersion` = 8: reporting token version.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reporting_token_version: Maybe<i32>,
    /// `supportPayload` = 12: support payload (JSON text).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub support_payload: Maybe<String>,
    /// `threadId` = 15: threads (reply threads, AI threads) the message is in.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thread_id: Maybe<Vec<ThreadId>>,
    /// `weblinkRenderConfig` = 16: how links open.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub weblink_render_config: Maybe<ProtoEnum<WebLinkRenderConfig>>,
}

/// The sender's and recipient's device lists, as Signal key hashes, at the time of sending.
///
/// WAProto: `DeviceListMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeviceListMetadata {
    /// `receiverAccountType` = 5: the recipient's encryption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub receiver_account_type: Maybe<ProtoEnum<AdvEncryptionType>>,
    /// `recipientKeyHash` = 8: hash of the recipient's device list.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recipient_key_hash: Maybe<Bytes>,
    /// `recipientKeyIndexes` = 10: the recipient's device key indexes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recipient_key_indexes: Maybe<Vec<u32>>,
    /// `recipientTimestamp` = 9: when the recipient's device list changed (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub recipient_timestamp: Maybe<Long>,
    /// `senderAccountType` = 4: the sender's encryption (`E2EE`, `HOSTED`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_account_type: Maybe<ProtoEnum<AdvEncryptionType>>,
    /// `senderKeyHash` = 1: hash of the sender's device list.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_key_hash: Maybe<Bytes>,
    /// `senderKeyIndexes` = 3: the sender's device key indexes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_key_indexes: Maybe<Vec<u32>>,
    /// `senderTimestamp` = 2: when the sender's device list changed (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_timestamp: Maybe<Long>,
}

/// Whether sharing (forwarding, saving media) is limited in the chat.
///
/// WAProto: `LimitSharing`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LimitSharing {
    /// `initiatedByMe` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initiated_by_me: Maybe<bool>,
    /// `limitSharingSettingTimestamp` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub limit_sharing_setting_timestamp: Maybe<Long>,
    /// `sharingLimited` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sharing_limited: Maybe<bool>,
    /// `trigger` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub trigger: Maybe<ProtoEnum<LimitSharingTrigger>>,
}

/// A thread a message is in.
///
/// WAProto: `ThreadID`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ThreadId {
    /// `threadKey` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thread_key: Maybe<MessageKey>,
    /// `threadType` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thread_type: Maybe<ProtoEnum<ThreadType>>,
}

/// The message another one belongs to (an album, an event's cover, an HD copy…).
///
/// WAProto: `MessageAssociation`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageAssociation {
    /// `associationType` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub association_type: Maybe<ProtoEnum<AssociationType>>,
    /// `messageIndex` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_index: Maybe<i32>,
    /// `parentMessageKey` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub parent_message_key: Maybe<MessageKey>,
}
