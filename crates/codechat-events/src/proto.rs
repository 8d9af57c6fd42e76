//! Values as protobufjs and Node serialize them: 64-bit integers ([`Long`]), byte strings
//! ([`Bytes`]), enums ([`ProtoEnum`]), message content ([`Content`]), and payloads no one
//! documented ([`Opaque`]).
//!
//! CodeChat passes WhatsApp's protobuf objects (from Baileys) to `JSON.stringify`. Whether a
//! value is still a protobufjs instance at that moment decides its JSON form, so the same
//! field arrives in several forms across versions and even within one payload (reference §4).
//! Each type here accepts every form, keeps the one it got (serializing writes it back), and
//! offers the value through an accessor.

use std::{borrow::Cow, fmt, marker::PhantomData};

use base64::Engine as _;
use chat_events_core::RawJson;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{
        self, MapAccess, SeqAccess, Visitor,
        value::{MapAccessDeserializer, SeqAccessDeserializer},
    },
    ser::SerializeMap,
};
use serde_json::value::RawValue;

/// A 64-bit integer as protobufjs serializes it: a decimal string (`"84213"`), a JSON number,
/// or a `{low, high, unsigned}` object (a Long that lost its prototype).
///
/// ```
/// use codechat_events::Long;
///
/// for json in [r#""1718791400""#, "1718791400", r#"{"low":1718791400,"high":0,"unsigned":true}"#] {
///     let long: Long = serde_json::from_str(json).unwrap();
///     assert_eq!(long.as_i64(), Some(1_718_791_400), "{json}");
///     assert_eq!(serde_json::to_string(&long).unwrap(), json);
/// }
/// // `low` is negative for values of 2^31 and more.
/// let big: Long = serde_json::from_str(r#"{"low":-1,"high":0,"unsigned":true}"#).unwrap();
/// assert_eq!(big.as_u64(), Some(4_294_967_295));
/// ```
#[derive(Clone, PartialEq)]
pub struct Long(LongRepr);

#[derive(Clone, PartialEq)]
enum LongRepr {
    Number(serde_json::Number),
    Text(Box<str>),
    Parts(LongParts),
}

#[derive(Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
struct LongParts {
    low: i64,
    high: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unsigned: Option<bool>,
}

impl Long {
    /// The value as a signed integer, when it fits (`None` for an empty or non-numeric
    /// string, such as the `""` some payloads carry).
    pub fn as_i64(&self) -> Option<i64> {
        self.as_i128().and_then(|value| i64::try_from(value).ok())
    }

    /// The value as an unsigned integer, when it fits.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_i128().and_then(|value| u64::try_from(value).ok())
    }

    fn as_i128(&self) -> Option<i128> {
        match &self.0 {
            LongRepr::Number(number) => number
                .as_i64()
                .map(i128::from)
                .or_else(|| number.as_u64().map(i128::from)),
            LongRepr::Text(text) => text.parse().ok(),
            LongRepr::Parts(parts) => {
                // The two 32-bit halves, `low` read as unsigned.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let (high, low) = (parts.high as u32, parts.low as u32);
                let bits = (u64::from(high) << 32) | u64::from(low);
                #[allow(clippy::cast_possible_wrap)]
                Some(if parts.unsigned == Some(true) {
                    i128::from(bits)
                } else {
                    i128::from(bits as i64)
                })
            }
        }
    }

    /// Whether it arrived as a `{low, high, unsigned}` object.
    pub const fn is_parts(&self) -> bool {
        matches!(self.0, LongRepr::Parts(_))
    }

    /// Whether it arrived as a string.
    pub const fn is_string(&self) -> bool {
        matches!(self.0, LongRepr::Text(_))
    }
}

impl fmt::Debug for Long {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            LongRepr::Number(number) => write!(f, "Long({number})"),
            LongRepr::Text(text) => write!(f, "Long({text:?})"),
            LongRepr::Parts(parts) => match self.as_i128() {
                Some(value) => write!(
                    f,
                    "Long({value} as {{low: {}, high: {}}})",
                    parts.low, parts.high
                ),
                None => f.write_str("Long(?)"),
            },
        }
    }
}

