//! `message.batch.completed-with-errors`: every item finished, some failed or unconfirmed (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.completed-with-errors`: every item finished, some failed or unconfirmed.
pub type MessageBatchCompletedWithErrors = BatchChange;
