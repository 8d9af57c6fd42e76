//! `message.batch.window-started`: a sending window opened and the batch is queued again (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.window-started`: a sending window opened and the batch is queued again.
pub type MessageBatchWindowStarted = BatchChange;
