//! Action Cable as OneChat speaks it: the frames the server sends ([`Frame`]), the
//! subscription [`Identifier`], and the commands a client sends ([`Command`]).
//!
//! Wire rules these types keep (Rails `ActionCable::INTERNAL`, reference §1):
//!
//! - control frames carry a `type` (`welcome`, `ping`, `confirm_subscription`,
//!   `reject_subscription`, `disconnect`); data frames have no `type`, only `identifier` and
//!   `message`;
//! - the `identifier` is a JSON **string** holding JSON; the server keys subscriptions by that
//!   exact string, so commands must repeat it byte for byte. [`Identifier`] keeps the text it
//!   was built or parsed from and writes it back unchanged;
//! - a command's `data` is also a JSON string (`"{\"action\":\"update_presence\"}"`).

use std::borrow::Cow;

use chat_events_core::{DecodeError, Decoded, Maybe, Timestamp, UnknownEvent, unstable::open_enum};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::{Event, envelope::SPINE};

pub use crate::envelope::{Identifier, ROOM_CHANNEL};

const PROVIDER: &str = SPINE.provider();

/// A frame the Action Cable server sends.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Frame {
    /// The server confirmed a subscription.
    ConfirmSubscription {
        /// The subscription.
        identifier: Identifier,
    },
    /// The server is closing the connection.
    Disconnect {
        /// Why; `null` when processing failed on the server.
        reason: Maybe<DisconnectReason>,
        /// Whether the client should reconnect.
        reconnect: Maybe<bool>,
    },
    /// An event on a subscription.
    Message(Box<DataFrame>),
    /// The heartbeat the server sends every 3 seconds.
    Ping {
        /// Server time in epoch seconds.
        message: Maybe<Timestamp>,
    },
    /// The server refused a subscription. (OneChat's `RoomChannel` never does: a bad token
    /// gets no answer at all, so wait for confirmation with a timeout.)
    RejectSubscription {
        /// The subscription.
        identifier: Identifier,
    },
    /// A control frame of a type this version does not know.
    Unknown(UnknownEvent),
    /// The server accepted the connection; (re)subscribe now.
    Welcome,
}

/// An event delivered on a subscription.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DataFrame {
    /// The subscription it came on.
    pub identifier: Identifier,
    /// The event, with the raw JSON of the broadcast.
    pub event: Decoded<Event>,
}

open_enum! {
    /// Why the server closes a connection.
    pub enum DisconnectReason {
        /// The request was invalid.
        InvalidRequest = "invalid_request",
        /// Closed remotely by the application.
        Remote = "remote",
        /// The server is restarting (development reloads).
        ServerRestart = "server_restart",
        /// The connection is not authorised; do not reconnect.
        Unauthorized = "unauthorized",
    }
}

#[derive(Deserialize)]
struct FrameHead<'a> {
    #[serde(borrow, rename = "type", default)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    identifier: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    message: Option<&'a RawValue>,
    #[serde(default)]
    reason: Maybe<DisconnectReason>,
    #[serde(default)]
    reconnect: Maybe<bool>,
}

