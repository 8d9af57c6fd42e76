use chat_events_core::{RawJson, unstable::Shape};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct A {}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct B {}

/// A.
#[derive(Debug, Clone, PartialEq, Shape)]
pub enum OnlyA {
    /// Never: a key cannot hold two values.
    #[shape(equals("type", "a"), equals("type", "b"))]
    A(A),
}

fn main() {}
