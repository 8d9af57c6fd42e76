//! `message.batch.waiting-window`: the sending window closed with items left (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.waiting-window`: the sending window closed with items left.
pub type MessageBatchWaitingWindow = BatchChange;