impl Frame {
    /// Decodes a frame the server sent.
    ///
    /// ```
    /// use onechat_events::{Frame, objects::Availability, Event};
    ///
    /// assert_eq!(Frame::decode(br#"{"type":"welcome"}"#).unwrap(), Frame::Welcome);
    /// let Frame::Ping { message } = Frame::decode(br#"{"type":"ping","message":1736743200}"#).unwrap() else { panic!() };
    /// assert_eq!(message.get().and_then(|t| t.unix_seconds()), Some(1_736_743_200.0));
    ///
    /// let frame = br#"{"identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"t\"}","message":{"event":"presence.update","data":{"users":{"1":"busy"}}}}"#;
    /// let Frame::Message(data) = Frame::decode(frame).unwrap() else { panic!() };
    /// assert_eq!(data.identifier.pubsub_token().map(|t| t.expose()), Some("t"));
    /// let Event::PresenceUpdate(presence) = data.event.event() else { panic!() };
    /// assert_eq!(presence.data.user(1), Some(&Availability::Busy));
    /// ```
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for bytes that are not JSON, an identifier that is not JSON, a frame
    /// with neither `type` nor `message`, or an event whose data does not fit (with the path,
    /// starting `message.`). The error keeps the bytes.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let raw: Box<RawValue> = serde_json::from_slice(bytes)
            .map_err(|error| DecodeError::syntax(PROVIDER, &error).with_raw(bytes))?;
        // The whole frame, as the event decoder checks an event: a frame of an unknown type
        // is kept as it came and must read back anywhere.
        chat_events_core::unstable::check_interoperable(PROVIDER, &raw)
            .map_err(|error| error.with_raw(bytes))?;
        Self::from_raw(&raw).map_err(|error| error.with_raw(bytes))
    }

    fn from_raw(raw: &RawValue) -> Result<Self, DecodeError> {
        if !raw.get().starts_with('{') {
            let message = "invalid type: expected a JSON object (an Action Cable frame)";
            return Err(DecodeError::data(PROVIDER, None, ".".to_owned(), message));
        }
        let head: FrameHead<'_> =
            chat_events_core::unstable::decode_at(PROVIDER, None, "", raw.get())?;
        let identifier = |head: &FrameHead<'_>| -> Result<Identifier, DecodeError> {
            let text = head.identifier.as_deref().ok_or_else(|| {
                DecodeError::data(PROVIDER, None, ".".to_owned(), "missing field `identifier`")
            })?;
            text.parse()
        };
        Ok(match head.kind.as_deref() {
            Some("welcome") => Self::Welcome,
            Some("ping") => {
                let message = match head.message {
                    None => Maybe::Absent,
                    Some(message) => chat_events_core::unstable::decode_at(
                        PROVIDER,
                        None,
                        "message",
                        message.get(),
                    )?,
                };
                Self::Ping { message }
            }
            Some("confirm_subscription") => Self::ConfirmSubscription {
                identifier: identifier(&head)?,
            },
            Some("reject_subscription") => Self::RejectSubscription {
                identifier: identifier(&head)?,
            },
            Some("disconnect") => Self::Disconnect {
                reason: head.reason,
                reconnect: head.reconnect,
            },
            Some(other) => Self::Unknown(UnknownEvent::new(other, raw.into())),
            None => {
                let message = head
                    .message
                    .ok_or_else(|| DecodeError::missing_event_name(PROVIDER, "type"))?;
                let identifier = identifier(&head)?;
                // The broadcast decoder unwraps `message` itself, so error paths start with
                // `message.`.
                let event = <Event as chat_events_core::ProviderEvent>::from_raw(raw)?;
                Self::Message(Box::new(DataFrame {
                    identifier,
                    event: Decoded::from_parts(event, message.into()),
                }))
            }
        })
    }

    /// The subscription a frame is about, for data and subscription frames.
    pub fn identifier(&self) -> Option<&Identifier> {
        match self {
            Self::ConfirmSubscription { identifier } | Self::RejectSubscription { identifier } => {
                Some(identifier)
            }
            Self::Message(data) => Some(&data.identifier),
            Self::Disconnect { .. } | Self::Ping { .. } | Self::Unknown(_) | Self::Welcome => None,
        }
    }
}

