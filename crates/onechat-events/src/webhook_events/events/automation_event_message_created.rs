//! `automation_event.message_created`: an automation rule on `message_created` sent its webhook.
//!
//! Its body has the shape of [`Conversation`], which other webhooks carry too.

use crate::objects::Conversation;

/// The body of `automation_event.message_created`: an automation rule on `message_created` sent its webhook.
///
/// An automation rule's "Send a webhook event" action
/// (`AutomationRules::ActionService#send_webhook_event`) POSTs the conversation's webhook data
/// with `event` set to `automation_event.` and the rule's event, to the URL the rule names:
/// unsigned, without a delivery id. The body is the conversation as it is when the action
/// runs, with no `changed_attributes`.
///
/// Quirk: the body is the conversation, not the message; the message that fired the rule
/// is usually the conversation's last one, `messages[0]` (not when it is private or an
/// activity).
pub type AutomationEventMessageCreated = Conversation;
