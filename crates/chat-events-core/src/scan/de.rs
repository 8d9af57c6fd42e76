//! The typed decode and the document's checks in one pass: a serde `Deserializer` over the
//! text that applies the [scan](super)'s rules (JSON syntax, no duplicate keys, numbers a
//! 64-bit float can hold, no lone surrogates, at most [`MAX_DEPTH`] levels) to every value it
//! reads, skips, or captures raw, so a document is tokenized once.
//!
//! It only says *yes, and here is the value* or *no*: it carries no path and no message.
//! Every refusal, whatever its cause (a type error, a rule broken, a form it does not take),
//! sends the caller back to the path that checks first and reads with serde_json, which says
//! what is wrong and where; that path decides. So this decoder may refuse more than serde_json
//! (it does: externally tagged enums with content, byte strings, numeric map keys), but never
//! accepts less strictly or reads a value differently; a test decodes every fixture and
//! mutations of each both ways and compares the results.
//!
//! Why hand-written rather than sonic-rs or simd-json: the models hold serde_json
//! `RawValue`s (unknown events, shapes kept as sent), which a deserializer must produce
//! through serde_json's private raw-value protocol (below); and the I-JSON rules must hold in
//! values the model skips, which no parser checks (serde_json and sonic-rs pass over
//! duplicate keys in ignored values). Measured in the closing note of issue 27: the typed
//! pass costs what building the values costs (strings, boxes), not the tokenizing, which is
//! where the SIMD parsers win.
//!
//! It reads floats as serde_json with `float_roundtrip` does (correctly rounded), negative
//! zero and integers out of the 64-bit ranges as floats, strings without escapes borrowed.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
    value::{BorrowedStrDeserializer, StringDeserializer},
};

use super::{Key, SCAN_KEYS, Scanner};
use crate::validate::MAX_DEPTH;

/// serde_json's raw-value newtype name (see [`Captured`](crate::shape::Captured)).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// The newtype name a [`Shape`](crate::unstable::Shape) enum asks for: this decoder answers
/// with a one-entry map whose key is the text from the value on (to read the keys that
/// choose the variant, unchecked) and whose value is the value itself, decoded in place as
/// the chosen variant. Other deserializers call `visit_newtype_struct`, and the enum
/// captures the value first.
pub const SHAPE_AHEAD: &str = "$chat_events::private::ShapeAhead";

/// The document was refused; the checking path says why.
#[derive(Debug)]
pub(crate) struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("refused by the one-pass decoder")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
}

impl From<super::Refused> for Refused {
    fn from(_: super::Refused) -> Self {
        Self
    }
}

type Result<T> = std::result::Result<T, Refused>;

/// Decodes `text` as a `T` and checks it, in one pass; `None` when either fails.
pub(crate) fn from_str<'a, T: de::Deserialize<'a>>(text: &'a str) -> Option<T> {
    match whole(text, None) {
        AtOnce::Decoded(value) => Some(value),
        AtOnce::Wrapped | AtOnce::Refused => None,
    }
}

/// What a one-pass decode of a whole document came to.
#[derive(Debug, PartialEq, Eq)]
#[allow(clippy::exhaustive_enums)] // the three outcomes there are
pub enum AtOnce<T> {
    /// Decoded and checked.
    Decoded(T),
    /// The top level has the wrapper key: the body is elsewhere.
    Wrapped,
    /// Refused, for whatever reason (the checking way says which).
    Refused,
}

/// Decodes the whole document `text` as a `T` and checks it, in one pass, watching the top
/// level for the key `watch`: [`AtOnce::Wrapped`] when it is there (decoded or not), and
/// [`AtOnce::Refused`] when the top level was not read member by member (so that cannot be
/// told).
pub(crate) fn whole<'a, T: de::Deserialize<'a>>(
    text: &'a str,
    watch: Option<&'static str>,
) -> AtOnce<T> {
    let mut de = OnePass {
        scan: Scanner::plain(text),
        depth: 0,
        watch,
        watched: None,
    };
    let value = T::deserialize(&mut de);
    match (de.watched, watch) {
        (Some(true), _) => return AtOnce::Wrapped,
        (None, Some(_)) => return AtOnce::Refused,
        _ => {}
    }
    de.scan.skip_ws();
    match value {
        Ok(value) if de.scan.pos == de.scan.bytes.len() => AtOnce::Decoded(value),
        _ => AtOnce::Refused,
    }
}

