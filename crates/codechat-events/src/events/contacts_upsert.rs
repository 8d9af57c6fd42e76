//! `contacts.upsert`: contacts were loaded or updated.

use crate::objects::ContactItem;

/// The data of `contacts.upsert`: contacts were loaded or updated.
pub type ContactsUpsert = Vec<ContactItem>;
