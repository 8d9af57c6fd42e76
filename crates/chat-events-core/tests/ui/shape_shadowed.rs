use chat_events_core::{RawJson, unstable::Shape};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct A {}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct B {}

/// A or B.
#[derive(Debug, Clone, PartialEq, Shape)]
pub enum AOrB {
    /// Any object.
    #[shape(object)]
    A(A),
    /// An object with `b`: never reached.
    #[shape(has("b"))]
    B(B),
}

fn main() {}
