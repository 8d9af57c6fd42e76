//! `notification.deleted`: a notification of the subscribed user was deleted.
//!
//! Its data has the shape of [`NotificationChange`], which other events carry too.

use crate::objects::NotificationChange;

/// The data of `notification.deleted`: a notification of the subscribed user was deleted.
pub type NotificationDeleted = NotificationChange;
