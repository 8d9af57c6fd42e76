//! The document's checks, and the walks that read a document without decoding it.
//!
//! Most payloads are decoded and checked in one pass by [`de`], which applies these rules as
//! it reads. A document it refuses goes the checking way: [`scan`] first, one walk over the
//! bytes that checks the document (JSON syntax, an object at the top, and the rules of
//! [`validate`](crate::validate): no duplicate keys, numbers a 64-bit float can hold, no lone
//! surrogates, at most [`MAX_DEPTH`](crate::unstable::MAX_DEPTH) levels) **and** captures what dispatch
//! needs (where the body sits, whether it is wrapped, and the event name), borrowing from the
//! input.
//!
//! Why hand-written: decoding used to take four passes over the input (serde_json's
//! `RawValue` parse to copy it, the I-JSON check as a serde visitor, the name peek, then the
//! typed decode), about half of the time of a decode. No crate does the check and the capture
//! together: serde_json's parsers do not detect duplicate keys in skipped values, and the
//! fast JSON crates (simd-json, sonic-rs, jiter) build values or tapes where this needs only
//! a yes/no and three spans. The grammar is small; this walk allocates nothing for a
//! document whose keys have no escapes, and skips string bytes eight at a time.
//!
//! The scan only answers *whether* a document is acceptable. When it is not, the decoder runs
//! the slow, path-tracking checks (serde_json's parse, then [`validate`](crate::validate))
//! to say what is wrong and where: paths cost time, and only refused input pays for them.
//! The two must agree on what they accept; a test and a fuzz target compare them on every
//! input they generate.

use std::borrow::Cow;

use crate::validate::MAX_DEPTH;

pub(crate) mod de;

/// What the name lookup found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// The path does not reach a value.
    Absent,
    /// `null` on the path.
    Null,
    /// The name.
    Name(Cow<'a, str>),
    /// A value of the wrong JSON type `kind` at `name_path[depth]`.
    Wrong { depth: usize, kind: &'static str },
}

/// What dispatch needs from a document, borrowed from it.
#[derive(Debug)]
pub(crate) struct Head<'a> {
    /// The body: the wrapper's object when the document is wrapped, else the whole document.
    pub(crate) body: &'a str,
    /// The path of the body inside the document: the wrapper key, or `""`.
    pub(crate) prefix: &'static str,
    /// The event name found in the body at the name path (`Absent` when none was asked for).
    pub(crate) name: Found<'a>,
}

/// Checks `text` and captures its head. `wrapper` is the key a wrapped body sits under,
/// `name_path` where the name sits in the body (empty: do not look for one).
///
/// `None` when the document is not acceptable (see the [module docs](self)).
pub(crate) fn scan<'a>(
    text: &'a str,
    wrapper: Option<&'static str>,
    name_path: &'static [&'static str],
) -> Option<Head<'a>> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        keys: Vec::new(),
        wrapper,
        name_path,
        top_name: Found::Absent,
        wrapped: None,
        wrapped_name: Found::Absent,
    };
    scanner.skip_ws();
    if scanner.peek() != Some(b'{') {
        return None;
    }
    scanner.value(0, Want::Top).ok()?;
    scanner.skip_ws();
    if scanner.pos != scanner.bytes.len() {
        return None;
    }
    Some(match (scanner.wrapped, wrapper) {
        (Some((start, end)), Some(key)) => Head {
            body: &text[start..end],
            prefix: key,
            name: scanner.wrapped_name,
        },
        _ => Head {
            body: text.trim_matches(|c| matches!(c, ' ' | '\t' | '\n' | '\r')),
            prefix: "",
            name: scanner.top_name,
        },
    })
}

/// Whether `text` is acceptable, whatever its top level: the same rules as [`scan`] without
/// the object requirement or any capture (for values inside a document, and for tests).
pub(crate) fn acceptable(text: &str) -> bool {
    let mut scanner = Scanner::plain(text);
    scanner.skip_ws();
    if scanner.value(0, Want::Skip).is_err() {
        return false;
    }
    scanner.skip_ws();
    scanner.pos == scanner.bytes.len()
}

/// The document is not acceptable; the slow checks say why.
struct Refused;

