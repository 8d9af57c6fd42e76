//! Media messages: image, video (and round video notes), audio (and voice notes), document,
//! sticker, with what they hold.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{
        ContextInfo, ForwardedNewsletterMessageInfo, ImageSourceType, MediaKeyDomain, Message,
        StatusLinkType, VideoAttribution, VideoQuality, VideoSourceType,
    },
    proto::{Bytes, Long, ProtoEnum},
};

/// An image.
///
/// WAProto: `Message.ImageMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ImageMessage {
    /// `accessibilityLabel` = 32: alt text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_label: Maybe<String>,
    /// `annotations` = 30: tappable areas on the media (newer field).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub annotations: Maybe<Vec<InteractiveAnnotation>>,
    /// `caption` = 3: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 11: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `experimentGroupId` = 20: experiment group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub experiment_group_id: Maybe<u32>,
    /// `fileEncSha256` = 9: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 5: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 4: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `firstScanLength` = 19: progressive JPEG: length of the first scan.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_scan_length: Maybe<u32>,
    /// `firstScanSidecar` = 18: progressive JPEG: sidecar of the first scan.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_scan_sidecar: Maybe<Bytes>,
    /// `height` = 6: height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<u32>,
    /// `imageSourceType` = 31: taken by a person, or generated or modified by AI.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub image_source_type: Maybe<ProtoEnum<ImageSourceType>>,
    /// `interactiveAnnotations` = 10: tappable areas (locations, links, channels) on the media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub interactive_annotations: Maybe<Vec<InteractiveAnnotation>>,
    /// `jpegThumbnail` = 16: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `mediaKey` = 8: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 33: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 12: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `midQualityFileEncSha256` = 24: SHA-256 of the encrypted mid-quality rendition.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mid_quality_file_enc_sha256: Maybe<Bytes>,
    /// `midQualityFileSha256` = 23: SHA-256 of the mid-quality rendition.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mid_quality_file_sha256: Maybe<Bytes>,
    /// `mimetype` = 2: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// `qrUrl` = 34: URL of a QR code in the image.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub qr_url: Maybe<String>,
    /// `scanLengths` = 22: progressive JPEG: length of each scan.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub scan_lengths: Maybe<Vec<u32>>,
    /// `scansSidecar` = 21: progressive JPEG: sidecar of the scans.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub scans_sidecar: Maybe<Bytes>,
    /// `staticUrl` = 29: URL of a still rendition.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub static_url: Maybe<String>,
    /// `thumbnailDirectPath` = 26: the thumbnail's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_direct_path: Maybe<String>,
    /// `thumbnailEncSha256` = 28: SHA-256 of the encrypted thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_enc_sha256: Maybe<Bytes>,
    /// `thumbnailSha256` = 27: SHA-256 of the thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_sha256: Maybe<Bytes>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// `viewOnce` = 25: can be opened once only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub view_once: Maybe<bool>,
    /// `width` = 7: width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<u32>,
    // Evolution API's Cloud API channel (quirk): for a message received through Meta's
    // Cloud API, Evolution puts Meta's media object inside this Baileys message as it is,
    // so its snake_case keys sit beside Baileys' names (`mime_type` for `mimetype`,
    // `sha256` for `fileSha256`, `id` for the media, `url` a Graph API link).
    /// Evolution's Cloud API channel: Meta's media id (download it from the Graph API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `mime_type` (Baileys' `mimetype`).
    #[serde(
        default,
        rename = "mime_type",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub mime_type: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `sha256` of the file, base64 (Baileys' `fileSha256`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sha256: Maybe<String>,
}

