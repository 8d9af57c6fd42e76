//! The line format of recordings (`chat-events … --record`, JSON Lines): one payload per
//! line, exactly as received. A payload without line breaks is the line itself, byte for
//! byte; a payload with line breaks is written as a JSON string holding it (the line starts
//! with `"`; a payload is always an object, so the two cannot be confused). The CLI writes
//! and reads it, the testing harness reads it.
//!
//! ```
//! use chat_events_core::unstable::recording;
//!
//! let pretty = "{\n  \"event\": \"x\"\n}";
//! let line = recording::line(pretty);
//! assert!(!line.contains('\n'));
//! assert_eq!(recording::payload(&line).as_deref(), Some(pretty));
//! assert_eq!(recording::payload(r#"{"event":"x"}"#).as_deref(), Some(r#"{"event":"x"}"#));
//! ```

use std::borrow::Cow;

/// The line that records `payload` (without the line break that ends it).
pub fn line(payload: &str) -> Cow<'_, str> {
    if payload.contains(['\n', '\r']) {
        // Serializing a string cannot fail.
        Cow::Owned(serde_json::to_string(payload).unwrap_or_default())
    } else {
        Cow::Borrowed(payload)
    }
}

/// The payload a recording line holds; `None` for a line that starts like a JSON string
/// but is not one.
pub fn payload(line: &str) -> Option<Cow<'_, str>> {
    if line.starts_with('"') {
        serde_json::from_str::<String>(line).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(line))
    }
}

/// Every payload of a recording's text, in order (blank lines skipped). A line that starts
/// like a JSON string but is not one is kept as it is (it will fail to decode, with its
/// bytes).
pub fn payloads(text: &str) -> Vec<Vec<u8>> {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| match payload(line) {
            Some(payload) => payload.into_owned().into_bytes(),
            None => line.as_bytes().to_vec(),
        })
        .collect()
}
