//! Decoding by a [`Spine`]: one scan finds the body and the event name, then exactly the
//! type of that name is decoded; the slow checks only run to say what is wrong and where.

use std::{borrow::Cow, fmt};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{Dispatch, Spine};
use crate::{
    DecodeError, RawJson, UnknownEvent,
    scan::{self, Found, Head, de::AtOnce},
};

/// Decodes a payload of the provider `E`: finds the body, reads the name (unless `given`),
/// and decodes exactly the type of that name, or keeps the payload as an unknown event.
///
/// One [`scan`](crate::scan) checks the document and finds the body and the name; only a
/// document the scan refuses goes through the slow checks, which say what is wrong and where.
pub(crate) fn decode<E: Dispatch>(text: &str, given: Option<&str>) -> Result<E, DecodeError> {
    match at_once::<E>(text, given) {
        Some(event) => Ok(event),
        None => checking_first::<E>(text, given),
    }
}

/// [`decode`] without the one-pass try: the scan checks the document and finds the body and
/// the name, then serde_json decodes the body (the way every refusal takes, and the one the
/// one-pass decoder is tested against).
pub(crate) fn checking_first<E: Dispatch>(
    text: &str,
    given: Option<&str>,
) -> Result<E, DecodeError> {
    let spine = E::SPINE;
    let name_path: &'static [&'static str] = if given.is_some() {
        &[]
    } else {
        spine.name_path
    };
    let head = match scan::scan(text, spine.wrapper_key(), name_path) {
        Some(head) => head,
        None => slow_head::<E>(text, given)?,
    };
    let provider = spine.provider;
    let name: Cow<'_, str> = match (given, head.name) {
        (Some(name), _) => Cow::Borrowed(name),
        (None, Found::Name(name)) => name,
        (None, Found::Absent | Found::Null) => {
            return Err(DecodeError::missing_event_name(
                provider,
                &Spine::join(head.prefix, &spine.name_path()),
            ));
        }
        (None, Found::Wrong { depth, kind }) => {
            let path = spine.name_path[..=depth.min(spine.name_path.len() - 1)].join(".");
            let expected = if depth + 1 < spine.name_path.len() {
                "an object"
            } else {
                "a string (the event name)"
            };
            return Err(DecodeError::data(
                provider,
                None,
                Spine::join(head.prefix, &path),
                &format!("invalid type: {kind}, expected {expected}"),
            ));
        }
    };
    let wire = spine.resolve_alias(&name).unwrap_or(&name);
    let known = E::decode_known(wire, head.prefix, head.body);
    if let Some(Err(error)) = known {
        // A float with no fraction (`90512.0`, `1e3`) is an integer to JSON Schema, to
        // JavaScript and to Python; PHP and Python backends write integral floats that way.
        // Rare, so read only when the first try failed: again with them written as integers.
        return match integral_floats_as_integers(text) {
            Some(rewritten) => checking_first::<E>(&rewritten, given),
            None => Err(error),
        };
    }
    known.unwrap_or_else(|| {
        Ok(E::from(UnknownEvent::new(
            name.into_owned(),
            RawJson::trusted(
                text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    .into(),
            ),
        )))
    })
}

