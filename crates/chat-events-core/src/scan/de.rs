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
use crate::{
    shape::{MAX_KEYS, SHAPE_KEYS},
    validate::MAX_DEPTH,
};

/// serde_json's raw-value newtype name (see [`Captured`](crate::shape::Captured)).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// The newtype name a [`Shape`](crate::unstable::Shape) enum asks for. This decoder answers
/// with a map of up to two entries:
/// 1. key: the text from the value on (to read the keys that choose the variant,
///    unchecked), asked for with [`AheadKeys`](crate::unstable::AheadKeys), which hands the
///    decoder the keys to record; value: the value, decoded in place as the variant the shape
///    chose or guessed, while the decoder records what the value's object holds under those
///    keys (at its own level only);
/// 2. key: what was recorded (read with [`Recorded`](crate::unstable::Recorded); nothing
///    when the object was not read member by member); value: the value decoded again, from
///    its start, as the variant the recorded keys choose.
///
/// Other deserializers call `visit_newtype_struct`, and the enum captures the value first.
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
        recording: Vec::new(),
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
        recording: Vec::new(),
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
    /// The shapes being decoded as a guess, innermost last: the keys each records.
    recording: Vec<Recording<'a>>,
}

/// The values of the keys that choose a shape, recorded while the object is decoded as the
/// shape guessed (see [`SHAPE_AHEAD`]).
struct Recording<'a> {
    /// The depth of the object's members.
    depth: usize,
    keys: &'static [&'static str],
    /// Each key's value as written; `""` while it has not come.
    values: [&'a str; MAX_KEYS],
    /// The member being read, when its key is one of `keys`.
    current: Option<usize>,
    /// The object was read member by member to its end.
    complete: bool,
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
                if let Some(recording) = self.recording.last_mut()
                    && recording.depth == self.depth
                {
                    recording.complete = true;
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
            visitor.visit_map(Ahead::new(self))
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
        if let Some(recording) = de.recording.last_mut()
            && recording.depth == de.depth
        {
            recording.current = recording.keys.iter().position(|known| *known == text);
        }
        match text {
            std::borrow::Cow::Borrowed(text) => seed.deserialize(MapKey(text)).map(Some),
            std::borrow::Cow::Owned(text) => seed
                .deserialize(StringDeserializer::<Refused>::new(text))
                .map(Some),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        let de = &mut *self.de;
        let recorded = match de.recording.last_mut() {
            Some(recording) if recording.depth == de.depth => recording.current.take(),
            _ => None,
        };
        let Some(index) = recorded else {
            return seed.deserialize(de);
        };
        de.scan.skip_ws();
        let start = de.scan.pos;
        let value = seed.deserialize(&mut *de)?;
        // Shapes inside the value have taken their recordings off again.
        if let Some(recording) = de.recording.last_mut()
            && let Some(slot) = recording.values.get_mut(index)
        {
            *slot = &de.scan.text[start..de.scan.pos];
        }
        Ok(value)
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

/// A shape's entries (see [`SHAPE_AHEAD`]): the text ahead (the shape passes the keys to
/// record on the way), the value decoded in place, then what was recorded, then the value
/// decoded again from its start when the shape asks.
struct Ahead<'b, 'a> {
    de: &'b mut OnePass<'a>,
    ahead: &'a str,
    /// Where the value starts, and the decoder's state there (to decode it again).
    start: usize,
    depth: usize,
    keys_len: usize,
    recording_len: usize,
    /// The keys to record while the value is first decoded.
    keys: Option<&'static [&'static str]>,
    /// Entries given so far (keys and values).
    entries: usize,
    recorded: Option<Recording<'a>>,
}

impl<'b, 'a> Ahead<'b, 'a> {
    fn new(de: &'b mut OnePass<'a>) -> Self {
        de.scan.skip_ws();
        let start = de.scan.pos;
        Self {
            ahead: &de.scan.text[start..],
            start,
            depth: de.depth,
            keys_len: de.scan.keys.len(),
            recording_len: de.recording.len(),
            de,
            keys: None,
            entries: 0,
            recorded: None,
        }
    }
}

impl<'a> MapAccess<'a> for Ahead<'_, 'a> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'a>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        self.entries += 1;
        match self.entries {
            1 => seed
                .deserialize(AheadKey {
                    ahead: self.ahead,
                    keys: &mut self.keys,
                })
                .map(Some),
            3 => seed
                .deserialize(RecordedKey(self.recorded.take()))
                .map(Some),
            _ => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value> {
        self.entries += 1;
        let de = &mut *self.de;
        // From the start again (a no-op the first time).
        de.scan.pos = self.start;
        de.depth = self.depth;
        de.scan.keys.truncate(self.keys_len);
        de.recording.truncate(self.recording_len);
        let Some(keys) = self.keys.take().filter(|_| self.entries == 2) else {
            return seed.deserialize(de);
        };
        de.recording.push(Recording {
            depth: self.depth + 1,
            keys,
            values: [""; MAX_KEYS],
            current: None,
            complete: false,
        });
        let value = seed.deserialize(&mut *de);
        self.recorded = de.recording.pop().filter(|recording| recording.complete);
        de.recording.truncate(self.recording_len);
        value
    }
}

/// A shape's first key: the text ahead; the keys to record come the other way, as the field
/// names of `deserialize_struct` (see [`AheadKeys`](crate::unstable::AheadKeys)).
struct AheadKey<'b, 'de> {
    ahead: &'de str,
    keys: &'b mut Option<&'static [&'static str]>,
}

impl<'de> Deserializer<'de> for AheadKey<'_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ahead)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if name == SHAPE_KEYS {
            *self.keys = Some(fields);
        }
        visitor.visit_borrowed_str(self.ahead)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A shape's third key: the values recorded of the object's keys, a sequence of their texts
/// as written (`""` for an absent key); unit when the object was not read member by member.
struct RecordedKey<'de>(Option<Recording<'de>>);

impl<'de> Deserializer<'de> for RecordedKey<'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Some(recording) => visitor.visit_seq(de::value::SeqDeserializer::new(
                recording
                    .values
                    .into_iter()
                    .map(BorrowedStrDeserializer::new),
            )),
            None => visitor.visit_unit(),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
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

    /// What a shape's second entry says, by hand: per key, the text recorded.
    #[derive(Debug, PartialEq)]
    struct Probe {
        first: std::result::Result<serde_json::Value, ()>,
        recorded: Option<Vec<String>>,
        again: serde_json::Value,
    }

    /// How [`Probe`] reads the value the first time.
    #[derive(Clone, Copy)]
    enum First {
        Value,
        Number,
        Skipped,
    }

    impl Probe {
        fn read(text: &str, first: First) -> Option<(Probe, u32)> {
            #[derive(serde::Deserialize)]
            struct Around {
                #[serde(deserialize_with = "probe")]
                p: Probe,
                after: u32,
            }
            thread_local!(static FIRST: std::cell::Cell<First> = const { std::cell::Cell::new(First::Value) });
            fn probe<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Probe, D::Error> {
                struct ProbeVisitor;
                impl<'de> Visitor<'de> for ProbeVisitor {
                    type Value = Probe;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a probe")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> std::result::Result<Probe, A::Error> {
                        use crate::unstable::{AheadKeys, Recorded};
                        let ahead: &str = map
                            .next_key_seed(AheadKeys(&["type", "id", "gone", "n"]))?
                            .unwrap();
                        assert!(ahead.starts_with('{'), "{ahead}");
                        let first = match FIRST.with(std::cell::Cell::get) {
                            First::Value => map.next_value::<serde_json::Value>().map_err(|_| ()),
                            First::Number => {
                                map.next_value::<u32>().map(Into::into).map_err(|_| ())
                            }
                            First::Skipped => map
                                .next_value::<de::IgnoredAny>()
                                .map(|_| serde_json::Value::Null)
                                .map_err(|_| ()),
                        };
                        let recorded = map.next_key_seed(Recorded)?.flatten().map(|recorded| {
                            recorded.values()[..4]
                                .iter()
                                .map(|v| (*v).to_owned())
                                .collect()
                        });
                        let again = map.next_value::<serde_json::Value>()?;
                        Ok(Probe {
                            first,
                            recorded,
                            again,
                        })
                    }
                }
                d.deserialize_newtype_struct(SHAPE_AHEAD, ProbeVisitor)
            }
            FIRST.with(|cell| cell.set(first));
            let around = from_str::<Around>(text)?;
            Some((around.p, around.after))
        }
    }

    #[test]
    fn a_shape_records_its_keys_at_its_own_level_and_reads_the_value_again() {
        let text = r#"{"p": {"id": 7, "nested": {"type": "inner", "id": 9, "gone": 1},
            "t\u0079pe": "us\u0065r", "list": [{"id": 1}], "n": null}, "after": 3}"#;
        let object: serde_json::Value = serde_json::from_str(
            r#"{"id": 7, "nested": {"type": "inner", "id": 9, "gone": 1}, "type": "user",
            "list": [{"id": 1}], "n": null}"#,
        )
        .unwrap();
        let (probe, after) = Probe::read(text, First::Value).unwrap();
        assert_eq!(after, 3, "read on from the value's end");
        assert_eq!(probe.first.as_ref(), Ok(&object));
        assert_eq!(probe.again, object, "read again from its start");
        assert_eq!(
            probe.recorded,
            Some(vec![
                r#""us\u0065r""#.into(),
                "7".into(),
                String::new(),
                "null".into()
            ]),
            "as written, the object's own members only, absent as empty"
        );
        // A first read that fails: nothing recorded, read again all the same.
        let (probe, after) = Probe::read(text, First::Number).unwrap();
        assert_eq!((probe.first, probe.recorded, after), (Err(()), None, 3));
        assert_eq!(probe.again, object);
        // A first read that passes over the object: not read member by member.
        let (probe, _) = Probe::read(text, First::Skipped).unwrap();
        assert_eq!(probe.recorded, None);
        assert_eq!(probe.again, object);
        // The rules still hold on the second read and the first.
        let duplicate = r#"{"p": {"id": 7, "id": 8}, "after": 3}"#;
        assert_eq!(Probe::read(duplicate, First::Skipped), None);
        assert_eq!(Probe::read(duplicate, First::Number), None);
    }

    #[test]
    fn shapes_guessed_wrong_are_decoded_as_their_keys_choose() {
        use crate::{RawJson, unstable::Shape};

        #[derive(serde::Deserialize, serde::Serialize, schemars::JsonSchema, Debug, PartialEq)]
        struct Left {
            a: u32,
            #[serde(default)]
            inner: Option<Box<Either>>,
        }
        #[derive(serde::Deserialize, serde::Serialize, schemars::JsonSchema, Debug, PartialEq)]
        struct Right {
            b: u32,
        }
        /// A or B.
        #[derive(Debug, PartialEq, Shape)]
        enum Either {
            /// Has `a`.
            #[shape(has("a"))]
            A(Left),
            /// `kind` is `b`.
            #[shape(equals("kind", "b"))]
            B(Right),
            /// A string.
            #[shape(string)]
            Text(String),
            /// Anything else.
            #[shape(other)]
            Other(RawJson),
        }
        let texts = [
            r#"{"a": 1}"#,
            // Guessed Left: fails as Left, is Right.
            r#"{"kind": "b", "b": 2}"#,
            r#"{"b": 3, "kind": "\u0062"}"#,
            // Guessed Right: decodes as Right, but `a` (late) makes it Left.
            r#"{"b": 3, "kind": "b", "a": 5}"#,
            // `a` null: not Left; `kind` not b: neither.
            r#"{"a": null, "kind": "c", "b": 1}"#,
            r#"{"x": 1}"#,
            r#""text""#,
            r#"{"a": 1, "inner": {"kind": "b", "b": 1, "a": 2}, "kind": "b", "b": 4}"#,
            r#"{"kind": "b", "b": 4, "inner": {"a": 3}}"#,
            r#"{"kind": "b", "b": 4, "inner": {"a": 3, "inner": {"kind": "b", "b": 0}}, "a": 1}"#,
            r#"[1]"#,
            r#"{"kind": "b", "b": 4, "a": 1, "a": 2}"#,
        ];
        let wanted = |text: &str| {
            serde_json::from_str::<Either>(text)
                .ok()
                .filter(|_| super::super::acceptable(text))
        };
        // Every order of guesses: each text after each other one.
        for first in texts {
            for second in texts {
                for text in [first, second] {
                    assert_eq!(
                        from_str::<Either>(text),
                        wanted(text),
                        "{first} then {text}"
                    );
                }
            }
        }
        assert!(matches!(
            from_str::<Either>(texts[3]),
            Some(Either::A(Left { a: 5, inner: None }))
        ));
        assert!(matches!(
            from_str::<Either>(texts[4]),
            Some(Either::Other(_))
        ));
        assert_eq!(from_str::<Either>(texts[11]), None, "a duplicate key");
        let Some(Either::A(nested)) = from_str::<Either>(texts[9]) else {
            panic!("Left: {}", texts[9]);
        };
        assert!(matches!(
            nested.inner.as_deref(),
            Some(Either::A(Left { a: 3, inner: Some(inner) })) if matches!(**inner, Either::B(Right { b: 0 }))
        ));
    }
}
