//! The provider event trait, and decoded events with their raw JSON (unknown events are in
//! `unknown.rs`, the drift of a decoded event in `drift.rs`).

use std::{fmt, ops::Deref};

use crate::scan::de::AtOnce;
use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::{
    DecodeError, RawJson,
    lenient::raw::raw_json_eq,
    schema, spine,
    spine::{Dispatch, Spine},
};

/// An event enum of one provider (`chatapp_events::Event`, …), declared by the provider
/// crate from a description of its wire format.
///
/// Decoding dispatches on the event name without buffering the payload: the name is read
/// first (from where the spine says it sits, or given out of band by the transport) and then
/// exactly one concrete type is deserialized. An unknown name gives the enum's `Unknown`
/// variant holding the name and the raw JSON; a known name whose body does not fit is a
/// [`DecodeError`], never `Unknown`.
///
/// Serializing an event writes the provider's JSON for it (what [`drift`](crate::drift)
/// compares against the original). The trait is implemented by the provider crates only.
pub trait ProviderEvent: Sized + Serialize + JsonSchema + Dispatch {
    /// The provider's short name, as it appears in errors: `"chatapp"`, `"codechat"`,
    /// `"onechat"`.
    const PROVIDER: &'static str;

    /// The wire name of this event (`"messageStatus"`, `"messages.upsert"`, …), also for
    /// unknown events.
    fn name(&self) -> &str;

    /// Whether this is the catch-all for an event name this version does not know.
    fn is_unknown(&self) -> bool;

    /// The provider's wire format (not public API).
    #[doc(hidden)]
    fn spine() -> &'static Spine {
        Self::SPINE
    }

    /// The wire names of every event this version models.
    fn known_names() -> &'static [&'static str] {
        Self::KNOWN
    }

    /// Decodes an event from JSON that has already been checked to be well-formed.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] when the JSON names no event, or names a known event whose body
    /// does not fit its model.
    fn from_raw(raw: &RawValue) -> Result<Self, DecodeError> {
        spine::decode(raw.get(), None)
    }

    /// Decodes an event whose name is given out of band from well-formed JSON.
    ///
    /// # Errors
    ///
    /// As [`from_raw`](Self::from_raw), except that a body naming no event is fine.
    fn from_raw_named(name: &str, raw: &RawValue) -> Result<Self, DecodeError> {
        spine::decode(raw.get(), Some(name))
    }

    /// Decodes an event from bytes, keeping the original JSON beside the typed value.
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for bytes that are not JSON, JSON that names no event, or a known
    /// event whose body does not fit its model. The error keeps the bytes
    /// ([`DecodeError::raw`]).
    fn decode(bytes: &[u8]) -> Result<Decoded<Self>, DecodeError> {
        Decoded::decode(bytes)
    }

    /// Decodes an event whose name is given out of band (the Pusher frame's `event`, a
    /// webhook URL per event), keeping the original JSON.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode), except that a body naming no event is fine.
    fn decode_named(name: &str, bytes: &[u8]) -> Result<Decoded<Self>, DecodeError> {
        Decoded::decode_named(name, bytes)
    }

    /// The JSON that serializing a decoded event is expected to reproduce from `original`:
    /// the body, unwrapped when it came in the provider's wrapper (ChatApp's
    /// `{queue, payload:{…}}`, OneChat's Action Cable data frame), so that
    /// [`drift`](crate::drift) compares like with like.
    fn canonical_json(original: serde_json::Value) -> serde_json::Value {
        Self::SPINE.canonical_json(original)
    }

    /// The JSON Schema of the known event `name` (its body, bare and wrapped, the name
    /// pinned); `None` for a name this version does not know.
    fn event_schema(name: &str) -> Option<Schema> {
        let wire = Self::SPINE.resolve_alias(name).unwrap_or(name);
        spine::event_schema::<Self>(wire)
    }

    /// The JSON Schema of any payload: exactly one of the known events, or an unknown one.
    fn union_schema() -> Schema {
        schema::root_schema("Event", |generator| {
            spine::union_schema::<Self>(generator, true)
        })
    }

    /// The JSON Schema of a known event: exactly one of the events this version models,
    /// each with its name required (for generated code that narrows on the name). Unknown
    /// events do not validate; [`union_schema`](Self::union_schema) admits them too.
    fn known_schema() -> Schema {
        schema::root_schema("KnownEvent", |generator| {
            spine::union_schema::<Self>(generator, false)
        })
    }

    /// The JSON Schema of the envelope alone, whatever the event: for consumers that
    /// dispatch on the name themselves.
    fn envelope_schema() -> Schema {
        spine::envelope_schema::<Self>()
    }
}

