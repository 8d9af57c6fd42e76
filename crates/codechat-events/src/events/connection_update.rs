//! `connection.update` (alias `connections.update`): the connection to WhatsApp changed.

use chat_events_core::{Maybe, Num, RawJson, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::envelope::CloudInstance;

/// The connection to WhatsApp changed, in the shape of the generation that sent it, read
/// from its keys: `state` → the Baileys-based servers; `connection` → CodeChat Go. Another
/// value is kept raw in [`ConnectionUpdate::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ConnectionUpdate {
    /// The cloud docs, open source and Evolution: `{instance, state, statusReason}`
    /// (Baileys' connection state).
    #[shape(has("state"))]
    Baileys(Box<BaileysConnectionUpdate>),
    /// CodeChat Go (2026): `{connection, type, statusReason?, lastConnection?, message?}`.
    #[shape(has("connection"))]
    Go(GoConnectionUpdate),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl ConnectionUpdate {
    /// Whether the connection is now open, whatever the shape (`None` for an unknown shape).
    pub fn is_open(&self) -> Option<bool> {
        match self {
            Self::Baileys(update) => Some(update.state == WhatsAppState::Open),
            Self::Go(update) => Some(update.connection == GoConnection::Open),
            Self::Other(_) => None,
        }
    }

    /// The reason code, whatever the shape.
    pub fn status_reason(&self) -> Option<i64> {
        match self {
            Self::Baileys(update) => update.status_reason.get().map(Num::get),
            Self::Go(update) => update.status_reason.get().map(Num::get),
            Self::Other(_) => None,
        }
    }
}

/// The connection to WhatsApp changed (the cloud docs, open source, Evolution).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BaileysConnectionUpdate {
    /// The instance: its name (open source, Evolution) or `{name, id}` (cloud docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance: Maybe<ConnectionInstance>,
    /// Evolution: the profile name, on `open` and `refused`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_name: Maybe<String>,
    /// Evolution: the profile picture, on `open` and `refused`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_picture_url: Maybe<String>,
    /// The new state.
    pub state: WhatsAppState,
    /// Why: `200` when fine, else Baileys' disconnect code (401 logged out, 408 lost,
    /// 428 closed, 440 replaced, 515 restart required…); an open set.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_reason: Maybe<Num<i64>>,
    /// Evolution: the connected number's JID, on `open` and `refused`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub wuid: Maybe<Jid>,
}

/// The instance named inside a `connection.update`'s data: its name (open source,
/// Evolution), or the cloud docs' `{name, id}`. Another value is kept raw in
/// [`ConnectionInstance::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum ConnectionInstance {
    /// The instance's name.
    #[shape(string)]
    Name(String),
    /// The cloud docs' `{name, id}`.
    #[shape(has("name"))]
    Cloud(CloudInstance),
    /// Neither; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl ConnectionInstance {
    /// The instance's name, whichever form it came in.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Cloud(cloud) => cloud.name.as_deref(),
            Self::Name(name) => Some(name),
            Self::Other(_) => None,
        }
    }
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

/// CodeChat Go: the connection changed (whatsmeow's connection events, normalized).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoConnectionUpdate {
    /// The connection's state.
    pub connection: GoConnection,
    /// When the instance last connected (RFC 3339); left out when not known.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_connection: Maybe<Timestamp>,
    /// A technical message; left out when empty.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// The reason code. Quirk: left out when it is `0`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status_reason: Maybe<Num<i64>>,
    /// What happened (the whatsmeow event it comes from).
    #[serde(rename = "type")]
    pub kind: GoConnectionEvent,
}

open_enum! {
    /// CodeChat Go: the state of the connection to WhatsApp.
    pub enum GoConnection {
        /// Closed.
        Close = "close",
        /// Connecting.
        Connecting = "connecting",
        /// Open.
        Open = "open",
        /// Another client took the session over.
        Replaced = "replaced",
        /// The keep-alive timed out.
        Timeout = "timeout",
    }
}

open_enum! {
    /// CodeChat Go: what changed the connection.
    pub enum GoConnectionEvent {
        /// Refreshing the client's CAT token failed.
        CatRefreshError = "cat.refresh.error",
        /// Connecting failed.
        ConnectFailure = "connect.failure",
        /// Connected.
        Connected = "connected",
        /// Disconnected.
        Disconnected = "disconnected",
        /// The keep-alive works again.
        KeepaliveRestored = "keepalive.restored",
        /// The keep-alive timed out.
        KeepaliveTimeout = "keepalive.timeout",
        /// Logged out.
        LoggedOut = "logged.out",
        /// Reconnecting after a manual login.
        ManualReconnect = "manual.reconnect",
        /// Pairing failed.
        PairError = "pair.error",
        /// Paired.
        PairSuccess = "pair.success",
        /// The stream failed.
        StreamError = "stream.error",
        /// Another client took the session over.
        StreamReplaced = "stream.replaced",
    }
}
