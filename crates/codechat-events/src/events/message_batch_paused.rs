//! `message.batch.paused`: the worker reached a safe point and paused the batch (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.paused`: the worker reached a safe point and paused the batch.
pub type MessageBatchPaused = BatchChange;
