//! Locations: a place, and one update of a live location.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::ContextInfo,
    proto::{Bytes, Long},
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