/// Decodes the object under the top-level key `wrapper` of the document `text` as a `T`,
/// and checks the whole document, in one pass; `None` when either fails, or when that key
/// does not hold an object.
pub(crate) fn wrapped<'a, T: de::Deserialize<'a>>(
    text: &'a str,
    wrapper: &'static str,
) -> Option<T> {
    let mut de = OnePass {
        scan: Scanner::plain(text),
        depth: 0,
        watch: None,
        watched: None,
    };
    if de.next() != Some(b'{') {
        return None;
    }
    let value = de
        .map(Wrapper {
            key: wrapper,
            body: std::marker::PhantomData,
        })
        .ok()?;
    de.scan.skip_ws();
    (de.scan.pos == de.scan.bytes.len()).then_some(value)
}

/// The top level of a wrapped document: the body under `key`, every other member checked.
struct Wrapper<T> {
    key: &'static str,
    body: std::marker::PhantomData<T>,
}

impl<'a, T: de::Deserialize<'a>> Visitor<'a> for Wrapper<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a wrapped body")
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> std::result::Result<T, A::Error> {
        let mut body = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'a, str>>()? {
            if key == self.key {
                body = Some(map.next_value_seed(Object(std::marker::PhantomData))?);
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        body.ok_or_else(|| de::Error::custom("no body"))
    }
}

/// A `T` that must be written as a JSON object.
struct Object<T>(std::marker::PhantomData<T>);

impl<'a, T: de::Deserialize<'a>> DeserializeSeed<'a> for Object<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'a>>(self, deserializer: D) -> std::result::Result<T, D::Error> {
        deserializer.deserialize_map(Forward(std::marker::PhantomData))
    }
}

/// Hands an object on to `T` (which may read it as a struct or a map).
struct Forward<T>(std::marker::PhantomData<T>);

impl<'a, T: de::Deserialize<'a>> Visitor<'a> for Forward<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'a>>(self, map: A) -> std::result::Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

/// The deserializer: a [`Scanner`] for the checks, and the depth it is at.
struct OnePass<'a> {
    scan: Scanner<'a>,
    /// How many containers enclose the value at `pos`.
    depth: usize,
    watch: Option<&'static str>,
    watched: Option<bool>,
}

impl<'a> OnePass<'a> {
    #[inline]
    fn next(&mut self) -> Option<u8> {
        self.scan.skip_ws();
        self.scan.peek()
    }

    /// A value nothing is read from: checked and passed.
    fn skip(&mut self) -> Result<()> {
        self.scan.skip_ws();
        Ok(self.scan.skip(self.depth)?)
    }

