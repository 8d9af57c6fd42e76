//! Contacts in the shape of each generation (`contacts.upsert`, `contacts.update`).

use chat_events_core::{Id, Maybe, Shape, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A contact item, in the shape of the generation that sent it, read from its keys:
/// `wuid` → the cloud docs; `remoteJid` → the open-source v1.3 row; another object → open
/// source ≤ v1.2.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ContactItem {
    /// The cloud docs' contact.
    #[shape(has("wuid"))]
    Cloud(CloudContact),
    /// Open source v1.3: the database row.
    #[shape(has("remoteJid"))]
    Row(ContactRow),
    /// Open source ≤ v1.2: `{id, pushName, profilePictureUrl, owner}`.
    #[shape(object)]
    Legacy(LegacyContact),
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
