//! `qrcode.updated`.

use std::borrow::Cow;

use chat_events_core::{Maybe, Num};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::IgnoredAny};
use serde_json::value::RawValue;

use crate::proto::decode_captured;

/// A new QR code to scan, or the news that the limit of QR codes was reached. The shape is
/// read from the data's keys: `qrcode` means a code.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum QrcodeUpdate {
    /// A code to scan.
    Code(QrcodeData),
    /// Open source v1.3: too many codes were issued; log in again.
    LimitReached(QrcodeLimit),
}

impl Serialize for QrcodeUpdate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Code(code) => code.serialize(serializer),
            Self::LimitReached(limit) => limit.serialize(serializer),
        }
    }
}

#[derive(Deserialize)]
struct QrShape {
    #[serde(default)]
    qrcode: Option<IgnoredAny>,
}

impl<'de> Deserialize<'de> for QrcodeUpdate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let shape: QrShape = decode_captured(&raw)?;
        if shape.qrcode.is_some() {
            decode_captured(&raw).map(Self::Code)
        } else {
            decode_captured(&raw).map(Self::LimitReached)
        }
    }
}

impl JsonSchema for QrcodeUpdate {
    fn schema_name() -> Cow<'static, str> {
        "QrcodeUpdate".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let code = generator.subschema_for::<QrcodeData>();
        let limit = generator.subschema_for::<QrcodeLimit>();
        json_schema!({
            "description": "A QR code (has `qrcode`) or the QR limit notice.",
            "anyOf": [{ "allOf": [code, { "required": ["qrcode"] }] }, limit]
        })
    }
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
