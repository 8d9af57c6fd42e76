//! Who did something: a contact, a user (agent), an agent bot or a Captain assistant, told
//! apart by their `type`; teams; and the webhook form of a sender.

use std::{borrow::Cow, collections::BTreeMap};

use chat_events_core::{
    Id, Maybe, RawJson, Secret, Timestamp, unstable::Shape, unstable::open_enum,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Account, ChangedAttributes};

/// Free-form attributes (`additional_attributes`, `custom_attributes`, `meta`): any keys,
/// any JSON values. Chatwoot and its users add keys at will.
pub type Attributes = serde_json::Map<String, serde_json::Value>;

/// The author of a message, the assignee of a conversation, the performer of an action, the
/// one typing: one of four kinds, told apart by the `type` key.
///
/// The `type` key comes last in Chatwoot's payloads, so the object is captured first, its
/// `type` read, and then exactly one struct decoded from it (no `untagged` guessing). A
/// `type` this version does not know is kept raw in [`Sender::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum Sender {
    /// An agent bot (`type: "agent_bot"`).
    #[shape(equals("type", "agent_bot"))]
    AgentBot(AgentBot),
    /// A Captain AI assistant (`type: "captain_assistant"`, enterprise).
    #[shape(equals("type", "captain_assistant"))]
    CaptainAssistant(CaptainAssistant),
    /// A contact (`type: "contact"`).
    #[shape(equals("type", "contact"))]
    Contact(Box<Contact>),
    /// A user, that is an agent or administrator (`type: "user"`).
    #[shape(equals("type", "user"))]
    User(User),
    /// A kind this version does not know, kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl Sender {
    /// The sender's id, whatever its kind.
    pub fn id(&self) -> Option<&Id> {
        match self {
            Self::AgentBot(bot) => Some(&bot.id),
            Self::CaptainAssistant(assistant) => Some(&assistant.id),
            Self::Contact(contact) => Some(&contact.id),
            Self::User(user) => Some(&user.id),
            Self::Other(_) => None,
        }
    }

    /// The sender's display name, whatever its kind.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::AgentBot(bot) => bot.name.as_deref(),
            Self::CaptainAssistant(assistant) => assistant.name.as_deref(),
            Self::Contact(contact) => contact.name.as_deref(),
            Self::User(user) => user.name.as_deref(),
            Self::Other(_) => None,
        }
    }

    /// The sender's `type` as sent (`"user"`, …; for [`Sender::Other`], whatever it had).
    pub fn kind(&self) -> Option<Cow<'_, str>> {
        match self {
            Self::AgentBot(_) => Some(Cow::Borrowed("agent_bot")),
            Self::CaptainAssistant(_) => Some(Cow::Borrowed("captain_assistant")),
            Self::Contact(_) => Some(Cow::Borrowed("contact")),
            Self::User(_) => Some(Cow::Borrowed("user")),
            Self::Other(raw) => raw.str_at("type"),
        }
    }
}

/// A user: an agent or administrator of the account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct User {
    /// Presence in the current account; `null` when the server rendered the payload outside
    /// a request (background jobs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub availability_status: Maybe<Availability>,
    /// Display name, or the name when none is set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub available_name: Maybe<String>,
    /// Avatar URL; `""` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub avatar_url: Maybe<String>,
    /// E-mail address: only in webhook bodies (`User#webhook_data`), which carry
    /// `{id, name, email, type}` instead of the push data.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<String>,
    /// User id.
    pub id: Id,
    /// Full name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Same as `avatar_url` (since 2021-09).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail: Maybe<String>,
    /// Always `"user"`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// An agent bot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AgentBot {
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub avatar_url: Maybe<String>,
    /// Bot id.
    pub id: Id,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Always `"agent_bot"`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// A Captain AI assistant (enterprise edition).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CaptainAssistant {
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub avatar_url: Maybe<String>,
    /// When it was created (an ISO-8601 string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// What it does.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// Assistant id.
    pub id: Id,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Always `"captain_assistant"`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// A contact (customer), as a sender and as the data of `contact.*` events; also the body of
