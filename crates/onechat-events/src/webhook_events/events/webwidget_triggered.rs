//! `webwidget_triggered`: a visitor opened the website widget.

use chat_events_core::{Id, Maybe, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{Account, Contact, Conversation, Inbox};

/// A visitor opened the website widget (`ContactInbox#webhook_data` with the widget's
/// `event_info`): who, in which inbox, and their current conversation if any. Sent to
/// account webhooks and the inbox's agent bot, typically to greet the visitor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WebwidgetTriggered {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account: Maybe<Account>,
    /// The visitor, as contact webhook data (`{id, name, avatar, type}` on older servers).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact: Maybe<Box<Contact>>,
    /// The visitor's open conversation in the inbox; `null` when there is none.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub current_conversation: Maybe<Box<Conversation>>,
    /// The webhook's event name (`webwidget_triggered`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// What the widget reported about the visitor's browser.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_info: Maybe<WidgetEventInfo>,
    /// The contact inbox (the visitor's link to the inbox) id.
    pub id: Id,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox: Maybe<Inbox>,
    /// The visitor's id in the inbox (the widget's session id).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
}

/// What the website widget reports when it opens: what the widget sent
/// (`initiated_at`, `referer`; since 2021-08) with what the server read from the request
/// (`widget_language`, `browser_language`, `browser`).
///
/// ```
/// use onechat_events::webhook_events::events::WidgetEventInfo;
///
/// let info: WidgetEventInfo = serde_json::from_str(
///     r#"{"initiated_at":{"timestamp":"Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard Time)"},
///         "referer":"https://acme.test/pricing","widget_language":"en","browser_language":"en"}"#,
/// ).unwrap();
/// let opened = info.initiated_at.get().and_then(|at| at.timestamp.get()).unwrap();
/// assert_eq!(opened.unix_seconds(), Some(1_627_060_394.0));
/// assert_eq!(info.referer.as_deref(), Some("https://acme.test/pricing"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WidgetEventInfo {
    /// The visitor's browser.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub browser: Maybe<Browser>,
    /// The browser's language (`"en"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub browser_language: Maybe<String>,
    /// When the widget opened, by the visitor's clock.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub initiated_at: Maybe<WidgetInitiatedAt>,
    /// The page the widget was opened on (`""` when the widget does not know it).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub referer: Maybe<String>,
    /// The widget's language (`"en"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub widget_language: Maybe<String>,
}

/// When the website widget opened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WidgetInitiatedAt {
    /// The browser's JavaScript `Date.toString()`, such as
    /// `"Fri Jul 23 2021 22:43:14 GMT+0530 (India Standard Time)"`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub timestamp: Maybe<Timestamp>,
}

/// A visitor's browser and platform, as the server detects them from the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Browser {
    /// Browser name (`"Chrome"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub browser_name: Maybe<String>,
    /// Browser version.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub browser_version: Maybe<String>,
    /// Device name (`"Unknown"` on desktops).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub device_name: Maybe<String>,
    /// Platform name (`"macOS"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub platform_name: Maybe<String>,
    /// Platform version.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub platform_version: Maybe<String>,
}
