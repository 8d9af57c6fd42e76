//! The body every CodeChat webhook POST carries, and how it is read.
//!
//! `{event, instance?, data?, …}` across product generations (reference §1):
//!
//! - `instance` is the instance's name (open source ≤ v1.2, Evolution), the whole database
//!   row (open source v1.3), `{owner, name, id?}` (the cloud docs), or absent;
//! - `data` is an object, an array, a string array, or absent (`new.jwt` carries `auth`
//!   instead); some cloud examples misspell the key as `"date"`;
//! - Evolution adds `destination`, `date_time`, `sender`, `server_url` and `apikey`; the
//!   2022 cloud docs put `owner` at the top.
//!
//! [`Payload`] types all of these and keeps any other top-level key in `extra`, so nothing
//! is lost. It is read with a hand-written visitor rather than `#[serde(flatten)]`, which
//! would buffer the whole body.
//!
//! The [`SPINE`] describes the body to the decoder: the name in `event`, no wrapper, and the
//! other spellings of event names that the docs and old builds use.

use std::{borrow::Cow, collections::BTreeMap, fmt, marker::PhantomData};

use chat_events_core::{Id, Maybe, Secret, Shape, Spine, Timestamp, open_enum};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{self, MapAccess, Visitor},
    ser::SerializeMap,
};

/// CodeChat's wire format: the name in `event`, one body form, and the aliases of names.
pub(crate) const SPINE: Spine = Spine::new("codechat", &["event"])
    .body(
        "a CodeChat webhook body",
        "A CodeChat webhook body.",
        envelope_schema,
    )
    .aliases(&[
        ("connections.update", "connection.update"),
        ("message.delete", "messages.delete"),
        ("message.update", "messages.update"),
        ("messges.upsert", "messages.upsert"),
        ("recusar.pagamento", "decline.payment"),
    ]);

/// Any body, whatever its event.
fn envelope_schema(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<Payload<serde_json::Value>>()
}

/// One CodeChat webhook body, with its data typed as `T`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Payload<T> {
    /// `new.jwt`: the instance's new token (a credential, redacted in `Debug`).
    pub auth: Maybe<Secret>,
    /// Evolution: the instance token, usually `null`.
    pub apikey: Maybe<Secret>,
    /// The event's data.
    pub data: Maybe<T>,
    /// The key the data came under: `data`, or the cloud examples' misspelling `date`.
    pub data_key: DataKey,
    /// Evolution: local time of sending, with a misleading `Z` suffix.
    pub date_time: Maybe<Timestamp>,
    /// Evolution: the URL the body was sent to.
    pub destination: Maybe<String>,
    /// The event name exactly as sent, aliases included (`connections.update`).
    pub event: String,
    /// The instance that sent the event.
    pub instance: Maybe<Instance>,
    /// 2022 cloud docs: the owner's JID, at the top level.
    pub owner: Maybe<String>,
    /// Evolution: the owner's JID.
    pub sender: Maybe<String>,
    /// Evolution: the server's URL.
    pub server_url: Maybe<String>,
    /// CodeChat Go: when it was sent (RFC 3339).
    pub timestamp: Maybe<Timestamp>,
    /// Any other top-level key, as sent.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// The key a body's data came under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum DataKey {
    /// `data`, as documented.
    #[default]
    Data,
    /// `date`, a misspelling in some cloud examples.
    Date,
}

