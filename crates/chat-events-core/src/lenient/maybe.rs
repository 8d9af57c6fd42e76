//! [`Maybe`]: a JSON value that may be absent, `null`, or present.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that a provider may leave out, send as `null`, or fill in.
///
/// `Option<T>` cannot tell a missing key from an explicit `null`, so re-serializing a payload
/// through it either invents `null`s or drops them. `Maybe` keeps the difference, which makes
/// re-serialization byte-for-byte faithful (see the crate's [drift](crate::drift) check).
///
/// Use it with `#[serde(default, skip_serializing_if = "Maybe::is_absent")]` on the field;
/// without that attribute an absent field is written as `null`.
///
/// ```
/// use chat_events_core::Maybe;
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Chat {
///     #[serde(default, skip_serializing_if = "Maybe::is_absent")]
///     name: Maybe<String>,
/// }
///
/// for json in [r#"{}"#, r#"{"name":null}"#, r#"{"name":"Ann"}"#] {
///     let chat: Chat = serde_json::from_str(json).unwrap();
///     assert_eq!(serde_json::to_string(&chat).unwrap(), json);
/// }
/// let chat: Chat = serde_json::from_str(r#"{"name":"Ann"}"#).unwrap();
/// assert_eq!(chat.name.as_deref(), Some("Ann"));
/// // Read it as an `Option`: the same vocabulary, and comparisons with plain values.
/// assert!(chat.name == "Ann" && chat.name.is_some());
/// assert_eq!(chat.name.as_ref().map_or(0, String::len), 3);
/// assert_eq!(chat.name.unwrap_or_default(), "Ann");
/// ```
///
/// `Maybe` and not `Option` because round trips, [drift](crate::drift) and the schemas tell
/// a missing key from `null`; everything a reader does with an `Option` it does here too.
/// On a borrowed field (the usual case: `match event.event()` borrows the payload), the
/// borrowing methods read in one call (`get`, `as_deref`, `and_then`, `is_some_and`, `iter`,
/// `==`); the consuming ones (`map`, `unwrap_or…`, `map_or`, `ok_or`) go through `as_ref()`
/// first, as with `Option` (`field.as_ref().map_or(0, String::len)`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(clippy::exhaustive_enums)] // the three states of a JSON key are all there is
pub enum Maybe<T> {
    /// The key was not in the payload.
    #[default]
    Absent,
    /// The key was present with the value `null`.
    Null,
    /// The key was present with a value.
    Value(T),
}

impl<T> Maybe<T> {
    /// Whether the key was missing (the `skip_serializing_if` predicate).
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// Whether the key was present with `null`.
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// Whether a value is present.
    pub const fn is_value(&self) -> bool {
        matches!(self, Self::Value(_))
    }

    /// The value, if present.
    pub const fn get(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// The value, mutably, if present.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// Converts into an `Option`, merging `Absent` and `Null` into `None`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// Borrows the value as `Maybe<&T>`.
    pub const fn as_ref(&self) -> Maybe<&T> {
        match self {
            Self::Absent => Maybe::Absent,
            Self::Null => Maybe::Null,
            Self::Value(value) => Maybe::Value(value),
        }
    }

    /// Maps the value, keeping `Absent` and `Null` as they are.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Maybe<U> {
        match self {
            Self::Absent => Maybe::Absent,
            Self::Null => Maybe::Null,
            Self::Value(value) => Maybe::Value(f(value)),
        }
    }
}

impl<T> Maybe<T> {
    /// Whether a value is present (`Option::is_some`: `Absent` and `Null` are both `false`).
    pub const fn is_some(&self) -> bool {
        self.is_value()
    }

    /// Whether no value is present: the key was missing or `null`.
    pub const fn is_none(&self) -> bool {
        !self.is_value()
    }

    /// Whether a value is present and `predicate` holds for it.
    pub fn is_some_and(&self, predicate: impl FnOnce(&T) -> bool) -> bool {
        self.get().is_some_and(predicate)
    }

    /// The value as `Option<&T>` (the same as [`get`](Self::get)).
    pub const fn as_option(&self) -> Option<&T> {
        self.get()
    }

    /// Calls `f` with the value, if present (`Option::and_then` on a borrow).
    pub fn and_then<'a, U>(&'a self, f: impl FnOnce(&'a T) -> Option<U>) -> Option<U> {
        self.get().and_then(f)
    }

    /// The value, or `default` when absent or `null`.
    pub fn unwrap_or(self, default: T) -> T {
        self.into_option().unwrap_or(default)
    }

    /// The value, or what `default` returns when absent or `null`.
    pub fn unwrap_or_else(self, default: impl FnOnce() -> T) -> T {
        self.into_option().unwrap_or_else(default)
    }

    /// The value, or `T::default()` when absent or `null`.
    pub fn unwrap_or_default(self) -> T
    where
        T: Default,
    {
        self.into_option().unwrap_or_default()
    }

    /// `f` applied to the value, or `default` when absent or `null`.
    pub fn map_or<U>(self, default: U, f: impl FnOnce(T) -> U) -> U {
        self.into_option().map_or(default, f)
    }

    /// The value, or `error` when absent or `null`.
    ///
    /// # Errors
    ///
    /// `error`, when no value is present.
    pub fn ok_or<E>(self, error: E) -> Result<T, E> {
        self.into_option().ok_or(error)
    }

    /// An iterator over the value: one item when present, none otherwise.
    pub fn iter(&self) -> std::option::IntoIter<&T> {
        self.get().into_iter()
    }
}

impl<T: Clone> Maybe<&T> {
    /// Clones the borrowed value (`Option::cloned`).
    pub fn cloned(self) -> Option<T> {
        self.into_option().cloned()
    }
}

impl<T: Copy> Maybe<&T> {
    /// Copies the borrowed value (`Option::copied`).
    pub fn copied(self) -> Option<T> {
        self.into_option().copied()
    }
}

impl<T: std::ops::Deref> Maybe<T> {
    /// The value dereferenced (`Maybe<String>` gives `Option<&str>`).
    pub fn as_deref(&self) -> Option<&T::Target> {
        self.get().map(|value| &**value)
    }
}

impl<T> IntoIterator for Maybe<T> {
    type Item = T;
    type IntoIter = std::option::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_option().into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Maybe<T> {
    type Item = &'a T;
    type IntoIter = std::option::IntoIter<&'a T>;

    fn into_iter(self) -> Self::IntoIter {
        self.get().into_iter()
    }
}

impl<T: PartialEq> PartialEq<Option<T>> for Maybe<T> {
    /// Equal when both hold equal values, or neither holds one (`Absent` and `Null` equal
    /// `None`).
    fn eq(&self, other: &Option<T>) -> bool {
        self.get() == other.as_ref()
    }
}

impl PartialEq<str> for Maybe<String> {
    /// Equal when the value is present and is `other`.
    fn eq(&self, other: &str) -> bool {
        self.as_deref() == Some(other)
    }
}

impl PartialEq<&str> for Maybe<String> {
    /// Equal when the value is present and is `other`.
    fn eq(&self, other: &&str) -> bool {
        self.as_deref() == Some(*other)
    }
}

impl PartialEq<bool> for Maybe<bool> {
    /// Equal when the value is present and is `other` (`Absent` and `Null` equal neither
    /// `true` nor `false`).
    fn eq(&self, other: &bool) -> bool {
        self.get() == Some(other)
    }
}

impl<T> From<Option<T>> for Maybe<T> {
    /// `None` becomes `Null`: an `Option` only ever held a present key.
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }
}

impl<T> From<Maybe<T>> for Option<T> {
    fn from(value: Maybe<T>) -> Self {
        value.into_option()
    }
}

impl<T: Serialize> Serialize for Maybe<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => serializer.serialize_some(value),
            Self::Absent | Self::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // An absent key never reaches here: `#[serde(default)]` yields `Absent`.
        Option::<T>::deserialize(deserializer).map(Self::from)
    }
}

impl<T: JsonSchema> JsonSchema for Maybe<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        Option::<T>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Option::<T>::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        Option::<T>::json_schema(generator)
    }

    fn _schemars_private_non_optional_json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::_schemars_private_non_optional_json_schema(generator)
    }

    fn _schemars_private_is_option() -> bool {
        true
    }
}
