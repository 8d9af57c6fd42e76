//! `resumed.queue`: a send queue was resumed (cloud).

use crate::objects::QueueChange;

/// The data of `resumed.queue`: a send queue was resumed (cloud).
pub type ResumedQueue = QueueChange;
