//! `#[derive(Shape)]`: the variant is chosen on the documented keys only, what fits no shape
//! stays raw, errors say where, and the schema accepts exactly the values the decoder sends
//! to each variant.

use chat_events_core::{RawJson, unstable::Shape};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
struct User {
    id: u32,
    #[serde(rename = "type")]
    kind: String,
}

/// A policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
struct Policy {
    #[serde(default)]
    frt: Option<u32>,
    #[serde(default)]
    rt: Option<u32>,
}

/// Who or what.
#[derive(Clone, Debug, PartialEq, Shape)]
enum Actor {
    /// A bare id.
    #[shape(string)]
    Name(String),
    /// A user.
    #[shape(equals("type", "user"))]
    User(User),
    /// A policy.
    #[shape(has("frt"))]
    #[shape(has("rt"))]
    Policy(Policy),
    /// Anything else.
    #[shape(other)]
    Other(RawJson),
}

/// Listed or single, by JSON type, in one pass.
#[derive(Clone, Debug, PartialEq, Shape)]
enum Ids {
    /// Several.
    #[shape(array)]
    Many(Vec<u32>),
    /// One, as text.
    #[shape(string)]
    One(String),
}

fn decode<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|error| error.to_string())
}

#[test]
fn variants_are_chosen_on_their_keys_and_the_rest_stays_raw() {
    assert_eq!(decode::<Actor>(r#""a-1""#), Ok(Actor::Name("a-1".into())));
    assert_eq!(
        decode::<Actor>(r#"{"id": 7, "type": "user"}"#),
        Ok(Actor::User(User {
            id: 7,
            kind: "user".into()
        }))
    );
    assert_eq!(
        decode::<Actor>(r#"{"rt": 5}"#),
        Ok(Actor::Policy(Policy {
            frt: None,
            rt: Some(5)
        }))
    );
    // `null` is not "has"; an unknown tag is not a user: both stay raw, never guessed.
    for raw in [
        r#"{"frt": null, "x": 1}"#,
        r#"{"id": 7, "type": "bot"}"#,
        "12",
        "[]",
    ] {
        let Ok(Actor::Other(other)) = decode::<Actor>(raw) else {
            panic!("{raw} was not kept raw");
        };
        assert_eq!(other.get(), raw);
        // And it serializes back unchanged.
        assert_eq!(serde_json::to_string(&Actor::Other(other)).unwrap(), raw);
    }
    // A chosen variant that does not fit is an error naming the path inside it.
    let error = decode::<Actor>(r#"{"type": "user", "id": "seven"}"#).unwrap_err();
    assert!(error.contains("(at `id` inside)"), "{error}");
}

#[test]
fn json_type_shapes_decode_in_one_pass_and_refuse_the_rest() {
    assert_eq!(decode::<Ids>("[1, 2]"), Ok(Ids::Many(vec![1, 2])));
    assert_eq!(decode::<Ids>(r#""3""#), Ok(Ids::One("3".into())));
    let error = decode::<Ids>(r#"{"id": 1}"#).unwrap_err();
    assert!(error.contains("an array, or a string (Ids)"), "{error}");
}

#[test]
fn the_schema_accepts_exactly_what_each_variant_takes() {
    let schema = serde_json::to_value(schemars::schema_for!(Actor)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let variant_of = |value: &serde_json::Value| -> Vec<String> {
        // Which branches of the top-level anyOf accept the value.
        schema["anyOf"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|branch| {
                let mut branch = (*branch).clone();
                branch["$defs"] = schema["$defs"].clone();
                jsonschema::validator_for(&branch).unwrap().is_valid(value)
            })
            .map(|branch| branch["title"].as_str().unwrap().to_owned())
            .collect()
    };
    for (json, expected) in [
        (r#""a-1""#, "Name"),
        (r#"{"id": 7, "type": "user"}"#, "User"),
        (r#"{"rt": 5, "type": "bot"}"#, "Policy"),
        (r#"{"frt": null}"#, "Other"),
        (r#"{"id": 7, "type": "bot"}"#, "Other"),
        ("12", "Other"),
    ] {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert!(validator.is_valid(&value), "{json}");
        assert_eq!(variant_of(&value), [expected], "{json}");
        let decoded: Actor = decode(json).unwrap();
        let name = format!("{decoded:?}");
        assert!(name.starts_with(expected), "{json}: decoded as {name}");
    }
}

/// Variant types named like the type parameters a derive's output might use.
mod named_like_generics {
    use super::*;

    /// A type named `A`.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(super) struct A {
        pub(super) a: u32,
    }

    /// A type named `D`.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(super) struct D {
        pub(super) d: u32,
    }

    /// A type named `E`.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(super) struct E(pub(super) Vec<u32>);

    /// A type named like the derive's visitor.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
    pub(super) struct ShapeVisitor(pub(super) String);

    /// Each shape a type of those names.
    #[derive(Clone, Debug, PartialEq, Shape)]
    pub(super) enum Named {
        /// Has `a`.
        #[shape(has("a"))]
        A(A),
        /// Has `d`.
        #[shape(has("d"))]
        D(D),
        /// An array.
        #[shape(array)]
        E(E),
        /// A string.
        #[shape(string)]
        Visitor(ShapeVisitor),
        /// Anything else.
        #[shape(other)]
        Other(RawJson),
    }
}

#[test]
fn variant_types_may_have_any_name() {
    use named_like_generics::{A, D, E, Named, ShapeVisitor};

    assert_eq!(decode::<Named>(r#"{"a": 1}"#), Ok(Named::A(A { a: 1 })));
    assert_eq!(decode::<Named>(r#"{"d": 2}"#), Ok(Named::D(D { d: 2 })));
    assert_eq!(decode::<Named>("[3, 4]"), Ok(Named::E(E(vec![3, 4]))));
    assert_eq!(
        decode::<Named>(r#""five""#),
        Ok(Named::Visitor(ShapeVisitor("five".to_owned())))
    );
    let other = decode::<Named>("6").unwrap();
    assert_eq!((other.shape(), other.is_known_shape()), ("Other", false));
    assert!(decode::<Named>(r#"{"a": "not a number"}"#).is_err());
}
