//! `connection.update` (alias `connections.update`): the connection to WhatsApp changed.

use chat_events_core::{Maybe, Num, open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::envelope::Instance;

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
    pub state: WhatsAppState,
    /// Why: `200` when fine, else Baileys' disconnect code (401 logged out, 408 lost,
    /// 428 closed, 440 replaced, 515 restart required…); an open set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_reason: Maybe<Num<i64>>,
    /// Evolution: the connected number's JID, on `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<String>,
}

open_enum! {
    /// State of the instance's connection to WhatsApp (Baileys' `WAConnectionState`).
    pub enum WhatsAppState {
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
