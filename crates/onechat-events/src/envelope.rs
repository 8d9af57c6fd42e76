//! The broadcast every OneChat event arrives in, and how it is peeled.
//!
//! Chatwoot broadcasts `{"event": "<name>", "data": {...}}`; Action Cable delivers it inside a
//! data frame, `{"identifier": "<subscription>", "message": {"event": …, "data": …}}`.
//! [`Event::decode`](crate::Event::decode) accepts both: when the top level has a `message`
//! object, that is the broadcast, and error paths start with `message.`. The frame as a
//! whole (identifier included) is [`Frame`](crate::Frame).

use std::borrow::Cow;

use chat_events_core::{DecodeError, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::{Event, EventKind, event::PROVIDER, objects::Sender};

/// One OneChat event: its name and its data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Payload<T> {
    /// The event's data.
    pub data: T,
    /// The event's name.
    pub event: EventKind,
}

/// The event name in a broadcast's `event`.
#[derive(Deserialize)]
struct NameHead<'a> {
    #[serde(borrow, default)]
    event: Option<Cow<'a, str>>,
}

/// Decodes a broadcast or a data frame.
pub(crate) fn decode(raw: &RawValue) -> Result<Event, DecodeError> {
    let what = "a OneChat broadcast or data frame";
    let (body, prefix) =
        chat_events_core::envelope::unwrap_body(PROVIDER, None, raw, "message", what)?;
    let head: NameHead<'_> = chat_events_core::decode_at(PROVIDER, None, prefix, body)?;
    chat_events_core::envelope::dispatch(
        PROVIDER,
        raw,
        (body, prefix),
        head.event,
        "event",
        |name, prefix, body| Event::decode_known(&EventKind::from(name), prefix, body),
    )
}

/// The broadcast inside a data frame; a bare broadcast as it is.
pub(crate) fn canonical(original: serde_json::Value) -> serde_json::Value {
    match original {
        serde_json::Value::Object(mut map)
            if map.get("message").is_some_and(serde_json::Value::is_object) =>
        {
            map.remove("message").unwrap_or_default()
        }
        other => other,
    }
}

/// The account and the actor of an event's data (see [`EventPayload`](crate::EventPayload)).
pub(crate) trait Scoped {
    fn account_id(&self) -> Option<&Id>;
    fn performer(&self) -> Option<&Sender>;
}

macro_rules! scoped {
    ($($type:ty),+ $(,)?) => {
        $(impl Scoped for $type {
            fn account_id(&self) -> Option<&Id> {
                self.account_id.get()
            }
            fn performer(&self) -> Option<&Sender> {
                self.performer.get()
            }
        })+
    };
}

macro_rules! scoped_without_performer {
    ($($type:ty),+ $(,)?) => {
        $(impl Scoped for $type {
            fn account_id(&self) -> Option<&Id> {
                self.account_id.get()
            }
            fn performer(&self) -> Option<&Sender> {
                None
            }
        })+
    };
}

scoped!(
    crate::objects::Conversation,
    crate::objects::Message,
    crate::events::Typing,
    crate::events::NotificationChange,
    crate::events::CacheInvalidated,
    crate::events::CallChange,
);
scoped_without_performer!(
    crate::events::Presence,
    crate::events::CopilotMessage,
    crate::events::CallRejected,
    crate::events::OrderUpdate,
);

impl Scoped for crate::objects::Contact {
    fn account_id(&self) -> Option<&Id> {
        self.account_id.get()
    }
    fn performer(&self) -> Option<&Sender> {
        self.performer.get().map(|performer| &**performer)
    }
}
