//! `message.batch.completed`: every item finished, none failed or unconfirmed (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.completed`: every item finished, none failed or unconfirmed.
pub type MessageBatchCompleted = BatchChange;
