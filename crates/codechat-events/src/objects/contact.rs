//! Contacts in the shape of each generation (`contacts.upsert`, `contacts.update`).

use crate::Jid;
use chat_events_core::{Id, Maybe, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The data of `contacts.upsert` and `contacts.update`: a list of contacts (the cloud docs,
/// open source, Evolution, CodeChat Go's `contacts.update`) or one contact (Evolution on
/// every incoming message, CodeChat Go's `contacts.upsert`). Each contact says its
/// generation's shape ([`ContactItem`]).
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum Contacts {
    /// A list of contacts.
    #[shape(array)]
    Many(Vec<ContactItem>),
    /// One contact, not in a list (told by the keys of [`ContactItem`]'s shapes).
    #[shape(has("wuid"))]
    #[shape(has("action"))]
    #[shape(has("remoteJid"))]
    #[shape(has("owner"))]
    One(ContactItem),
    /// Neither a list nor a contact of a known shape; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl Contacts {
    /// The contacts, one or many (none for [`Contacts::Other`]).
    pub fn as_slice(&self) -> &[ContactItem] {
        match self {
            Self::Many(many) => many,
            Self::One(one) => std::slice::from_ref(one),
            Self::Other(_) => &[],
        }
    }
}

/// A contact item, in the shape of the generation that sent it, read from its keys:
/// `wuid` → the cloud docs; `action` → CodeChat Go; `remoteJid` → the open-source v1.3 row
/// and Evolution; `owner` → open source ≤ v1.2. Another value is kept raw in
/// [`ContactItem::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ContactItem {
    /// The cloud docs' contact.
    #[shape(has("wuid"))]
    Cloud(CloudContact),
    /// CodeChat Go (2026): `{action, id, remoteJid, lid, pushName…}`.
    #[shape(has("action"))]
    Go(GoContact),
    /// Open source v1.3 (the database row) and Evolution (`{remoteJid, pushName,
    /// profilePicUrl, instanceId}`).
    #[shape(has("remoteJid"))]
    Row(ContactRow),
    /// Open source ≤ v1.2: `{id, pushName, profilePictureUrl, owner}`.
    #[shape(has("owner"))]
    Legacy(LegacyContact),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl ContactItem {
    /// The contact's JID, whatever the shape.
    pub fn jid(&self) -> Option<&Jid> {
        match self {
            Self::Cloud(contact) => contact.wuid.get(),
            Self::Go(contact) => Some(&contact.remote_jid),
            Self::Legacy(contact) => contact.id.get(),
            Self::Row(row) => Some(&row.remote_jid),
            Self::Other(_) => None,
        }
    }

    /// The contact's name, whatever the shape.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Cloud(contact) => contact.contact_name.as_deref(),
            Self::Go(contact) => contact.push_name.as_deref(),
            Self::Legacy(contact) => contact.push_name.as_deref(),
            Self::Row(row) => row.push_name.as_deref(),
            Self::Other(_) => None,
        }
    }
}

/// CodeChat Go: a contact saved (`contacts.upsert`, one object) or changed
/// (`contacts.update`, a list).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoContact {
    /// `upserted` (`contacts.upsert`) or `updated` (`contacts.update`).
    pub action: GoContactAction,
    /// `contacts.update`: the new business name, when that changed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub business_name: Maybe<String>,
    /// The contact's database id (an integer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The contact's LID (`…@lid`), `null` when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub lid: Maybe<Jid>,
    /// `contacts.upsert`: profile picture URL, `null` when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_pic_url: Maybe<String>,
    /// The contact's push name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The contact's JID.
    pub remote_jid: Jid,
    /// `contacts.update`: which name changed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source: Maybe<GoContactSource>,
}

open_enum! {
    /// CodeChat Go: what was done to a contact.
    pub enum GoContactAction {
        /// Changed (`contacts.update`).
        Updated = "updated",
        /// Saved (`contacts.upsert`).
        Upserted = "upserted",
    }
}

open_enum! {
    /// CodeChat Go: which of a contact's names changed.
    pub enum GoContactSource {
        /// The business name.
        BusinessName = "businessName",
        /// The push name.
        PushName = "pushName",
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
    pub wuid: Maybe<Jid>,
}

/// The open-source v1.3 contact row (for existing contacts the stored row, not the update),
/// and Evolution's contact (`{remoteJid, pushName, profilePicUrl, instanceId}`, its
/// `instanceId` a UUID string; `pushName` may be missing or `""`).
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
    /// The instance's id: an integer (open source), a UUID (Evolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Profile picture URL, or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_pic_url: Maybe<String>,
    /// The contact's name, or its JID (open source) or number (Evolution) when it has none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The contact's JID.
    pub remote_jid: Jid,
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
    pub id: Maybe<Jid>,
    /// The instance owner's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<Jid>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The contact's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
}
