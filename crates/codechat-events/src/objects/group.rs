//! Groups: metadata (`group(s).upsert`, `group(s).update`) and participant changes.

use crate::{Identity, Jid, JidField};
use chat_events_core::{Maybe, Num, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A group's metadata (Baileys' `GroupMetadata`; CodeChat Go's group, with the same keys
/// and a few of its own). In updates only `id` and the changed keys are present (plus who
/// changed them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupMetadata {
    /// `pn` or `lid`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub addressing_mode: Maybe<String>,
    /// Only admins may send.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub announce: Maybe<bool>,
    /// Who made the change (updates).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author: Maybe<Jid>,
    /// The author's phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_pn: Maybe<Jid>,
    /// The author's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_username: Maybe<String>,
    /// Created (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub creation: Maybe<Timestamp>,
    /// Description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc: Maybe<String>,
    /// Description id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc_id: Maybe<String>,
    /// Who set the description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc_owner: Maybe<Jid>,
    /// Their phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc_owner_pn: Maybe<Jid>,
    /// CodeChat Go: their username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc_owner_username: Maybe<String>,
    /// When the description was set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub desc_time: Maybe<Timestamp>,
    /// Disappearing-messages timer (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ephemeral_duration: Maybe<Num<i64>>,
    /// The group's JID (`…@g.us`).
    pub id: Jid,
    /// Invite code.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_code: Maybe<String>,
    /// Whether it is a community.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_community: Maybe<bool>,
    /// Whether it is a community's announcement group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_community_announce: Maybe<bool>,
    /// Whether joining needs approval.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub join_approval_mode: Maybe<bool>,
    /// The community it belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub linked_parent: Maybe<String>,
    /// Whether all members may add members.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub member_add_mode: Maybe<bool>,
    /// Notification name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub notify: Maybe<String>,
    /// The creator.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<Jid>,
    /// The creator's country code (Baileys' snake-case key).
    #[serde(
        default,
        rename = "owner_country_code",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub owner_country_code: Maybe<String>,
    /// CodeChat Go: the creator's country code. Quirk: the camel-case key `ownerCountryCode`,
    /// where Baileys writes `owner_country_code`.
    #[serde(
        default,
        rename = "ownerCountryCode",
        skip_serializing_if = "Maybe::is_absent"
    )]
    pub owner_country_code_camel: Maybe<String>,
    /// Evolution 2.3.0 (Baileys 7 release candidates): the creator's phone-number JID, when
    /// `owner` is a LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_jid: Maybe<Jid>,
    /// The creator's phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_pn: Maybe<Jid>,
    /// CodeChat Go: the creator's username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_username: Maybe<String>,
    /// Members.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participants: Maybe<Vec<GroupParticipant>>,
    /// Only admins may edit the group's info.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub restrict: Maybe<bool>,
    /// Number of members.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub size: Maybe<Num<i64>>,
    /// Subject (name).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject: Maybe<String>,
    /// Who set the subject.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject_owner: Maybe<Jid>,
    /// Evolution 2.3.0 (Baileys 7 release candidates): their phone-number JID, when
    /// `subjectOwner` is a LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject_owner_jid: Maybe<Jid>,
    /// Their phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject_owner_pn: Maybe<Jid>,
    /// CodeChat Go: their username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject_owner_username: Maybe<String>,
    /// When the subject was set. Quirk: seconds, or a string in the v2 docs.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject_time: Maybe<Timestamp>,
}

