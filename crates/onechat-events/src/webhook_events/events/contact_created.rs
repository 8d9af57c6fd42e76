//! `contact_created`: a contact was created (account webhooks).
//!
//! Its body has the shape of [`Contact`], which other webhooks carry too.

use crate::objects::Contact;

/// The body of `contact_created`: a contact was created (account webhooks).
pub type ContactCreated = Contact;
