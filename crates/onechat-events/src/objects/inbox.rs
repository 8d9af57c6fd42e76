//! [`InboxSettings`]: an inbox's settings, as the `inbox_created` and `inbox_updated`
//! webhooks send them.

use chat_events_core::{Id, Maybe, Num, Timestamp, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Account, Attributes, ChangedAttributes};

/// An inbox's settings (`Inbox::EventDataPresenter#push_data`): the body of the
/// `inbox_created` and `inbox_updated` account webhooks.
///
/// Quirk: the presenter sends neither the inbox's id nor its name; the `channel` record
/// carries its own id and, depending on the channel, its name or phone number. Servers since
/// 2026-06 (after 4.14.1) send `Inbox::EventDataPresenter#webhook_data`: the same data with
/// the `account`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct InboxSettings {
    /// The account, as `{id, name}` (servers since 2026-06).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account: Maybe<Account>,
    /// Whether an agent's label is required to resolve a conversation.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub add_label_to_resolve_conversation: Maybe<bool>,
    /// Whether a contact may write into a resolved conversation (which reopens it).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub allow_messages_after_resolved: Maybe<bool>,
    /// Auto-assignment settings (`max_assignment_limit`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub auto_assignment_config: Maybe<Attributes>,
    /// The business name shown as the sender of outgoing e-mail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub business_name: Maybe<String>,
    /// The `inbox_updated` webhook: what changed (settings columns; `reauthorization_required`
    /// `false` → `true` when the channel loses its authorization and back when it is
    /// reauthorized, on servers with `ENABLE_INBOX_EVENTS`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub changed_attributes: Maybe<ChangedAttributes>,
    /// The channel record behind the inbox, every column of it, whose keys depend on the
    /// channel type (website, API, e-mail, WhatsApp…).
    ///
    /// Quirk: it may hold the channel's secrets (an API inbox's `hmac_token`, a WhatsApp
    /// `provider_config` with its API key, an e-mail password): do not log it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub channel: Maybe<Attributes>,
    /// Created (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Whether CSAT surveys are sent on resolution.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub csat_survey_enabled: Maybe<bool>,
    /// Whether conversations are assigned automatically.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enable_auto_assignment: Maybe<bool>,
    /// Whether the widget asks visitors for their e-mail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub enable_email_collect: Maybe<bool>,
    /// The webhook's event name (`inbox_created`, `inbox_updated`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// Whether new conversations get a greeting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub greeting_enabled: Maybe<bool>,
    /// The greeting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub greeting_message: Maybe<String>,
    /// Whether a contact has one conversation at a time in the inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub lock_to_single_conversation: Maybe<bool>,
    /// The reply outside working hours.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub out_of_office_message: Maybe<String>,
    /// How outgoing e-mail names its sender.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_name_type: Maybe<SenderNameType>,
    /// The time zone of the working hours (`"America/Sao_Paulo"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timezone: Maybe<String>,
    /// Updated (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
    /// The working hours, one entry per day of the week.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub working_hours: Maybe<Vec<WorkingHour>>,
    /// Whether the working hours apply.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub working_hours_enabled: Maybe<bool>,
}

/// The working hours of one day of the week (a `working_hours` row).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WorkingHour {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Closing hour (0..23); `null` when closed all day.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub close_hour: Maybe<Num<i64>>,
    /// Closing minutes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub close_minutes: Maybe<Num<i64>>,
    /// Whether the inbox is closed that day.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub closed_all_day: Maybe<bool>,
    /// Created (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// The day: 0 is Sunday.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub day_of_week: Maybe<Num<i64>>,
    /// Row id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox_id: Maybe<Id>,
    /// Whether the inbox is open all day.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub open_all_day: Maybe<bool>,
    /// Opening hour (0..23); `null` when closed all day.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub open_hour: Maybe<Num<i64>>,
    /// Opening minutes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub open_minutes: Maybe<Num<i64>>,
    /// Updated (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

open_enum! {
    /// How outgoing e-mail of an inbox names its sender.
    pub enum SenderNameType {
        /// The agent's name ("Priya from Acme").
        Friendly = "friendly",
        /// The business name only.
        Professional = "professional",
    }
}
