use chat_events_core::{RawJson, unstable::Shape};
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct A {}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct B {}

/// A and B.
#[derive(Debug, Clone, PartialEq, Shape)]
pub enum Both {
    /// Both at once.
    #[shape(object)]
    Both(A, B),
}

fn main() {}
