//! `connection.update` and `status.instance`.

use chat_events_core::{Maybe, Num, Timestamp, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Instance;

/// The connection to WhatsApp changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConnectionUpdate {
    /// The instance: its name (open source) or `{name, id}` (cloud docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<Instance>,
    /// Evolution: the profile name, on `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_name: Maybe<String>,
    /// Evolution: the profile picture, on `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The new state.
    pub state: ConnectionState,
    /// Why: `200` when fine, else Baileys' disconnect code (401 logged out, 408 lost,
    /// 428 closed, 440 replaced, 515 restart required…); an open set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_reason: Maybe<Num<i64>>,
    /// Evolution: the connected number's JID, on `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

open_enum! {
    /// State of the connection to WhatsApp.
    pub enum ConnectionState {
        /// Closed.
        Close = "close",
        /// Connecting.
        Connecting = "connecting",
        /// Open.
        Open = "open",
        /// Refused: the QR code limit was reached.
        Refused = "refused",
    }
}

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
