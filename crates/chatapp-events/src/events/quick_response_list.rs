//! `quickResponseList`: a quick-response list was created, edited or deleted (user channel).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::{QuickResponseAction, QuickResponseList};

/// A quick-response list was created, edited or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QuickResponseListChange {
    /// Created, edited or deleted.
    #[serde(rename = "type")]
    pub kind: QuickResponseAction,
    /// The list (only its id when deleted).
    pub quick_response_list: QuickResponseList,
}
