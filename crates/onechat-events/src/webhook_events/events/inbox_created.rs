//! `inbox_created`: an inbox was created (account webhooks).
//!
//! Its body has the shape of [`InboxSettings`], which other webhooks carry too.

use crate::objects::InboxSettings;

/// The body of `inbox_created`: an inbox was created (account webhooks).
pub type InboxCreated = InboxSettings;
