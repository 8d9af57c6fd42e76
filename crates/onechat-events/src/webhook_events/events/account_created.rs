//! `account_created`: an account was created on the installation.

use chat_events_core::{Id, Maybe};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::User;

/// A new account on the installation (`InstallationWebhookListener#account_created`):
/// `Account#webhook_data` (`{id, name}`) with the account's administrators as user webhook
/// data (`{id, name, email, type}`).
///
/// Not an account webhook: Chatwoot POSTs it to the installation's
/// `INSTALLATION_EVENTS_WEBHOOK_URL` (super admin settings), unsigned and without a
/// delivery id. The account is the body itself, so
/// [`WebhookEvent::account`](crate::webhook_events::WebhookEvent::account) is `None`; read
/// `id` and `name`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct AccountCreated {
    /// The webhook's event name (`account_created`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event: Maybe<String>,
    /// The new account's id.
    pub id: Id,
    /// The new account's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The account's administrators (`[]` when the account was created without one, as
    /// through the platform API).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub users: Maybe<Vec<User>>,
}
