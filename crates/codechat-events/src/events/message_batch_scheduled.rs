//! `message.batch.scheduled`: the batch waits for its first sending window (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.scheduled`: the batch waits for its first sending window.
pub type MessageBatchScheduled = BatchChange;
