//! Drift without building two trees: the typed value is serialized into a [`Serializer`]
//! that walks the original JSON **text** beside it, so neither the original nor the model
//! becomes a `serde_json::Value` (the two trees cost more than the decode itself). The
//! answer is the one [`compare`](crate::drift::compare) gives on the two trees — same paths,
//! same order (object keys sorted), same kinds — and a test holds the two to that over every
//! fixture and mutated copies of them.
//!
//! Written by hand: serde has no "compare while serializing", and no crate offers one; the
//! walk over the original uses the scan's unchecked readers (the text was checked by the
//! decode that produced the value).
//!
//! How a model value counts, as serde_json's `to_value` would make it: scalars as serde_json
//! values (strings, booleans, `null` and unsigned integers compared with the text directly,
//! the others through serde_json's own value serializer, so `1`, `1.0` and `"1"` differ
//! exactly as there), maps
//! and structs as objects (a later duplicate key replaces an earlier one), sequences, tuples
//! and bytes as arrays, `None`/unit as `null`, enum variants externally tagged, and a
//! `RawValue` (serde_json's private token) by the JSON it holds.

use std::{borrow::Cow, fmt::Write as _};

use serde::{
    Serialize,
    ser::{self, Impossible, Serializer},
};
use serde_json::Value;

use super::{Drift, DriftKind, JsonType, walk_values};
use crate::scan;

/// serde_json's name for the struct a `RawValue` serializes as.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

type Error = serde_json::Error;

/// The drift of `model` against the body of the document `text`: the object under the
/// top-level key `wrapper` when there is one, else the whole document (see
/// the spine's wrapper).
pub(crate) fn compare<T: Serialize + ?Sized>(
    text: &str,
    wrapper: Option<&str>,
    model: &T,
) -> Result<Vec<Drift>, Error> {
    let mut path = String::new();
    let mut out = Vec::new();
    let index = Index::build(text);
    let text = text.trim_matches([' ', '\t', '\n', '\r']);
    let body = wrapper
        .and_then(|wrapper| {
            let members = index.children(text)?;
            let found = members.iter().find(|(key, _)| same_key(key, wrapper))?;
            found.1.starts_with('{').then_some(found.1)
        })
        .unwrap_or(text);
    model.serialize(Walk {
        original: body,
        index: &index,
        path: &mut path,
        out: &mut out,
    })?;
    Ok(out)
}

/// Every container of the original text with its members or elements, found in one walk:
/// reading an object's members on demand passes over each value to find its end, and again
/// for each level below, so deep documents were read once per level.
struct Index<'o> {
    /// The address of the text: a value's offset is its address minus this.
    base: usize,
    /// Each container's offset and the range of its children, in order of offset.
    containers: Vec<(usize, usize, usize)>,
    /// The children of every container, each container's together: key (`""` for an
    /// element) and value text; an object's in key order (what the walk looks keys up by
    /// and reports in), an array's in order.
    children: Vec<Child<'o>>,
}

/// A container's child in the [`Index`]: its key (`""` for an element) and its value's text.
type Child<'o> = (Cow<'o, str>, &'o str);

impl<'o> Index<'o> {
    /// The index of the checked text `text`; text that is not JSON gives a partial one
    /// (the walk then reads the containers it lacks on demand).
    fn build(text: &'o str) -> Self {
        let mut builder = IndexBuilder {
            text,
            bytes: text.as_bytes(),
            // Room for a typical payload's containers and members (one member per 24 bytes
            // or so), so that the lists are not copied as they grow.
            index: Index {
                base: text.as_ptr() as usize,
                containers: Vec::with_capacity(text.len() / 128),
                children: Vec::with_capacity(text.len() / 24),
            },
            stack: Vec::with_capacity(64),
        };
        let _ = builder.value(0);
        builder.index
    }

