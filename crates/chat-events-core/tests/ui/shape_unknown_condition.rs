use chat_events_core::{RawJson, unstable::Shape};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct A {}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct B {}

/// A.
#[derive(Debug, Clone, PartialEq, Shape)]
pub enum OnlyA {
    /// An A.
    #[shape(looks_like("a"))]
    A(A),
}

fn main() {}
