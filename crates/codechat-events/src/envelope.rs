//! The body every CodeChat webhook POST carries, and how it is read.
//!
//! `{event, instance?, data?, …}` across product generations (reference §1):
//!
//! - `instance` is the instance's name (open source ≤ v1.2, Evolution, CodeChat v3), the
//!   whole database row (open source v1.3), `{owner, name, id?}` (the cloud docs), CodeChat
//!   v2's or CodeChat Go's instance object, or absent (CodeChat Go's `message.batch.*`);
//! - `data` is an object, an array, a string array, or absent (`new.jwt` carries `auth`
//!   instead); some cloud examples misspell the key as `"date"`;
//! - Evolution adds `destination`, `date_time`, `sender`, `server_url` and `apikey`; the
//!   2022 cloud docs put `owner` at the top; CodeChat Go adds `timestamp` (RFC 3339).
//!
//! [`Payload`] types all of these and keeps any other top-level key in `extra`, so nothing
//! is lost. It is read with a hand-written visitor rather than `#[serde(flatten)]`, which
//! would buffer the whole body.
//!
//! The [`SPINE`] describes the body to the decoder: the name in `event`, no wrapper, and the
//! other spellings of event names that the docs and old builds use.

use std::{borrow::Cow, collections::BTreeMap, fmt, marker::PhantomData};

use crate::Jid;
use chat_events_core::{
    Id, Maybe, RawJson, Secret, Timestamp, unstable::Shape, unstable::Spine, unstable::open_enum,
};
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
    pub owner: Maybe<Jid>,
    /// Evolution: the owner's JID.
    pub sender: Maybe<Jid>,
    /// Evolution: the server's URL.
    pub server_url: Maybe<String>,
    /// CodeChat Go: when it was sent (RFC 3339).
    pub timestamp: Maybe<Timestamp>,
    /// Any other top-level key, kept as its JSON text (no number or escape is re-read).
    pub extra: BTreeMap<String, RawJson>,
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

/// The instance that sent an event, in the form its generation uses, read from its keys: a
/// string is its name; `owner` → the cloud docs; `instanceId` → CodeChat v2; `createdAt` →
/// the open-source v1.3 database row; `id` with `externalAttributes` → CodeChat Go. Another
/// value is kept raw in [`Instance::Other`].
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum Instance {
    /// The instance's name (open source ≤ v1.2, Evolution, CodeChat v3 2024).
    #[shape(string)]
    Name(String),
    /// The cloud docs' `{owner, name, id?}`.
    #[shape(has("owner"))]
    Cloud(CloudInstance),
    /// CodeChat v2 ("business" cloud): `{instanceId, name, state, connection, createdAt,
    /// WhatsApp, Business}`.
    #[shape(has("instanceId"))]
    Business(Box<BusinessInstance>),
    /// The open-source v1.3 database row (`{id, name, description, connectionStatus,
    /// ownerJid, profilePicUrl, createdAt, updatedAt, externalAttributes}`).
    #[shape(has("createdAt"))]
    Record(Box<InstanceRecord>),
    /// CodeChat Go (2026): `{connectionStatus, externalAttributes, id, name, ownerJid}`.
    #[shape(has("id", "externalAttributes"))]
    Go(Box<GoInstance>),
    /// None of the above; kept as sent.
    #[shape(other)]
    Other(RawJson),
}

impl Instance {
    /// The instance's name, whichever form it came in.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Business(business) => business.name.as_deref(),
            Self::Cloud(cloud) => cloud.name.as_deref(),
            Self::Go(go) => go.name.as_deref(),
            Self::Name(name) => Some(name),
            Self::Record(record) => record.name.as_deref(),
            Self::Other(_) => None,
        }
    }

    /// The owner's JID, when the form carries it.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Self::Business(business) => business
                .whatsapp
                .get()
                .and_then(|whatsapp| whatsapp.remote_jid.as_deref()),
            Self::Cloud(cloud) => cloud.owner.as_deref(),
            Self::Go(go) => go.owner_jid.as_deref(),
            Self::Record(record) => record.owner_jid.as_deref(),
            Self::Name(_) | Self::Other(_) => None,
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
    pub owner: Maybe<Jid>,
}

