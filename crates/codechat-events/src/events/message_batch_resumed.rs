//! `message.batch.resumed`: the batch resumed, or one of its instances came back (CodeChat Go; global webhook only, no `instance`).

use crate::objects::BatchChange;

/// The data of `message.batch.resumed`: the batch resumed, or one of its instances came back.
pub type MessageBatchResumed = BatchChange;
