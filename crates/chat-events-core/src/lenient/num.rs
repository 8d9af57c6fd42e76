//! [`Num`]: an integer that may arrive as a JSON number or as a numeric string, and
//! [`UnixSeconds`], a Unix time built on it.

use std::{
    borrow::Cow,
    fmt,
    marker::PhantomData,
    time::{Duration, SystemTime},
};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{
    Deserialize, Deserializer, Serialize, Serializer,
    de::{self, Visitor},
};

mod sealed {
    pub trait Sealed {}
    impl Sealed for i64 {}
    impl Sealed for u64 {}
}

/// The integer types [`Num`] can hold.
pub trait Integer:
    sealed::Sealed + Copy + fmt::Display + fmt::Debug + PartialEq + Eq + std::str::FromStr
{
    /// Name used in schema titles and error messages.
    const NAME: &'static str;
    /// Converts from a JSON signed integer, if it fits.
    fn from_i64(value: i64) -> Option<Self>;
    /// Converts from a JSON unsigned integer, if it fits.
    fn from_u64(value: u64) -> Option<Self>;
    /// Writes the integer as a JSON number.
    ///
    /// # Errors
    ///
    /// The serializer's error.
    fn serialize_number<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
}

impl Integer for i64 {
    const NAME: &'static str = "i64";
    fn from_i64(value: i64) -> Option<Self> {
        Some(value)
    }
    fn from_u64(value: u64) -> Option<Self> {
        i64::try_from(value).ok()
    }
    fn serialize_number<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self)
    }
}

impl Integer for u64 {
    const NAME: &'static str = "u64";
    fn from_i64(value: i64) -> Option<Self> {
        u64::try_from(value).ok()
    }
    fn from_u64(value: u64) -> Option<Self> {
        Some(value)
    }
    fn serialize_number<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self)
    }
}

/// An integer sent as a JSON number (`1697795977`) or as a string holding one
/// (`"1697795977"`).
///
/// PHP and JavaScript backends quote numbers that came out of a database or a query string;
/// ChatApp's `messageReaction.time` is one. `Num` accepts both, and keeps the original text
/// when it was a string so that serializing writes back exactly what arrived. Comparison uses
/// the value only.
///
/// ```
/// use chat_events_core::Num;
///
/// let quoted: Num<i64> = serde_json::from_str(r#""1697795977""#).unwrap();
/// let plain: Num<i64> = serde_json::from_str("1697795977").unwrap();
/// assert_eq!(quoted, plain);
/// assert_eq!(quoted.get(), 1_697_795_977);
/// assert_eq!(serde_json::to_string(&quoted).unwrap(), r#""1697795977""#);
/// assert!(serde_json::from_str::<Num<i64>>(r#""soon""#).is_err());
/// ```
#[derive(Clone)]
pub struct Num<T> {
    value: T,
    /// The original string, when the value arrived quoted.
    text: Option<Box<str>>,
}

impl<T: Integer> Num<T> {
    /// A value that serializes as a JSON number.
    pub const fn new(value: T) -> Self {
        Self { value, text: None }
    }

    /// The integer.
    pub const fn get(&self) -> T {
        self.value
    }

    /// Whether the value arrived as a JSON string.
    pub const fn is_string(&self) -> bool {
        self.text.is_some()
    }
}

impl<T: Integer> From<T> for Num<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: Integer> PartialEq for Num<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Integer> Eq for Num<T> {}

impl<T: Integer + std::hash::Hash> std::hash::Hash for Num<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: Integer> fmt::Debug for Num<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.text {
            None => fmt::Debug::fmt(&self.value, f),
            Some(text) => write!(f, "{text:?}"),
        }
    }
}

impl<T: Integer> fmt::Display for Num<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

impl<T: Integer> Serialize for Num<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.text {
            Some(text) => serializer.serialize_str(text),
            None => self.value.serialize_number(serializer),
        }
    }
}

