//! `news.letter`: something happened to a channel (newsletter) (CodeChat Go).

use crate::Jid;
use chat_events_core::{Maybe, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Something happened to a channel (whatsmeow's `Newsletter*` events). Each kind adds the
/// keys of its whatsmeow event, flattened; the ones seen are typed here.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewsLetter {
    /// When it was processed (RFC 3339).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date_time: Maybe<Timestamp>,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: NewsLetterKind,
    /// `mute.change`: whether the channel is now muted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub muted: Maybe<bool>,
    /// The channel's JID (`…@newsletter`), when the event names one.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub newsletter_jid: Maybe<Jid>,
}

open_enum! {
    /// What happened to a channel.
    pub enum NewsLetterKind {
        /// The account joined it.
        Join = "join",
        /// The account left it.
        Leave = "leave",
        /// Live updates of its messages (reactions, views).
        LiveUpdate = "live.update",
        /// Metadata of one of its messages.
        MessageMeta = "message.meta",
        /// The account muted or unmuted it.
        MuteChange = "mute.change",
    }
}