impl<T: Serialize> Serialize for Payload<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("event", &self.event)?;
        if !self.instance.is_absent() {
            map.serialize_entry("instance", &self.instance)?;
        }
        if !self.data.is_absent() {
            let key = if self.data_key == DataKey::Date {
                "date"
            } else {
                "data"
            };
            map.serialize_entry(key, &self.data)?;
        }
        if !self.auth.is_absent() {
            map.serialize_entry("auth", &self.auth)?;
        }
        if !self.owner.is_absent() {
            map.serialize_entry("owner", &self.owner)?;
        }
        if !self.destination.is_absent() {
            map.serialize_entry("destination", &self.destination)?;
        }
        if !self.date_time.is_absent() {
            map.serialize_entry("date_time", &self.date_time)?;
        }
        if !self.sender.is_absent() {
            map.serialize_entry("sender", &self.sender)?;
        }
        if !self.server_url.is_absent() {
            map.serialize_entry("server_url", &self.server_url)?;
        }
        if !self.apikey.is_absent() {
            map.serialize_entry("apikey", &self.apikey)?;
        }
        if !self.timestamp.is_absent() {
            map.serialize_entry("timestamp", &self.timestamp)?;
        }
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Payload<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PayloadVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for PayloadVisitor<T> {
            type Value = Payload<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a CodeChat webhook body")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut event = None;
                let mut payload = Payload {
                    auth: Maybe::Absent,
                    apikey: Maybe::Absent,
                    data: Maybe::Absent,
                    data_key: DataKey::Data,
                    date_time: Maybe::Absent,
                    destination: Maybe::Absent,
                    event: String::new(),
                    instance: Maybe::Absent,
                    owner: Maybe::Absent,
                    sender: Maybe::Absent,
                    server_url: Maybe::Absent,
                    timestamp: Maybe::Absent,
                    extra: BTreeMap::new(),
                };
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "event" => event = Some(map.next_value::<String>()?),
                        "instance" => payload.instance = map.next_value()?,
                        "data" if payload.data.is_absent() => payload.data = map.next_value()?,
                        "date" if payload.data.is_absent() => {
                            payload.data = map.next_value()?;
                            payload.data_key = DataKey::Date;
                        }
                        "auth" => payload.auth = map.next_value()?,
                        "owner" => payload.owner = map.next_value()?,
                        "destination" => payload.destination = map.next_value()?,
                        "date_time" => payload.date_time = map.next_value()?,
                        "sender" => payload.sender = map.next_value()?,
                        "server_url" => payload.server_url = map.next_value()?,
                        "apikey" => payload.apikey = map.next_value()?,
                        "timestamp" => payload.timestamp = map.next_value()?,
                        _ => {
                            let value = map.next_value()?;
                            payload.extra.insert(key.into_owned(), value);
                        }
                    }
                }
                payload.event = event.ok_or_else(|| de::Error::missing_field("event"))?;
                Ok(payload)
            }
        }

        deserializer.deserialize_map(PayloadVisitor(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Payload<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Payload_{}", T::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("codechat::Payload<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let data = generator.subschema_for::<Maybe<T>>();
        let instance = generator.subschema_for::<Maybe<Instance>>();
        let secret = generator.subschema_for::<Maybe<Secret>>();
        let time = generator.subschema_for::<Maybe<Timestamp>>();
        let text = generator.subschema_for::<Maybe<String>>();
        json_schema!({
            "description": "A CodeChat webhook body. Keys not listed here are accepted and kept.",
            "type": "object",
            "required": ["event"],
            "properties": {
                "event": { "type": "string" },
                "instance": instance,
                "data": data,
                "date": data,
                "auth": secret,
                "apikey": secret,
                "owner": text,
                "destination": text,
                "sender": text,
                "server_url": text,
                "date_time": time,
                "timestamp": time
            }
        })
    }
}

/// The instance that sent an event, in the form its generation uses: a string is its name;
/// an object with `owner` is the cloud docs' form; another object is a database record.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum Instance {
    /// The instance's name (open source ≤ v1.2, Evolution).
    #[shape(string)]
    Name(String),
    /// The cloud docs' `{owner, name, id?}`.
    #[shape(has("owner"))]
    Cloud(CloudInstance),
    /// The database row (open source v1.3; also CodeChat v2 and Go, with their own keys).
    #[shape(object)]
    Record(Box<InstanceRecord>),
}

impl Instance {
    /// The instance's name, whichever form it came in.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Cloud(cloud) => cloud.name.as_deref(),
            Self::Name(name) => Some(name),
            Self::Record(record) => record.name.as_deref(),
        }
    }

    /// The owner's JID, when the form carries it.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Self::Cloud(cloud) => cloud.owner.as_deref(),
            Self::Record(record) => record.owner_jid.as_deref(),
            Self::Name(_) => None,
        }
    }
}

/// The cloud docs' instance: `{owner, name}`, with `id` in CloudZAPI's copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CloudInstance {
    /// Instance id (a UUID).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The owner's JID; `""` before the first connection.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner: Maybe<String>,
}

/// The instance's database row (open source v1.3), or the instance object of CodeChat v2
/// and Go, which share some of its keys.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InstanceRecord {
    /// CodeChat v2: the business.
    #[serde(default, rename = "Business", skip_serializing_if = "Maybe::is_absent")]
    pub business: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// CodeChat v2: `refused`, `close` or `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection: Maybe<String>,
    /// `ONLINE` once connected (never set back to `OFFLINE` in memory), or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection_status: Maybe<ConnectionStatus>,
    /// Created (ISO-8601; date-only values before 2024-08-28).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// Attributes the user attached to the instance (any JSON).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Value>,
    /// Row id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// CodeChat v2: instance id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The connected number's JID; `null` before the first connection.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_jid: Maybe<String>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_pic_url: Maybe<String>,
    /// CodeChat v2: `active` or `inactive`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub state: Maybe<String>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
    /// CodeChat v2: the WhatsApp account.
    #[serde(default, rename = "WhatsApp", skip_serializing_if = "Maybe::is_absent")]
    pub whatsapp: Maybe<serde_json::Map<String, serde_json::Value>>,
}

open_enum! {
    /// An instance's connection status in the database row.
    pub enum ConnectionStatus {
        /// Not connected.
        Offline = "OFFLINE",
        /// Connected.
        Online = "ONLINE",
    }
}
