//! What Chatwoot's HTTP webhook bodies carry besides the push data: the account and inbox
//! references, and the changed attributes. (The webhook form of a sender,
//! [`WebhookSender`](super::WebhookSender), is with the other senders.)

use std::collections::BTreeMap;

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An account as webhook bodies name it (`Account#webhook_data`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Account {
    /// Account id.
    pub id: Id,
    /// Account name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// An inbox as webhook bodies name it (`Inbox#webhook_data`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Inbox {
    /// Inbox id.
    pub id: Id,
    /// Inbox name.
    ///
    /// Quirk: kept exactly as the account wrote it, padding included (a published body has
    /// a name padded with 400 spaces).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// What a `*_updated` or `*_status_changed` webhook says changed: a list of one-key objects,
/// `[{"label_list": {"previous_value": [], "current_value": ["vip"]}}, …]`, in the order
/// the columns changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[non_exhaustive]
pub struct ChangedAttributes(pub Vec<BTreeMap<String, AttributeChange>>);

impl ChangedAttributes {
    /// The change of the attribute `name`, if it changed.
    ///
    /// ```
    /// use onechat_events::objects::ChangedAttributes;
    ///
    /// let changed: ChangedAttributes = serde_json::from_str(
    ///     r#"[{"status":{"previous_value":"pending","current_value":"open"}}]"#,
    /// ).unwrap();
    /// let status = changed.get("status").unwrap();
    /// assert_eq!(status.current_value.get().and_then(|v| v.as_str()), Some("open"));
    /// assert_eq!(changed.names().collect::<Vec<_>>(), ["status"]);
    /// ```
    pub fn get(&self, name: &str) -> Option<&AttributeChange> {
        self.0.iter().find_map(|entry| entry.get(name))
    }

    /// The names of the changed attributes, in the order sent.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .flat_map(|entry| entry.keys().map(String::as_str))
    }
}

/// One attribute's old and new value.
///
/// The values keep the column's JSON type: strings (`status`, `name`), ISO-8601 times
/// (`updated_at`, `snoozed_until`), arrays (`label_list`), objects (`custom_attributes`),
/// numbers (`assignee_id`), `null`. Which one depends on the attribute, so they stay JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AttributeChange {
    /// The new value.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub current_value: Maybe<serde_json::Value>,
    /// The old value.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub previous_value: Maybe<serde_json::Value>,
}