    /// The children of the container whose text is `value` (a slice of the indexed text).
    fn children(&self, value: &str) -> Option<&[Child<'o>]> {
        let offset = (value.as_ptr() as usize).checked_sub(self.base)?;
        let at = self
            .containers
            .binary_search_by_key(&offset, |container| container.0)
            .ok()?;
        let (_, from, to) = self.containers[at];
        self.children.get(from..to)
    }
}

struct IndexBuilder<'o> {
    text: &'o str,
    bytes: &'o [u8],
    index: Index<'o>,
    /// The children of the containers being walked, innermost last.
    stack: Vec<Child<'o>>,
}

impl IndexBuilder<'_> {
    /// The value at `pos` (after whitespace), indexed; the offset just past it.
    fn value(&mut self, pos: usize) -> Option<usize> {
        let pos = scan::skip_ws(self.bytes, pos);
        match *self.bytes.get(pos)? {
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                let slot = self.index.containers.len();
                self.index.containers.push((pos, 0, 0));
                let base = self.stack.len();
                let mut at = scan::skip_ws(self.bytes, pos + 1);
                if self.bytes.get(at) == Some(&close) {
                    at += 1;
                } else {
                    loop {
                        let key = if open == b'{' {
                            let (end, escaped) = scan::pass_string_noting_escapes(self.bytes, at)?;
                            let quoted = &self.text[at..end];
                            at = scan::skip_ws(self.bytes, end);
                            if self.bytes.get(at) != Some(&b':') {
                                return None;
                            }
                            at += 1;
                            if escaped {
                                Cow::Owned(serde_json::from_str(quoted).ok()?)
                            } else {
                                Cow::Borrowed(&quoted[1..quoted.len() - 1])
                            }
                        } else {
                            Cow::Borrowed("")
                        };
                        let start = scan::skip_ws(self.bytes, at);
                        let end = self.value(start)?;
                        self.stack.push((key, &self.text[start..end]));
                        at = scan::skip_ws(self.bytes, end);
                        match self.bytes.get(at) {
                            Some(b',') => at = scan::skip_ws(self.bytes, at + 1),
                            Some(&byte) if byte == close => {
                                at += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                let from = self.index.children.len();
                self.index.children.extend(self.stack.drain(base..));
                if open == b'{' {
                    sort_members(&mut self.index.children[from..]);
                }
                self.index.containers[slot] = (pos, from, self.index.children.len());
                Some(at)
            }
            b'"' => scan::pass_string(self.bytes, pos),
            _ => {
                let mut at = pos;
                while let Some(byte) = self.bytes.get(at) {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    at += 1;
                }
                (at > pos).then_some(at)
            }
        }
    }
}

/// The order of two keys (`str`'s order), compared byte by byte in line: keys are short and
/// mostly differ early, where a call to `memcmp` costs more than the comparison.
#[inline]
fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Whether two keys are equal, compared in line (see [`key_order`]).
#[inline]
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && key_order(a, b).is_eq()
}

/// An object's members in key order (most payloads' are not).
fn sort_members(members: &mut [Child<'_>]) {
    if !members.is_sorted_by(|a, b| key_order(&a.0, &b.0).is_le()) {
        members.sort_unstable_by(|a, b| key_order(&a.0, &b.0));
    }
}

/// The JSON type of a value's text, from its first byte.
fn type_of(text: &str) -> JsonType {
    match text.as_bytes().first() {
        Some(b'{') => JsonType::Object,
        Some(b'[') => JsonType::Array,
        Some(b'"') => JsonType::String,
        Some(b't' | b'f') => JsonType::Boolean,
        Some(b'n') => JsonType::Null,
        _ => JsonType::Number,
    }
}

/// A model scalar: the kinds compared with the text directly, or serde_json's value.
enum Scalar<'m> {
    Null,
    Bool(bool),
    Str(&'m str),
    Unsigned(u64),
    Value(Result<Value, Error>),
}

/// Whether `text` is a JSON integer without sign: what serde_json reads as a `u64` when it
/// fits (a longer one is a float there, and `parse` fails here: both unequal).
fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// Whether the JSON string `original` holds `text`.
fn same_string(original: &str, text: &str) -> bool {
    let Some(inner) = original
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    else {
        return false;
    };
    if inner.contains('\\') {
        serde_json::from_str::<String>(original).is_ok_and(|unescaped| unescaped == text)
    } else {
        inner == text
    }
}

/// The path as drift names it: `.` for the root.
fn shown(path: &str) -> String {
    if path.is_empty() {
        ".".to_owned()
    } else {
        path.to_owned()
    }
}

/// One step of the walk: the original text at `path`, where drift goes to `out`.
struct Walk<'a> {
    original: &'a str,
    index: &'a Index<'a>,
    path: &'a mut String,
    out: &'a mut Vec<Drift>,
}

impl<'a> Walk<'a> {
    /// A model scalar against the original: the common kinds (strings, booleans, `null`,
    /// non-negative integers) compared with the text directly, the rest as serde_json's
    /// values (which is what they are equal by).
    fn scalar(self, model: Scalar<'_>) -> Result<(), Error> {
        let original = self.original;
        let (same, model_type) = match model {
            Scalar::Null => (original == "null", JsonType::Null),
            Scalar::Bool(flag) => (
                original == if flag { "true" } else { "false" },
                JsonType::Boolean,
            ),
            Scalar::Str(text) => (same_string(original, text), JsonType::String),
            Scalar::Unsigned(number) if is_digits(original) => {
                (original.parse::<u64>() == Ok(number), JsonType::Number)
            }
            Scalar::Unsigned(number) => return self.value(Ok(Value::from(number))),
            Scalar::Value(model) => return self.value(model),
        };
        if !same {
            self.out.push(Drift {
                path: shown(self.path),
                kind: DriftKind::Changed {
                    original: type_of(original),
                    model: model_type,
                },
            });
        }
        Ok(())
    }

    /// A model scalar as serde_json's value serializer made it, against the original.
    fn value(self, model: Result<Value, Error>) -> Result<(), Error> {
        let model = model?;
        let original_type = type_of(self.original);
        let same = match original_type {
            JsonType::Object | JsonType::Array => false,
            _ => serde_json::from_str::<Value>(self.original).is_ok_and(|value| value == model),
        };
        if !same {
            self.out.push(Drift {
                path: shown(self.path),
                kind: DriftKind::Changed {
                    original: original_type,
                    model: JsonType::of(&model),
                },
            });
        }
        Ok(())
    }

    /// A model container of type `model` where the original is another type: changed.
    fn changed(&mut self, model: JsonType) {
        self.out.push(Drift {
            path: shown(self.path),
            kind: DriftKind::Changed {
                original: type_of(self.original),
                model,
            },
        });
    }

    fn object(mut self) -> Object<'a> {
        if type_of(self.original) != JsonType::Object {
            self.changed(JsonType::Object);
            return Object::Ignore;
        }
        // In key order: looked up by binary search, reported in this order. The index has
        // them so; text it lacks is read here.
        let members = if let Some(children) = self.index.children(self.original) {
            Cow::Borrowed(children)
        } else {
            let mut members = Vec::new();
            scan::members(self.original, |key, value| {
                members.push((key, value));
                true
            });
            sort_members(&mut members);
            Cow::Owned(members)
        };
        Object::Compare {
            seen: Seen::new(members.len()),
            members,
            found: Vec::new(),
            next: 0,
            index: self.index,
            path: self.path,
            out: self.out,
            pending: None,
        }
    }

    fn array(mut self) -> Array<'a> {
        if type_of(self.original) != JsonType::Array {
            self.changed(JsonType::Array);
            return Array::Ignore;
        }
        let elements = if let Some(children) = self.index.children(self.original) {
            Cow::Borrowed(children)
        } else {
            let mut elements = Vec::new();
            scan::elements(self.original, |element| {
                elements.push((Cow::Borrowed(""), element));
                true
            });
            Cow::Owned(elements)
        };
        Array::Compare {
            elements,
            index: self.index,
            next: 0,
            path: self.path,
            out: self.out,
        }
    }

    /// `{variant: value}`, as serde_json writes an externally tagged variant.
    fn variant<T: Serialize + ?Sized>(self, variant: &str, value: &T) -> Result<(), Error> {
        let mut object = self.object();
        object.entry(variant, value)?;
        object.finish();
        Ok(())
    }
}