/// A video, a GIF (`gifPlayback`) or a round video note (`ptvMessage`).
///
/// WAProto: `Message.VideoMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct VideoMessage {
    /// `accessibilityLabel` = 26: alt text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_label: Maybe<String>,
    /// `annotations` = 25: tappable areas on the media (newer field).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub annotations: Maybe<Vec<InteractiveAnnotation>>,
    /// `caption` = 7: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 13: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `externalShareFullVideoDurationInSeconds` = 28: length of the full video when shared from
    /// another app.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_share_full_video_duration_in_seconds: Maybe<u32>,
    /// `fileEncSha256` = 11: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 4: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 3: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `gifAttribution` = 19: the GIF provider.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub gif_attribution: Maybe<ProtoEnum<VideoAttribution>>,
    /// `gifPlayback` = 8: plays as a looping GIF.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub gif_playback: Maybe<bool>,
    /// `height` = 9: height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<u32>,
    /// `interactiveAnnotations` = 12: tappable areas (locations, links, channels) on the media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub interactive_annotations: Maybe<Vec<InteractiveAnnotation>>,
    /// `jpegThumbnail` = 16: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `mediaKey` = 6: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 32: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 14: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `metadataUrl` = 30: URL of the video metadata.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub metadata_url: Maybe<String>,
    /// `mimetype` = 2: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// `motionPhotoPresentationOffsetMs` = 29: motion photo: where the still frame is (ms).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub motion_photo_presentation_offset_ms: Maybe<Long>,
    /// `processedVideos` = 27: other renditions (qualities) of the video.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub processed_videos: Maybe<Vec<ProcessedVideo>>,
    /// `seconds` = 5: duration in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub seconds: Maybe<u32>,
    /// `staticUrl` = 24: URL of a still rendition.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub static_url: Maybe<String>,
    /// `streamingSidecar` = 18: sidecar for playing the media while it downloads.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub streaming_sidecar: Maybe<Bytes>,
    /// `thumbnailDirectPath` = 21: the thumbnail's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_direct_path: Maybe<String>,
    /// `thumbnailEncSha256` = 23: SHA-256 of the encrypted thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_enc_sha256: Maybe<Bytes>,
    /// `thumbnailSha256` = 22: SHA-256 of the thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_sha256: Maybe<Bytes>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// `videoSourceType` = 31: recorded by a person or generated by AI.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_source_type: Maybe<ProtoEnum<VideoSourceType>>,
    /// `viewOnce` = 20: can be opened once only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub view_once: Maybe<bool>,
    /// `width` = 10: width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<u32>,
    // Evolution API's Cloud API channel (quirk): for a message received through Meta's
    // Cloud API, Evolution puts Meta's media object inside this Baileys message as it is,
    // so its snake_case keys sit beside Baileys' names (`mime_type` for `mimetype`,
    // `sha256` for `fileSha256`, `id` for the media, `url` a Graph API link).
    /// Evolution's Cloud API channel: Meta's media id (download it from the Graph API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `mime_type` (Baileys' `mimetype`).
    #[serde(
        default,
        rename = "mime_type",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub mime_type: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `sha256` of the file, base64 (Baileys' `fileSha256`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sha256: Maybe<String>,
}

/// An audio file or a voice note (`ptt`).
///
/// WAProto: `Message.AudioMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AudioMessage {
    /// `accessibilityLabel` = 22: alt text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_label: Maybe<String>,
    /// `backgroundArgb` = 20: background colour (ARGB).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background_argb: Maybe<u32>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 9: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileEncSha256` = 8: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 4: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 3: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `mediaKey` = 7: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 23: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 10: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `mimetype` = 2: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// `ptt` = 6: a voice note (push to talk).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ptt: Maybe<bool>,
    /// `seconds` = 5: duration in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub seconds: Maybe<u32>,
    /// `streamingSidecar` = 18: sidecar for playing the media while it downloads.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub streaming_sidecar: Maybe<Bytes>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// `viewOnce` = 21: can be opened once only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub view_once: Maybe<bool>,
    /// `waveform` = 19: voice note waveform (one byte per bar).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub waveform: Maybe<Bytes>,
    // Evolution API's Cloud API channel (quirk): for a message received through Meta's
    // Cloud API, Evolution puts Meta's media object inside this Baileys message as it is,
    // so its snake_case keys sit beside Baileys' names (`mime_type` for `mimetype`,
    // `sha256` for `fileSha256`, `id` for the media, `url` a Graph API link).
    /// Evolution's Cloud API channel: Meta's media id (download it from the Graph API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `mime_type` (Baileys' `mimetype`).
    #[serde(
        default,
        rename = "mime_type",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub mime_type: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `sha256` of the file, base64 (Baileys' `fileSha256`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sha256: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `voice` flag, a voice note (Evolution also sets `ptt`
    /// from it).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub voice: Maybe<bool>,
}

