//! `inbox_updated`: an inbox's settings changed (account webhooks; `changed_attributes` says which).
//!
//! Its body has the shape of [`InboxSettings`], which other webhooks carry too.

use crate::objects::InboxSettings;

/// The body of `inbox_updated`: an inbox's settings changed (account webhooks; `changed_attributes` says which).
pub type InboxUpdated = InboxSettings;