/// Which members of an original object the model wrote: a bit each, in a word for objects of
/// up to 64 members (nearly all), so that a visit allocates nothing for it.
enum Seen {
    Few(u64),
    Many(Vec<bool>),
}

impl Seen {
    fn new(members: usize) -> Self {
        if members <= 64 {
            Self::Few(0)
        } else {
            Self::Many(vec![false; members])
        }
    }

    /// Marks member `at`; whether it was marked before.
    fn mark(&mut self, at: usize) -> bool {
        match self {
            Self::Few(bits) => {
                let before = *bits & (1 << at) != 0;
                *bits |= 1 << at;
                before
            }
            Self::Many(flags) => std::mem::replace(&mut flags[at], true),
        }
    }

    fn get(&self, at: usize) -> bool {
        match self {
            Self::Few(bits) => *bits & (1 << at) != 0,
            Self::Many(flags) => flags[at],
        }
    }

    /// Whether all of the first `members` are marked.
    fn all(&self, members: usize) -> bool {
        match self {
            Self::Few(bits) => members == 0 || *bits == u64::MAX >> (64 - members),
            Self::Many(flags) => flags.iter().all(|flag| *flag),
        }
    }
}

/// A model object being compared.
enum Object<'w> {
    /// The original is an object too.
    Compare {
        /// The original's members, in key order.
        members: Cow<'w, [Child<'w>]>,
        /// Which of them the model wrote.
        seen: Seen,
        /// The drift found under the members the model wrote, each with its member (empty
        /// unless there is drift, so that a visit allocates nothing for it).
        found: Vec<(usize, Drift)>,
        /// The member after the last one the model wrote.
        next: usize,
        index: &'w Index<'w>,
        path: &'w mut String,
        out: &'w mut Vec<Drift>,
        /// A map's key waiting for its value.
        pending: Option<String>,
    },
    /// The original is not an object: reported once, the model's content does not matter.
    Ignore,
}