/// A document.
///
/// WAProto: `Message.DocumentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DocumentMessage {
    /// `accessibilityLabel` = 21: alt text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_label: Maybe<String>,
    /// `caption` = 20: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contactVcard` = 12: the document is a vCard.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_vcard: Maybe<bool>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 10: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileEncSha256` = 9: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 5: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileName` = 8: file name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_name: Maybe<String>,
    /// `fileSha256` = 4: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `jpegThumbnail` = 16: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `mediaKey` = 7: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 22: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 11: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `mimetype` = 2: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// `pageCount` = 6: number of pages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub page_count: Maybe<u32>,
    /// `thumbnailDirectPath` = 13: the thumbnail's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_direct_path: Maybe<String>,
    /// `thumbnailEncSha256` = 15: SHA-256 of the encrypted thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_enc_sha256: Maybe<Bytes>,
    /// `thumbnailHeight` = 18: thumbnail height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_height: Maybe<u32>,
    /// `thumbnailSha256` = 14: SHA-256 of the thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_sha256: Maybe<Bytes>,
    /// `thumbnailWidth` = 19: thumbnail width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_width: Maybe<u32>,
    /// `title` = 3: document title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    // Evolution API's Cloud API channel (quirk): for a message received through Meta's
    // Cloud API, Evolution puts Meta's media object inside this Baileys message as it is,
    // so its snake_case keys sit beside Baileys' names (`mime_type` for `mimetype`,
    // `sha256` for `fileSha256`, `id` for the media, `url` a Graph API link).
    /// Evolution's Cloud API channel: Meta's `filename` (Baileys' `fileName`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub filename: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's media id (download it from the Graph API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `mime_type` (Baileys' `mimetype`).
    #[serde(
        default,
        rename = "mime_type",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub mime_type: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `sha256` of the file, base64 (Baileys' `fileSha256`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sha256: Maybe<String>,
}

/// A sticker.
///
/// WAProto: `Message.StickerMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StickerMessage {
    /// `accessibilityLabel` = 22: alt text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accessibility_label: Maybe<String>,
    /// `contextInfo` = 17: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `directPath` = 8: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileEncSha256` = 3: SHA-256 of the encrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_enc_sha256: Maybe<Bytes>,
    /// `fileLength` = 9: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 2: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `firstFrameLength` = 11: animated sticker: length of the first frame.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_frame_length: Maybe<u32>,
    /// `firstFrameSidecar` = 12: animated sticker: sidecar of the first frame.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_frame_sidecar: Maybe<Bytes>,
    /// `height` = 6: height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<u32>,
    /// `isAiSticker` = 20: made by AI.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_ai_sticker: Maybe<bool>,
    /// `isAnimated` = 13: an animated sticker.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_animated: Maybe<bool>,
    /// `isAvatar` = 19: an avatar sticker.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_avatar: Maybe<bool>,
    /// `isLottie` = 21: a Lottie animation.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_lottie: Maybe<bool>,
    /// `mediaKey` = 4: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 23: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 10: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `mimetype` = 5: MIME type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub mimetype: Maybe<String>,
    /// `pngThumbnail` = 16: thumbnail (PNG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub png_thumbnail: Maybe<Bytes>,
    /// `stickerSentTs` = 18: when the sticker was sent (milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sticker_sent_ts: Maybe<Long>,
    /// `url` = 1: media URL on WhatsApp's CDN (encrypted: decrypt with `mediaKey`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub url: Maybe<String>,
    /// `width` = 7: width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<u32>,
    // Evolution API's Cloud API channel (quirk): for a message received through Meta's
    // Cloud API, Evolution puts Meta's media object inside this Baileys message as it is,
    // so its snake_case keys sit beside Baileys' names (`mime_type` for `mimetype`,
    // `sha256` for `fileSha256`, `id` for the media, `url` a Graph API link).
    /// Evolution's Cloud API channel: Meta's `animated` flag (Baileys' `isAnimated`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub animated: Maybe<bool>,
    /// Evolution's Cloud API channel: Meta's media id (download it from the Graph API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `mime_type` (Baileys' `mimetype`).
    #[serde(
        default,
        rename = "mime_type",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub mime_type: Maybe<String>,
    /// Evolution's Cloud API channel: Meta's `sha256` of the file, base64 (Baileys' `fileSha256`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sha256: Maybe<String>,
}

/// A tappable area on media: a location, a channel, a link.
///
/// WAProto: `InteractiveAnnotation`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InteractiveAnnotation {
    /// `embeddedAction` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub embedded_action: Maybe<bool>,
    /// `embeddedContent` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub embedded_content: Maybe<EmbeddedContent>,
    /// `location` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub location: Maybe<AnnotationLocation>,
    /// `newsletter` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter: Maybe<ForwardedNewsletterMessageInfo>,
    /// `polygonVertices` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub polygon_vertices: Maybe<Vec<AnnotationPoint>>,
    /// `shouldSkipConfirmation` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub should_skip_confirmation: Maybe<bool>,
    /// `statusLinkType` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_link_type: Maybe<ProtoEnum<StatusLinkType>>,
    /// `tapAction` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tap_action: Maybe<TapLinkAction>,
}

