use chat_events_core::{RawJson, unstable::Shape};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct A {}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct B {}

/// A or anything.
#[derive(Debug, Clone, PartialEq, Shape)]
pub enum AOrRaw {
    /// Anything.
    #[shape(other)]
    Other(RawJson),
    /// An A.
    #[shape(has("a"))]
    A(A),
}

fn main() {}
