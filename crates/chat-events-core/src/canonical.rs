//! The canonical JSON of a document (keys sorted, no whitespace, numbers and strings as
//! serde_json writes them), written straight from the text: byte for byte what
//! `serde_json::from_str::<Value>(text)?.to_string()` gives, without building the `Value`.
//!
//! For the relay's content id (`chat-events-nats`), which hashes this form for every event
//! it stores: building a `Value` (an allocation per string and per object) and printing it
//! cost more than the rest of a publish. Hand-written because no crate writes serde_json's
//! exact form from text (RFC 8785 canonicalizers print numbers and escapes otherwise, which
//! would change every id already stored).

use std::borrow::Cow;

use crate::scan;

/// Writes the canonical JSON of `text` to `out`; `false` (and `out` unspecified) when `text`
/// is not a document the [scan](crate::scan) accepts, or a value needs serde_json's own
/// printing in a way this does not cover (the caller then builds the `Value`).
///
/// One walk over the checked text: each object's members are written as they come, then
/// put in key order with one copy of that object's text.
pub(crate) fn write(text: &str, out: &mut String) -> bool {
    if !scan::acceptable(text) {
        return false;
    }
    let mut writer = Writer {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        out,
        members: Vec::new(),
        scratch: String::new(),
    };
    writer.value().is_some()
}

struct Writer<'a, 'o> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    out: &'o mut String,
    /// The members of the objects being written, innermost last: key, and where the
    /// member's text (`"key":value`) sits in `out`.
    members: Vec<(Cow<'a, str>, usize, usize)>,
    scratch: String,
}

impl<'a> Writer<'a, '_> {
    fn ws(&mut self) -> Option<u8> {
        self.pos = scan::skip_ws(self.bytes, self.pos);
        self.bytes.get(self.pos).copied()
    }

    /// The string at `pos`: its text with quotes, and its value when it has escapes.
    fn string_at(&mut self) -> Option<(&'a str, Option<String>)> {
        let start = self.pos;
        let (end, escaped) = scan::pass_string_noting_escapes(self.bytes, start)?;
        self.pos = end;
        let quoted = &self.text[start..end];
        if escaped {
            Some((quoted, Some(serde_json::from_str(quoted).ok()?)))
        } else {
            Some((quoted, None))
        }
    }

    /// One value of the checked text, from `pos`.
    fn value(&mut self) -> Option<()> {
        match self.ws()? {
            b'{' => self.object(),
            b'[' => {
                self.pos += 1;
                self.out.push('[');
                if self.ws()? == b']' {
                    self.pos += 1;
                } else {
                    loop {
                        self.value()?;
                        let more = self.ws()? == b',';
                        self.pos += 1;
                        if !more {
                            break;
                        }
                        self.out.push(',');
                    }
                }
                self.out.push(']');
                Some(())
            }
            b'"' => {
                match self.string_at()? {
                    (quoted, None) => self.out.push_str(quoted),
                    (_, Some(unescaped)) => string(&unescaped, true, self.out)?,
                }
                Some(())
            }
            _ => {
                let start = self.pos;
                while let Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9' | b'a'..=b'z') =
                    self.bytes.get(self.pos)
                {
                    self.pos += 1;
                }
                scalar(&self.text[start..self.pos], self.out)
            }
        }
    }

    /// The object at `pos`: members written as they come, then sorted by key.
    fn object(&mut self) -> Option<()> {
        self.pos += 1;
        let start = self.out.len();
        let base = self.members.len();
        if self.ws()? == b'}' {
            self.pos += 1;
            self.out.push_str("{}");
            return Some(());
        }
        loop {
            self.ws()?;
            let (quoted, unescaped) = self.string_at()?;
            let key = match unescaped {
                Some(key) => Cow::Owned(key),
                None => Cow::Borrowed(&quoted[1..quoted.len() - 1]),
            };
            let from = self.out.len();
            match &key {
                Cow::Borrowed(_) => self.out.push_str(quoted),
                Cow::Owned(key) => string(key, true, self.out)?,
            }
            self.out.push(':');
            self.ws()?;
            self.pos += 1; // the colon
            self.value()?;
            self.members.push((key, from, self.out.len()));
            if self.ws()? == b',' {
                self.pos += 1;
            } else {
                self.pos += 1;
                break;
            }
        }
        let members = &mut self.members[base..];
        members.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.scratch.clear();
        self.scratch.push_str(&self.out[start..]);
        self.out.truncate(start);
        self.out.push('{');
        for (n, (_, from, to)) in members.iter().enumerate() {
            if n > 0 {
                self.out.push(',');
            }
            self.out.push_str(&self.scratch[from - start..to - start]);
        }
        self.out.push('}');
        self.members.truncate(base);
        Some(())
    }
}

/// A number or a literal (`true`, `false`, `null`): as written, except numbers serde_json
/// reads as floats (a fraction or exponent, `-0`, integers out of the 64-bit ranges),
/// printed as serde_json prints that float.
fn scalar(text: &str, out: &mut String) -> Option<()> {
    let plain = matches!(text, "true" | "false" | "null")
        || (!text.contains(['.', 'e', 'E'])
            && text != "-0"
            && (text.parse::<u64>().is_ok() || text.parse::<i64>().is_ok()));
    if plain {
        out.push_str(text);
    } else {
        let number: serde_json::Number = serde_json::from_str(text).ok()?;
        out.push_str(&number.to_string());
    }
    Some(())
}

/// A string's value, quoted; through serde_json when it may need escapes.
fn string(value: &str, escape: bool, out: &mut String) -> Option<()> {
    if escape {
        out.push_str(&serde_json::to_string(value).ok()?);
    } else {
        out.push('"');
        out.push_str(value);
        out.push('"');
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_value(text: &str) -> String {
        serde_json::from_str::<serde_json::Value>(text)
            .unwrap()
            .to_string()
    }

    #[test]
    fn writes_what_serde_json_writes() {
        for text in [
            r#"{"b": 1, "a": [true, null, -0, 1.50, 1e3, -12, 18446744073709551616], "c": {}}"#,
            r#" {"z\u0041": "x\ny\u00e9\ud83d\ude00/\"", "zA ": [], "": {"y": {"b": [], "a": 0.1}}} "#,
            r#"{"k": "plain é text", "n": -9223372036854775808, "m": 9223372036854775808}"#,
            r#"{"a": [[], [{}], "\u0000"], "a\"b": 1E-7, "A": 123456789012345678901234567890}"#,
        ] {
            let mut out = String::new();
            assert!(write(text, &mut out), "{text}");
            assert_eq!(out, by_value(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_the_scan_refuses() {
        for text in [r#"{"a": 1, "a": 2}"#, "{not json", r#"{"a": "\ud800"}"#, ""] {
            assert!(!write(text, &mut String::new()), "{text}");
        }
    }
}
