//! [`DecodeError`]: why a payload did not decode, where, and what it was.

use std::{error::Error as StdError, fmt, sync::Arc};

/// What kind of failure a [`DecodeError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The bytes are not JSON (or not UTF-8).
    Syntax,
    /// The JSON does not say which event it is (no event name where the provider puts it).
    MissingEventName,
    /// The JSON is well-formed but a value has the wrong type or shape for the named event.
    Data,
    /// The JSON is well-formed but not I-JSON (RFC 7493): a duplicate key, a lone
    /// surrogate, a number beyond a 64-bit float, or nesting too deep. Readers would not all
    /// read it back the same way, so it is refused whatever the event.
    NotInteroperable,
}

/// A payload that could not be decoded.
///
/// It names the provider, the event (when the name could be read) and the JSON path of the
/// failing value, such as `data[0].chat.id`. The bytes that failed are kept and reachable
/// through [`raw`](Self::raw) so that nothing accepted is lost.
///
/// `Display` and `Debug` never print payload contents: payloads carry personal data and
/// tokens, and errors end up in logs. Serde's own messages quote the offending value
/// (`invalid type: string "+7 900…"`); those quotes are removed from
/// [`message`](Self::message). The unredacted text is available from
/// [`unredacted_message`](Self::unredacted_message) for deliberate local debugging.
///
/// ```
/// use chat_events_core::{DecodeError, DecodeErrorKind};
///
/// let error = DecodeError::data(
///     "chatapp",
///     Some("message"),
///     "data[0].chat.id".to_owned(),
///     r#"invalid type: string "secret", expected an integer"#,
/// );
/// assert_eq!(error.kind(), DecodeErrorKind::Data);
/// assert_eq!(
///     error.to_string(),
///     "chatapp: cannot decode event `message` at `data[0].chat.id`: \
///      invalid type: string, expected an integer"
/// );
/// assert!(!format!("{error:?}").contains("secret"));
/// ```
#[derive(Clone)]
pub struct DecodeError(Box<Inner>);

#[derive(Clone)]
struct Inner {
    provider: &'static str,
    event: Option<String>,
    path: Option<String>,
    kind: DecodeErrorKind,
    message: String,
    unredacted: String,
    position: Option<(usize, usize)>,
    raw: Option<Arc<[u8]>>,
}

impl DecodeError {
    /// The payload is not JSON; `line` and `column` locate the problem (1-based).
    pub fn syntax(provider: &'static str, source: &serde_json::Error) -> Self {
        let unredacted = strip_position(&source.to_string());
        Self(Box::new(Inner {
            provider,
            event: None,
            path: None,
            kind: DecodeErrorKind::Syntax,
            message: redact(&unredacted),
            unredacted,
            position: Some((source.line(), source.column())),
            raw: None,
        }))
    }

    /// The payload does not name its event at `path` (where the provider puts the name).
    pub fn missing_event_name(provider: &'static str, path: &str) -> Self {
        let message = format!("no event name at `{path}`");
        Self(Box::new(Inner {
            provider,
            event: None,
            path: Some(path.to_owned()),
            kind: DecodeErrorKind::MissingEventName,
            unredacted: message.clone(),
            message,
            position: None,
            raw: None,
        }))
    }

    /// The payload is well-formed JSON that not every reader reads back the same way (see
    /// [`DecodeErrorKind::NotInteroperable`]); `path` is where.
    pub fn not_interoperable(
        provider: &'static str,
        event: Option<&str>,
        path: String,
        message: &str,
    ) -> Self {
        let mut error = Self::data(provider, event, path, message);
        error.0.kind = DecodeErrorKind::NotInteroperable;
        error
    }

    /// A value at `path` does not fit the model of `event`; `message` is serde's description.
    pub fn data(provider: &'static str, event: Option<&str>, path: String, message: &str) -> Self {
        let unredacted = strip_position(message);
        Self(Box::new(Inner {
            provider,
            event: event.map(str::to_owned),
            path: Some(path),
            kind: DecodeErrorKind::Data,
            message: redact(&unredacted),
            unredacted,
            position: None,
            raw: None,
        }))
    }

    /// Attaches the bytes that failed to decode.
    #[must_use]
    pub fn with_raw(mut self, raw: &[u8]) -> Self {
        self.0.raw = Some(Arc::from(raw));
        self
    }

    /// Sets the event name when the failure was found below the point that knew it.
    #[must_use]
    pub fn with_event(mut self, event: &str) -> Self {
        if self.0.event.is_none() {
            self.0.event = Some(event.to_owned());
        }
        self
    }

