//! `contact.created`: a contact was created.
//!
//! Its data has the shape of [`Contact`], which other events carry too.

use crate::objects::Contact;

/// The data of `contact.created`: a contact was created.
pub type ContactCreated = Contact;
