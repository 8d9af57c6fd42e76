//! `qrcode.updated`: a new QR code is ready, or the QR code limit was reached.

use chat_events_core::{Maybe, Num, Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A new QR code to scan, or the news that the limit of QR codes was reached. The shape is
/// read from the data's keys: `qrcode` means a code.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum QrcodeUpdate {
    /// A code to scan.
    #[shape(has("qrcode"))]
    Code(QrcodeData),
    /// Open source v1.3: too many codes were issued; log in again.
    #[shape(object)]
    LimitReached(QrcodeLimit),
}

/// A QR code to scan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct QrcodeData {
    /// Cloud docs: the instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The code.
    pub qrcode: Qrcode,
}

/// A QR code, with its image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Qrcode {
    /// The image, as a `data:image/png;base64,…` URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub base64: Maybe<String>,
    /// The code's text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub code: Maybe<String>,
    /// How many codes were issued so far (open source v1.3).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub count: Maybe<Num<i64>>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<String>,
    /// Cloud OpenAPI: the instance key.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_key: Maybe<String>,
    /// Evolution: the pairing code for login by phone number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pairing_code: Maybe<String>,
    /// Open source v1.3: the pairing code. Quirk: the key is spelled `paringCode`.
    #[serde(
        default,
        rename = "paringCode",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub paring_code: Maybe<String>,
}

impl Qrcode {
    /// The pairing code, whichever spelling carried it.
    pub fn pairing(&self) -> Option<&str> {
        self.pairing_code
            .as_deref()
            .or_else(|| self.paring_code.as_deref())
    }
}

/// The QR code limit was reached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QrcodeLimit {
    /// `"QR code limit reached, please login again"`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// `500`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_code: Maybe<Num<i64>>,
}
