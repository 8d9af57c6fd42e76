//! `paused.queue`: a send queue was paused (cloud).

use crate::objects::QueueChange;

/// The data of `paused.queue`: a send queue was paused (cloud).
pub type PausedQueue = QueueChange;