/// Checks that `raw` is JSON every decoder of this crate accepts (I-JSON: no duplicate keys,
/// no lone surrogates, numbers a double can hold, nesting at most
/// `MAX_DEPTH`), for a transport's frame around the events (an Action
/// Cable frame kept whole when its type is unknown): what it keeps must read back anywhere.
///
/// # Errors
///
/// A [`DecodeError`] naming `provider`, the JSON path and the rule broken.
pub fn check_interoperable(provider: &'static str, raw: &RawValue) -> Result<(), DecodeError> {
    crate::validate::check(raw).map_err(|refusal| {
        DecodeError::not_interoperable(provider, None, refusal.path, &refusal.message)
    })
}

/// A decoded event together with the JSON it was decoded from.
///
/// The typed value covers what the model knows; the raw JSON keeps everything, including
/// fields the model does not know yet. Store or forward the raw JSON ([`raw`](Self::raw), or
/// serialize the `Decoded` itself, which writes the raw JSON unchanged) and nothing is lost.
/// Keeping it costs one copy of the input text (none with [`decode_owned`](Self::decode_owned)).
///
/// Match on [`event`](Self::event): `match decoded.event() { … }`. `Decoded<E>` also dereferences
/// to `E`, so `decoded.name()` works directly.
#[derive(Clone)]
pub struct Decoded<E> {
    event: E,
    raw: RawJson,
}

impl<E> Decoded<E> {
    /// Pairs an event with the JSON it came from (for decoders with extra context, such as
    /// an event name given out of band).
    pub fn from_parts(event: E, raw: RawJson) -> Self {
        Self { event, raw }
    }

    /// The typed event.
    pub const fn event(&self) -> &E {
        &self.event
    }

    /// The typed event, dropping the raw JSON.
    pub fn into_event(self) -> E {
        self.event
    }

    /// The JSON the event was decoded from, unchanged.
    pub fn raw(&self) -> &RawJson {
        &self.raw
    }

    /// The typed event and the raw JSON.
    pub fn into_parts(self) -> (E, RawJson) {
        (self.event, self.raw)
    }
}

impl<E: ProviderEvent> Decoded<E> {
    /// Decodes `bytes` (see [`ProviderEvent::decode`]).
    ///
    /// # Errors
    ///
    /// See [`ProviderEvent::decode`].
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let text = utf8::<E>(bytes, None)?;
        let event = spine::decode::<E>(text, None).map_err(|error| error.with_raw(bytes))?;
        Ok(Self {
            event,
            raw: RawJson::trusted(trim(text).into()),
        })
    }

    /// Decodes `bytes` under an event name given out of band (see
    /// [`ProviderEvent::decode_named`]).
    ///
    /// # Errors
    ///
    /// See [`ProviderEvent::decode_named`].
    pub fn decode_named(name: &str, bytes: &[u8]) -> Result<Self, DecodeError> {
        let text = utf8::<E>(bytes, Some(name))?;
        let event = spine::decode::<E>(text, Some(name)).map_err(|error| error.with_raw(bytes))?;
        Ok(Self {
            event,
            raw: RawJson::trusted(trim(text).into()),
        })
    }

    /// Decodes a text the caller owns and gives away (a Pusher frame's `data` string once
    /// unescaped, a request body read to a `String`): the text becomes the kept raw JSON,
    /// without the copy [`decode`](Self::decode) makes. `name` is the event name when it is
    /// given out of band.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode) or [`decode_named`](Self::decode_named).
    pub fn decode_owned(name: Option<&str>, text: String) -> Result<Self, DecodeError> {
        match spine::decode::<E>(&text, name) {
            Ok(event) => {
                let raw = if trim(&text).len() == text.len() {
                    RawJson::trusted(text.into_boxed_str())
                } else {
                    RawJson::trusted(trim(&text).into())
                };
                Ok(Self { event, raw })
            }
            Err(error) => Err(error.with_raw(text.as_bytes())),
        }
    }
}