impl Object<'_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let Self::Compare {
            members,
            seen,
            found,
            index,
            path,
            next,
            ..
        } = self
        else {
            return Ok(());
        };
        // A key the original lacks is one the model adds: not drift. Models write their
        // fields in key order, so the member after the last one found is tried first.
        let at = match members.get(*next) {
            Some(member) if same_key(&member.0, key) => *next,
            _ => match members.binary_search_by(|member| key_order(&member.0, key)) {
                Ok(at) => at,
                Err(_) => return Ok(()),
            },
        };
        *next = at + 1;
        if seen.mark(at) {
            // Written again: what the last write found is what counts.
            found.retain(|(member, _)| *member != at);
        }
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        let mut under = Vec::new();
        let result = value.serialize(Walk {
            original: members[at].1,
            index,
            path,
            out: &mut under,
        });
        path.truncate(len);
        result?;
        found.extend(under.into_iter().map(|drift| (at, drift)));
        Ok(())
    }

    /// Reports the members in key order: what the model wrote under each, or that it wrote
    /// nothing.
    fn finish(self) {
        let Self::Compare {
            members,
            seen,
            mut found,
            path,
            out,
            ..
        } = self
        else {
            return;
        };
        if found.is_empty() && seen.all(members.len()) {
            return;
        }
        // Found in the order the model wrote its keys: reported in the members' order.
        found.sort_by_key(|(member, _)| *member);
        let mut found = found.into_iter().peekable();
        for (at, (key, _)) in members.iter().enumerate() {
            if seen.get(at) {
                while let Some((_, drift)) = found.next_if(|(member, _)| *member == at) {
                    out.push(drift);
                }
            } else {
                let mut at = path.clone();
                if !at.is_empty() {
                    at.push('.');
                }
                at.push_str(key);
                out.push(Drift {
                    path: at,
                    kind: DriftKind::Missing,
                });
            }
        }
    }
}

