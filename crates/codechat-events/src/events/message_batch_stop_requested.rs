//! `message.batch.stop-requested`: the API accepted a request to stop the batch (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.stop-requested`: the API accepted a request to stop the batch.
pub type MessageBatchStopRequested = BatchChange;
