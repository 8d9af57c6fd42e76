//! OneHash calls as `call.created` and `call.ended` carry them.

use chat_events_core::{Id, Maybe, Secret};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Sender;

/// An agent started (`call.created`) or ended (`call.ended`) a video call; sent to the
/// conversation's contact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallChange {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// The call room.
    pub call_data: CallData,
    /// The agent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
}

/// A call room.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CallData {
    /// The meeting server.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub domain: Maybe<String>,
    /// `call.created`: the token that admits the contact; a credential, redacted in `Debug`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub jwt: Maybe<Secret>,
    /// `call.created`: the message announcing the call (sent as a string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<Id>,
    /// The room.
    pub room_id: String,
}
