//! Small objects that appear in many events.

use chat_events_core::{Id, Maybe, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text in several languages, keyed by language code (`en`, `ru`, `pt`).
///
/// ChatApp adds languages without notice, so this is a map, not a struct.
pub type Translations = BTreeMap<String, String>;

/// A reference to another ChatApp object by id: an employee (`responsible`, `edited`,
/// `created`), a chat level, a funnel stage, a quick-response list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct IdRef {
    /// The referenced object's id.
    pub id: Id,
}

/// The ChatApp application (API client) an action came from.
///
/// `null` in the payload when the action was not made through an app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FromApp {
    /// Application id, such as `app_685_1`.
    pub id: Id,
    /// Who in the app sent it, such as `employee`; `null` when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender: Maybe<String>,
    /// Tracking data attached by the app. Its shape is not documented (only `null` is shown),
    /// so it is kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tracking: Maybe<serde_json::Value>,
}

/// An error attached to an event (a failed message status, a failed history import).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ErrorInfo {
    /// Error code: numeric from the messenger (`131026`) or a ChatApp name
    /// (`messagesNotFound`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub code: Maybe<Id>,
    /// Error text in English.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// Error text by language.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_lang: Maybe<Translations>,
}

chat_events_core::unstable::open_enum! {
    /// Kind of a message.
    pub enum MessageType {
        /// A system notice written by ChatApp (an assignment, a status change).
        System = "system",
        /// Text.
        Text = "text",
    }
}

chat_events_core::unstable::open_enum! {
    /// A chat's consent to receive messages.
    pub enum ConsentSendMessage {
        /// The contact agreed to receive messages.
        Accepted = "accepted",
    }
}

open_enum! {
    /// Whether something was added to or removed from a chat (a tag, an accomplice, an
    /// auditor).
    pub enum ChangeAction {
        /// It was added.
        Add = "add",
        /// It was removed.
        Destroy = "destroy",
    }
}