/// the `contact_created` and `contact_updated` webhooks and a webhook message's sender
/// (`Contact#webhook_data`, which adds `account` and `avatar`, and has no `type` on recent
/// servers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Contact {
    /// Webhook bodies only: the account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account: Maybe<Account>,
    /// The account (in `contact.*` events).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Free-form attributes (`city`, `country`, `company_name`, `created_at_ip`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub additional_attributes: Maybe<Attributes>,
    /// Webhook bodies only: the avatar URL (the same as `thumbnail`); `""` when there is
    /// none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub avatar: Maybe<String>,
    /// Whether the contact is blocked (since 2025-02).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub blocked: Maybe<bool>,
    /// The `contact_updated` webhook only: what changed.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub changed_attributes: Maybe<ChangedAttributes>,
    /// The contact's company; `null` when none. Push data only (realtime `contact.*`
    /// events, the contact in conversation data and as a message's sender), and only when
    /// the account has the companies feature (servers since 2026-06).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub company_id: Maybe<Id>,
    /// The account's custom attributes for the contact.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub custom_attributes: Maybe<Attributes>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<String>,
    /// Webhook bodies only: the webhook's event name (`contact_created`, `contact_updated`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// Contact id.
    pub id: Id,
    /// External identifier set through the API.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub identifier: Maybe<String>,
    /// Name; `""` by default, random (`"white-shadow-394"`) for widget visitors.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Who made the change (in `contact.*` events).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Box<Sender>>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub phone_number: Maybe<String>,
    /// The contact's websocket token. Sent by servers before 2022-04 (the documented
    /// examples still show it); a credential, redacted in `Debug`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pubsub_token: Maybe<Secret>,
    /// Avatar URL; `""` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail: Maybe<String>,
    /// `"contact"`; absent from the webhook data of recent servers.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// A team of agents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Team {
    /// Team id.
    pub id: Id,
    /// Team name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

open_enum! {
    /// An agent's or contact's presence.
    pub enum Availability {
        /// Busy.
        Busy = "busy",
        /// Offline.
        Offline = "offline",
        /// Online.
        Online = "online",
    }
}

/// Presence by id; the ids are strings (`"7"`), as Redis keeps them.
pub type PresenceMap = BTreeMap<String, Availability>;

/// The author of a webhook message, or who is typing in a typing webhook: the webhook data
/// of a user, a contact, an agent bot or a Captain assistant.
///
/// Users (`{id, name, email, type: "user"}`), agent bots and Captain assistants are told
/// apart by `type`. A contact has `type: "contact"` on older servers
/// (`{id, name, avatar, type}`); recent servers send the whole contact webhook data
/// (`account`, `avatar`, `email`, …) without `type`, so an object with `avatar` is a contact
/// too (only contacts have `avatar` in webhook data). Anything else is kept raw, never
/// guessed.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum WebhookSender {
    /// An agent bot (`type: "agent_bot"`).
    #[shape(equals("type", "agent_bot"))]
    AgentBot(AgentBot),
    /// A Captain AI assistant (`type: "captain_assistant"`).
    #[shape(equals("type", "captain_assistant"))]
    CaptainAssistant(CaptainAssistant),
    /// A user, that is an agent or administrator (`type: "user"`).
    #[shape(equals("type", "user"))]
    User(User),
    /// A contact (`type: "contact"`, or no `type` and an `avatar`).
    #[shape(equals("type", "contact"))]
    #[shape(has("avatar"))]
    Contact(Box<Contact>),
    /// A kind this version does not know, kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl WebhookSender {
    /// The sender's id, whatever its kind.
    pub fn id(&self) -> Option<&Id> {
        match self {
            Self::AgentBot(bot) => Some(&bot.id),
            Self::CaptainAssistant(assistant) => Some(&assistant.id),
            Self::Contact(contact) => Some(&contact.id),
            Self::User(user) => Some(&user.id),
            Self::Other(_) => None,
        }
    }

    /// The sender's name, whatever its kind.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::AgentBot(bot) => bot.name.as_deref(),
            Self::CaptainAssistant(assistant) => assistant.name.as_deref(),
            Self::Contact(contact) => contact.name.as_deref(),
            Self::User(user) => user.name.as_deref(),
            Self::Other(_) => None,
        }
    }
}