impl Serialize for Long {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            LongRepr::Number(number) => number.serialize(serializer),
            LongRepr::Text(text) => serializer.serialize_str(text),
            LongRepr::Parts(parts) => parts.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Long {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LongVisitor;

        impl<'de> Visitor<'de> for LongVisitor {
            type Value = Long;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a 64-bit integer as a number, a string or {low, high, unsigned}")
            }

            fn visit_i64<E>(self, value: i64) -> Result<Long, E> {
                Ok(Long(LongRepr::Number(value.into())))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Long, E> {
                Ok(Long(LongRepr::Number(value.into())))
            }

            fn visit_str<E>(self, value: &str) -> Result<Long, E> {
                Ok(Long(LongRepr::Text(value.into())))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Long, A::Error> {
                LongParts::deserialize(MapAccessDeserializer::new(map))
                    .map(|parts| Long(LongRepr::Parts(parts)))
            }
        }

        deserializer.deserialize_any(LongVisitor)
    }
}

impl JsonSchema for Long {
    fn schema_name() -> Cow<'static, str> {
        "Long".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let parts = generator.subschema_for::<LongParts>();
        json_schema!({
            "description": "A 64-bit integer: a number, a decimal string, or protobufjs's {low, high, unsigned}.",
            "anyOf": [
                { "type": "integer", "minimum": i64::MIN, "maximum": u64::MAX },
                { "type": "string" },
                parts
            ]
        })
    }
}

/// Bytes as Node and protobufjs serialize them: a base64 string, a Node Buffer
/// (`{"type":"Buffer","data":[4,17]}`), or an index-keyed object (`{"0":4,"1":17}`, a bare
/// `Uint8Array`).
///
/// ```
/// use codechat_events::Bytes;
///
/// for json in [r#""BBE=""#, r#"{"type":"Buffer","data":[4,17]}"#, r#"{"0":4,"1":17}"#] {
///     let bytes: Bytes = serde_json::from_str(json).unwrap();
///     assert_eq!(bytes.to_vec(), Some(vec![4, 17]), "{json}");
///     assert_eq!(serde_json::to_string(&bytes).unwrap(), json);
/// }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Bytes(BytesRepr);

#[derive(Clone, Eq)]
enum BytesRepr {
    Base64(Box<str>),
    Buffer(Vec<u8>),
    /// The entries in the order they came (written back in that order).
    Indexed(Vec<(Box<str>, u8)>),
}

impl PartialEq for BytesRepr {
    /// The same form and the same content. An index-keyed object is a JSON object, so its
    /// key order does not count (a `serde_json::Value` sorts `"10"` before `"2"`).
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Base64(a), Self::Base64(b)) => a == b,
            (Self::Buffer(a), Self::Buffer(b)) => a == b,
            (Self::Indexed(a), Self::Indexed(b)) => {
                let sorted = |entries: &[(Box<str>, u8)]| {
                    let mut entries = entries.to_vec();
                    entries.sort_unstable();
                    entries
                };
                a.len() == b.len() && sorted(a) == sorted(b)
            }
            _ => false,
        }
    }
}

impl Bytes {
    /// The bytes; `None` when a string is not valid base64 or an index-keyed object has a
    /// key that is not an index.
    pub fn to_vec(&self) -> Option<Vec<u8>> {
        match &self.0 {
            BytesRepr::Base64(text) => base64::engine::general_purpose::STANDARD
                .decode(text.as_bytes())
                .ok(),
            BytesRepr::Buffer(bytes) => Some(bytes.clone()),
            BytesRepr::Indexed(entries) => {
                let mut indexed: Vec<(usize, u8)> = entries
                    .iter()
                    .map(|(key, byte)| key.parse().ok().map(|index| (index, *byte)))
                    .collect::<Option<_>>()?;
                indexed.sort_unstable_by_key(|(index, _)| *index);
                Some(indexed.into_iter().map(|(_, byte)| byte).collect())
            }
        }
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Media keys and tokens travel as bytes: show the form and the size only.
        let form = match &self.0 {
            BytesRepr::Base64(_) => "base64",
            BytesRepr::Buffer(_) => "Buffer",
            BytesRepr::Indexed(_) => "indexed",
        };
        match self.to_vec() {
            Some(bytes) => write!(f, "Bytes({form}, {} bytes)", bytes.len()),
            None => write!(f, "Bytes({form}, undecodable)"),
        }
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            BytesRepr::Base64(text) => serializer.serialize_str(text),
            BytesRepr::Buffer(bytes) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("type", "Buffer")?;
                map.serialize_entry("data", bytes)?;
                map.end()
            }
            BytesRepr::Indexed(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, byte) in entries {
                    map.serialize_entry(&**key, byte)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BytesVisitor;

        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Bytes;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes as a base64 string, a Node Buffer or an index-keyed object")
            }

