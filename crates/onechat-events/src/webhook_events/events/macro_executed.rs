//! `macro.executed`: an agent ran a macro with a "Send a webhook event" action.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `macro.executed`: an agent ran a macro with a "Send a webhook event" action.
///
/// `Macros::ExecutionService#send_webhook_event` POSTs the conversation's webhook data with
/// `event` `macro.executed` to the URL the macro names: unsigned, without a delivery id. The
/// macro's other actions (labels, assignment, notes…) may run before or after it, in the
/// order the macro lists them.
pub type MacroExecuted = Conversation;
