//! `quickResponse`: a quick response was created, edited or deleted (user channel).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{QuickResponse, QuickResponseAction, QuickResponseList};

/// A quick response was created, edited or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuickResponseChange {
    /// Created, edited or deleted.
    #[serde(rename = "type")]
    pub kind: QuickResponseAction,
    /// The response (only its id when deleted).
    pub quick_response: QuickResponse,
    /// The list it belongs to (its id).
    pub quick_response_list: QuickResponseList,
}
