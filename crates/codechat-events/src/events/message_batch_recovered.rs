//! `message.batch.recovered`: the batch recovered from an interruption by itself (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.recovered`: the batch recovered from an interruption by itself.
pub type MessageBatchRecovered = BatchChange;
