//! `status.instance`: an instance was loaded or removed (open source).

use chat_events_core::{Maybe, Num, Timestamp, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An instance was loaded or removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct StatusInstance {
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