impl<'de, T: Integer> Deserialize<'de> for Num<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumVisitor<T>(PhantomData<T>);

        impl<T: Integer> Visitor<'_> for NumVisitor<T> {
            type Value = Num<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an integer ({}) or a string holding one", T::NAME)
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Num<T>, E> {
                T::from_i64(value)
                    .map(Num::new)
                    .ok_or_else(|| E::custom(format_args!("integer out of range for {}", T::NAME)))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Num<T>, E> {
                T::from_u64(value)
                    .map(Num::new)
                    .ok_or_else(|| E::custom(format_args!("integer out of range for {}", T::NAME)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Num<T>, E> {
                let value = text.parse().map_err(|_| {
                    E::custom(format_args!(
                        "a string that does not hold an integer ({})",
                        T::NAME
                    ))
                })?;
                Ok(Num {
                    value,
                    text: Some(text.into()),
                })
            }
        }

        deserializer.deserialize_any(NumVisitor(PhantomData))
    }
}

impl<T: Integer> JsonSchema for Num<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("Num_{}", T::NAME).into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let (integer, pattern) = if T::NAME == "u64" {
            (
                json_schema!({ "type": "integer", "minimum": 0, "maximum": u64::MAX }),
                crate::schema::integer_string_pattern(None, &u64::MAX.to_string()),
            )
        } else {
            (
                json_schema!({ "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX }),
                crate::schema::integer_string_pattern(
                    Some(&i64::MIN.unsigned_abs().to_string()),
                    &i64::MAX.to_string(),
                ),
            )
        };
        json_schema!({
            "description": "An integer, sent as a number or as a string of decimal digits.",
            "anyOf": [integer, { "type": "string", "pattern": pattern }]
        })
    }
}

/// A Unix time in whole seconds, sent as a number or as a numeric string.
///
/// ```
/// use chat_events_core::UnixSeconds;
/// use std::time::{Duration, SystemTime};
///
/// let time: UnixSeconds = serde_json::from_str(r#""1697795977""#).unwrap();
/// assert_eq!(time.get(), 1_697_795_977);
/// assert_eq!(
///     time.to_system_time(),
///     Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_697_795_977))
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixSeconds(Num<i64>);

impl UnixSeconds {
    /// Seconds since the Unix epoch.
    pub const fn get(&self) -> i64 {
        self.0.get()
    }

    /// Whether the value arrived as a JSON string.
    pub const fn is_string(&self) -> bool {
        self.0.is_string()
    }

    /// The time as a [`SystemTime`]; `None` before the epoch.
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let seconds = u64::try_from(self.get()).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
    }
}

impl From<i64> for UnixSeconds {
    fn from(value: i64) -> Self {
        Self(Num::new(value))
    }
}

impl fmt::Debug for UnixSeconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnixSeconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl JsonSchema for UnixSeconds {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "UnixSeconds".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = Num::<i64>::json_schema(generator);
        schema.insert(
            "description".into(),
            "Unix time in seconds, sent as a number or as a string of decimal digits.".into(),
        );
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_original_text() {
        let value: Num<i64> = serde_json::from_str(r#""-042""#).unwrap();
        assert_eq!(value.get(), -42);
        assert_eq!(serde_json::to_string(&value).unwrap(), r#""-042""#);
        assert_eq!(format!("{value:?}"), r#""-042""#);
    }

    #[test]
    fn accepts_what_the_schema_pattern_allows() {
        // The schema says `^[+-]?[0-9]+$`, which is what Rust's integer parser accepts.
        for text in ["+5", "-5", "007"] {
            assert!(
                serde_json::from_str::<Num<i64>>(&format!("\"{text}\"")).is_ok(),
                "{text}"
            );
        }
        for text in ["", " 5", "5 ", "0x5", "5e3", "--5"] {
            assert!(
                serde_json::from_str::<Num<i64>>(&format!("\"{text}\"")).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn checks_range_and_type() {
        assert!(serde_json::from_str::<Num<u64>>("-1").is_err());
        assert!(serde_json::from_str::<Num<i64>>("1.5").is_err());
        assert!(serde_json::from_str::<Num<i64>>("true").is_err());
        assert_eq!(
            serde_json::from_str::<Num<u64>>("18446744073709551615")
                .unwrap()
                .get(),
            u64::MAX
        );
        let error = serde_json::from_str::<Num<i64>>(r#""12a""#)
            .unwrap_err()
            .to_string();
        assert!(error.contains("does not hold an integer"), "{error}");
    }

    #[test]
    fn unix_seconds_before_epoch_has_no_system_time() {
        assert_eq!(UnixSeconds::from(-1).to_system_time(), None);
    }
}