/// A model array being compared.
enum Array<'w> {
    Compare {
        /// The original's elements (keys empty).
        elements: Cow<'w, [Child<'w>]>,
        index: &'w Index<'w>,
        next: usize,
        path: &'w mut String,
        out: &'w mut Vec<Drift>,
    },
    Ignore,
}

impl Array<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let Self::Compare {
            elements,
            index: texts,
            next,
            path,
            out,
        } = self
        else {
            return Ok(());
        };
        let index = *next;
        *next += 1;
        // Elements past the original's are the model's additions.
        let Some((_, original)) = elements.get(index) else {
            return Ok(());
        };
        let len = path.len();
        // Written in place: `to_string` allocated a string per element.
        let _ = write!(path, "[{index}]");
        let result = value.serialize(Walk {
            original,
            index: texts,
            path,
            out,
        });
        path.truncate(len);
        result
    }

    fn finish(self) {
        let Self::Compare {
            elements,
            next,
            path,
            out,
            ..
        } = self
        else {
            return;
        };
        for index in next..elements.len() {
            out.push(Drift {
                path: format!("{path}[{index}]"),
                kind: DriftKind::Missing,
            });
        }
    }
}

macro_rules! scalars {
    ($kind:ident: $($method:ident($type:ty)),* $(,)?) => {
        $(
            fn $method(self, value: $type) -> Result<(), Error> {
                scalars!(@ $kind self value $method)
            }
        )*
    };
    (@ unsigned $self:ident $value:ident $method:ident) => {
        $self.scalar(Scalar::Unsigned(u64::from($value)))
    };
    (@ signed $self:ident $value:ident $method:ident) => {
        match u64::try_from($value) {
            Ok(unsigned) => $self.scalar(Scalar::Unsigned(unsigned)),
            Err(_) => $self.scalar(Scalar::Value(serde_json::value::Serializer.$method($value))),
        }
    };
    (@ value $self:ident $value:ident $method:ident) => {
        $self.scalar(Scalar::Value(serde_json::value::Serializer.$method($value)))
    };
}

impl<'p> Serializer for Walk<'p> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'p>;
    type SerializeTuple = Array<'p>;
    type SerializeTupleStruct = Array<'p>;
    type SerializeTupleVariant = TupleVariant<'p>;
    type SerializeMap = Object<'p>;
    type SerializeStruct = Struct<'p>;
    type SerializeStructVariant = StructVariant<'p>;

    scalars!(unsigned: serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64));
    scalars!(signed: serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64));
    scalars!(value: serialize_i128(i128), serialize_u128(u128), serialize_f32(f32), serialize_f64(f64), serialize_char(char));

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.scalar(Scalar::Bool(value))
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.scalar(Scalar::Str(value))
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        let mut array = self.array();
        for byte in value {
            array.element(byte)?;
        }
        array.finish();
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.scalar(Scalar::Null)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar(Scalar::Null)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar(Scalar::Null)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.scalar(Scalar::Str(variant))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant, value)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'p>, Error> {
        Ok(self.array())
    }

    fn serialize_tuple(self, _: usize) -> Result<Array<'p>, Error> {
        Ok(self.array())
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Array<'p>, Error> {
        Ok(self.array())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<TupleVariant<'p>, Error> {
        Ok(TupleVariant {
            outer: self.object(),
            variant,
            items: Vec::new(),
        })
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Object<'p>, Error> {
        Ok(self.object())
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Struct<'p>, Error> {
        if name == RAW_VALUE_TOKEN {
            return Ok(Struct::Raw(self));
        }
        Ok(Struct::Object(self.object()))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<StructVariant<'p>, Error> {
        Ok(StructVariant {
            outer: self.object(),
            variant,
            fields: serde_json::Map::new(),
        })
    }
}

