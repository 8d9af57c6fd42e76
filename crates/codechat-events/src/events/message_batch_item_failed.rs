//! `message.batch.item.failed`: one item of the batch failed (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchItemOutcome;

/// The data of `message.batch.item.failed`: one item of the batch failed.
pub type MessageBatchItemFailed = BatchItemOutcome;