    /// The provider whose payload failed (`"chatapp"`, `"codechat"`, `"onechat"`).
    pub const fn provider(&self) -> &'static str {
        self.0.provider
    }

    /// The wire name of the event, when it could be read.
    pub fn event(&self) -> Option<&str> {
        self.0.event.as_deref()
    }

    /// The JSON path of the failing value (`data[0].chat.id`; `.` is the root).
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// What kind of failure this is.
    pub const fn kind(&self) -> DecodeErrorKind {
        self.0.kind
    }

    /// The failure, with values quoted from the payload removed.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The failure as serde reported it, which may quote payload values. Do not log it.
    pub fn unredacted_message(&self) -> &str {
        &self.0.unredacted
    }

    /// Line and column (1-based) of a syntax error.
    pub const fn position(&self) -> Option<(usize, usize)> {
        self.0.position
    }

    /// The bytes that failed to decode, when the decoder was given bytes.
    pub fn raw(&self) -> Option<&[u8]> {
        self.0.raw.as_deref()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: cannot decode ", self.0.provider)?;
        match &self.0.event {
            Some(event) => write!(f, "event `{event}`")?,
            None => f.write_str("payload")?,
        }
        if let Some(path) = &self.0.path {
            write!(f, " at `{path}`")?;
        }
        write!(f, ": {}", self.0.message)?;
        if let Some((line, column)) = self.0.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("provider", &self.0.provider)
            .field("event", &self.0.event)
            .field("path", &self.0.path)
            .field("kind", &self.0.kind)
            .field("message", &self.0.message)
            .field("position", &self.0.position)
            .field("raw_len", &self.0.raw.as_ref().map(|raw| raw.len()))
            .finish_non_exhaustive()
    }
}

impl StdError for DecodeError {}

/// `serde_json` appends " at line L column C" relative to the sub-document it parsed; the
/// JSON path is the useful location, so the suffix is dropped.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) if message[index..].contains(" column ") => message[..index].to_owned(),
        _ => message.to_owned(),
    }
}

/// Removes payload values that serde quotes in its messages.
///
/// serde writes the unexpected value after `invalid type: ` / `invalid value: ` as a kind
/// followed by the value in quotes or backticks (`string "…"`, ``integer `5` ``), and names an
/// unknown enum value in backticks (``unknown variant `…` ``). Those values come from the
/// payload; the kinds and the "expected …" part come from the model and stay.
pub(crate) fn redact(message: &str) -> String {
    const MARKERS: [&str; 4] = [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let next = MARKERS
            .iter()
            .filter_map(|marker| rest.find(marker).map(|index| (index, marker.len())))
            .min();
        let Some((index, marker_len)) = next else {
            out.push_str(rest);
            return out;
        };
        let start = index + marker_len;
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        // The kind (`string`, `integer`, `floating point`…) runs up to the quoted value.
        let kind_end = rest.find(['"', '`']).unwrap_or(rest.len());
        let kind_end = rest[..kind_end].find(", expected").unwrap_or(kind_end);
        let kind = rest[..kind_end].trim_end();
        out.push_str(if kind.is_empty() { "value" } else { kind });
        rest = skip_quoted(&rest[kind_end..]);
    }
}

/// Skips one value quoted by serde: `"…"` written with `{:?}` (so inner quotes are escaped),
/// or `` `…` ``. Returns the text after it, or `text` unchanged when it does not start with one.
fn skip_quoted(text: &str) -> &str {
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, '"')) => {
            let mut escaped = false;
            for (index, c) in chars {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => return &text[index + 1..],
                    _ => {}
                }
            }
            ""
        }
        Some((_, '`')) => text[1..].find('`').map_or("", |end| &text[end + 2..]),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_quoted_values() {
        for (input, expected) in [
            (
                r#"invalid type: string "+7 900 000", expected u64"#,
                "invalid type: string, expected u64",
            ),
            (
                "invalid value: integer `79001234567`, expected a date",
                "invalid value: integer, expected a date",
            ),
            (
                "unknown variant `tok_123`, expected `a` or `b`",
                "unknown variant value, expected `a` or `b`",
            ),
            ("missing field `chat`", "missing field `chat`"),
            ("expected value", "expected value"),
            (
                r#"invalid type: string "a, \"expected\" b", expected i64"#,
                "invalid type: string, expected i64",
            ),
            (
                "invalid type: null, expected a string",
                "invalid type: null, expected a string",
            ),
        ] {
            assert_eq!(redact(input), expected, "{input}");
        }
    }

    #[test]
    fn syntax_error_keeps_position_and_drops_it_from_message() {
        let input = "{\n  \"a\": x}";
        let source = serde_json::from_str::<serde_json::Value>(input).unwrap_err();
        let error = DecodeError::syntax("chatapp", &source).with_raw(input.as_bytes());
        assert_eq!(error.kind(), DecodeErrorKind::Syntax);
        assert_eq!(error.position(), Some((2, 8)));
        assert_eq!(
            error.to_string(),
            "chatapp: cannot decode payload: expected value (line 2, column 8)"
        );
        assert_eq!(error.raw(), Some(input.as_bytes()));
    }
}
