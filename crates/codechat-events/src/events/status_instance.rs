//! `status.instance`: an instance was loaded, removed or closed, or (CodeChat Go) reports a state or a warning.

use chat_events_core::{Maybe, Num, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An instance's status, in the shape of the generation that sent it, read from its keys:
/// `instance` → the open-source server and Evolution (`{instance, status…}`); `type` →
/// CodeChat Go. Another value is kept raw in [`StatusInstance::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum StatusInstance {
    /// Open source (`loaded`, `removed`) and Evolution (`closed`, with the disconnection).
    #[shape(has("instance"))]
    OpenSource(InstanceLifecycle),
    /// CodeChat Go (2026): `{type, status?, message?, data?}`.
    #[shape(has("type"))]
    Go(GoInstanceStatus),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

/// Open source and Evolution: an instance was loaded or removed (open source) or closed
/// (Evolution).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InstanceLifecycle {
    /// Evolution: when it disconnected.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disconnection_at: Maybe<Timestamp>,
    /// Evolution: the disconnection object, JSON-encoded in a string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disconnection_object: Maybe<String>,
    /// Evolution: the disconnection code.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub disconnection_reason_code: Maybe<Num<i64>>,
    /// The instance's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<String>,
    /// What happened.
    pub status: InstanceStatus,
}

open_enum! {
    /// What happened to an instance.
    pub enum InstanceStatus {
        /// Evolution: logged out.
        Closed = "closed",
        /// Open source ≤ v1.2: created.
        Created = "created",
        /// Loaded (in practice only the global webhook hears it).
        Loaded = "loaded",
        /// Removed after a logout or the QR code limit.
        Removed = "removed",
    }
}

/// CodeChat Go: a state change or a warning of the instance (whatsmeow's `ClientOutdated`,
/// `TemporaryBan`, `OfflineSync*`, `PrivacySettings`, `AppState*`,
/// `AccountReachoutTimelock`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct GoInstanceStatus {
    /// More about it; its keys depend on `type` (`offline.sync.completed`: `{count}`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// A technical or human message; left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// The status of that kind (`completed`…); left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<String>,
    /// What it is about.
    #[serde(rename = "type")]
    pub kind: GoInstanceStatusKind,
}

open_enum! {
    /// CodeChat Go: what a `status.instance` is about.
    pub enum GoInstanceStatusKind {
        /// WhatsApp restricts the account from reaching out to new contacts for a while.
        AccountReachoutTimelock = "account.reachout.timelock",
        /// An app-state patch was applied.
        AppState = "app.state",
        /// An app-state sync completed.
        AppStateSyncCompleted = "app.state.sync.completed",
        /// An app-state sync failed.
        AppStateSyncError = "app.state.sync.error",
        /// WhatsApp rejected the client as outdated.
        ClientOutdated = "client.outdated",
        /// The messages received while offline were all delivered.
        OfflineSyncCompleted = "offline.sync.completed",
        /// How many messages and notifications wait to be delivered after being offline.
        OfflineSyncPreview = "offline.sync.preview",
        /// The account's privacy settings changed.
        PrivacySettings = "privacy.settings",
        /// WhatsApp banned the account for a while.
        TemporaryBan = "temporary.ban",
    }
}
