//! The one check every payload passes before it is decoded: it must be JSON that every reader
//! can read back the same way.
//!
//! The typed model skips the parts it does not type without looking into them, so without
//! this check a payload could decode and then break whoever reads its raw JSON later (drift,
//! a relay, another language). Refused, each with its JSON path:
//!
//! - numbers outside the range of a 64-bit float (`1e400`);
//! - strings with an invalid escape, such as a lone surrogate (`"\ud800"`);
//! - nesting deeper than [`MAX_DEPTH`] levels;
//! - **duplicate keys** in any object: the policy of every provider. JSON readers disagree on
//!   which of two values wins (serde takes the first for a typed field or refuses it, most
//!   others the last), so a payload that says two things is refused rather than read one way
//!   here and another way elsewhere.
//!
//! Object keys that come from the payload (ids, phone numbers) are not printed in paths: a key
//! that is not a plain identifier shows as `<key>` (see [`path_segment`]).

use std::{borrow::Cow, cell::RefCell, fmt};

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// How deep a payload may nest. serde_json's own limit is 128; staying well below it keeps
/// every payload readable by a plain `serde_json::Value` parse with room for wrappers.
pub const MAX_DEPTH: usize = 100;

/// Why a payload was refused, and where.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) path: String,
    pub(crate) message: String,
}

/// A step of a JSON path while walking.
enum Step<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

/// Checks a whole document; returns the first problem with its path.
pub(crate) fn check(raw: &RawValue) -> Result<(), Refusal> {
    let path = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    let result = Strict {
        path: &path,
        depth: 0,
    }
    .deserialize(&mut deserializer);
    result.map_err(|error| Refusal {
        path: render(&path.borrow()),
        message: error.to_string(),
    })
}

/// Renders a path, payload keys redacted.
fn render(steps: &[Step<'_>]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Index(index) => {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(&path_segment(key));
            }
        }
    }
    if text.is_empty() {
        ".".to_owned()
    } else {
        text
    }
}

/// An object key as it may appear in an error path: a plain identifier (`licenseId`,
/// `account_id`, `meta`) as it is, anything else (`5531911112222@s.whatsapp.net`, `"12"`, a
/// key with spaces or dots) as `<key>`, because such keys are payload data.
pub fn path_segment(key: &str) -> Cow<'_, str> {
    let mut chars = key.chars();
    let plain = key.len() <= 64
        && chars
            .next()
            .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        Cow::Borrowed(key)
    } else {
        Cow::Borrowed("<key>")
    }
}

/// Visits any value, checking it, allocating nothing but a short list of keys per object.
struct Strict<'p, 'de> {
    path: &'p RefCell<Vec<Step<'de>>>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Strict<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Strict<'_, '_> {
    fn deeper<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            Err(E::custom(format_args!(
                "nesting deeper than {MAX_DEPTH} levels"
            )))
        } else {
            Ok(())
        }
    }
}

impl<'de> Visitor<'de> for Strict<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        if value.is_finite() {
            Ok(())
        } else {
            Err(E::custom("number out of range"))
        }
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.deeper()?;
        let mut index = 0;
        loop {
            self.path.borrow_mut().push(Step::Index(index));
            let more = seq.next_element_seed(Strict {
                path: self.path,
                depth: self.depth + 1,
            })?;
            self.path.borrow_mut().pop();
            if more.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.deeper()?;
        // Small objects (nearly all) are checked by scanning; large ones by hashing, so that
        // a hostile object with many keys costs linear time.
        let mut seen: Vec<Cow<'de, str>> = Vec::new();
        let mut hashed: Option<std::collections::HashSet<Cow<'de, str>>> = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let duplicate = match &mut hashed {
                Some(hashed) => !hashed.insert(key.clone()),
                None if seen.len() >= 16 => {
                    let mut set: std::collections::HashSet<Cow<'de, str>> =
                        seen.drain(..).collect();
                    let duplicate = !set.insert(key.clone());
                    hashed = Some(set);
                    duplicate
                }
                None => seen.contains(&key),
            };
            if duplicate {
                self.path.borrow_mut().push(Step::Key(key));
                return Err(de::Error::custom(
                    "duplicate key (the payload gives this key twice; readers disagree on which wins)",
                ));
            }
            self.path.borrow_mut().push(Step::Key(key.clone()));
            map.next_value_seed(Strict {
                path: self.path,
                depth: self.depth + 1,
            })?;
            self.path.borrow_mut().pop();
            if hashed.is_none() {
                seen.push(key);
            }
        }
        Ok(())
    }
}

/// An object key, borrowed when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(json: &str) -> Option<(String, String)> {
        let raw: Box<RawValue> = serde_json::from_str(json).unwrap();
        check(&raw).err().map(|refusal| {
            let message = refusal
                .message
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_owned();
            (refusal.path, message)
        })
    }

    #[test]
    fn what_cannot_be_read_back_is_refused_with_its_path() {
        assert_eq!(refused(r#"{"a":[1,{"b":true}],"c":"\u00e9"}"#), None);
        assert_eq!(
            refused(r#"{"a":{"b":[0,1e400]}}"#),
            Some(("a.b[1]".to_owned(), "number out of range".to_owned()))
        );
        let (path, message) = refused(r#"{"x":{"y":"\ud800"}}"#).unwrap();
        assert_eq!(path, "x.y");
        assert!(message.contains("escape"), "{message}");
        let (path, _) = refused(r#"{"x":["\udc00 trailing"]}"#).unwrap();
        assert_eq!(path, "x[0]");
        let (path, message) = refused(r#"{"a":1,"b":{"c":2,"c":3}}"#).unwrap();
        assert_eq!(path, "b.c");
        assert!(message.starts_with("duplicate key"), "{message}");
        // Past 16 keys the check hashes: still found, and linear for huge objects.
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        let (path, _) = refused(&format!("{{{},\"k3\":0}}", many.join(","))).unwrap();
        assert_eq!(path, "k3");
        let huge: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\":{i}")).collect();
        assert_eq!(refused(&format!("{{{}}}", huge.join(","))), None);
        // Keys that are payload data are redacted from paths.
        let (path, _) =
            refused(r#"{"presences":{"5531911112222@s.whatsapp.net":{"x":1e999}}}"#).unwrap();
        assert_eq!(path, "presences.<key>.x");
        let deep = format!(
            "{}1{}",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        let (_, message) = refused(&deep).unwrap();
        assert_eq!(message, format!("nesting deeper than {MAX_DEPTH} levels"));
        let fine = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(refused(&fine), None);
        // Huge integers are floats to JSON: readable, so accepted.
        assert_eq!(refused("[123456789012345678901234567890]"), None);
    }

    #[test]
    fn plain_keys_stay_in_paths() {
        for key in ["licenseId", "account_id", "_x", "Business"] {
            assert_eq!(path_segment(key), key);
        }
        for key in ["12", "a.b", "a b", "5531@s.whatsapp.net", "", "é"] {
            assert_eq!(path_segment(key), "<key>");
        }
    }
}