impl<E: PartialEq> PartialEq for Decoded<E> {
    /// Equal typed values decoded from equal JSON (see [`raw_json_eq`]).
    fn eq(&self, other: &Self) -> bool {
        self.event == other.event && raw_json_eq(self.raw.get(), other.raw.get())
    }
}

/// `text` without the JSON whitespace around it.
fn trim(text: &str) -> &str {
    text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
}

/// `bytes` as text; serde_json's syntax error (which says where) when they are not UTF-8.
fn utf8<'a, E: ProviderEvent>(bytes: &'a [u8], name: Option<&str>) -> Result<&'a str, DecodeError> {
    std::str::from_utf8(bytes).map_err(|_| {
        let error = match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
            Err(error) => DecodeError::syntax(E::PROVIDER, &error),
            // Not reached: JSON is UTF-8. Said plainly if it ever is.
            Ok(_) => DecodeError::data(E::PROVIDER, name, ".".to_owned(), "invalid UTF-8"),
        };
        let error = match name {
            Some(name) => error.with_event(name),
            None => error,
        };
        error.with_raw(bytes)
    })
}

impl<E> Deref for Decoded<E> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.event
    }
}

impl<E: fmt::Debug> fmt::Debug for Decoded<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decoded")
            .field("event", &self.event)
            .field("raw_len", &self.raw.get().len())
            .finish()
    }
}

impl<E> Serialize for Decoded<E> {
    /// Writes the original JSON unchanged.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.raw.serialize(serializer)
    }
}

/// Deserializes `T` from the JSON text `body` (borrowing from it where `T` does), reporting
/// failures with their JSON path.
///
/// `prefix` is the path of `body` inside the whole payload (`""` for the root, `"payload"` for a
/// wrapped body); it is prepended to the path serde reports. Provider decoders call this for
/// the concrete type chosen by the event name.
///
/// # Errors
///
/// A [`DecodeError`] of kind `Data` naming `provider`, `event` and the path.
pub fn decode_at<'a, T: Deserialize<'a>>(
    provider: &'static str,
    event: Option<&str>,
    prefix: &str,
    body: &'a str,
) -> Result<T, DecodeError> {
    // Fast path: a plain parse. Path tracking wraps every visitor and doubles the cost of a
    // successful decode, so it only runs again over a payload that failed, to say where.
    if let Ok(value) = serde_json::from_str(body) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let mut path = join_path(prefix, &render_path(error.path()));
        let message = error.inner().to_string();
        // serde_json adds the position after a custom message: `… inside) at line 1 column 9`.
        let (message, position) = match message.rfind(" at line ") {
            Some(index) => message.split_at(index),
            None => (message.as_str(), ""),
        };
        let (message, inside) = split_inside(message);
        let message = format!("{message}{position}");
        for inner in inside {
            path = join_path(&path, inner);
        }
        DecodeError::data(provider, event, path, &message)
    })
}

/// Decodes the document `text` as a `T` and checks it (the I-JSON rules: no duplicate keys,
/// numbers a float can hold, no lone surrogates, bounded depth; in values the model skips
/// too) in one pass.
///
/// `in_wrapper`: the body is the object under the top-level key `wrapper`, the rest of the
/// document is checked. Otherwise the body is the whole document, and a top level with the
/// key `wrapper` gives [`AtOnce::Wrapped`]. [`AtOnce::Refused`], whatever the reason, sends
/// the caller the way that checks first and says what is wrong.
pub fn decode_at_once<'a, T: Deserialize<'a>>(
    text: &'a str,
    wrapper: Option<&'static str>,
    in_wrapper: bool,
) -> AtOnce<T> {
    match wrapper {
        Some(key) if in_wrapper => {
            crate::scan::de::wrapped(text, key).map_or(AtOnce::Refused, AtOnce::Decoded)
        }
        _ => crate::scan::de::whole(text, wrapper),
    }
}

