//! `notification.created`: a notification of the subscribed user was created.
//!
//! Its data has the shape of [`NotificationChange`], which other events carry too.

use crate::objects::NotificationChange;

/// The data of `notification.created`: a notification of the subscribed user was created.
pub type NotificationCreated = NotificationChange;
