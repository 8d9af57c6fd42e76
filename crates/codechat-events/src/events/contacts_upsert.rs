//! `contacts.upsert`: contacts were loaded or updated.

use crate::objects::Contacts;

/// The data of `contacts.upsert`: contacts were loaded or updated. A list, except CodeChat
/// Go and Evolution v2's first message from a new sender, which send one object.
pub type ContactsUpsert = Contacts;
