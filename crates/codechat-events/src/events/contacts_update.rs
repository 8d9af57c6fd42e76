//! `contacts.update`: contacts changed.

use crate::objects::Contacts;

/// The data of `contacts.update`: contacts changed. A list, except Evolution v2, which sends
/// one object for the sender of every incoming message it already knows.
pub type ContactsUpdate = Contacts;