type Step<T = ()> = Result<T, Refused>;

/// What the walk wants from the value it is at.
#[derive(Clone, Copy)]
enum Want {
    /// Nothing but the checks.
    Skip,
    /// The top level: the wrapper's value and the name path's first key.
    Top,
    /// The wrapper's value: the name path's first key, when it is an object.
    Wrapped,
    /// The value at `name_path[depth]`, in the wrapped body or at the top.
    Name { depth: usize, wrapped: bool },
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The keys of the objects being walked, innermost last (for the duplicate check).
    keys: Vec<Key>,
    wrapper: Option<&'static str>,
    name_path: &'static [&'static str],
    top_name: Found<'a>,
    wrapped: Option<(usize, usize)>,
    wrapped_name: Found<'a>,
}

/// An object key for the duplicate check: where its text sits (between the quotes, as
/// written), whether it has escapes, and a hash of its value, compared first.
#[derive(Clone, Copy)]
struct Key {
    hash: u64,
    start: usize,
    end: usize,
    escaped: bool,
}

/// A quick hash of a key's value (not meant to resist crafted collisions: equal hashes are
/// always followed by a comparison of the keys themselves).
fn key_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut hash = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    hash
}

/// Objects with more keys than this are checked for duplicates by sorting.
const SCAN_KEYS: usize = 32;

impl<'a> Scanner<'a> {
    /// A scanner that captures nothing.
    const fn plain(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            keys: Vec::new(),
            wrapper: None,
            name_path: &[],
            top_name: Found::Absent,
            wrapped: None,
            wrapped_name: Found::Absent,
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_ws(&mut self) {
        self.pos = skip_ws(self.bytes, self.pos);
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Step {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Refused)
        }
    }

    fn found(&mut self, want: Want, found: Found<'a>) {
        if let Want::Name { wrapped, .. } = want {
            if wrapped {
                self.wrapped_name = found;
            } else {
                self.top_name = found;
            }
        }
    }

    fn leaf(&self, want: Want) -> bool {
        matches!(want, Want::Name { depth, .. } if depth + 1 == self.name_path.len())
    }

    fn wrong(&mut self, want: Want, kind: &'static str) {
        if let Want::Name { depth, .. } = want {
            self.found(want, Found::Wrong { depth, kind });
        }
    }

    fn value(&mut self, depth: usize, want: Want) -> Step {
        if matches!(want, Want::Skip) {
            return self.skip(depth);
        }
        match self.peek() {
            Some(b'{') => self.object(depth, want),
            Some(b'[') => {
                self.array(depth)?;
                self.wrong(want, "sequence");
                Ok(())
            }
            Some(b'"') => {
                if matches!(want, Want::Name { .. }) {
                    let text = self.string()?;
                    if self.leaf(want) {
                        self.found(want, Found::Name(text));
                    } else {
                        self.wrong(want, "string");
                    }
                    Ok(())
                } else {
                    self.skip_string()
                }
            }
            Some(b't') => {
                self.literal(b"true")?;
                self.wrong(want, "boolean");
                Ok(())
            }
            Some(b'f') => {
                self.literal(b"false")?;
                self.wrong(want, "boolean");
                Ok(())
            }
            Some(b'n') => {
                self.literal(b"null")?;
                if matches!(want, Want::Name { .. }) {
                    self.found(want, Found::Null);
                }
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.pos;
                self.number()?;
                let text = &self.text[start..self.pos];
                let integer = !text.contains(['.', 'e', 'E'])
                    && (text.parse::<u64>().is_ok() || text.parse::<i64>().is_ok());
                self.wrong(want, if integer { "integer" } else { "floating point" });
                Ok(())
            }
            _ => Err(Refused),
        }
    }

