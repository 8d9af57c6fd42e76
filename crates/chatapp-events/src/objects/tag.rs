//! [`Tag`]: a label on a chat.

use chat_events_core::{Id, Maybe, Num, ObjectOrEmpty};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A tag set on a chat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Tag {
    /// The tag's category.
    ///
    /// Quirk: a tag without a category has `"category": []` (PHP's empty array), not `null`;
    /// both are accepted and written back as they came.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub category: Maybe<ObjectOrEmpty<TagCategory>>,
    /// Colour as written by the user; usually `#rrggbb`, but not validated by ChatApp
    /// (`"hhhh"` and `"#123df55"` appear in the docs).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub color: Maybe<String>,
    /// Tag id.
    pub id: Id,
    /// Tag name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
}

/// A group of tags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct TagCategory {
    /// Category id.
    pub id: Id,
    /// Category name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Sort order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sort: Maybe<Num<i64>>,
}
