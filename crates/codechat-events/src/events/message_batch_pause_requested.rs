//! `message.batch.pause-requested`: the API accepted a request to pause the batch (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.pause-requested`: the API accepted a request to pause the batch.
pub type MessageBatchPauseRequested = BatchChange;