    /// A value nothing is wanted from: the checks only.
    fn skip(&mut self, depth: usize) -> Step {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{') => self.object(depth, Want::Skip),
            Some(b'[') => self.array(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => Err(Refused),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Step {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(Refused)
        }
    }

    fn object(&mut self, depth: usize, want: Want) -> Step {
        if depth >= MAX_DEPTH {
            return Err(Refused);
        }
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            if self.leaf(want) {
                self.wrong(want, "map");
            }
            return Ok(());
        }
        let leaf = self.leaf(want);
        if leaf {
            self.wrong(want, "map");
        } else if matches!(want, Want::Name { .. }) {
            // An object on the path that lacks the next key: nothing there.
            self.found(want, Found::Absent);
        }
        let start = self.keys.len();
        let result = loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                break Err(Refused);
            }
            let key = match self.key() {
                Ok(key) => key,
                Err(refused) => break Err(refused),
            };
            // Small objects (nearly all) are checked as keys come; larger ones once, sorted,
            // at their end, so that a hostile object with many keys costs n log n.
            if self.keys.len() - start < SCAN_KEYS
                && self.keys[start..]
                    .iter()
                    .any(|seen| seen.hash == key.hash && self.same(*seen, key))
            {
                break Err(Refused);
            }
            self.skip_ws();
            if let Err(refused) = self.expect(b':') {
                break Err(refused);
            }
            self.skip_ws();
            let child = if matches!(want, Want::Skip) {
                Want::Skip
            } else {
                self.child(want, leaf, &self.key_text(key))
            };
            let value_start = self.pos;
            if let Err(refused) = self.value(depth + 1, child) {
                break Err(refused);
            }
            if matches!(child, Want::Wrapped) && self.bytes[value_start] == b'{' {
                self.wrapped = Some((value_start, self.pos));
            }
            self.keys.push(key);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break Ok(());
                }
                _ => break Err(Refused),
            }
        };
        let result = result.and_then(|()| {
            if self.keys.len() - start > SCAN_KEYS {
                self.no_duplicates(start)
            } else {
                Ok(())
            }
        });
        self.keys.truncate(start);
        result
    }

    /// The key whose quote is at `pos`, passed.
    fn key(&mut self) -> Step<Key> {
        let start = self.pos + 1;
        let escaped = self.string_end()?;
        let end = self.pos - 1;
        let hash = if escaped {
            key_hash(self.unescape(start, end).as_bytes())
        } else {
            key_hash(&self.bytes[start..end])
        };
        Ok(Key {
            hash,
            start,
            end,
            escaped,
        })
    }

    /// The value of the checked string between `start` and `end` (its quotes excluded).
    fn unescape(&self, start: usize, end: usize) -> Cow<'a, str> {
        serde_json::from_str::<Cow<'a, str>>(&self.text[start - 1..=end]).unwrap_or_default()
    }

    /// A key's value.
    fn key_text(&self, key: Key) -> Cow<'a, str> {
        if key.escaped {
            self.unescape(key.start, key.end)
        } else {
            Cow::Borrowed(&self.text[key.start..key.end])
        }
    }

    /// Whether two keys have the same value.
    fn same(&self, a: Key, b: Key) -> bool {
        if a.escaped || b.escaped {
            self.key_text(a) == self.key_text(b)
        } else {
            self.bytes[a.start..a.end] == self.bytes[b.start..b.end]
        }
    }

    /// Checks the keys from `start` on, sorted by hash then value, for two alike.
    fn no_duplicates(&mut self, start: usize) -> Step {
        let mut keys = std::mem::take(&mut self.keys);
        let slice = &mut keys[start..];
        slice.sort_unstable_by(|a, b| {
            a.hash
                .cmp(&b.hash)
                .then_with(|| self.key_text(*a).cmp(&self.key_text(*b)))
        });
        let duplicate = slice
            .windows(2)
            .any(|pair| pair[0].hash == pair[1].hash && self.same(pair[0], pair[1]));
        self.keys = keys;
        if duplicate { Err(Refused) } else { Ok(()) }
    }

    /// What the walk wants from the value of `key` in an object it wants `want` from.
    fn child(&self, want: Want, leaf: bool, key: &str) -> Want {
        let first = self.name_path.first().copied();
        match want {
            Want::Top if self.wrapper == Some(key) => Want::Wrapped,
            Want::Top if first == Some(key) => Want::Name {
                depth: 0,
                wrapped: false,
            },
            Want::Wrapped if first == Some(key) => Want::Name {
                depth: 0,
                wrapped: true,
            },
            Want::Name { depth, wrapped } if !leaf && self.name_path[depth + 1] == key => {
                Want::Name {
                    depth: depth + 1,
                    wrapped,
                }
            }
            _ => Want::Skip,
        }
    }

    fn array(&mut self, depth: usize) -> Step {
        if depth >= MAX_DEPTH {
            return Err(Refused);
        }
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            self.skip(depth + 1)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Refused),
            }
        }
    }

    /// A string at `pos` (its opening quote), checked and passed.
    fn skip_string(&mut self) -> Step {
        self.string_end().map(drop)
    }

    /// A string at `pos` (its opening quote), checked and passed; whether it had escapes.
    fn string_end(&mut self) -> Step<bool> {
        self.pos += 1;
        let mut escaped = false;
        loop {
            self.pos = skip_plain(self.bytes, self.pos);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(escaped);
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape()?;
                }
                // A control character, or the end of the input.
                _ => return Err(Refused),
            }
        }
    }

    /// A string at `pos` (its opening quote): its text, borrowed unless it has escapes.
    fn string(&mut self) -> Step<Cow<'a, str>> {
        let start = self.pos;
        if !self.string_end()? {
            return Ok(Cow::Borrowed(&self.text[start + 1..self.pos - 1]));
        }
        // Checked above, so serde_json's unescaping cannot fail; rare enough not to matter.
        serde_json::from_str::<String>(&self.text[start..self.pos])
            .map(Cow::Owned)
            .map_err(|_| Refused)
    }

    /// An escape after its backslash.
    fn escape(&mut self) -> Step {
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                match unit {
                    0xDC00..=0xDFFF => Err(Refused),
                    0xD800..=0xDBFF => {
                        self.expect(b'\\')?;
                        self.expect(b'u')?;
                        if matches!(self.hex4()?, 0xDC00..=0xDFFF) {
                            Ok(())
                        } else {
                            Err(Refused)
                        }
                    }
                    _ => Ok(()),
                }
            }
            _ => Err(Refused),
        }
    }

    fn hex4(&mut self) -> Step<u16> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(Refused)?;
        let mut unit: u16 = 0;
        for &digit in digits {
            let value = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(Refused),
            };
            unit = unit * 16 + u16::from(value);
        }
        self.pos += 4;
        Ok(unit)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    /// A number.
    fn number(&mut self) -> Step {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Refused),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(Refused);
            }
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(Refused);
            }
            float = true;
        }
        // Up to 300 digits and no exponent, a number cannot leave a float's range; past
        // that, it is parsed (correctly rounded, as serde_json's `float_roundtrip` does).
        if (float || self.pos - start > 300)
            && !self.text[start..self.pos]
                .parse::<f64>()
                .map_err(|_| Refused)?
                .is_finite()
        {
            return Err(Refused);
        }
        Ok(())
    }
}

