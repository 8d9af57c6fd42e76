//! `message.batch.item.unknown`: whether one item of the batch was sent could not be confirmed (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchItemOutcome;

/// The data of `message.batch.item.unknown`: whether one item of the batch was sent could not be confirmed.
pub type MessageBatchItemUnknown = BatchItemOutcome;
