//! `contact_updated`: a contact's attributes changed (account webhooks; `changed_attributes` says which).
//!
//! Its body has the shape of [`Contact`], which other webhooks carry too.

use crate::objects::Contact;

/// The body of `contact_updated`: a contact's attributes changed (account webhooks; `changed_attributes` says which).
pub type ContactUpdated = Contact;
