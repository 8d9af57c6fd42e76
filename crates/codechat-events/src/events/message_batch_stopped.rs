//! `message.batch.stopped`: the worker stopped the batch (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.stopped`: the worker stopped the batch.
pub type MessageBatchStopped = BatchChange;
