//! The broadcast every OneChat event arrives in: the [`SPINE`] that describes it to the
//! decoder, the [`Payload`] type, and the subscription [`Identifier`] of the Action Cable
//! data frame that carries it.
//!
//! Chatwoot broadcasts `{"event": "<name>", "data": {...}}`; Action Cable delivers it inside a
//! data frame, `{"identifier": "<subscription>", "message": {"event": …, "data": …}}`.
//! [`Event::decode`](crate::Event::decode) accepts both: when the top level has a `message`
//! object, that is the broadcast, and error paths start with `message.`. The frame as a
//! whole (identifier included) is [`Frame`](crate::Frame).

use std::{borrow::Cow, fmt};

use chat_events_core::{DecodeError, Id, Maybe, Secret, unstable::Spine, unstable::Wrapper};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};
use serde_json::value::RawValue;

/// OneChat's wire format: the name in `event`, the broadcast bare or in a data frame's
/// `message`.
pub(crate) const SPINE: Spine = Spine::new("onechat", &["event"])
    .body(
        "a OneChat broadcast or data frame",
        "A OneChat broadcast `{event, data}`, bare or inside an Action Cable data frame.",
        broadcast_schema,
    )
    .wrapper(Wrapper::new(
        "message",
        "The broadcast inside an Action Cable data frame.",
        identifier_schema,
    ));

/// A bare broadcast, whatever its event.
fn broadcast_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "required": ["event"],
        "properties": {
            "event": { "type": "string" },
            "data": { "description": "The event's data; its shape depends on `event`." }
        }
    })
}

/// The data frame's other key. The event decoder does not read it (the frame's own schema,
/// `frame.schema.json`, does), so here its schema admits anything.
fn identifier_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "properties": { "identifier": {
        "description": "The subscription identifier (a JSON string naming the channel); not read by the event decoder."
    } } })
}

/// One OneChat event: its name and its data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(rename = "Payload_{T}")]
#[non_exhaustive]
pub struct Payload<T> {
    /// The event's data.
    pub data: T,
    /// The event's name as the broadcast gives it ([`Event::kind`](crate::Event::kind) is
    /// the decoded kind).
    pub event: String,
}

/// The channel OneChat's realtime events come from.
pub const ROOM_CHANNEL: &str = "RoomChannel";

/// A subscription identifier: the JSON string that names a channel and its parameters.
///
/// For OneChat it is `{"channel":"RoomChannel","pubsub_token":…,"account_id":…,"user_id":…}`
/// for agents, and without `account_id` and `user_id` for contacts.
/// [`Identifier::room`] writes it the way Chatwoot's JavaScript does (that key order, no
/// spaces); parsing keeps the exact text received. `Debug` hides the token.
///
/// ```
/// use onechat_events::Identifier;
///
/// let agent = Identifier::room("token", Some(1), Some(1));
/// assert_eq!(
///     agent.as_str(),
///     r#"{"channel":"RoomChannel","pubsub_token":"token","account_id":1,"user_id":1}"#
/// );
/// let contact = Identifier::room("token", None, None);
/// assert_eq!(contact.as_str(), r#"{"channel":"RoomChannel","pubsub_token":"token"}"#);
/// assert!(!format!("{agent:?}").contains("token\""));
///
/// let parsed: Identifier = agent.as_str().parse().unwrap();
/// assert_eq!(parsed.account_id().and_then(|id| id.as_i64()), Some(1));
/// assert_eq!(parsed, agent);
/// ```
#[derive(Clone)]
pub struct Identifier {
    text: Box<str>,
    fields: IdentifierFields,
}

#[derive(Clone, Serialize, Deserialize)]
struct IdentifierFields {
    channel: String,
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pubsub_token: Maybe<Secret>,
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    account_id: Maybe<Id>,
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    user_id: Maybe<Id>,
}

impl Identifier {
    /// The `RoomChannel` identifier for a pubsub token; agents pass their account and user
    /// ids, contacts pass neither.
    pub fn room(
        pubsub_token: impl Into<Secret>,
        account_id: Option<i64>,
        user_id: Option<i64>,
    ) -> Self {
        let fields = IdentifierFields {
            channel: ROOM_CHANNEL.to_owned(),
            pubsub_token: Maybe::Value(pubsub_token.into()),
            account_id: account_id.map_or(Maybe::Absent, |id| Maybe::Value(Id::from(id))),
            user_id: user_id.map_or(Maybe::Absent, |id| Maybe::Value(Id::from(id))),
        };
        // Serializing strings, ids and an `Absent`-skipping struct cannot fail.
        let text = serde_json::to_string(&fields).unwrap_or_default();
        Self {
            text: text.into_boxed_str(),
            fields,
        }
    }

    /// The exact identifier text, as sent and echoed on the wire. It contains the token.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The channel (`RoomChannel`).
    pub fn channel(&self) -> &str {
        &self.fields.channel
    }

    /// The pubsub token.
    pub fn pubsub_token(&self) -> Option<&Secret> {
        self.fields.pubsub_token.get()
    }

    /// The account, for agent subscriptions.
    pub fn account_id(&self) -> Option<&Id> {
        self.fields.account_id.get()
    }

    /// The user, for agent subscriptions.
    pub fn user_id(&self) -> Option<&Id> {
        self.fields.user_id.get()
    }
}

impl std::str::FromStr for Identifier {
    type Err = DecodeError;

    /// Parses an identifier's text (the JSON inside the string).
    fn from_str(text: &str) -> Result<Self, DecodeError> {
        let raw: Box<RawValue> = serde_json::from_str(text).map_err(|error| {
            DecodeError::syntax(SPINE.provider(), &error).with_raw(text.as_bytes())
        })?;
        let fields: IdentifierFields =
            chat_events_core::unstable::decode_at(SPINE.provider(), None, "identifier", raw.get())
                .map_err(|error| error.with_raw(text.as_bytes()))?;
        Ok(Self {
            text: text.into(),
            fields,
        })
    }
}

impl PartialEq for Identifier {
    /// The server keys subscriptions by the exact text, so equality does too.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Identifier {}

impl std::hash::Hash for Identifier {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Identifier");
        debug.field("channel", &self.fields.channel);
        if let Some(token) = self.fields.pubsub_token.get() {
            debug.field("pubsub_token", token);
        }
        if let Some(account) = self.fields.account_id.get() {
            debug.field("account_id", account);
        }
        if let Some(user) = self.fields.user_id.get() {
            debug.field("user_id", user);
        }
        // The text repeats the token, so it is left out.
        debug.finish_non_exhaustive()
    }
}

impl Serialize for Identifier {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Identifier {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        text.parse()
            .map_err(|error: DecodeError| de::Error::custom(error.message()))
    }
}

impl JsonSchema for Identifier {
    fn schema_name() -> Cow<'static, str> {
        "Identifier".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A subscription identifier: a string holding JSON, such as {\"channel\":\"RoomChannel\",\"pubsub_token\":\"…\",\"account_id\":1,\"user_id\":1}. Repeat it byte for byte.",
            "type": "string",
            "contentMediaType": "application/json"
        })
    }
}
