//! `message.batch.started`: a worker took the batch up for the first time (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.started`: a worker took the batch up for the first time.
pub type MessageBatchStarted = BatchChange;
