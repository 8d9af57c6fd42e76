//! `message.batch.interrupted`: the batch was interrupted (expired lease, shutdown) (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.interrupted`: the batch was interrupted (expired lease, shutdown).
pub type MessageBatchInterrupted = BatchChange;