/// Calls `visit` with each member of the object `text` holds (its key, unescaped, and its
/// value's text), in order, until `visit` returns `false`, **without checking** the JSON:
/// for text a decoder already checked (a value serde_json captured), where a shape is
/// chosen by a few keys. Text that is not an object, or not JSON, visits what it can and
/// stops; it never panics.
pub(crate) fn members<'a>(text: &'a str, mut visit: impl FnMut(Cow<'a, str>, &'a str) -> bool) {
    members_until(text, |key, start| {
        let end = pass_value(text.as_bytes(), start)?;
        visit(key, &text[start..end]).then_some(Next::From(end))
    });
}

/// What [`members_until`] does after a member.
enum Next {
    /// Pass over the value.
    Pass,
    /// Go on from this index (the value's end, found by the visitor).
    From(usize),
}

/// The walk of [`members`]: `visit` gets each key and where its value starts, and says how
/// to go on (`None`: stop).
fn members_until<'a>(text: &'a str, mut visit: impl FnMut(Cow<'a, str>, usize) -> Option<Next>) {
    let bytes = text.as_bytes();
    let ws = |pos: usize| skip_ws(bytes, pos);
    let mut pos = ws(0);
    if bytes.get(pos) != Some(&b'{') {
        return;
    }
    pos += 1;
    loop {
        pos = ws(pos);
        if bytes.get(pos) != Some(&b'"') {
            return;
        }
        let Some((key_end, escaped)) = pass_string_noting_escapes(bytes, pos) else {
            return;
        };
        let key_text = &text[pos + 1..key_end - 1];
        let key = if escaped {
            match serde_json::from_str::<String>(&text[pos..key_end]) {
                Ok(key) => Cow::Owned(key),
                Err(_) => return,
            }
        } else {
            Cow::Borrowed(key_text)
        };
        pos = ws(key_end);
        if bytes.get(pos) != Some(&b':') {
            return;
        }
        let start = ws(pos + 1);
        let end = match visit(key, start) {
            None => return,
            Some(Next::From(end)) => end,
            Some(Next::Pass) => match pass_value(bytes, start) {
                Some(end) => end,
                None => return,
            },
        };
        pos = ws(end);
        if bytes.get(pos) != Some(&b',') {
            return;
        }
        pos += 1;
    }
}