/// The instance's database row (open source v1.3.0.28 and later).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InstanceRecord {
    /// `ONLINE` once connected (never set back to `OFFLINE` in memory), or `null`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection_status: Maybe<ConnectionStatus>,
    /// Created (ISO-8601; date-only values before 2024-08-28).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// Attributes the user attached to the instance (any JSON, v1.3.4.116+).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Value>,
    /// Row id (an integer).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The connected number's JID; `null` before the first connection.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_jid: Maybe<Jid>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub profile_pic_url: Maybe<String>,
    /// Updated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// CodeChat Go's instance snapshot (`code-chat-br/docs-api`, 2026).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GoInstance {
    /// The stored connection state, lower case (`online`, `qr_code`, `logged_out`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection_status: Maybe<GoConnectionStatus>,
    /// Attributes the user attached to the instance. Quirk: always an object, `{}` when
    /// none were set (never `null`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_attributes: Maybe<serde_json::Map<String, serde_json::Value>>,
    /// Internal id (an integer, also in the `x-instance-id` header).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub id: Maybe<Id>,
    /// Instance name (the one in the routes).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The connected number's JID; `null` before the first connection.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub owner_jid: Maybe<Jid>,
}

/// CodeChat v2's instance (`docs.codechat.dev`, the "business" cloud).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BusinessInstance {
    /// The business the instance belongs to.
    #[serde(default, rename = "Business", skip_serializing_if = "Maybe::is_absent")]
    pub business: Maybe<BusinessAccount>,
    /// `refused`, `close` or `open`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub connection: Maybe<String>,
    /// Created.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Instance id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub instance_id: Maybe<Id>,
    /// Instance name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `active` or `inactive`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub state: Maybe<String>,
    /// The connected WhatsApp account.
    #[serde(default, rename = "WhatsApp", skip_serializing_if = "Maybe::is_absent")]
    pub whatsapp: Maybe<BusinessWhatsApp>,
}

/// CodeChat v2: the business an instance belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BusinessAccount {
    /// Business id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub business_id: Maybe<Id>,
    /// Business name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
}

/// CodeChat v2: the WhatsApp account an instance is connected to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BusinessWhatsApp {
    /// When it was connected.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Profile picture URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub picture_url: Maybe<String>,
    /// Profile name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub push_name: Maybe<String>,
    /// The account's JID.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub remote_jid: Maybe<Jid>,
    /// Account id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub whatsapp_id: Maybe<Id>,
}

open_enum! {
    /// CodeChat Go: an instance's stored connection state.
    pub enum GoConnectionStatus {
        /// Blocked by WhatsApp: the client is outdated.
        ClientOutdated = "client_outdated",
        /// Connecting.
        Connecting = "connecting",
        /// Connection failed.
        ConnectionError = "connection_error",
        /// Connecting timed out.
        ConnectionTimeout = "connection_timeout",
        /// Disconnected.
        Disconnected = "disconnected",
        /// Keep-alive timed out.
        KeepaliveTimeout = "keepalive_timeout",
        /// Logged out.
        LoggedOut = "logged_out",
        /// Never connected.
        Offline = "offline",
        /// Connected.
        Online = "online",
        /// Pairing.
        Pairing = "pairing",
        /// Waiting for the pairing code to be entered.
        PairingCode = "pairing_code",
        /// Waiting for the QR code to be scanned.
        QrCode = "qr_code",
        /// Reconnecting.
        Reconnecting = "reconnecting",
        /// The stored session is gone.
        SessionMissing = "session_missing",
        /// Another client took the session over.
        StreamReplaced = "stream_replaced",
        /// Temporarily banned by WhatsApp.
        TemporaryBan = "temporary_ban",
    }
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
