//! `contact.merged`: another contact was merged into this one (a `contact.updated` follows).
//!
//! Its data has the shape of [`Contact`], which other events carry too.

use crate::objects::Contact;

/// The data of `contact.merged`: another contact was merged into this one (a `contact.updated` follows).
pub type ContactMerged = Contact;
