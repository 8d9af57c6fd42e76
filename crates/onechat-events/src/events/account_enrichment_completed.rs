//! `account.enrichment_completed`: the account's onboarding enrichment (brand details found
//! from its website) finished.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The onboarding job that fills in the account's brand details from its website finished;
/// reload the account. Sent to the account's first administrator only
/// (`Account::BrandingEnrichmentJob`), by the job itself, so it never has a performer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AccountEnrichmentCompleted {
    /// The account (the whole data of the event).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
}
