//! Peeling a provider's payload down to its event: the shared part of every provider's
//! decoder.
//!
//! Providers wrap their events differently (ChatApp `{data, meta}` or
//! `{queue, payload: {data, meta}}`; OneChat `{event, data}` or an Action Cable
//! `{identifier, message: {event, data}}`), but every decoder does the same three steps:
//! find the body (the payload itself, or the object under a wrapper key), read the event
//! name (given out of band, or from the body), and deserialize exactly the type of that name
//! or keep the payload as an [`UnknownEvent`]. [`unwrap_body`] and [`dispatch`] are those
//! steps; a provider supplies only how to read its name.

use std::{borrow::Cow, fmt, marker::PhantomData};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::{DecodeError, UnknownEvent};

/// Finds the body of a payload: the object under the key `wrapper` when there is one, else
/// the payload itself. Returns the body and its JSON path (`wrapper` or `""`).
///
/// # Errors
///
/// A [`DecodeError`] (path `.`) when the payload is not a JSON object; `what` names what it
/// should be (`"a ChatApp event body"`).
pub fn unwrap_body<'a>(
    provider: &'static str,
    event: Option<&str>,
    raw: &'a RawValue,
    wrapper: &'static str,
    what: &str,
) -> Result<(&'a RawValue, &'static str), DecodeError> {
    ensure_object(provider, event, raw, what)?;
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    let inner = FindKey {
        key: wrapper,
        found: PhantomData,
    }
    .deserialize(&mut deserializer)
    .map_err(|error| DecodeError::data(provider, event, ".".to_owned(), &error.to_string()))?;
    Ok(match inner {
        Some(body) if body.get().starts_with('{') => (body, wrapper),
        _ => (raw, ""),
    })
}

/// Checks that a payload is a JSON object.
///
/// # Errors
///
/// A [`DecodeError`] (path `.`) naming `what` the payload should be.
pub fn ensure_object(
    provider: &'static str,
    event: Option<&str>,
    raw: &RawValue,
    what: &str,
) -> Result<(), DecodeError> {
    if raw.get().starts_with('{') {
        Ok(())
    } else {
        let message = format!("invalid type: expected a JSON object ({what})");
        Err(DecodeError::data(provider, event, ".".to_owned(), &message))
    }
}

/// Reads one key of a JSON object as borrowed raw JSON, skipping the others.
struct FindKey<'a> {
    key: &'static str,
    found: PhantomData<&'a RawValue>,
}

impl<'de> DeserializeSeed<'de> for FindKey<'de> {
    type Value = Option<&'de RawValue>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FindKey<'de> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == self.key && found.is_none() {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// Decodes the event named `name` from `body` with `known` (the provider's
/// `decode_known`), or keeps the whole payload `raw` as an [`UnknownEvent`] when `known`
/// does not know the name.
///
/// `name_path` is where the provider puts the name inside the body (`meta.type`, `event`);
/// it is reported, under `prefix`, when `name` is `None`.
///
/// # Errors
///
/// A [`DecodeError`] when there is no name, or when the named event's body does not fit.
pub fn dispatch<'a, E: From<UnknownEvent>>(
    provider: &'static str,
    raw: &'a RawValue,
    (body, prefix): (&'a RawValue, &'static str),
    name: Option<Cow<'a, str>>,
    name_path: &str,
    known: impl FnOnce(&str, &'static str, &'a RawValue) -> Option<Result<E, DecodeError>>,
) -> Result<E, DecodeError> {
    let Some(name) = name else {
        let path = if prefix.is_empty() {
            name_path.to_owned()
        } else {
            format!("{prefix}.{name_path}")
        };
        return Err(DecodeError::missing_event_name(provider, &path));
    };
    known(&name, prefix, body).unwrap_or_else(|| {
        Ok(E::from(UnknownEvent::new(
            name.into_owned(),
            raw.to_owned(),
        )))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn finds_the_wrapped_body_or_keeps_the_payload() {
        let wrapped = raw(r#"{"queue":"q","payload":{"data":[]}}"#);
        let (body, prefix) = unwrap_body("t", None, &wrapped, "payload", "a body").unwrap();
        assert_eq!((body.get(), prefix), (r#"{"data":[]}"#, "payload"));
        let flat = raw(r#"{"data":[],"payload":"not an object"}"#);
        let (body, prefix) = unwrap_body("t", None, &flat, "payload", "a body").unwrap();
        assert_eq!((body.get(), prefix), (flat.get(), ""));
        let error = unwrap_body("t", None, &raw("[]"), "payload", "a body").unwrap_err();
        assert_eq!(
            error.message(),
            "invalid type: expected a JSON object (a body)"
        );
    }
}
