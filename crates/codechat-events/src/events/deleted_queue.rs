//! `deleted.queue`: a send queue was deleted (cloud).

use crate::objects::QueueChange;

/// The data of `deleted.queue`: a send queue was deleted (cloud).
pub type DeletedQueue = QueueChange;