            fn visit_str<E>(self, value: &str) -> Result<Bytes, E> {
                Ok(Bytes(BytesRepr::Base64(value.into())))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Bytes, A::Error> {
                let (mut is_buffer, mut data, mut indexed) = (false, None, Vec::new());
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "type" => {
                            let kind: Cow<'de, str> = map.next_value()?;
                            if kind != "Buffer" {
                                return Err(de::Error::custom(
                                    "a byte object whose type is not Buffer",
                                ));
                            }
                            is_buffer = true;
                        }
                        "data" => data = Some(map.next_value::<Vec<u8>>()?),
                        index if !index.is_empty() && index.bytes().all(|b| b.is_ascii_digit()) => {
                            indexed.push((index.into(), map.next_value::<u8>()?));
                        }
                        _ => return Err(de::Error::custom("an unexpected key in a byte object")),
                    }
                }
                match (is_buffer, data) {
                    (true, Some(data)) if indexed.is_empty() => Ok(Bytes(BytesRepr::Buffer(data))),
                    (false, None) => Ok(Bytes(BytesRepr::Indexed(indexed))),
                    _ => Err(de::Error::custom(
                        "a byte object that is neither a Buffer nor index-keyed",
                    )),
                }
            }
        }

        deserializer.deserialize_any(BytesVisitor)
    }
}

impl JsonSchema for Bytes {
    fn schema_name() -> Cow<'static, str> {
        "Bytes".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Bytes: a base64 string, a Node Buffer {type: \"Buffer\", data: [u8]}, or an index-keyed object {\"0\": u8, …}.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "required": ["type", "data"],
                    "properties": {
                        "type": { "const": "Buffer" },
                        "data": { "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 255 } }
                    }
                },
                {
                    "type": "object",
                    "propertyNames": { "pattern": "^[0-9]+$" },
                    "additionalProperties": { "type": "integer", "minimum": 0, "maximum": 255 }
                }
            ]
        })
    }
}

/// A protobuf enum value, sent as its number or as its name depending on the version
/// (`protocolMessage.type` is `0` before CodeChat v1.3.6.144 and `"REVOKE"` after).
#[derive(Clone, Debug, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // a number or a name is all protobuf JSON allows
pub enum ProtoEnum<E> {
    /// The enum's number.
    Number(i64),
    /// The enum's name.
    Name(E),
}

/// Enums whose protobuf numbers are known, so [`ProtoEnum::resolve`] can name a number.
pub trait FromCode: Sized {
    /// The value for a protobuf number, if known.
    fn from_code(code: i64) -> Option<Self>;
}

/// Declares a protobuf enum: an open enum of its names (`open_enum!`) and its numbers
/// ([`FromCode`]), from one list of `Variant = "NAME" = number` lines, so the two cannot
/// disagree.
///
/// Every part is taken as a single token (`tt`), not as a `literal`: a `literal` fragment
/// would reach `open_enum!` wrapped in an invisible group, and its docs would be lost from
/// the schema.
macro_rules! proto_enum {
    (
        $(#[doc = $doc:tt])*
        $vis:vis enum $name:ident {
            $(
                $(#[doc = $variant_doc:tt])*
                $variant:ident = $wire:tt = $code:tt,
            )+
        }
    ) => {
        ::chat_events_core::unstable::open_enum! {
            $(#[doc = $doc])*
            $vis enum $name {
                $(
                    $(#[doc = $variant_doc])*
                    $variant = $wire,
                )+
            }
        }

        impl $crate::proto::FromCode for $name {
            /// The value of a WAProto enum number.
            fn from_code(code: i64) -> ::core::option::Option<Self> {
                ::core::option::Option::Some(match code {
                    $($code => Self::$variant,)+
                    _ => return ::core::option::Option::None,
                })
            }
        }
    };
}
pub(crate) use proto_enum;

impl<E: Clone + FromCode> ProtoEnum<E> {
    /// The value by name, whichever way it was sent (`None` for an unknown number).
    pub fn resolve(&self) -> Option<E> {
        match self {
            Self::Number(code) => E::from_code(*code),
            Self::Name(name) => Some(name.clone()),
        }
    }
}

impl<E: Serialize> Serialize for ProtoEnum<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(code) => serializer.serialize_i64(*code),
            Self::Name(name) => name.serialize(serializer),
        }
    }
}

impl<'de, E: for<'a> From<&'a str>> Deserialize<'de> for ProtoEnum<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EnumVisitor<E>(PhantomData<E>);

        impl<E: for<'a> From<&'a str>> Visitor<'_> for EnumVisitor<E> {
            type Value = ProtoEnum<E>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enum value as a number or a name")
            }

            fn visit_i64<Er>(self, value: i64) -> Result<Self::Value, Er> {
                Ok(ProtoEnum::Number(value))
            }

            fn visit_u64<Er: de::Error>(self, value: u64) -> Result<Self::Value, Er> {
                i64::try_from(value)
                    .map(ProtoEnum::Number)
                    .map_err(|_| Er::custom("an enum number out of range"))
            }

            fn visit_str<Er>(self, value: &str) -> Result<Self::Value, Er> {
                Ok(ProtoEnum::Name(E::from(value)))
            }
        }

        deserializer.deserialize_any(EnumVisitor(PhantomData))
    }
}

