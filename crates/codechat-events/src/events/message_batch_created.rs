//! `message.batch.created`: the batch, its items and instances were saved (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.created`: the batch, its items and instances were saved.
pub type MessageBatchCreated = BatchChange;