/// A member of a group: a bare JID (Baileys 6) or an object with its `id` (Baileys 7,
/// CodeChat Go, and every generation's group metadata). Another value is kept raw in
/// [`GroupParticipant::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum GroupParticipant {
    /// Baileys 6: the member's JID.
    #[shape(string)]
    Jid(Jid),
    /// The member with its addresses and role.
    #[shape(has("id"))]
    Member(Box<Participant>),
    /// Neither; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl GroupParticipant {
    /// The member's id as sent (a JID or a LID; `None` for [`GroupParticipant::Other`]).
    pub fn id(&self) -> Option<&Jid> {
        match self {
            Self::Jid(jid) => Some(jid),
            Self::Member(member) => Some(&member.id),
            Self::Other(_) => None,
        }
    }

    /// The member in every form it is named: `id`, with `phoneNumber`, `jid` and `lid`
    /// beside it (Baileys 7, Evolution 2.3, CodeChat Go); a bare JID alone. Its
    /// [`id`](Identity::id) is the phone-number JID whenever one is given. `None` for
    /// [`GroupParticipant::Other`].
    pub fn identity(&self) -> Option<Identity<'_>> {
        match self {
            Self::Jid(jid) => Some(Identity::gather(JidField::Participant, jid, [])),
            Self::Member(member) => Some(Identity::gather(
                JidField::Id,
                &member.id,
                [
                    member.phone_number.get(),
                    member.jid.get(),
                    member.lid.get(),
                ],
            )),
            Self::Other(_) => None,
        }
    }
}

/// A group member (Baileys 7, CodeChat Go, group metadata).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Participant {
    /// `admin` or `superadmin`; `null` for members.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub admin: Maybe<AdminRole>,
    /// The member's id (a JID or a LID).
    pub id: Jid,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub img_url: Maybe<String>,
    /// Whether an admin.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_admin: Maybe<bool>,
    /// Evolution 2.3.0 (Baileys 7 release candidates): the member's phone-number JID, when
    /// `id` is a LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
    /// Whether the creator.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_super_admin: Maybe<bool>,
    /// The member's LID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub lid: Maybe<Jid>,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Notification name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub notify: Maybe<String>,
    /// The member's phone-number JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone_number: Maybe<Jid>,
    /// Username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub username: Maybe<String>,
}

open_enum! {
    /// A member's role in a group.
    pub enum AdminRole {
        /// An admin.
        Admin = "admin",
        /// The creator.
        Superadmin = "superadmin",
    }
}

/// Members joined, left, or changed role (`group-participants.update`, the cloud docs'
/// `group:participant.update`, CodeChat Go's `groups.participants.update`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupParticipantsUpdate {
    /// What happened.
    pub action: GroupAction,
    /// Who did it (Evolution: `null` when not known; CodeChat Go: `""`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author: Maybe<Jid>,
    /// Their phone-number JID (CodeChat Go: digits only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_pn: Maybe<Jid>,
    /// Their username.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub author_username: Maybe<String>,
    /// The group's JID.
    pub id: Jid,
    /// The members concerned.
    ///
    /// Quirk: JID strings with Baileys 6, objects with Baileys 7 and CodeChat Go.
    pub participants: Vec<GroupParticipant>,
    /// Evolution: the members' phone numbers and names, resolved from the group.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participants_data: Maybe<Vec<ParticipantData>>,
}

/// Evolution: a member of a participants update, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ParticipantData {
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub img_url: Maybe<String>,
    /// The member's id as in `participants` (a JID or a LID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jid: Maybe<Jid>,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The phone number: a phone-number JID, or the digits of `jid` when none is known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone_number: Maybe<Jid>,
}

impl ParticipantData {
    /// The member: `jid` with `phoneNumber` beside it (the phone number's digits alone, which
    /// Evolution writes when it knows no JID, are not a form). `None` without `jid`.
    pub fn identity(&self) -> Option<Identity<'_>> {
        let jid = self.jid.get()?;
        Some(Identity::gather(
            JidField::Jid,
            jid,
            [self.phone_number.get()],
        ))
    }
}

open_enum! {
    /// What happened to group members.
    pub enum GroupAction {
        /// Added.
        Add = "add",
        /// Demoted from admin.
        Demote = "demote",
        /// Changed their number.
        Modify = "modify",
        /// Promoted to admin.
        Promote = "promote",
        /// Removed or left.
        Remove = "remove",
    }
}