/// The first member of the object `text` holds whose key `wanted` accepts: its key and the
/// index in `text` where its value starts, found **without checking** the JSON and without
/// passing over that value (see [`members`]).
pub(crate) fn first_member(
    text: &str,
    mut wanted: impl FnMut(&str) -> bool,
) -> Option<(Cow<'_, str>, usize)> {
    let mut found = None;
    members_until(text, |key, start| {
        if wanted(&key) {
            found = Some((key, start));
            None
        } else {
            Some(Next::Pass)
        }
    });
    found
}

/// The text of the value that starts `text` (which may go on past it), unchecked.
pub(crate) fn value_at(text: &str) -> Option<&str> {
    pass_value(text.as_bytes(), 0).map(|end| &text[..end])
}

/// Calls `visit` with the text of each element of the array `text` holds, in order, until
/// `visit` returns `false`, **without checking** the JSON (see [`members`]). Text that is not
/// an array visits nothing.
pub(crate) fn elements<'a>(text: &'a str, mut visit: impl FnMut(&'a str) -> bool) {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'[') {
        return;
    }
    pos = skip_ws(bytes, pos + 1);
    if bytes.get(pos) == Some(&b']') {
        return;
    }
    loop {
        let Some(end) = pass_value(bytes, pos) else {
            return;
        };
        if !visit(&text[pos..end]) {
            return;
        }
        pos = skip_ws(bytes, end);
        if bytes.get(pos) != Some(&b',') {
            return;
        }
        pos = skip_ws(bytes, pos + 1);
    }
}

/// The JSON text of the value at `path` (object keys from the top) in the JSON text `text`,
/// found **without checking or decoding the document**: one quick walk that stops at the
/// value. For routing before decoding (which subscription delivers an event, which queue a
/// body goes to); decode to trust the value. `None` when the path does not lead to a value
/// (a key is missing, a step is not an object) or the text is not JSON enough to tell.
///
/// ```
/// let body = r#"{"event": "message.created", "data": {"id": 9, "account_id": 1}}"#;
/// assert_eq!(chat_events_core::unstable::peek(body, &["data", "account_id"]), Some("1"));
/// assert_eq!(chat_events_core::unstable::peek(body, &["event"]), Some(r#""message.created""#));
/// assert_eq!(chat_events_core::unstable::peek(body, &["data", "inbox_id"]), None);
/// ```
pub fn peek<'a>(text: &'a str, path: &[&str]) -> Option<&'a str> {
    let mut current = text;
    for step in path {
        let mut found = None;
        members(current, |key, value| {
            if key == *step {
                found = Some(value);
                false
            } else {
                true
            }
        });
        current = found?;
    }
    Some(current)
}

/// The index just past the string whose quote is at `pos`, unchecked.
pub(crate) fn pass_string(bytes: &[u8], pos: usize) -> Option<usize> {
    pass_string_noting_escapes(bytes, pos).map(|(end, _)| end)
}

/// [`pass_string`], and whether the string has an escape (so that its text is not its
/// value), found on the way instead of by a second search.
pub(crate) fn pass_string_noting_escapes(bytes: &[u8], pos: usize) -> Option<(usize, bool)> {
    let mut at = pos + 1;
    let mut escaped = false;
    loop {
        at = skip_plain(bytes, at);
        match bytes.get(at)? {
            b'"' => return Some((at + 1, escaped)),
            b'\\' => {
                escaped = true;
                at += 2;
            }
            _ => at += 1,
        }
    }
}

