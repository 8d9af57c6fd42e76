//! [`Conversation`]: conversation push data, the body of most conversation events.

use chat_events_core::{Id, Maybe, Num, Secret, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Account, Attributes, ChangedAttributes, ConversationStatus, Message, Sender, Team};

/// A conversation as Chatwoot pushes it (`Conversations::EventDataPresenter#push_data`).
///
/// The data of `conversation.created`, `.read`, `.status_changed`, `.updated`,
/// `.contact_changed`, `.mentioned`, `.bot_handoff`, `assignee.changed` and `team.changed`;
/// also inside typing events and notifications. Keys were added over the years (labels,
/// priority, timestamps, SLA); every key is optional (a dashboard test sends
/// `{id, account_id}` alone).
///
/// The `conversation_*` webhooks send the same data (`Conversation#webhook_data`) with the
/// webhook's `event` and `changed_attributes` beside it, and without `account_id`; so does
/// the `conversation` inside a message webhook, and the automation rules' and macros'
/// `send_webhook_event` bodies (`automation_event.*`, `macro.executed`). Servers since
/// 2026-06 (after 4.14.1) add the `account` to that webhook data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Conversation {
    /// Webhook bodies only, on servers since 2026-06 (after 4.14.1): the account, as
    /// `{id, name}`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account: Maybe<Account>,
    /// The account (added by the broadcaster).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Free-form attributes: the widget's `browser`, `referer`, `initiated_at`
    /// (`{timestamp: <JavaScript Date.toString()>}`), `browser_language`; e-mail subject…
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub additional_attributes: Maybe<Attributes>,
    /// Seconds since the epoch of the agent's last visit; `0` for never.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub agent_last_seen_at: Maybe<Timestamp>,
    /// `assignee.changed` only (recent servers): whether an automatic assignment (the inbox's
    /// round robin or an assignment policy) made the change.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub automatic_assignment: Maybe<bool>,
    /// The SLA applied to the conversation (enterprise, `sla` feature).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub applied_sla: Maybe<AppliedSla>,
    /// Whether an agent can reply now (messaging windows of WhatsApp, Meta…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub can_reply: Maybe<bool>,
    /// The `conversation_status_changed` and `conversation_updated` webhooks only: what
    /// changed (absent from the 2022 documentation's example).
    ///
    /// Quirk: `null` in `conversation_status_changed` bodies (the model hands the listener
    /// `status_change`, which Rails has already cleared once the status is saved); read
    /// the new status from `status`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub changed_attributes: Maybe<ChangedAttributes>,
    /// The inbox's channel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub channel: Maybe<ChannelType>,
    /// The contact's link to the inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_inbox: Maybe<ContactInbox>,
    /// Seconds since the epoch of the contact's last visit; `0` for never.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_last_seen_at: Maybe<Timestamp>,
    /// When the conversation was created (since 2023-01).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// The account's custom attributes for the conversation.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub custom_attributes: Maybe<Attributes>,
    /// Webhook bodies only: the webhook's event name (`conversation_created`,
    /// `conversation_status_changed`, `conversation_updated`, `conversation_opened`,
    /// `conversation_resolved`, `automation_event.<rule event>`, `macro.executed`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// When the first agent reply was sent (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub first_reply_created_at: Maybe<Timestamp>,
    /// The per-account display id (the number in the UI, not the database id).
    ///
    /// Quirk: `null` on old servers when the event fired before the id was assigned (the
    /// documented `assignee.changed` example).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox_id: Maybe<Id>,
    /// Labels (since 2022-10).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub labels: Maybe<Vec<String>>,
    /// Time of the last activity (since 2024-08).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_activity_at: Maybe<Timestamp>,
    /// The last message that is neither private nor an activity (zero or one).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub messages: Maybe<Vec<Message>>,
    /// Sender, assignee and team.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meta: Maybe<ConversationMeta>,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
    /// Priority, `null` when unset (since 2023-04).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub priority: Maybe<Priority>,
    /// SLA events (enterprise).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_events: Maybe<Vec<SlaEvent>>,
    /// The SLA policy (enterprise).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_policy_id: Maybe<Id>,
    /// When a snoozed conversation reopens (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub snoozed_until: Maybe<Timestamp>,
    /// Status.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<ConversationStatus>,
    /// Same as `last_activity_at`; `0` on old servers for new conversations.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Timestamp>,
    /// Unread incoming messages, capped at 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_count: Maybe<Num<i64>>,
    /// Last update, as float seconds with a microsecond fraction (`1736743188.402117`): use
    /// it to drop stale updates that arrive out of order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
    /// Since when the contact has been waiting for a reply; `0` when not waiting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub waiting_since: Maybe<Timestamp>,
}

