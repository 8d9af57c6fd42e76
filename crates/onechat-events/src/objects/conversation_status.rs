//! [`ConversationStatus`]: the status of a conversation, which conversations carry and
//! activity messages record.

use chat_events_core::unstable::open_enum;

open_enum! {
    /// Status of a conversation.
    pub enum ConversationStatus {
        /// Open.
        Open = "open",
        /// Waiting on something (a bot, a handoff).
        Pending = "pending",
        /// Resolved.
        Resolved = "resolved",
        /// Snoozed until `snoozed_until`.
        Snoozed = "snoozed",
    }
}
