//! `contact.updated`: a contact was updated.
//!
//! Its data has the shape of [`Contact`], which other events carry too.

use crate::objects::Contact;

/// The data of `contact.updated`: a contact was updated.
pub type ContactUpdated = Contact;
