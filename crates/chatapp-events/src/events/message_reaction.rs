//! `messageReaction`: a reaction was put on or taken off a message.

use chat_events_core::{Id, Maybe, UnixSeconds, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Chat, User};

/// A reaction to a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageReaction {
    /// Reacted or took the reaction back.
    pub action: ReactionAction,
    /// The chat.
    pub chat: Chat,
    /// Who reacted (filled in groups).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_user: Maybe<User>,
    /// The message's id in the messenger.
    pub id: Id,
    /// The reaction, usually one emoji; may be blank (the newer docs show `" "`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reaction: Maybe<String>,
    /// When it happened.
    ///
    /// Quirk: sent as a string (`"1697795977"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub time: Maybe<UnixSeconds>,
}

open_enum! {
    /// What happened to a reaction.
    pub enum ReactionAction {
        /// A reaction was put on the message.
        React = "react",
        /// A reaction was taken back.
        Unreact = "unreact",
    }
}
