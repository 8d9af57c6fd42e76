//! `contacts.set`: the contact list was loaded (the 2022 cloud docs; declared but never sent by open source).

use crate::objects::ContactItem;

/// The data of `contacts.set`: the contact list was loaded (the 2022 cloud docs'
/// `[{contactName?, phoneNumber, wuid, profilePictureUrl, instanceName}]`).
pub type ContactsSet = Vec<ContactItem>;
