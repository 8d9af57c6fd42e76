//! `automation_event.conversation_updated`: an automation rule on `conversation_updated` sent its webhook.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `automation_event.conversation_updated`: an automation rule on `conversation_updated` sent its webhook.
///
/// An automation rule's "Send a webhook event" action
/// (`AutomationRules::ActionService#send_webhook_event`) POSTs the conversation's webhook data
/// with `event` set to `automation_event.` and the rule's event, to the URL the rule names:
/// unsigned, without a delivery id. The body is the conversation as it is when the action
/// runs, with no `changed_attributes`.
pub type AutomationEventConversationUpdated = Conversation;