/// A struct: an object, or serde_json's `RawValue` (the JSON it holds).
enum Struct<'p> {
    Object(Object<'p>),
    Raw(Walk<'p>),
}

impl ser::SerializeStruct for Struct<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        match self {
            Self::Object(object) => object.entry(key, value),
            Self::Raw(walk) => {
                // The raw JSON against the original: as two trees (rare, and small).
                let text = raw_text(value)?;
                let model: Value = serde_json::from_str(&text)?;
                let original: Value = serde_json::from_str(walk.original)?;
                walk_values(&original, &model, walk.path, walk.out);
                Ok(())
            }
        }
    }

    fn end(self) -> Result<(), Error> {
        if let Self::Object(object) = self {
            object.finish();
        }
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        if let Self::Compare { pending, .. } = self {
            *pending = Some(key.serialize(MapKey)?);
        }
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = match self {
            Self::Compare { pending, .. } => pending.take(),
            Self::Ignore => return Ok(()),
        };
        let key = key.ok_or_else(|| ser::Error::custom("a map value without its key"))?;
        self.entry(&key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.finish();
        Ok(())
    }
}

/// `{variant: [items]}`: the items are kept as values (rare) and compared at the end.
struct TupleVariant<'p> {
    outer: Object<'p>,
    variant: &'static str,
    items: Vec<Value>,
}

impl ser::SerializeTupleVariant for TupleVariant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.items.push(serde_json::to_value(value)?);
        Ok(())
    }

    fn end(mut self) -> Result<(), Error> {
        self.outer.entry(self.variant, &self.items)?;
        self.outer.finish();
        Ok(())
    }
}

/// `{variant: {fields}}`: the fields are kept as values (rare) and compared at the end.
struct StructVariant<'p> {
    outer: Object<'p>,
    variant: &'static str,
    fields: serde_json::Map<String, Value>,
}

impl ser::SerializeStructVariant for StructVariant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.fields
            .insert(key.to_owned(), serde_json::to_value(value)?);
        Ok(())
    }

    fn end(mut self) -> Result<(), Error> {
        self.outer.entry(self.variant, &self.fields)?;
        self.outer.finish();
        Ok(())
    }
}

/// A map key as serde_json writes it: a string, or an integer or character as its text.
struct MapKey;

impl Serializer for MapKey {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Impossible<String, Error>;
    type SerializeTuple = Impossible<String, Error>;
    type SerializeTupleStruct = Impossible<String, Error>;
    type SerializeTupleVariant = Impossible<String, Error>;
    type SerializeMap = Impossible<String, Error>;
    type SerializeStruct = Impossible<String, Error>;
    type SerializeStructVariant = Impossible<String, Error>;

    fn serialize_str(self, value: &str) -> Result<String, Error> {
        Ok(value.to_owned())
    }

    fn serialize_char(self, value: char) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_i8(self, value: i8) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_i16(self, value: i16) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_i32(self, value: i32) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_i64(self, value: i64) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_u8(self, value: u8) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_u16(self, value: u16) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_u32(self, value: u32) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_u64(self, value: u64) -> Result<String, Error> {
        Ok(value.to_string())
    }

