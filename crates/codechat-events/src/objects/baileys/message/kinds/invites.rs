//! Invitations to a group or a channel.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::{ContextInfo, GroupInviteType},
    proto::{Bytes, Long, ProtoEnum},
};

/// An invitation to a group.
///
/// WAProto: `Message.GroupInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GroupInviteMessage {
    /// `caption` = 6: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 7: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `groupJid` = 1: the group's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_jid: Maybe<Jid>,
    /// `groupName` = 4: the group's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_name: Maybe<String>,
    /// `groupType` = 8.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub group_type: Maybe<ProtoEnum<GroupInviteType>>,
    /// `inviteCode` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_code: Maybe<String>,
    /// `inviteExpiration` = 3: when the invite expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_expiration: Maybe<Long>,
    /// `jpegThumbnail` = 5: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
}

/// An invitation to administer a channel.
///
/// WAProto: `Message.NewsletterAdminInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewsletterAdminInviteMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 6: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `inviteExpiration` = 5: when the invite expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub invite_expiration: Maybe<Long>,
    /// `jpegThumbnail` = 3: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `newsletterJid` = 1: the channel's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<Jid>,
    /// `newsletterName` = 2: the channel's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_name: Maybe<String>,
}

/// An invitation to follow a channel.
///
/// WAProto: `Message.NewsletterFollowerInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewsletterFollowerInviteMessage {
    /// `caption` = 4: caption.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub caption: Maybe<String>,
    /// `contextInfo` = 5: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `jpegThumbnail` = 3: thumbnail (JPEG bytes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jpeg_thumbnail: Maybe<Bytes>,
    /// `newsletterJid` = 1: the channel's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<Jid>,
    /// `newsletterName` = 2: the channel's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_name: Maybe<String>,
}