/// The index just past the value that starts at `pos`, unchecked.
fn pass_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => pass_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut at = pos;
            loop {
                at = skip_unstructured(bytes, at);
                match bytes.get(at)? {
                    b'"' => {
                        at = pass_string(bytes, at)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(at + 1);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
        }
        _ => {
            let mut at = pos;
            while let Some(&byte) = bytes.get(at) {
                if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    break;
                }
                at += 1;
            }
            (at > pos).then_some(at)
        }
    }
}

/// The index of the first byte at or after `pos` that is not JSON whitespace. Runs of
/// spaces (the indentation of pretty-printed JSON) go eight at a time; compact JSON, where
/// there is none, costs one compare.
#[inline]
pub(crate) fn skip_ws(bytes: &[u8], pos: usize) -> usize {
    match bytes.get(pos) {
        Some(&byte) if byte > b' ' => pos,
        None => pos,
        Some(_) => skip_ws_run(bytes, pos),
    }
}

/// [`skip_ws`] past the first byte.
fn skip_ws_run(bytes: &[u8], mut pos: usize) -> usize {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    loop {
        match bytes.get(pos) {
            Some(b' ') => {
                pos += 1;
                while let Some(chunk) = bytes.get(pos..pos + 8) {
                    let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                        break;
                    };
                    let word = u64::from_le_bytes(chunk) ^ SPACES;
                    if word != 0 {
                        pos += (word.trailing_zeros() / 8) as usize;
                        break;
                    }
                    pos += 8;
                }
            }
            Some(b'\t' | b'\n' | b'\r') => pos += 1,
            _ => return pos,
        }
    }
}

