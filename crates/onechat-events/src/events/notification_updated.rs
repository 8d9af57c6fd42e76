//! `notification.updated`: a notification of the subscribed user was read, snoozed or unsnoozed.
//!
//! Its data has the shape of [`NotificationChange`], which other events carry too.

use crate::objects::NotificationChange;

/// The data of `notification.updated`: a notification of the subscribed user was read, snoozed or unsnoozed.
pub type NotificationUpdated = NotificationChange;