impl Serialize for Frame {
    /// Writes the frame as the Rails server does.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if let Self::Unknown(unknown) = self {
            return unknown.serialize(serializer);
        }
        let mut map = serializer.serialize_map(None)?;
        match self {
            Self::Welcome => map.serialize_entry("type", "welcome")?,
            Self::Ping { message } => {
                map.serialize_entry("type", "ping")?;
                if !message.is_absent() {
                    map.serialize_entry("message", message)?;
                }
            }
            Self::ConfirmSubscription { identifier } => {
                map.serialize_entry("identifier", identifier)?;
                map.serialize_entry("type", "confirm_subscription")?;
            }
            Self::RejectSubscription { identifier } => {
                map.serialize_entry("identifier", identifier)?;
                map.serialize_entry("type", "reject_subscription")?;
            }
            Self::Disconnect { reason, reconnect } => {
                map.serialize_entry("type", "disconnect")?;
                if !reason.is_absent() {
                    map.serialize_entry("reason", reason)?;
                }
                if !reconnect.is_absent() {
                    map.serialize_entry("reconnect", reconnect)?;
                }
            }
            Self::Message(data) => {
                map.serialize_entry("identifier", &data.identifier)?;
                map.serialize_entry("message", data.event.raw())?;
            }
            Self::Unknown(_) => {}
        }
        map.end()
    }
}

/// A command the client sends to the Action Cable server.
///
/// Serialized byte for byte the way Rails expects, with the identifier's exact text:
///
/// ```
/// use onechat_events::{Command, Identifier};
///
/// let id = Identifier::room("token", Some(1), Some(1));
/// assert_eq!(
///     Command::update_presence(&id).to_json(),
///     r#"{"command":"message","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"token\",\"account_id\":1,\"user_id\":1}","data":"{\"action\":\"update_presence\"}"}"#
/// );
/// assert_eq!(
///     Command::subscribe(&Identifier::room("token", None, None)).to_json(),
///     r#"{"command":"subscribe","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"token\"}"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Command {
    /// Call a channel action; `data` is the JSON text `{"action": …}`.
    Message {
        /// The subscription.
        identifier: Identifier,
        /// The JSON text sent as the `data` string.
        data: String,
    },
    /// Subscribe (the server answers `confirm_subscription`, or for OneChat nothing on a bad
    /// token).
    Subscribe {
        /// The subscription.
        identifier: Identifier,
    },
    /// Unsubscribe (no answer).
    Unsubscribe {
        /// The subscription.
        identifier: Identifier,
    },
}

impl Command {
    /// Subscribes to `identifier`.
    pub fn subscribe(identifier: &Identifier) -> Self {
        Self::Subscribe {
            identifier: identifier.clone(),
        }
    }

    /// Unsubscribes from `identifier`.
    pub fn unsubscribe(identifier: &Identifier) -> Self {
        Self::Unsubscribe {
            identifier: identifier.clone(),
        }
    }

    /// Calls the channel action `action` (a public method of the Rails channel).
    pub fn perform(identifier: &Identifier, action: &str) -> Self {
        #[derive(Serialize)]
        struct Action<'a> {
            action: &'a str,
        }
        let data = serde_json::to_string(&Action { action }).unwrap_or_default();
        Self::Message {
            identifier: identifier.clone(),
            data,
        }
    }

    /// `RoomChannel#update_presence`: marks the subscriber online and makes the server send
    /// a `presence.update` back.
    pub fn update_presence(identifier: &Identifier) -> Self {
        Self::perform(identifier, "update_presence")
    }

    /// The command's JSON text, to send as a websocket text frame.
    pub fn to_json(&self) -> String {
        // A map of strings cannot fail to serialize.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The subscription the command is about.
    pub fn identifier(&self) -> &Identifier {
        match self {
            Self::Message { identifier, .. }
            | Self::Subscribe { identifier }
            | Self::Unsubscribe { identifier } => identifier,
        }
    }
}

impl Serialize for Command {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Self::Message { identifier, data } => {
                map.serialize_entry("command", "message")?;
                map.serialize_entry("identifier", identifier)?;
                map.serialize_entry("data", data)?;
            }
            Self::Subscribe { identifier } => {
                map.serialize_entry("command", "subscribe")?;
                map.serialize_entry("identifier", identifier)?;
            }
            Self::Unsubscribe { identifier } => {
                map.serialize_entry("command", "unsubscribe")?;
                map.serialize_entry("identifier", identifier)?;
            }
        }
        map.end()
    }
}
