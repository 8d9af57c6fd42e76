//! `message.batch.waiting-instance`: no instance of the batch is connected (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.waiting-instance`: no instance of the batch is connected.
pub type MessageBatchWaitingInstance = BatchChange;