/// The first index from `pos` holding a quote or a bracket (`{`, `}`, `[`, `]`), eight
/// bytes at a time; `bytes.len()` when there is none. What passing over a container must
/// stop at: everything else inside it is skipped unread.
fn skip_unstructured(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn zero_bytes(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & HIGH
    }
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        // `[` and `]` are `{` and `}` without bit 0x20: folded, two compares find all four.
        let folded = word | (ONES * 0x20);
        let flagged = zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(folded ^ (ONES * u64::from(b'{')))
            | zero_bytes(folded ^ (ONES * u64::from(b'}')));
        if flagged != 0 {
            return pos + (flagged.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&byte) = bytes.get(pos) {
        if matches!(byte, b'"' | b'{' | b'}' | b'[' | b']') {
            break;
        }
        pos += 1;
    }
    pos
}

/// The index of the first byte at or after `pos` that ends a run of plain string bytes: a
/// quote, a backslash or a control character (or the end of the input). Eight bytes at a
/// time, with the "has a zero byte" word trick: only the lowest flagged byte is exact, and
/// only it is used.
fn skip_plain(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn zero_bytes(word: u64) -> u64 {
        word.wrapping_sub(ONES) & !word & HIGH
    }
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let flagged = zero_bytes(word ^ (ONES * u64::from(b'"')))
            | zero_bytes(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if flagged != 0 {
            return pos + (flagged.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            break;
        }
        pos += 1;
    }
    pos
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;

    /// What the slow checks say about `text`.
    fn slow(text: &str) -> bool {
        serde_json::from_str::<&RawValue>(text).is_ok_and(|raw| crate::validate::check(raw).is_ok())
    }

    #[test]
    fn agrees_with_the_slow_checks() {
        let deep_ok = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let many_dup = format!("{{{},\"k3\":0}}", many.join(","));
        let many_ok = format!("{{{}}}", many.join(","));
        let many_escaped_dup = format!("{{{},\"\\u006b3\":0}}", many.join(","));
        let many_escaped_ok = format!("{{{},\"\\u006b3x\":0}}", many.join(","));
        let long_int = format!("[{}]", "9".repeat(400));
        let long_small = format!("[0.{}1]", "0".repeat(400));
        let cases = [
            r#"{"a":[1,{"b":true}],"c":"\u00e9","d":null,"e":-0.5e-3}"#,
            r#"{"a":{"b":[0,1e400]}}"#,
            r#"{"a":1e308}"#,
            r#"{"a":1.7976931348623157e308}"#,
            r#"{"a":1.7976931348623159e308}"#,
            r#"{"a":0e999999999999999999}"#,
            r#"{"a":-1e-999999}"#,
            r#"{"x":{"y":"\ud800"}}"#,
            r#"{"x":"\ud800\u0041"}"#,
            r#"{"x":"\ud83d\ude00"}"#,
            r#"{"x":"\ud83d\uDE00"}"#,
            r#"{"x":["\udc00 trailing"]}"#,
            r#"{"x":"\q"}"#,
            r#"{"x":"\u12"}"#,
            r#"{"x":"\u12g4"}"#,
            "{\"x\":\"tab\there\"}",
            r#"{"a":1,"b":{"c":2,"c":3}}"#,
            r#"{"a":1,"\u0061":2}"#,
            r#"{"a":1,"a ":2}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":-}"#,
            r#"{"a":1e}"#,
            r#"{"a":1e+}"#,
            r#"{"a":+1}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            "{a:1}",
            r#"{"a":tru}"#,
            r#"{"a":nul}"#,
            r#"{"a":falsey}"#,
            r#"{"a":1} x"#,
            " \n{ \"a\" : [ 1 , 2 ] } \t",
            r#"{"a":"unterminated}"#,
            "{\"a\":\"\u{7f}\u{80}é\"}",
            "{}",
            "[]",
            "[1]",
            "1",
            "",
            "{",
            &deep_ok,
            &deep,
            &many_dup,
            &many_ok,
            &many_escaped_dup,
            &many_escaped_ok,
            r#"{"\u0061b":1,"ab":2}"#,
            r#"{"a\nb":1,"a\u000ab":2}"#,
            &long_int,
            &long_small,
        ];
        for case in cases {
            assert_eq!(acceptable(case), slow(case), "{case}");
        }
    }

    #[test]
    fn captures_the_body_and_the_name() {
        const PATH: &[&str] = &["meta", "type"];
        fn name(text: &str) -> Found<'_> {
            scan(text, None, PATH).unwrap().name
        }
        let head = scan(
            r#" {"data":1,"meta":{"type":"ping"}} "#,
            Some("payload"),
            PATH,
        )
        .unwrap();
        assert_eq!(head.prefix, "");
        assert_eq!(head.body, r#"{"data":1,"meta":{"type":"ping"}}"#);
        assert_eq!(head.name, Found::Name(Cow::Borrowed("ping")));
        let head = scan(
            r#"{"queue":"q","payload":{"meta":{"type":"p\u0069ng"}},"meta":{"type":"x"}}"#,
            Some("payload"),
            PATH,
        )
        .unwrap();
        assert_eq!(head.prefix, "payload");
        assert_eq!(head.body, r#"{"meta":{"type":"p\u0069ng"}}"#);
        assert_eq!(head.name, Found::Name(Cow::Owned("ping".to_owned())));
        // A wrapper key holding no object: the top level is the body.
        let head = scan(
            r#"{"payload":"x","meta":{"type":"ping"}}"#,
            Some("payload"),
            PATH,
        )
        .unwrap();
        assert_eq!(head.prefix, "");
        assert_eq!(head.name, Found::Name(Cow::Borrowed("ping")));
        assert_eq!(name(r#"{"a":1}"#), Found::Absent);
        assert_eq!(name(r#"{"meta":{}}"#), Found::Absent);
        assert_eq!(name(r#"{"meta":{"type":null}}"#), Found::Null);
        assert_eq!(name(r#"{"meta":null}"#), Found::Null);
        assert_eq!(
            name(r#"{"meta":{"type":5}}"#),
            Found::Wrong {
                depth: 1,
                kind: "integer"
            }
        );
        assert_eq!(
            name(r#"{"meta":{"type":{"a":1}}}"#),
            Found::Wrong {
                depth: 1,
                kind: "map"
            }
        );
        assert_eq!(
            name(r#"{"meta":"ping"}"#),
            Found::Wrong {
                depth: 0,
                kind: "string"
            }
        );
        assert_eq!(
            name(r#"{"meta":[1]}"#),
            Found::Wrong {
                depth: 0,
                kind: "sequence"
            }
        );
        assert_eq!(
            name(r#"{"meta":{"type":1.5}}"#),
            Found::Wrong {
                depth: 1,
                kind: "floating point"
            }
        );
        // Not asked for: nothing found.
        assert_eq!(
            scan(r#"{"meta":{"type":"x"}}"#, None, &[]).unwrap().name,
            Found::Absent
        );
        assert!(scan("[1]", None, PATH).is_none());
        assert!(scan(r#"{"a":1,"a":2}"#, None, PATH).is_none());
    }

    #[test]
    fn walks_members_without_checking() {
        let mut seen = Vec::new();
        members(
            r#" { "a" : [1, {"b": "}"}], "c\u0064": "x\"y", "e": -1.5e3 ,"f":null} "#,
            |key, value| {
                seen.push((key.into_owned(), value.to_owned()));
                true
            },
        );
        let expected = [
            ("a", r#"[1, {"b": "}"}]"#),
            ("cd", r#""x\"y""#),
            ("e", "-1.5e3"),
            ("f", "null"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect();
        assert_eq!(seen, expected);
        // Stops when asked, and on anything broken, without a panic.
        let mut count = 0;
        members(r#"{"a":1,"b":2}"#, |_, _| {
            count += 1;
            false
        });
        assert_eq!(count, 1);
        for broken in [
            "",
            "{",
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":[1"#,
            r#"{"a":"\"#,
            "[1]",
            "{]",
        ] {
            members(broken, |_, _| true);
        }
    }

    #[test]
    fn skips_plain_bytes_to_the_first_stop() {
        let text = b"abcdefghijklmnopq\"rest";
        assert_eq!(skip_plain(text, 0), 17);
        assert_eq!(skip_plain(b"0123456\\", 0), 7);
        assert_eq!(skip_plain(b"\x80\x81\x82\x83\x84\x85\x86\x87\x01", 0), 8);
        assert_eq!(skip_plain(b"ab", 0), 2);
        assert_eq!(skip_plain(b"a\x1fb", 0), 1);
        // Bytes past a stop do not matter, even when they would flag the word too.
        assert_eq!(skip_plain(b"\x01\"\"\"\"\"\"\"", 0), 0);
        assert_eq!(skip_plain(b"ab\"\x00\x01cdef", 0), 2);
    }

    #[test]
    fn passing_a_string_notes_its_escapes() {
        let cases: [(&str, usize, bool); 7] = [
            (r#""plain" rest"#, 7, false),
            (r#""""#, 2, false),
            (r#""a\"b""#, 6, true),
            (r#""\\""#, 4, true),
            (r#""long plain text past eight bytes\n""#, 36, true),
            (r#""é and 中文 without escapes""#, 31, false),
            (r#""\u00e9""#, 8, true),
        ];
        for (text, end, escaped) in cases {
            assert_eq!(
                pass_string_noting_escapes(text.as_bytes(), 0),
                Some((end, escaped)),
                "{text}"
            );
            assert_eq!(pass_string(text.as_bytes(), 0), Some(end), "{text}");
        }
        // Unterminated: no end.
        assert_eq!(pass_string_noting_escapes(br#""open \" still"#, 0), None);
    }

    #[test]
    fn skip_unstructured_stops_where_a_byte_loop_stops() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&at| matches!(bytes[at], b'"' | b'{' | b'}' | b'[' | b']'))
                .unwrap_or(bytes.len())
        };
        let alphabet: &[u8] = b"ab 0:,\\t{}[]\"\x7b\x5b\x5d\x7d\x3b\x3d\x1b\x1d\xc3\xa9\xff\x00";
        // Every position of texts made of the alphabet's bytes in a fixed pseudo-random order.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for length in 0..64 {
            let text: Vec<u8> = (0..length)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[usize::try_from(state >> 32).unwrap_or(0) % alphabet.len()]
                })
                .collect();
            for from in 0..=text.len() {
                assert_eq!(
                    skip_unstructured(&text, from),
                    naive(&text, from),
                    "{text:?} from {from}"
                );
            }
        }
        let long = [b"x".repeat(19), b"]".to_vec(), b"y".repeat(9)].concat();
        assert_eq!(skip_unstructured(&long, 0), 19);
    }
}
