//! Pusher protocol 7 as ChatApp's socket speaks it, without a runtime: the frames the server
//! sends ([`ServerFrame`]), the frames a client sends ([`ClientFrame`]), the private-channel
//! authorisation request and answer ([`AuthRequest`], [`AuthAnswer`]), and what a close code
//! means ([`CloseAction`]).
//!
//! The [client](crate::client) drives these; tests, proxies and other runtimes can use them
//! on their own. Wire rules kept here (Pusher's protocol doc and reference §2):
//!
//! - every frame is `{"event", "channel"?, "data"?}`; `data` is a JSON **string** holding
//!   JSON (Pusher encodes it twice), but some servers send an object, and control frames may
//!   omit it;
//! - integers inside control data (`activity_timeout`, `code`, `status`) may be quoted;
//! - a private channel is authorised by POSTing `socket_id` and `channel_name` as a form to
//!   the auth endpoint, which answers `{"auth": "<key>:<signature>"}`.

use std::{borrow::Cow, fmt, time::Duration};

use chat_events_core::{Num, Secret};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::Channel;

/// A frame the Pusher server sent.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ServerFrame<'a> {
    /// `pusher:connection_established`: the socket id the auth signatures are bound to, and
    /// the server's idle timeout.
    ConnectionEstablished {
        /// The socket id.
        socket_id: String,
        /// How long the server lets a connection stay silent, when it says.
        activity_timeout: Option<Duration>,
    },
    /// `pusher:error`.
    Error {
        /// Its code, if any (4xxx: see [`CloseAction`]).
        code: Option<u16>,
        /// Its message.
        message: String,
    },
    /// `pusher:ping`: answer with [`ClientFrame::Pong`].
    Ping,
    /// `pusher:pong`: the answer to a ping.
    Pong,
    /// `pusher_internal:subscription_succeeded`.
    SubscriptionSucceeded {
        /// The channel.
        channel: Cow<'a, str>,
    },
    /// `pusher:subscription_error`.
    SubscriptionError {
        /// The channel.
        channel: Cow<'a, str>,
        /// The HTTP-like status the server gives, if any.
        status: Option<u16>,
    },
    /// An application event on a channel: what ChatApp broadcasts.
    Event(ChannelEvent<'a>),
    /// Another `pusher:` or `pusher_internal:` frame (member events, cache misses…), or an
    /// event with no channel.
    Other {
        /// Its event name.
        event: Cow<'a, str>,
    },
}

/// An application event on a channel.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ChannelEvent<'a> {
    /// The event name (ChatApp's `meta.type`, such as `message`).
    pub event: Cow<'a, str>,
    /// The channel name.
    pub channel: Cow<'a, str>,
    /// The event's data as JSON text (unescaped when it was sent as a string); `None` when
    /// the frame had no `data`.
    pub data: Option<Cow<'a, str>>,
}

/// Why a text frame is not a Pusher frame.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FrameError {
    message: &'static str,
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for FrameError {}

/// The frame as sent: `data` still raw.
#[derive(Deserialize)]
struct RawFrame<'a> {
    #[serde(borrow)]
    event: Cow<'a, str>,
    #[serde(borrow, default)]
    channel: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

/// The control data fields this module reads, whatever their encoding.
#[derive(Deserialize, Default)]
struct ControlData {
    #[serde(default)]
    socket_id: Option<String>,
    #[serde(default)]
    activity_timeout: Option<Num<u64>>,
    #[serde(default)]
    code: Option<Num<u64>>,
    #[serde(default)]
    status: Option<Num<u64>>,
    #[serde(default)]
    message: Option<String>,
}

/// A frame's `data` as JSON text: a string's content, an object as is.
fn data_text<'a>(data: Option<&'a RawValue>) -> Option<Cow<'a, str>> {
    let raw = data?;
    if raw.get().starts_with('"') {
        serde_json::from_str::<Cow<'a, str>>(raw.get())
            .ok()
            .map(|text| Cow::Owned(text.into_owned()))
    } else {
        Some(Cow::Borrowed(raw.get()))
    }
}

