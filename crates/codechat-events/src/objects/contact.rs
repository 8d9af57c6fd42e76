//! Contacts in the shape of each generation (`contacts.upsert`, `contacts.update`).

use std::borrow::Cow;

use chat_events_core::{Id, Maybe, Timestamp};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de::IgnoredAny};
use serde_json::value::RawValue;

use crate::proto::decode_captured;

/// A contact item, in the shape of the generation that sent it, read from its keys:
/// `wuid` → the cloud docs; `remoteJid` → the open-source v1.3 row; otherwise open source
/// ≤ v1.2.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ContactItem {
    /// The cloud docs' contact.
    Cloud(CloudContact),
    /// Open source ≤ v1.2: `{id, pushName, profilePictureUrl, owner}`.
    Legacy(LegacyContact),
    /// Open source v1.3: the database row.
    Row(ContactRow),
}

impl ContactItem {
    /// The contact's JID, whatever the shape.
    pub fn jid(&self) -> Option<&str> {
        match self {
            Self::Cloud(contact) => contact.wuid.as_deref(),
            Self::Legacy(contact) => contact.id.as_deref(),
            Self::Row(row) => Some(&row.remote_jid),
        }
    }
}

impl Serialize for ContactItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Cloud(contact) => contact.serialize(serializer),
            Self::Legacy(contact) => contact.serialize(serializer),
            Self::Row(row) => row.serialize(serializer),
        }
    }
}

#[derive(Deserialize)]
struct ContactShape {
    #[serde(default)]
    wuid: Option<IgnoredAny>,
    #[serde(default, rename = "remoteJid")]
    remote_jid: Option<IgnoredAny>,
}

impl<'de> Deserialize<'de> for ContactItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let shape: ContactShape = decode_captured(&raw)?;
        Ok(if shape.wuid.is_some() {
            Self::Cloud(decode_captured(&raw)?)
        } else if shape.remote_jid.is_some() {
            Self::Row(decode_captured(&raw)?)
        } else {
            Self::Legacy(decode_captured(&raw)?)
        })
    }
}

impl JsonSchema for ContactItem {
    fn schema_name() -> Cow<'static, str> {
        "ContactItem".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let cloud = generator.subschema_for::<CloudContact>();
        let row = generator.subschema_for::<ContactRow>();
        let legacy = generator.subschema_for::<LegacyContact>();
        json_schema!({
            "description": "A contact: cloud docs (has wuid), open-source v1.3 row (has remoteJid), or open source ≤ v1.2.",
            "anyOf": [cloud, row, legacy]
        })
    }
}

/// The cloud docs' contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CloudContact {
    /// The name in the phone's address book.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_name: Maybe<String>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_name: Maybe<String>,
    /// The number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone_number: Maybe<String>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The contact's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

/// The open-source v1.3 contact row. For existing contacts it is the stored row, not the
/// update.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactRow {
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Row id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The instance's database id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_pic_url: Maybe<String>,
    /// The contact's name, or its JID when it has none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The contact's JID.
    pub remote_jid: String,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// Open source ≤ v1.2: a contact and the instance's owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LegacyContact {
    /// The contact's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<String>,
    /// The instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The contact's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
}