    /// The string at `pos` (its quote) to `visitor`: borrowed unless it has escapes.
    fn string<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.scan.pos + 1;
        let escaped = self.scan.string_end()?;
        let end = self.scan.pos - 1;
        if escaped {
            visitor.visit_string(self.scan.unescape(start, end).into_owned())
        } else {
            visitor.visit_borrowed_str(&self.scan.text[start..end])
        }
    }

    /// The number at `pos` to `visitor`, as serde_json reads it.
    fn number<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        let start = self.scan.pos;
        self.scan.number()?;
        let literal = &self.scan.text[start..self.scan.pos];
        let float = || literal.parse::<f64>().map_err(|_| Refused);
        if literal.contains(['.', 'e', 'E']) {
            return visitor.visit_f64(float()?);
        }
        match literal.strip_prefix('-') {
            None => match literal.parse::<u64>() {
                Ok(value) => visitor.visit_u64(value),
                Err(_) => visitor.visit_f64(float()?),
            },
            Some(magnitude) => match magnitude.parse::<u64>() {
                Ok(magnitude) => {
                    // serde_json: `-0` and magnitudes past `i64::MIN` are floats.
                    #[allow(clippy::cast_possible_wrap, clippy::cast_precision_loss)]
                    let negated = (magnitude as i64).wrapping_neg();
                    if negated >= 0 {
                        #[allow(clippy::cast_precision_loss)]
                        visitor.visit_f64(-(magnitude as f64))
                    } else {
                        visitor.visit_i64(negated)
                    }
                }
                Err(_) => visitor.visit_f64(float()?),
            },
        }
    }

    /// The object at `pos` to `visitor`, member by member.
    fn map<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        if self.depth >= MAX_DEPTH {
            return Err(Refused);
        }
        if self.depth == 0 && self.watch.is_some() {
            self.watched = Some(false);
        }
        self.scan.pos += 1;
        self.depth += 1;
        let start = self.scan.keys.len();
        let result = visitor
            .visit_map(Members {
                de: self,
                start,
                first: true,
            })
            .and_then(|value| {
                if self.next() != Some(b'}') {
                    return Err(Refused);
                }
                self.scan.pos += 1;
                if self.scan.keys.len() - start > SCAN_KEYS {
                    self.scan.no_duplicates(start)?;
                }
                Ok(value)
            });
        self.scan.keys.truncate(start);
        self.depth -= 1;
        result
    }

    /// The array at `pos` to `visitor`, element by element.
    fn seq<V: Visitor<'a>>(&mut self, visitor: V) -> Result<V::Value> {
        if self.depth >= MAX_DEPTH {
            return Err(Refused);
        }
        self.scan.pos += 1;
        self.depth += 1;
        let result = visitor
            .visit_seq(Elements {
                de: self,
                first: true,
            })
            .and_then(|value| {
                if self.next() != Some(b']') {
                    return Err(Refused);
                }
                self.scan.pos += 1;
                Ok(value)
            });
        self.depth -= 1;
        result
    }

    /// The literal `word` at `pos`, passed.
    fn literal(&mut self, word: &[u8]) -> Result<()> {
        Ok(self.scan.literal(word)?)
    }
}

impl<'a> Deserializer<'a> for &mut OnePass<'a> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b'{') => self.map(visitor),
            Some(b'[') => self.seq(visitor),
            Some(b'"') => self.string(visitor),
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            Some(b't') => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'n') => {
                self.literal(b"null")?;
                visitor.visit_unit()
            }
            _ => Err(Refused),
        }
    }

    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b't' | b'f') => self.deserialize_any(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_i8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_i64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u8<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b'-' | b'0'..=b'9') => self.number(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_f32<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_f64<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_char<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b'"') => self.string(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    /// Refused: serde_json reads byte strings in ways no model relies on.
    fn deserialize_bytes<V: Visitor<'a>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        if self.next() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        if self.next() == Some(b'n') {
            self.literal(b"null")?;
            visitor.visit_unit()
        } else {
            Err(Refused)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == RAW_VALUE {
            // serde_json's protocol: a map of one entry whose value is the text.
            self.scan.skip_ws();
            let start = self.scan.pos;
            self.skip()?;
            visitor.visit_map(RawText(Some(&self.scan.text[start..self.scan.pos])))
        } else if name == SHAPE_AHEAD {
            self.scan.skip_ws();
            let ahead = &self.scan.text[self.scan.pos..];
            visitor.visit_map(Ahead {
                de: self,
                ahead: Some(ahead),
            })
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b'[') => self.seq(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        match self.next() {
            Some(b'{') => self.map(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.next() {
            Some(b'{') => self.map(visitor),
            Some(b'[') => self.seq(visitor),
            _ => Err(Refused),
        }
    }

    /// Unit variants (a string) only; `{"variant": …}` is left to serde_json.
    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if self.next() != Some(b'"') {
            return Err(Refused);
        }
        let start = self.scan.pos + 1;
        let escaped = self.scan.string_end()?;
        let end = self.scan.pos - 1;
        if escaped {
            let text = self.scan.unescape(start, end).into_owned();
            visitor.visit_enum(IntoDeserializer::<Refused>::into_deserializer(text))
        } else {
            visitor.visit_enum(BorrowedStrDeserializer::new(&self.scan.text[start..end]))
        }
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }
}

/// An object's members, each key checked against the others.
struct Members<'b, 'a> {
    de: &'b mut OnePass<'a>,
    /// Where this object's keys start in the scanner's key stack.
    start: usize,
    first: bool,
}

impl<'a> MapAccess<'a> for Members<'_, 'a> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let de = &mut *self.de;
        match de.next() {
            Some(b'}') => return Ok(None),
            Some(b',') if !self.first => {
                de.scan.pos += 1;
                de.scan.skip_ws();
            }
            Some(b'"') if self.first => {}
            _ => return Err(Refused),
        }
        self.first = false;
        if de.scan.peek() != Some(b'"') {
            return Err(Refused);
        }
        let key: Key = de.scan.key()?;
        let keys = &de.scan.keys[self.start..];
        if keys.len() < SCAN_KEYS
            && keys
                .iter()
                .any(|seen| seen.hash == key.hash && de.scan.same(*seen, key))
        {
            return Err(Refused);
        }
        de.scan.keys.push(key);
        if de.next() != Some(b':') {
            return Err(Refused);
        }
        de.scan.pos += 1;
        let text = de.scan.key_text(key);
        if de.depth == 1 && de.watch == Some(&*text) {
            de.watched = Some(true);
        }
        match text {
            std::borrow::Cow::Borrowed(text) => seed.deserialize(MapKey(text)).map(Some),
            std::borrow::Cow::Owned(text) => seed
                .deserialize(StringDeserializer::<Refused>::new(text))
                .map(Some),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// An array's elements.
struct Elements<'b, 'a> {
    de: &'b mut OnePass<'a>,
    first: bool,
}

impl<'a> SeqAccess<'a> for Elements<'_, 'a> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let de = &mut *self.de;
        match de.next() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => de.scan.pos += 1,
            Some(_) if self.first => {}
            _ => return Err(Refused),
        }
        self.first = false;
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// A key borrowed from the text: read as a string (serde_json also reads keys as numbers
/// and booleans; refused here, so serde_json does it).
struct MapKey<'de>(&'de str);