/// The fields of control data; defaults for data that is missing or not an object.
fn control(data: Option<&RawValue>) -> ControlData {
    data_text(data)
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn small<T: TryFrom<u64>>(value: Option<Num<u64>>) -> Option<T> {
    value.and_then(|number| T::try_from(number.get()).ok())
}

impl<'a> ServerFrame<'a> {
    /// Parses a text frame.
    ///
    /// ```
    /// use chatapp_events::protocol::ServerFrame;
    ///
    /// let established = ServerFrame::parse(r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\",\"activity_timeout\":30}"}"#).unwrap();
    /// let ServerFrame::ConnectionEstablished { socket_id, activity_timeout } = established else { panic!() };
    /// assert_eq!((socket_id.as_str(), activity_timeout.map(|t| t.as_secs())), ("1.2", Some(30)));
    ///
    /// let frame = r#"{"event":"message","channel":"private-v1.companies.2224","data":"{\"data\":[]}"}"#;
    /// let ServerFrame::Event(event) = ServerFrame::parse(frame).unwrap() else { panic!() };
    /// assert_eq!((&*event.event, event.data.as_deref()), ("message", Some(r#"{"data":[]}"#)));
    /// ```
    ///
    /// # Errors
    ///
    /// A [`FrameError`] when the text is not a JSON object with a string `event`, or a
    /// `pusher:connection_established` has no socket id.
    pub fn parse(text: &'a str) -> Result<Self, FrameError> {
        let frame: RawFrame<'a> = serde_json::from_str(text).map_err(|_| FrameError {
            message: "not a Pusher frame",
        })?;
        Ok(match &*frame.event {
            "pusher:connection_established" => {
                let data = control(frame.data);
                let socket_id = data.socket_id.ok_or(FrameError {
                    message: "pusher:connection_established without a socket id",
                })?;
                Self::ConnectionEstablished {
                    socket_id,
                    activity_timeout: small::<u64>(data.activity_timeout)
                        .filter(|seconds| *seconds > 0)
                        .map(Duration::from_secs),
                }
            }
            "pusher:error" => {
                let data = control(frame.data);
                Self::Error {
                    code: small(data.code),
                    message: data.message.unwrap_or_default(),
                }
            }
            "pusher:ping" => Self::Ping,
            "pusher:pong" => Self::Pong,
            "pusher_internal:subscription_succeeded" if frame.channel.is_some() => {
                Self::SubscriptionSucceeded {
                    channel: frame.channel.unwrap_or_default(),
                }
            }
            "pusher:subscription_error" if frame.channel.is_some() => Self::SubscriptionError {
                status: small(control(frame.data).status),
                channel: frame.channel.unwrap_or_default(),
            },
            name if name.starts_with("pusher:") || name.starts_with("pusher_internal:") => {
                Self::Other { event: frame.event }
            }
            _ => match frame.channel {
                Some(channel) => Self::Event(ChannelEvent {
                    data: data_text(frame.data),
                    event: frame.event,
                    channel,
                }),
                None => Self::Other { event: frame.event },
            },
        })
    }
}

/// A frame a client sends.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ClientFrame<'a> {
    /// `pusher:subscribe` to a private channel with its authorisation.
    Subscribe {
        /// The channel.
        channel: &'a Channel,
        /// The `auth` the auth endpoint returned.
        auth: &'a Secret,
    },
    /// `pusher:unsubscribe`.
    Unsubscribe {
        /// The channel.
        channel: &'a Channel,
    },
    /// `pusher:ping`: "are you there?".
    Ping,
    /// `pusher:pong`: the answer to a server's ping.
    Pong,
}

impl ClientFrame<'_> {
    /// The frame's JSON text. It contains the authorisation of a subscribe: do not log it.
    ///
    /// ```
    /// use chatapp_events::{Channel, Secret, protocol::ClientFrame};
    ///
    /// let channel = Channel::Company { company_id: 2224 };
    /// let auth = Secret::new("key:signature");
    /// assert_eq!(
    ///     ClientFrame::Subscribe { channel: &channel, auth: &auth }.to_json(),
    ///     r#"{"event":"pusher:subscribe","data":{"auth":"key:signature","channel":"private-v1.companies.2224"}}"#
    /// );
    /// assert_eq!(ClientFrame::Pong.to_json(), r#"{"event":"pusher:pong","data":{}}"#);
    /// ```
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Frame<'a> {
            event: &'static str,
            data: Data<'a>,
        }
        #[derive(Serialize)]
        struct Data<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            auth: Option<&'a str>,
            channel: String,
        }
        let frame = |event, auth, channel: &Channel| {
            serde_json::to_string(&Frame {
                event,
                data: Data {
                    auth,
                    channel: channel.to_string(),
                },
            })
            .unwrap_or_default()
        };
        match self {
            Self::Subscribe { channel, auth } => {
                frame("pusher:subscribe", Some(auth.expose()), channel)
            }
            Self::Unsubscribe { channel } => frame("pusher:unsubscribe", None, channel),
            Self::Ping => r#"{"event":"pusher:ping","data":{}}"#.to_owned(),
            Self::Pong => r#"{"event":"pusher:pong","data":{}}"#.to_owned(),
        }
    }
}

