//! `ExtendedTextMessage`: text with a link preview, formatting, a quote or mentions.

use chat_events_core::{Maybe, RawJson};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{
        ContextInfo, EmbeddedMusic, FontType, InviteLinkGroupType, MmsThumbnailMetadata,
        PreviewType, SocialMediaPostType,
    },
    proto::{Bytes, Long, ProtoEnum},
};

/// Text with a link preview, formatting, a quote or mentions (any text with a `contextInfo`).
///
/// WAProto: `Message.ExtendedTextMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ExtendedTextMessage {
    /// `backgroundArgb` = 8: status background colour (ARGB).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background_argb: Maybe<u32>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `description` = 5: link preview: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `doNotPlayInline` = 18: link preview: do not play the video inline.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub do_not_play_inline: Maybe<bool>,
    /// `endCardTiles` = 36: link preview: video end cards.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub end_card_tiles: Maybe<Vec<VideoEndCard>>,
    /// `faviconMMSMetadata` = 33: link preview: the site icon's thumbnail.
    #[serde(
        default,
        rename = "faviconMMSMetadata",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub favicon_mms_metadata: Maybe<MmsThumbnailMetadata>,
    /// `font` = 9: status font.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub font: Maybe<ProtoEnum<FontType>>,
    /// `inviteLinkGroupType` = 26: group invite link: kind of group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_link_group_type: Maybe<ProtoEnum<InviteLinkGroupType>>,
    /// `inviteLinkGroupTypeV2` = 29: group invite link: kind of group (`DEFAULT` for a plain group
    /// or no link).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_link_group_type_v2: Maybe<ProtoEnum<InviteLinkGroupType>>,
    /// `inviteLinkParentGroupSubjectV2` = 27: group invite link: the community's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_link_parent_group_subject_v2: Maybe<String>,
    /// `inviteLinkParentGroupThumbnailV2` = 28: group invite link: the community's picture.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_link_parent_group_thumbnail_v2: Maybe<Bytes>,
    /// `jpegThumbnail` = 16: link preview thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `linkPreviewMetadata` = 34: link preview details.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub link_preview_metadata: Maybe<LinkPreviewMetadata>,
    /// `matchedText` = 2: link preview: the URL found in the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub matched_text: Maybe<String>,
    /// `mediaKey` = 22: the key that decrypts the preview thumbnail (a credential).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyTimestamp` = 23: when that key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `musicMetadata` = 38: link preview: music.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub music_metadata: Maybe<EmbeddedMusic>,
    /// `paymentExtendedMetadata` = 39: payment details.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub payment_extended_metadata: Maybe<PaymentExtendedMetadata>,
    /// `paymentLinkMetadata` = 35: payment link (`PaymentLinkMetadata`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub payment_link_metadata: Maybe<RawJson>,
    /// `previewType` = 10: link preview kind (`NONE` when there is none).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub preview_type: Maybe<ProtoEnum<PreviewType>>,
    /// `text` = 1: the text (with the link, when there is a preview).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
    /// `textArgb` = 7: status text colour (ARGB).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text_argb: Maybe<u32>,
    /// `thumbnailDirectPath` = 19: the thumbnail's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_direct_path: Maybe<String>,
    /// `thumbnailEncSha256` = 21: SHA-256 of the encrypted thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_enc_sha256: Maybe<Bytes>,
    /// `thumbnailHeight` = 24: thumbnail height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_height: Maybe<u32>,
    /// `thumbnailSha256` = 20: SHA-256 of the thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_sha256: Maybe<Bytes>,
    /// `thumbnailWidth` = 25: thumbnail width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_width: Maybe<u32>,
    /// `title` = 6: link preview: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// `videoContentUrl` = 37: link preview: the video URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_content_url: Maybe<String>,
    /// `videoHeight` = 31: link preview: video height.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_height: Maybe<u32>,
    /// `videoWidth` = 32: link preview: video width.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_width: Maybe<u32>,
    /// `viewOnce` = 30: can be opened once only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub view_once: Maybe<bool>,
}

/// Details of a link preview.
///
/// WAProto: `Message.LinkPreviewMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LinkPreviewMetadata {
    /// `fbExperimentId` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub fb_experiment_id: Maybe<u32>,
    /// `linkInlineVideoMuted` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub link_inline_video_muted: Maybe<bool>,
    /// `linkMediaDuration` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub link_media_duration: Maybe<u32>,
    /// `musicMetadata` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub music_metadata: Maybe<EmbeddedMusic>,
    /// `paymentLinkMetadata` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub payment_link_metadata: Maybe<RawJson>,
    /// `socialMediaPostType` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub social_media_post_type: Maybe<ProtoEnum<SocialMediaPostType>>,
    /// `urlMetadata` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url_metadata: Maybe<UrlMetadata>,
    /// `videoContentCaption` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_content_caption: Maybe<String>,
    /// `videoContentUrl` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_content_url: Maybe<String>,
}

/// Metadata of a previewed URL.
///
/// WAProto: `Message.URLMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UrlMetadata {
    /// `fbExperimentId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub fb_experiment_id: Maybe<u32>,
}

/// An end card of a previewed video (proto3 fields without presence).
///
/// WAProto: `Message.VideoEndCard`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VideoEndCard {
    /// `caption` = 2: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `profilePictureUrl` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// `thumbnailImageUrl` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_image_url: Maybe<String>,
    /// `username` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub username: Maybe<String>,
}

/// Payment details of a text.
///
/// WAProto: `Message.PaymentExtendedMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PaymentExtendedMetadata {
    /// `messageParamsJson` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_params_json: Maybe<String>,
    /// `platform` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub platform: Maybe<String>,
    /// `type` = 1.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<u32>,
}