impl Conversation {
    /// When the widget visitor opened the conversation: the browser's
    /// `additional_attributes.initiated_at.timestamp`, a JavaScript `Date.toString()` such as
    /// `"Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard Time)"`.
    pub fn initiated_at(&self) -> Option<Timestamp> {
        let value = self
            .additional_attributes
            .get()?
            .get("initiated_at")?
            .get("timestamp")?;
        Timestamp::deserialize(value).ok()
    }
}

/// The people around a conversation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ConversationMeta {
    /// The assigned agent (a user, or an agent bot on recent servers); `null` when unassigned.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub assignee: Maybe<Sender>,
    /// `"User"` or `"AgentBot"` (recent servers only).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub assignee_type: Maybe<String>,
    /// Whether the contact's identity is HMAC-verified.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub hmac_verified: Maybe<bool>,
    /// The contact.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender: Maybe<Sender>,
    /// The team; `null` when none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub team: Maybe<Team>,
}

/// A contact's link to an inbox (the whole database row).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ContactInbox {
    /// The contact.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_id: Maybe<Id>,
    /// Created (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Whether the contact is HMAC-verified.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub hmac_verified: Maybe<bool>,
    /// Row id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox_id: Maybe<Id>,
    /// The contact's websocket token (since 2021-11, in every agent payload); a credential,
    /// redacted in `Debug`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pubsub_token: Maybe<Secret>,
    /// The contact's id in the channel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
    /// Updated (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// The SLA applied to a conversation (enterprise).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AppliedSla {
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Row id.
    pub id: Id,
    /// Policy description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_description: Maybe<String>,
    /// First response threshold in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_first_response_time_threshold: Maybe<serde_json::Number>,
    /// The policy.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_id: Maybe<Id>,
    /// Policy name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_name: Maybe<String>,
    /// Next response threshold in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_next_response_time_threshold: Maybe<serde_json::Number>,
    /// Whether only business hours count.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_only_during_business_hours: Maybe<bool>,
    /// Resolution threshold in seconds.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_resolution_time_threshold: Maybe<serde_json::Number>,
    /// State of the SLA.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sla_status: Maybe<SlaStatus>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// An SLA event: a threshold hit or missed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SlaEvent {
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Which threshold: `frt` (first response), `nrt` (next response), `rt` (resolution).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_type: Maybe<String>,
    /// Row id.
    pub id: Id,
    /// Free-form details.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meta: Maybe<Attributes>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

open_enum! {
    /// Priority of a conversation.
    pub enum Priority {
        /// High.
        High = "high",
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// Urgent.
        Urgent = "urgent",
    }
}

open_enum! {
    /// State of an applied SLA.
    pub enum SlaStatus {
        /// Running.
        Active = "active",
        /// Running, with a threshold missed.
        ActiveWithMisses = "active_with_misses",
        /// Met.
        Hit = "hit",
        /// Missed.
        Missed = "missed",
    }
}

open_enum! {
    /// The channel of an inbox, as a Ruby class name.
    pub enum ChannelType {
        /// API inbox.
        Api = "Channel::Api",
        /// E-mail.
        Email = "Channel::Email",
        /// Facebook page.
        FacebookPage = "Channel::FacebookPage",
        /// Instagram.
        Instagram = "Channel::Instagram",
        /// LINE.
        Line = "Channel::Line",
        /// SMS (Bandwidth).
        Sms = "Channel::Sms",
        /// Telegram.
        Telegram = "Channel::Telegram",
        /// TikTok.
        Tiktok = "Channel::Tiktok",
        /// Twilio SMS or WhatsApp.
        TwilioSms = "Channel::TwilioSms",
        /// Twitter.
        TwitterProfile = "Channel::TwitterProfile",
        /// Voice (enterprise).
        Voice = "Channel::Voice",
        /// The website widget.
        WebWidget = "Channel::WebWidget",
        /// WhatsApp Cloud or 360dialog.
        Whatsapp = "Channel::Whatsapp",
    }
}