/// The authorisation request for a private channel: the form the auth endpoint receives.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthRequest<'a> {
    /// The socket id from `pusher:connection_established`.
    pub socket_id: &'a str,
    /// The channel.
    pub channel: &'a Channel,
}

impl<'a> AuthRequest<'a> {
    /// The request for `channel` on the socket `socket_id`.
    pub const fn new(socket_id: &'a str, channel: &'a Channel) -> Self {
        Self { socket_id, channel }
    }

    /// The form fields, in order: `socket_id`, `channel_name` (to be sent as
    /// `application/x-www-form-urlencoded`).
    pub fn form_fields(&self) -> [(&'static str, String); 2] {
        [
            ("socket_id", self.socket_id.to_owned()),
            ("channel_name", self.channel.to_string()),
        ]
    }

    /// The text the server signs: `socket_id:channel_name`.
    pub fn string_to_sign(&self) -> String {
        format!("{}:{}", self.socket_id, self.channel)
    }
}

/// The auth endpoint's answer to an [`AuthRequest`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthAnswer {
    /// `{"auth": "<key>:<signature>"}`: the value to subscribe with.
    Authorized(Secret),
    /// A 200 answer without a usable `auth`: HTML (a login page), doubled encoding, an
    /// empty key or signature.
    Unusable,
}

impl AuthAnswer {
    /// Reads the body of a 200 answer.
    ///
    /// ```
    /// use chatapp_events::protocol::AuthAnswer;
    ///
    /// assert!(matches!(AuthAnswer::parse(r#"{"auth":"key:abc"}"#), AuthAnswer::Authorized(_)));
    /// assert_eq!(AuthAnswer::parse("<html>login</html>"), AuthAnswer::Unusable);
    /// assert_eq!(AuthAnswer::parse(r#"{"auth":":abc"}"#), AuthAnswer::Unusable);
    /// ```
    pub fn parse(body: &str) -> Self {
        #[derive(Deserialize)]
        struct Answer {
            auth: String,
        }
        let Ok(answer) = serde_json::from_str::<Answer>(body) else {
            return Self::Unusable;
        };
        // `key:signature`, both non-empty, and not JSON encoded once more.
        match answer.auth.split_once(':') {
            Some((key, signature))
                if !key.is_empty() && !signature.is_empty() && !answer.auth.starts_with('{') =>
            {
                Self::Authorized(Secret::new(answer.auth))
            }
            _ => Self::Unusable,
        }
    }
}

/// What a Pusher close code (or the code of a `pusher:error` that ends a connection) tells a
/// client to do (protocol doc, "Error Codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CloseAction {
    /// 4000–4099 and ≥ 4300: do not come back (bad app key, over quota, SSL only…).
    Stop,
    /// 4100–4199: come back after a backoff of at least a second (over capacity).
    BackoffAtLeastOneSecond,
    /// 4200–4299: come back at once (the server is restarting, or closed an idle socket).
    ReconnectNow,
    /// Any other code (network drop, 1006…): come back with the normal backoff.
    Backoff,
}

impl CloseAction {
    /// The action for `code`.
    ///
    /// ```
    /// use chatapp_events::protocol::CloseAction;
    ///
    /// assert_eq!(CloseAction::of(4001), CloseAction::Stop);
    /// assert_eq!(CloseAction::of(4100), CloseAction::BackoffAtLeastOneSecond);
    /// assert_eq!(CloseAction::of(4200), CloseAction::ReconnectNow);
    /// assert_eq!(CloseAction::of(1006), CloseAction::Backoff);
    /// ```
    pub const fn of(code: u16) -> Self {
        match code {
            4000..=4099 | 4300.. => Self::Stop,
            4100..=4199 => Self::BackoffAtLeastOneSecond,
            4200..=4299 => Self::ReconnectNow,
            _ => Self::Backoff,
        }
    }
}

