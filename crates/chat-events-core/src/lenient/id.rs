//! [`Id`]: an identifier that arrives as a JSON string or a JSON number.

use std::{
    borrow::Cow,
    fmt,
    hash::{Hash, Hasher},
};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{self, Visitor},
};

/// An identifier sent as a JSON number (`1229`) or a JSON string (`"1229"`, `"wamid.HBg…"`).
///
/// Providers switch between the two for the same field (ChatApp sends `licenseId` as `1229`
/// in one event and `"1229"` in another; a Telegram `chat.id` is `-1002224731326` where a
/// WhatsApp one is `"70000000000@c.us"`). `Id` accepts both and remembers which it got, so
/// serializing writes back the same JSON.
///
/// Equality and hashing use the decimal text, so `Id::from(1229) == Id::from("1229")`: the
/// same license is the same key in a map whichever way it arrived.
///
/// ```
/// use chat_events_core::Id;
///
/// let number: Id = serde_json::from_str("1229").unwrap();
/// let string: Id = serde_json::from_str(r#""1229""#).unwrap();
/// assert_eq!(number, string);
/// assert_eq!(string.as_i64(), Some(1229));
/// assert_eq!(serde_json::to_string(&string).unwrap(), r#""1229""#);
/// assert_eq!(serde_json::to_string(&number).unwrap(), "1229");
/// ```
#[derive(Clone)]
pub struct Id(Repr);

#[derive(Clone)]
enum Repr {
    Int(i64),
    Str(Box<str>),
}

impl Id {
    /// Whether the identifier arrived as a JSON string.
    pub const fn is_string(&self) -> bool {
        matches!(self.0, Repr::Str(_))
    }

    /// The identifier as an integer: the number itself, or a string that holds a decimal
    /// integer. `None` for other strings (`"70000000000@c.us"`).
    pub fn as_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Int(value) => Some(*value),
            Repr::Str(text) => text.parse().ok(),
        }
    }

    /// The identifier as text (numbers in decimal).
    pub fn as_str(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Int(value) => Cow::Owned(value.to_string()),
            Repr::Str(text) => Cow::Borrowed(text),
        }
    }
}

impl From<i64> for Id {
    fn from(value: i64) -> Self {
        Self(Repr::Int(value))
    }
}

impl From<&str> for Id {
    fn from(value: &str) -> Self {
        Self(Repr::Str(value.into()))
    }
}

impl From<String> for Id {
    fn from(value: String) -> Self {
        Self(Repr::Str(value.into_boxed_str()))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Int(value) => fmt::Display::fmt(value, f),
            Repr::Str(text) => f.write_str(text),
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Int(value) => write!(f, "Id({value})"),
            Repr::Str(text) => write!(f, "Id({text:?})"),
        }
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Repr::Int(a), Repr::Int(b)) => a == b,
            (Repr::Str(a), Repr::Str(b)) => a == b,
            (Repr::Int(number), Repr::Str(text)) | (Repr::Str(text), Repr::Int(number)) => {
                DecimalText::new(*number).as_str() == &**text
            }
        }
    }
}

impl Eq for Id {}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Hash the text form so that equal ids hash alike across representations.
        match &self.0 {
            Repr::Int(value) => DecimalText::new(*value).as_str().hash(state),
            Repr::Str(text) => (**text).hash(state),
        }
    }
}

/// Decimal text of an `i64` on the stack (hashing must not allocate).
struct DecimalText {
    buf: [u8; 20],
    start: usize,
}

impl DecimalText {
    fn new(value: i64) -> Self {
        let mut buf = [0_u8; 20];
        let mut start = buf.len();
        let mut rest = value.unsigned_abs();
        loop {
            start -= 1;
            // `rest % 10` is below 10, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let digit = (rest % 10) as u8;
            buf[start] = b'0' + digit;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if value < 0 {
            start -= 1;
            buf[start] = b'-';
        }
        Self { buf, start }
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits and '-' were written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or_default()
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Int(value) => serializer.serialize_i64(*value),
            Repr::Str(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = Id;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id as a string or an integer")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Id, E> {
                Ok(Id::from(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Id, E> {
                i64::try_from(value)
                    .map(Id::from)
                    .map_err(|_| E::custom("an integer id above 2^63-1"))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Id, E> {
                Ok(Id::from(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Id, E> {
                Ok(Id::from(value))
            }
        }

        deserializer.deserialize_any(IdVisitor)
    }
}

impl JsonSchema for Id {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An identifier, sent as a string or as an integer.",
            "type": ["string", "integer"],
            "minimum": i64::MIN,
            "maximum": i64::MAX
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn equal_across_representations_and_hashes_alike() {
        let mut set = HashSet::new();
        set.insert(Id::from(-1_002_224_731_326));
        assert!(set.contains(&Id::from("-1002224731326")));
        assert!(!set.contains(&Id::from("1002224731326")));
        assert_ne!(Id::from(12), Id::from("012"));
        assert_eq!(Id::from(i64::MIN).as_str(), i64::MIN.to_string());
        assert_eq!(Id::from(0), Id::from("0"));
    }

    #[test]
    fn rejects_floats_and_objects_with_a_clear_message() {
        let error = serde_json::from_str::<Id>("1.5").unwrap_err().to_string();
        assert!(error.contains("an id as a string or an integer"), "{error}");
        assert!(serde_json::from_str::<Id>("{}").is_err());
        assert!(serde_json::from_str::<Id>("18446744073709551615").is_err());
    }
}
