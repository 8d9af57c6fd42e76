//! `message.batch.progress`: the batch's whole percent of progress changed or reached 100 (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.progress`: the batch's whole percent of progress changed or reached 100.
pub type MessageBatchProgress = BatchChange;