/// The WebSocket URL of a Pusher server: `ws(s)://host:port/app/<key>?protocol=7&…`.
///
/// ```
/// let url = chatapp_events::protocol::socket_url("socket.chatapp.online", 6001, true, "ChatsAppApiProdKey");
/// assert!(url.starts_with("wss://socket.chatapp.online:6001/app/ChatsAppApiProdKey?protocol=7&client=rust-chatapp-events&version="));
/// ```
pub fn socket_url(host: &str, port: u16, tls: bool, app_key: &str) -> String {
    let scheme = if tls { "wss" } else { "ws" };
    format!(
        "{scheme}://{host}:{port}/app/{app_key}?protocol=7&client=rust-chatapp-events&version={}&flash=false",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_data_as_string_object_quoted_or_missing() {
        let object = ServerFrame::parse(
            r#"{"event":"pusher:error","data":{"code":4009,"message":"Invalid Signature"}}"#,
        )
        .unwrap();
        assert_eq!(
            object,
            ServerFrame::Error {
                code: Some(4009),
                message: "Invalid Signature".to_owned()
            }
        );
        // Some servers quote numbers; out-of-range codes are dropped.
        let quoted = ServerFrame::parse(
            r#"{"event":"pusher:subscription_error","channel":"c","data":{"status":"401"}}"#,
        )
        .unwrap();
        assert_eq!(
            quoted,
            ServerFrame::SubscriptionError {
                channel: Cow::Borrowed("c"),
                status: Some(401)
            }
        );
        let huge =
            ServerFrame::parse(r#"{"event":"pusher:error","data":{"code":"70000"}}"#).unwrap();
        assert!(matches!(huge, ServerFrame::Error { code: None, .. }));
        assert_eq!(
            ServerFrame::parse(r#"{"event":"pusher:pong"}"#).unwrap(),
            ServerFrame::Pong
        );
        assert!(ServerFrame::parse(r#"{"event":"pusher:connection_established"}"#).is_err());
        assert!(ServerFrame::parse("garbage").is_err());
        assert!(ServerFrame::parse(r#"{"channel":"x"}"#).is_err());
    }

    #[test]
    fn events_keep_their_data_text() {
        let object =
            ServerFrame::parse(r#"{"event":"chatRead","channel":"c","data":{"a":1}}"#).unwrap();
        let ServerFrame::Event(event) = object else {
            panic!()
        };
        assert!(matches!(event.data, Some(Cow::Borrowed(r#"{"a":1}"#))));
        let none = ServerFrame::parse(r#"{"event":"chatRead","channel":"c"}"#).unwrap();
        assert!(matches!(
            none,
            ServerFrame::Event(ChannelEvent { data: None, .. })
        ));
        let no_channel = ServerFrame::parse(r#"{"event":"chatRead","data":"{}"}"#).unwrap();
        assert!(matches!(no_channel, ServerFrame::Other { .. }));
        let internal =
            ServerFrame::parse(r#"{"event":"pusher_internal:member_added","channel":"c"}"#)
                .unwrap();
        assert!(matches!(internal, ServerFrame::Other { .. }));
    }

    #[test]
    fn auth_request_form_and_signature_text() {
        let channel = Channel::Company { company_id: 2224 };
        let request = AuthRequest::new("1.2", &channel);
        assert_eq!(request.string_to_sign(), "1.2:private-v1.companies.2224");
        assert_eq!(
            request.form_fields(),
            [
                ("socket_id", "1.2".to_owned()),
                ("channel_name", "private-v1.companies.2224".to_owned())
            ]
        );
        assert_eq!(
            AuthAnswer::parse(r#"{"auth":"{\"auth\":\"k:s\"}"}"#),
            AuthAnswer::Unusable,
            "doubled encoding"
        );
        assert!(!format!("{:?}", AuthAnswer::parse(r#"{"auth":"k:s3cr3t"}"#)).contains("s3cr3t"));
    }

    #[test]
    fn close_code_classes() {
        for (code, action) in [
            (4000, CloseAction::Stop),
            (4099, CloseAction::Stop),
            (4300, CloseAction::Stop),
            (4100, CloseAction::BackoffAtLeastOneSecond),
            (4199, CloseAction::BackoffAtLeastOneSecond),
            (4200, CloseAction::ReconnectNow),
            (4299, CloseAction::ReconnectNow),
            (1000, CloseAction::Backoff),
            (1006, CloseAction::Backoff),
        ] {
            assert_eq!(CloseAction::of(code), action, "{code}");
        }
    }
}
