//! `contact.deleted`: a contact was deleted.
//!
//! Its data has the shape of [`Contact`], which other events carry too.

use crate::objects::Contact;

/// The data of `contact.deleted`: a contact was deleted.
pub type ContactDeleted = Contact;
