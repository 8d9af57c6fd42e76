//! `contacts.update`: contacts changed.

use crate::objects::ContactItem;

/// The data of `contacts.update`: contacts changed.
pub type ContactsUpdate = Vec<ContactItem>;