/// Takes the `(at `inner.path` inside)` suffixes [`decode_captured`] adds off a message:
/// the message, and the inner paths from the outermost in. The decode error then names the
/// whole path (`data.keyFromMe`), not only the captured object's (`data`).
fn split_inside(message: &str) -> (&str, Vec<&str>) {
    let mut rest = message;
    let mut inside = Vec::new();
    while let Some(body) = rest.strip_suffix("` inside)") {
        let Some(start) = body.rfind(" (at `") else {
            break;
        };
        inside.push(&body[start + " (at `".len()..]);
        rest = &body[..start];
    }
    (rest, inside)
}

/// A serde_path_to_error path as text, payload keys redacted
/// ([`path_segment`](crate::unstable::path_segment)): `data[0].presences.<key>.lastKnownPresence`.
fn render_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(&crate::validate::path_segment(key));
            }
            Segment::Unknown => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push('?');
            }
        }
    }
    if text.is_empty() {
        ".".to_owned()
    } else {
        text
    }
}

/// Deserializes `T` from an object captured as raw JSON inside a `Deserialize` impl (the
/// two-step dispatch of objects told apart by a key, such as a sender's `type`), with the
/// path inside the object named in the message: the outer decoder's path stops at the
/// captured object.
///
/// # Errors
///
/// `E::custom` with serde's message and `(at `inner.path` inside)`.
pub fn decode_captured<'a, T: Deserialize<'a>, E: serde::de::Error>(raw: &'a str) -> Result<T, E> {
    // Fast paths first, as in `decode_at`: the path is only worth its cost after a failure.
    // The text was checked when it was captured; the one-pass decoder reads the forms it
    // takes, serde_json the others.
    if let Some(value) = crate::scan::de::from_str(raw) {
        return Ok(value);
    }
    if let Ok(value) = serde_json::from_str(raw) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(raw);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let inner = error.inner().to_string();
        let message = inner
            .rfind(" at line ")
            .map_or(inner.as_str(), |index| &inner[..index]);
        E::custom(format_args!(
            "{message} (at `{}` inside)",
            render_path(error.path())
        ))
    })
}

/// Joins a path prefix and a serde_path_to_error path (`.` meaning the root).
fn join_path(prefix: &str, path: &str) -> String {
    match (prefix, path) {
        ("", path) => path.to_owned(),
        (prefix, ".") => prefix.to_owned(),
        (prefix, path) if path.starts_with('[') => format!("{prefix}{path}"),
        (prefix, path) => format!("{prefix}.{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_joined_under_the_prefix() {
        assert_eq!(join_path("", "data[0].chat"), "data[0].chat");
        assert_eq!(join_path("payload", "data[0].chat"), "payload.data[0].chat");
        assert_eq!(join_path("payload", "."), "payload");
        assert_eq!(join_path("data", "[3]"), "data[3]");
    }

    #[test]
    fn paths_inside_captured_objects_are_joined_to_the_outer_path() {
        assert_eq!(
            split_inside("invalid type: string (at `id` inside) (at `sender` inside)"),
            ("invalid type: string", vec!["sender", "id"])
        );
        assert_eq!(split_inside("plain"), ("plain", vec![]));
        assert_eq!(join_path("data", "items[0]"), "data.items[0]");
    }

    #[test]
    fn decode_at_reports_the_path() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Item {
            id: u32,
        }
        let error =
            decode_at::<Vec<Item>>("test", Some("thing"), "data", r#"[{"id":1},{"id":"x"}]"#)
                .unwrap_err();
        assert_eq!(error.path(), Some("data[1].id"));
        assert_eq!(error.event(), Some("thing"));
        assert!(!error.to_string().contains("\"x\""), "{error}");
    }

    #[test]
    fn payload_keys_are_not_printed_in_paths() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Entry {
            n: u8,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Body {
            presences: std::collections::BTreeMap<String, Entry>,
        }
        let body = r#"{"presences":{"5531911112222@s.whatsapp.net":{"n":"x"}}}"#;
        let error = decode_at::<Body>("test", Some("thing"), "data", body).unwrap_err();
        assert_eq!(error.path(), Some("data.presences.<key>.n"));
        for text in [error.to_string(), format!("{error:?}")] {
            assert!(!text.contains("5531911112222"), "{text}");
        }
    }
}