/// The usual case in one pass: a known event decoded and checked at once (see `scan::de`).
/// Where the body is and the name are found by a quick look that checks nothing and stops
/// at the first of the name's key and the wrapper's key (usually the first key); the
/// one-pass decode then checks every byte, so what the look read from a document the decode
/// refuses is never used. `None` sends the document the checking way: an unknown or escaped
/// name, a wrapper where the look did not expect one, anything refused.
pub(crate) fn at_once<E: Dispatch>(text: &str, given: Option<&str>) -> Option<E> {
    let spine = E::SPINE;
    let text = text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'));
    if !text.starts_with('{') {
        return None;
    }
    let wrapper = spine.wrapper_key();
    let decode = |name: &str, in_wrapper: bool| {
        let wire = spine.resolve_alias(name).unwrap_or(name);
        E::decode_known_at_once(wire, text, wrapper, in_wrapper)
    };
    if let Some(name) = given {
        return match decode(name, false)? {
            AtOnce::Decoded(event) => Some(event),
            AtOnce::Wrapped => match decode(name, true)? {
                AtOnce::Decoded(event) => Some(event),
                AtOnce::Wrapped | AtOnce::Refused => None,
            },
            AtOnce::Refused => None,
        };
    }
    let first = spine.name_path.first().copied()?;
    let (key, start) = scan::first_member(text, |key| wrapper == Some(key) || key == first)?;
    let in_wrapper = wrapper == Some(&*key);
    let value = &text[start..];
    let name = if in_wrapper {
        if !value.starts_with('{') {
            return None;
        }
        scan::peek(value, spine.name_path)?
    } else if spine.name_path.len() == 1 {
        scan::value_at(value)?
    } else {
        scan::peek(value, &spine.name_path[1..])?
    };
    let name = name.strip_prefix('"')?.strip_suffix('"')?;
    if name.contains('\\') {
        return None;
    }
    match decode(name, in_wrapper)? {
        AtOnce::Decoded(event) => Some(event),
        AtOnce::Wrapped | AtOnce::Refused => None,
    }
}

/// `text` with every number that has a fraction or exponent but an integral value written as
/// that integer (`90512.0` → `90512`, `1.5e3` → `1500`, `-0.0` → `0`); `None` when there is no
/// such number. Numbers of more than 20 digits are left alone (no integer field holds them:
/// `u64::MAX` has 20). Strings are copied unchanged.
///
/// Bounded: exponents make short literals long (`1e19` → 20 digits), so the rewrite gives up
/// (`None`: the first error stands) once it would be more than twice as long as the input.
pub(super) fn integral_floats_as_integers(text: &str) -> Option<String> {
    let limit = text.len().saturating_mul(2);
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        match bytes[pos] {
            b'"' => {
                pos += 1;
                while pos < bytes.len() && bytes[pos] != b'"' {
                    pos += if bytes[pos] == b'\\' { 2 } else { 1 };
                }
                pos += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = pos;
                while pos < bytes.len()
                    && matches!(bytes[pos], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    pos += 1;
                }
                if let Some(integer) = integral(&text[start..pos]) {
                    out.push_str(&text[copied..start]);
                    out.push_str(&integer);
                    copied = pos;
                    if out.len() > limit {
                        return None;
                    }
                }
            }
            _ => pos += 1,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The integer a float literal stands for, when it has a fraction or exponent and its value
/// is integral.
pub(super) fn integral(number: &str) -> Option<String> {
    if !number.contains(['.', 'e', 'E']) {
        return None;
    }
    let (negative, unsigned) = number
        .strip_prefix('-')
        .map_or((false, number), |rest| (true, rest));
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{whole}{fraction}");
    let mut scale = exponent.checked_sub(i64::try_from(fraction.len()).ok()?)?;
    let significant = digits.trim_start_matches('0').len();
    digits.drain(..digits.len() - significant);
    if digits.is_empty() {
        return Some("0".to_owned());
    }
    while digits.ends_with('0') {
        digits.pop();
        scale += 1;
    }
    if scale < 0 || i64::try_from(digits.len()).ok()? + scale > 20 {
        return None;
    }
    let zeros = usize::try_from(scale).ok()?;
    Some(format!(
        "{}{digits}{}",
        if negative { "-" } else { "" },
        "0".repeat(zeros)
    ))
}

/// The checks of a document the scan refused, in the order that says the most: JSON syntax
/// (serde_json's message, with line and column), an object at the top, then the I-JSON
/// rules with their path. A document that passes them all (the scan and these checks are
/// meant to agree, and are tested to) is read the slow way.
#[cold]
fn slow_head<'a, E: Dispatch>(text: &'a str, given: Option<&str>) -> Result<Head<'a>, DecodeError> {
    let spine = E::SPINE;
    let provider = spine.provider;
    let raw: &RawValue = serde_json::from_str(text).map_err(|error| {
        let error = DecodeError::syntax(provider, &error);
        match given {
            Some(name) => error.with_event(name),
            None => error,
        }
    })?;
    if !raw.get().starts_with('{') {
        let message = format!("invalid type: expected a JSON object ({})", spine.what);
        return Err(DecodeError::data(provider, given, ".".to_owned(), &message));
    }
    crate::validate::check(raw).map_err(|refusal| {
        DecodeError::not_interoperable(provider, given, refusal.path, &refusal.message)
    })?;
    let wrapper = spine.wrapper_key();
    let head = peek(raw, wrapper, given.is_none().then_some(spine.name_path))
        .map_err(|error| DecodeError::data(provider, given, ".".to_owned(), &error.to_string()))?;
    Ok(match head.wrapped {
        Some(body) if body.get().starts_with('{') => {
            let prefix = wrapper.unwrap_or_default();
            let name = if given.is_some() {
                Found::Absent
            } else {
                peek(body, None, Some(spine.name_path))
                    .map_err(|error| {
                        DecodeError::data(provider, None, prefix.to_owned(), &error.to_string())
                    })?
                    .name
            };
            Head {
                body: body.get(),
                prefix,
                name,
            }
        }
        _ => Head {
            body: raw.get(),
            prefix: "",
            name: head.name,
        },
    })
}