impl<E: JsonSchema> JsonSchema for ProtoEnum<E> {
    fn schema_name() -> Cow<'static, str> {
        format!("ProtoEnum_{}", E::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("ProtoEnum<{}>", E::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let name = generator.subschema_for::<E>();
        json_schema!({
            "description": "A protobuf enum value: its number or its name.",
            "anyOf": [{ "type": "integer" }, name]
        })
    }
}

/// Message content: a bare string (text messages in some versions) or the protobuf message
/// object.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::exhaustive_enums)] // a string or an object is all the field ever holds
pub enum Content<T> {
    /// The text itself (`conversation` messages in `messages.set`, and in
    /// `messages.upsert` before CodeChat v1.3.1.57).
    Text(String),
    /// The message object.
    Object(Box<T>),
}

impl<T> Content<T> {
    /// The object, when it is one.
    pub fn as_object(&self) -> Option<&T> {
        match self {
            Self::Object(object) => Some(object),
            Self::Text(_) => None,
        }
    }
}

impl<T: Serialize> Serialize for Content<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Object(object) => object.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Content<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ContentVisitor<T>(PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ContentVisitor<T> {
            type Value = Content<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("message content as a string or an object")
            }

            fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
                Ok(Content::Text(value.to_owned()))
            }

            fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
                Ok(Content::Text(value))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
                    .map(|object| Content::Object(Box::new(object)))
            }

            /// What the object's own decoder makes of an array (`[]` for an empty object).
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                T::deserialize(SeqAccessDeserializer::new(seq))
                    .map(|object| Content::Object(Box::new(object)))
            }
        }

        deserializer.deserialize_any(ContentVisitor(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Content<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Content_{}", T::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("Content<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let object = generator.subschema_for::<T>();
        json_schema!({
            "description": "Message content: the text as a string, or the message object.",
            "anyOf": [{ "type": "string" }, object]
        })
    }
}

/// The data of an event that no one documented (CodeChat cloud's payment events and
/// `general.error`): typed as `T` when it fits the best guess, kept raw when it does not.
///
/// This is the one place where a body that does not fit is not an error: there is no
/// documented shape to hold it to. The variant says which happened.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Opaque<T> {
    /// The data fit the guessed shape.
    Typed(T),
    /// The data did not fit; here it is as sent.
    Raw(RawJson),
}

impl<T: Serialize> Serialize for Opaque<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Typed(value) => value.serialize(serializer),
            Self::Raw(raw) => raw.serialize(serializer),
        }
    }
}

impl<'de, T: for<'a> Deserialize<'a>> Deserialize<'de> for Opaque<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Ok(match serde_json::from_str::<T>(raw.get()) {
            Ok(value) => Self::Typed(value),
            Err(_) => Self::Raw(RawJson::from(raw)),
        })
    }
}

impl<T: JsonSchema> JsonSchema for Opaque<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Opaque_{}", T::schema_name()).into()
    }

    fn schema_id() -> Cow<'static, str> {
        format!("Opaque<{}>", T::schema_id()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let typed = generator.subschema_for::<T>();
        json_schema!({
            "description": "Undocumented data: the guessed shape, or any JSON (kept as sent).",
            "anyOf": [typed, true]
        })
    }
}
