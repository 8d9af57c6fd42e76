//! Quick responses and their lists (`quickResponse`, `quickResponseList`).

use chat_events_core::{Id, Maybe, Num, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A quick response: a prepared answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct QuickResponse {
    /// Whether the AI assistant may use it.
    #[serde(default, rename = "enableAI", skip_serializing_if = "Maybe::is_absent")]
    pub enable_ai: Maybe<bool>,
    /// Response id.
    pub id: Id,
    /// Words that suggest it, separated by spaces.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub keywords: Maybe<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Parent response. Shape not documented (only `null` is shown); kept as raw JSON.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub parent: Maybe<serde_json::Value>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
    /// The text sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// One user's access to a quick-response list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuickResponseAccess {
    /// The user's e-mail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<String>,
    /// Read or write.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub permission: Maybe<Permission>,
    /// The user's id (sent as a string).
    pub user_id: Id,
}

open_enum! {
    /// What happened to a quick response or list.
    pub enum QuickResponseAction {
        /// It was created.
        Create = "create",
        /// It was deleted.
        Destroy = "destroy",
        /// It was edited.
        Edit = "edit",
    }
}

/// A list of quick responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct QuickResponseList {
    /// Who may use the list.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub access: Maybe<Vec<QuickResponseAccess>>,
    /// List id.
    pub id: Id,
    /// List name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
}

open_enum! {
    /// Access level to a quick-response list.
    pub enum Permission {
        /// May use the list.
        Read = "r",
        /// May use and change the list.
        Write = "w",
    }
}