impl<'de> Deserializer<'de> for MapKey<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.0))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Refused)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// A shape's entry: the text ahead, then the value (see [`SHAPE_AHEAD`]).
struct Ahead<'b, 'a> {
    de: &'b mut OnePass<'a>,
    ahead: Option<&'a str>,
}

impl<'a> MapAccess<'a> for Ahead<'_, 'a> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.ahead.take() {
            Some(ahead) => seed
                .deserialize(BorrowedStrDeserializer::new(ahead))
                .map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.de)
    }
}

/// serde_json's raw value: one entry, its key the protocol's name, its value the text.
struct RawText<'a>(Option<&'a str>);

impl<'a> MapAccess<'a> for RawText<'a> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.0.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        let text = self.0.take().ok_or(Refused)?;
        seed.deserialize(BorrowedStrDeserializer::new(text))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::value::RawValue;

    use super::*;

    /// Both decoders on `text`: equal results when this one accepts, and it accepts
    /// whatever serde_json and the scan both do.
    fn agree<T>(text: &str) -> Option<T>
    where
        T: for<'a> de::Deserialize<'a> + PartialEq + fmt::Debug,
    {
        let ours = from_str::<T>(text);
        let theirs = serde_json::from_str::<T>(text)
            .ok()
            .filter(|_| super::super::acceptable(text));
        if let Some(ours) = &ours {
            assert_eq!(Some(ours), theirs.as_ref(), "{text}");
        }
        ours
    }

    #[test]
    fn reads_values_as_serde_json_does() {
        for text in [
            r#"{"a": 1, "b": -2, "c": 1.5, "d": -0, "e": 18446744073709551616, "f": "x\u00e9\n"}"#,
            r#"{"a": [true, false, null, {"b": []}], "c": "\ud83d\ude00", "d": -9223372036854775808}"#,
            r#"{"a": 1e2, "b": -1E-2, "c": 0.1, "d": 123456789012345678901234567890}"#,
            "  {\"\\u0061\": {}}\r\n",
        ] {
            assert!(agree::<serde_json::Value>(text).is_some(), "{text}");
        }
    }

    #[test]
    fn refuses_what_the_scan_refuses() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Narrow {
            a: u32,
        }
        #[derive(serde::Deserialize, Debug)]
        struct Raw {
            #[allow(dead_code)]
            a: Box<RawValue>,
        }
        for text in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"a": {"b": 1, "\u0062": 2}}"#,
            r#"{"a": "\ud800"}"#,
            r#"{"a": 1e400}"#,
            r#"{"a": [1,]}"#,
            r#"{"a": 1,}"#,
            r#"{"a": 01}"#,
            r#"{"a": 1} x"#,
            r#"{"a": "tab	in"}"#,
            r#"{"a" 1}"#,
            r#"{,"a": 1}"#,
            "[1 2]",
        ] {
            assert!(from_str::<serde_json::Value>(text).is_none(), "{text}");
            assert!(from_str::<de::IgnoredAny>(text).is_none(), "{text}");
        }
        // Duplicates in large objects (checked sorted, at their end), and in values a model
        // skips or keeps raw.
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let large = format!("{{{}, \"k3\": 0}}", many.join(", "));
        assert!(from_str::<BTreeMap<String, u32>>(&large).is_none());
        assert!(from_str::<de::IgnoredAny>(&large).is_none());
        let distinct = format!("{{{}}}", many.join(", "));
        assert_eq!(
            agree::<BTreeMap<String, u32>>(&distinct).map(|map| map.len()),
            Some(40)
        );
        assert!(agree::<Narrow>(r#"{"a": 1, "b": {"c": 1}}"#).is_some());
        assert!(from_str::<Narrow>(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#).is_none());
        assert!(from_str::<Raw>(r#"{"a": {"c": 1, "c": 2}}"#).is_none());
        let nested = format!("{{\"a\": {}{}}}", "[".repeat(200), "]".repeat(200));
        assert!(from_str::<de::IgnoredAny>(&nested).is_none());
    }

    #[test]
    fn keeps_raw_values_as_serde_json_does() {
        #[derive(serde::Deserialize, Debug)]
        struct Raw<'a> {
            #[serde(borrow)]
            a: &'a RawValue,
            b: Box<RawValue>,
        }
        let raw: Raw<'_> = from_str(r#"{"a":  {"x": [1, 2]} , "b": "s\"" }"#).unwrap();
        assert_eq!(raw.a.get(), r#"{"x": [1, 2]}"#);
        assert_eq!(raw.b.get(), r#""s\"""#);
    }

    #[test]
    fn reads_unit_variants_and_refuses_the_rest() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        enum Kind {
            A,
            B(u32),
        }
        assert_eq!(
            agree::<Vec<Kind>>(r#"["A", "\u0041"]"#),
            Some(vec![Kind::A, Kind::A])
        );
        assert_eq!(from_str::<Kind>(r#"{"B": 1}"#), None);
        assert!(serde_json::from_str::<Kind>(r#"{"B": 1}"#).is_ok());
    }

    #[test]
    fn tells_whether_the_top_level_had_a_key() {
        let seen = |text| whole::<serde_json::Value>(text, Some("w"));
        assert!(matches!(seen(r#"{"a": {"w": 1}}"#), AtOnce::Decoded(_)));
        assert_eq!(seen(r#"{"a": 1, "w": 1}"#), AtOnce::Wrapped);
        assert_eq!(seen(r#"{"a": 1, "w": 1, "a": 2}"#), AtOnce::Wrapped);
        let raw = whole::<Box<RawValue>>(r#"{"w": 1}"#, Some("w"));
        assert!(matches!(raw, AtOnce::Refused));
    }

    #[test]
    fn reads_a_wrapped_body_and_checks_the_rest() {
        #[derive(serde::Deserialize, Debug, PartialEq)]
        struct Body {
            a: u32,
        }
        let body = |text| wrapped::<Body>(text, "w");
        assert_eq!(
            body(r#"{"x": [1], "w": {"a": 1}, "y": null}"#),
            Some(Body { a: 1 })
        );
        assert_eq!(body(r#"{"x": [1], "w": {"a": 1}, "x": null}"#), None);
        assert_eq!(body(r#"{"x": {"b": 1, "b": 1}, "w": {"a": 1}}"#), None);
        assert_eq!(body(r#"{"w": [1]}"#), None);
        assert_eq!(body(r#"{"x": 1}"#), None);
    }
}