    fn serialize_bool(self, _: bool) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_f32(self, _: f32) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_f64(self, _: f64) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

fn key_must_be_a_string() -> Error {
    ser::Error::custom("key must be a string")
}

/// The text a `RawValue` holds (it serializes it as a string field).
fn raw_text<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    match serde_json::to_value(value)? {
        Value::String(text) => Ok(text),
        _ => Err(ser::Error::custom("a RawValue without its text")),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::ser::SerializeMap;
    use serde_json::json;

    use super::*;

    /// The drift of the two trees, the answer the walk must give.
    fn by_trees(text: &str, model: &impl Serialize) -> Vec<Drift> {
        let original: Value = serde_json::from_str(text).unwrap();
        super::super::compare(&original, &serde_json::to_value(model).unwrap())
    }

    /// Members written by the model in the order given, repeats included.
    struct Written(Vec<(&'static str, Value)>);

    impl Serialize for Written {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(self.0.len()))?;
            for (key, value) in &self.0 {
                map.serialize_entry(key, value)?;
            }
            map.end()
        }
    }

    #[test]
    fn objects_of_more_than_64_members_report_what_the_model_left_or_changed() {
        // The original writes its 70 members in reverse key order; the model leaves out
        // two, changes one and writes one the original lacks.
        let members: Vec<String> = (0..70).rev().map(|n| format!("\"k{n:02}\":{n}")).collect();
        let text = format!("{{\"outer\":{{{}}}}}", members.join(","));
        let mut inner: BTreeMap<String, Value> =
            (0..70).map(|n| (format!("k{n:02}"), json!(n))).collect();
        inner.remove("k03");
        inner.remove("k69");
        inner.insert("k10".into(), json!("10"));
        inner.insert("added".into(), json!(1));
        let model = BTreeMap::from([("outer", inner)]);
        let found = compare(&text, None, &model).unwrap();
        assert_eq!(found, by_trees(&text, &model));
        let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "`outer.k03` missing from the model",
                "`outer.k10` changed by the model (number became string)",
                "`outer.k69` missing from the model",
            ]
        );
        // Left out, nothing changed: the missing members alone are reported.
        let mut left_out = model;
        left_out
            .get_mut("outer")
            .unwrap()
            .insert("k10".into(), json!(10));
        let found = compare(&text, None, &left_out).unwrap();
        assert_eq!(found, by_trees(&text, &left_out));
        assert_eq!(
            found.iter().map(Drift::path).collect::<Vec<_>>(),
            ["outer.k03", "outer.k69"]
        );
    }

    #[test]
    fn a_member_written_twice_counts_as_its_last_write() {
        let text = r#"{"a": 1, "b": [1, 2], "c": {"d": true}}"#;
        for written in [
            // Drift in the first write, none in the last.
            vec![("b", json!([1])), ("a", json!(1)), ("b", json!([1, 2]))],
            // None in the first, drift in the last; written out of key order.
            vec![
                ("c", json!({"d": true})),
                ("b", json!([1, 2])),
                ("c", json!({})),
            ],
            // Drift under two members, the later one written first.
            vec![
                ("c", json!({"d": 1})),
                ("b", json!(["1", 2, 3])),
                ("a", json!(2)),
            ],
        ] {
            let model = Written(written);
            assert_eq!(compare(text, None, &model).unwrap(), by_trees(text, &model));
        }
        let model = Written(vec![("c", json!({"d": 1})), ("b", json!([1, "2"]))]);
        let shown: Vec<String> = compare(text, None, &model)
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "`a` missing from the model",
                "`b[1]` changed by the model (number became string)",
                "`c.d` changed by the model (boolean became number)",
            ]
        );
    }

    #[test]
    fn array_paths_count_in_decimal() {
        let elements: Vec<String> = (0..123).map(|n| n.to_string()).collect();
        let text = format!("[{}]", elements.join(","));
        let mut model: Vec<Value> = (0..123).map(|n| json!(n)).collect();
        model[7] = json!("7");
        model[100] = json!(null);
        model.truncate(120);
        let shown: Vec<String> = compare(&text, None, &model)
            .unwrap()
            .iter()
            .map(Drift::path)
            .map(str::to_owned)
            .collect();
        assert_eq!(shown, ["[7]", "[100]", "[120]", "[121]", "[122]"]);
        assert_eq!(
            compare(&text, None, &model).unwrap(),
            by_trees(&text, &model)
        );
    }
}