/// A point of an annotation's polygon (proto `Point`).
///
/// WAProto: `Point`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AnnotationPoint {
    /// `x` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub x: Maybe<serde_json::Number>,
    /// `xDeprecated` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub x_deprecated: Maybe<i32>,
    /// `y` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub y: Maybe<serde_json::Number>,
    /// `yDeprecated` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub y_deprecated: Maybe<i32>,
}

/// An annotation's location (proto `Location`).
///
/// WAProto: `Location`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AnnotationLocation {
    /// `degreesLatitude` = 1: latitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_latitude: Maybe<serde_json::Number>,
    /// `degreesLongitude` = 2: longitude.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub degrees_longitude: Maybe<serde_json::Number>,
    /// `name` = 3: name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// A link an annotation opens.
///
/// WAProto: `TapLinkAction`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TapLinkAction {
    /// `tapUrl` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tap_url: Maybe<String>,
    /// `title` = 1: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// Content embedded in an annotation: a message or a song.
///
/// WAProto: `EmbeddedContent`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EmbeddedContent {
    /// `embeddedMessage` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub embedded_message: Maybe<EmbeddedMessage>,
    /// `embeddedMusic` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub embedded_music: Maybe<EmbeddedMusic>,
}

/// A message embedded in an annotation.
///
/// WAProto: `EmbeddedMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EmbeddedMessage {
    /// `message` = 2: the wrapped message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<Box<Message>>,
    /// `stanzaId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub stanza_id: Maybe<String>,
}

/// A song embedded in a message or an annotation.
///
/// WAProto: `EmbeddedMusic`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct EmbeddedMusic {
    /// `artistAttribution` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artist_attribution: Maybe<String>,
    /// `artworkDirectPath` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artwork_direct_path: Maybe<String>,
    /// `artworkEncSha256` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artwork_enc_sha256: Maybe<Bytes>,
    /// `artworkMediaKey` = 11.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artwork_media_key: Maybe<Bytes>,
    /// `artworkSha256` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub artwork_sha256: Maybe<Bytes>,
    /// `author` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author: Maybe<String>,
    /// `countryBlocklist` = 9.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub country_blocklist: Maybe<Bytes>,
    /// `derivedContentStartTimeInMs` = 13.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub derived_content_start_time_in_ms: Maybe<Long>,
    /// `isExplicit` = 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_explicit: Maybe<bool>,
    /// `musicContentMediaId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub music_content_media_id: Maybe<String>,
    /// `musicSongStartTimeInMs` = 12.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub music_song_start_time_in_ms: Maybe<Long>,
    /// `overlapDurationInMs` = 14.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub overlap_duration_in_ms: Maybe<Long>,
    /// `songId` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub song_id: Maybe<String>,
    /// `title` = 4: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// A rendition (quality) of a video.
///
/// WAProto: `ProcessedVideo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ProcessedVideo {
    /// `bitrate` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bitrate: Maybe<u32>,
    /// `capabilities` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub capabilities: Maybe<Vec<String>>,
    /// `directPath` = 1: the media's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub direct_path: Maybe<String>,
    /// `fileLength` = 5: size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_length: Maybe<Long>,
    /// `fileSha256` = 2: SHA-256 of the decrypted file.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_sha256: Maybe<Bytes>,
    /// `height` = 3: height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<u32>,
    /// `quality` = 7.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quality: Maybe<ProtoEnum<VideoQuality>>,
    /// `width` = 4: width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<u32>,
}

/// A thumbnail stored on WhatsApp's CDN.
///
/// WAProto: `Message.MMSThumbnailMetadata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MmsThumbnailMetadata {
    /// `mediaKey` = 4: the key that decrypts the media (a credential: `Debug` shows its size only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key: Maybe<Bytes>,
    /// `mediaKeyDomain` = 8: which encryption domain the media key belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_domain: Maybe<ProtoEnum<MediaKeyDomain>>,
    /// `mediaKeyTimestamp` = 5: when the media key was made (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_key_timestamp: Maybe<Long>,
    /// `thumbnailDirectPath` = 1: the thumbnail's path on WhatsApp's CDN.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_direct_path: Maybe<String>,
    /// `thumbnailEncSha256` = 3: SHA-256 of the encrypted thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_enc_sha256: Maybe<Bytes>,
    /// `thumbnailHeight` = 6: thumbnail height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_height: Maybe<u32>,
    /// `thumbnailSha256` = 2: SHA-256 of the thumbnail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_sha256: Maybe<Bytes>,
    /// `thumbnailWidth` = 7: thumbnail width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_width: Maybe<u32>,
}
