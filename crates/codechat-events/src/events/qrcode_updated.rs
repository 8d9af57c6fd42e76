//! `qrcode.updated`: a new QR code is ready, or the QR code limit was reached.

use chat_events_core::{Maybe, Num, RawJson, Timestamp, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A new QR code to scan, or the news that the limit of QR codes was reached, in the shape
/// of the generation that sent it, read from the data's keys: `qrcode` → a code wrapped in
/// `qrcode` (the cloud docs, open source, Evolution); `code` → CodeChat Go's flat code;
/// `statusCode` → the limit was reached. Another value is kept raw in
/// [`QrcodeUpdated::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum QrcodeUpdated {
    /// A code to scan, under `qrcode`.
    #[shape(has("qrcode"))]
    Code(QrcodeData),
    /// CodeChat Go (2026): a code to scan, flat (`{base64, code, count, expiresAt,
    /// expiresInSeconds}`).
    #[shape(has("code"))]
    Go(GoQrcode),
    /// Open source v1.3 and Evolution: too many codes were issued; log in again.
    #[shape(has("statusCode"))]
    LimitReached(QrcodeLimit),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl QrcodeUpdated {
    /// The code's text, whatever the shape (`None` when the limit was reached).
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Code(data) => data.qrcode.code.as_deref(),
            Self::Go(code) => Some(&code.code),
            Self::LimitReached(_) | Self::Other(_) => None,
        }
    }
}

/// CodeChat Go: a QR code to scan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoQrcode {
    /// The image, as a `data:image/png;base64,…` URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub base64: Maybe<String>,
    /// The code's text.
    pub code: String,
    /// How many codes were issued in this attempt.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub count: Maybe<Num<i64>>,
    /// When the code expires (RFC 3339, computed by CodeChat).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expires_at: Maybe<Timestamp>,
    /// Seconds left before the code expires, as WhatsApp's QR channel said.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expires_in_seconds: Maybe<Num<i64>>,
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
    /// Evolution: the pairing code for login by phone number (`null` when logging in by QR
    /// code).
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