/// What the slow name lookup found at the top level.
struct Top<'a> {
    wrapped: Option<&'a RawValue>,
    name: Found<'a>,
}

/// One borrowed pass over the top level: the wrapper's value and the name.
fn peek<'a>(
    raw: &'a RawValue,
    wrapper: Option<&'static str>,
    name_path: Option<&'static [&'static str]>,
) -> Result<Top<'a>, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    TopVisitor { wrapper, name_path }.deserialize(&mut deserializer)
}

struct TopVisitor {
    wrapper: Option<&'static str>,
    name_path: Option<&'static [&'static str]>,
}

impl<'de> DeserializeSeed<'de> for TopVisitor {
    type Value = Top<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut head = Top {
            wrapped: None,
            name: Found::Absent,
        };
        let mut name_seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if self.wrapper == Some(&*key) && head.wrapped.is_none() {
                head.wrapped = Some(map.next_value::<&'de RawValue>()?);
            } else if let Some(path) = self.name_path.filter(|path| !name_seen && path[0] == key) {
                name_seen = true;
                head.name = map.next_value_seed(NameAt { path, depth: 0 })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(head)
    }
}

/// Follows the name path below the top level.
struct NameAt {
    path: &'static [&'static str],
    depth: usize,
}

impl NameAt {
    const fn leaf(&self) -> bool {
        self.depth + 1 == self.path.len()
    }

    const fn wrong<'a>(&self, kind: &'static str) -> Found<'a> {
        Found::Wrong {
            depth: self.depth,
            kind,
        }
    }
}

impl<'de> DeserializeSeed<'de> for NameAt {
    type Value = Found<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NameAt {
    type Value = Found<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        if self.leaf() {
            Ok(Found::Name(Cow::Borrowed(value)))
        } else {
            Ok(self.wrong("string"))
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        if self.leaf() {
            Ok(Found::Name(Cow::Owned(value.to_owned())))
        } else {
            Ok(self.wrong("string"))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Found::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Found::Null)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(self.wrong("boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(self.wrong("integer"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(self.wrong("integer"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(self.wrong("floating point"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.wrong("sequence"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        if self.leaf() {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(self.wrong("map"));
        }
        let next = self.path[self.depth + 1];
        let mut found = Found::Absent;
        let mut seen = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if !seen && key == next {
                seen = true;
                found = map.next_value_seed(NameAt {
                    path: self.path,
                    depth: self.depth + 1,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}
