//! Chatwoot's HTTP webhook bodies: [`WebhookEvent`], every webhook a Chatwoot (OneChat)
//! server POSTs, dispatched on the `event` inside the body.
//!
//! Account webhooks (Settings → Integrations → Webhooks), API inboxes and agent bots receive
//! the same data as the realtime events, in its webhook form: a flat JSON object whose
//! `event` names the webhook (`message_created`, with underscores), beside the object's own
//! fields. The differences from the Action Cable data are typed where they occur:
//!
//! - messages ([`WebhookMessage`]) name their type
//!   (`"incoming"`) and carry `account` and `inbox` as `{id, name}` objects and the sender
//!   as its webhook data ([`WebhookSender`](crate::objects::WebhookSender));
//! - conversations are push data without `account_id`, with `changed_attributes`
//!   ([`ChangedAttributes`]) on updates and, since 2026-06, the `account`;
//! - contacts carry `account` and `avatar`, and no `type` on recent servers.
//!
//! Who receives what: account webhooks get the events they subscribe to
//! (`conversation_created`, `conversation_updated`, `conversation_status_changed`,
//! `conversation_typing_on`/`_off`, `message_created`, `message_updated`,
//! `webwidget_triggered`, and only there `contact_created`, `contact_updated`,
//! `inbox_created`, `inbox_updated`). An API inbox's webhook URL gets the conversation,
//! message, typing and widget events of its inbox. Agent bots get
//! `message_created`, `message_updated`, `webwidget_triggered`, `conversation_opened`,
//! `conversation_resolved`, and since 2026-04 `conversation_status_changed` and
//! `conversation_updated`. Three more are POSTed to URLs configured elsewhere: an automation
//! rule's and a macro's "Send a webhook event" action (`automation_event.<rule event>`,
//! `macro.executed`: the conversation's webhook data), and `account_created` to the
//! installation's events URL.
//!
//! Signatures (servers since 2026-02 for account webhooks, 2026-04 for API inboxes and agent
//! bots): every delivery to an account webhook, an API inbox or an agent bot carries
//! `X-Chatwoot-Delivery` (a UUID, the same on the agent-bot job's retries); when the webhook,
//! inbox or bot has a `secret`, also `X-Chatwoot-Timestamp` (Unix seconds at sending) and
//! `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256>`, keyed with the secret's text, of
//! `"<timestamp>.<raw body>"`. Check it over the raw bytes before decoding. The automation,
//! macro and installation webhooks are sent without any of these headers.
//!
//! ```
//! use onechat_events::{objects::{WebhookMessageType, WebhookSender}, webhook_events::WebhookEvent};
//!
//! let body = br#"{"id":118,"content":"hi","created_at":"2021-07-23T18:02:48.000Z",
//!   "message_type":"incoming","content_type":"text","private":false,"content_attributes":{},
//!   "source_id":null,"sender":{"id":14,"name":"little-haze-776","avatar":"","type":"contact"},
//!   "inbox":{"id":1,"name":"Acme Support"},"account":{"id":1,"name":"Acme Inc"},
//!   "event":"message_created"}"#;
//! let event = WebhookEvent::decode(body)?;
//! let WebhookEvent::MessageCreated(message) = event.event() else { unreachable!() };
//! assert_eq!(message.message_type.get(), Some(&WebhookMessageType::Incoming));
//! assert!(matches!(message.sender.get(), Some(WebhookSender::Contact(contact)) if contact.id.as_i64() == Some(14)));
//! assert_eq!(message.account.get().and_then(|account| account.id.as_i64()), Some(1));
//! assert!(event.drift()?.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Keys a receiving application adds to a body it logged (Rails `params`: `action`,
//! `controller`, a nested copy under the app's own name, tokens) are not Chatwoot's and are
//! not modelled: they decode, the raw JSON keeps them, and drift names them.
//!
//! `cargo xtask schema` writes the schemas of these bodies to `schemas/onechat-webhook/`.

pub mod events;

use std::fmt;

use chat_events_core::unstable::Spine;
use schemars::{Schema, SchemaGenerator, json_schema};

use crate::objects::{
    Account, ChangedAttributes, Contact, Conversation, InboxSettings, WebhookMessage, WebhookTyping,
};
use events::{
    AccountCreated, AutomationEventConversationCreated, AutomationEventConversationOpened,
    AutomationEventConversationResolved, AutomationEventConversationUpdated,
    AutomationEventMessageCreated, ContactCreated, ContactUpdated, ConversationCreated,
    ConversationOpened, ConversationResolved, ConversationStatusChanged, ConversationTypingOff,
    ConversationTypingOn, ConversationUpdated, InboxCreated, InboxUpdated, MacroExecuted,
    MessageCreated, MessageUpdated, WebwidgetTriggered,
};

/// Chatwoot's webhook format: the name in the body's `event`, no wrapper.
pub(crate) const SPINE: Spine = Spine::new("onechat-webhook", &["event"]).body(
    "a Chatwoot webhook body",
    "A Chatwoot (OneChat) HTTP webhook body: the object's fields with `event` beside them.",
    body_schema,
);

/// A webhook body, whatever its event.
fn body_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "required": ["event"],
        "properties": {
            "event": { "type": "string", "description": "The webhook's name, such as `message_created`." }
        }
    })
}

chat_events_core::unstable::event_enum! {
    /// A Chatwoot (OneChat) HTTP webhook.
    ///
    /// Decode the POST body with [`WebhookEvent::decode`]. An `event` this version does not
    /// know gives [`WebhookEvent::Unknown`] with the raw JSON; a known event whose body does
    /// not fit is a [`DecodeError`](crate::DecodeError) naming the JSON path.
    pub enum WebhookEvent;
    /// The name of a Chatwoot webhook (the body's `event`).
    pub enum WebhookEventKind;
    spine = SPINE;
    payload_trait = WebhookPayload;
    /// An account was created on the installation (sent to the installation's events URL).
    AccountCreated(AccountCreated) = "account_created",
    /// An automation rule on `conversation_created` ran its "Send a webhook event" action.
    AutomationEventConversationCreated(AutomationEventConversationCreated) =
        "automation_event.conversation_created",
    /// An automation rule on `conversation_opened` ran its "Send a webhook event" action.
    AutomationEventConversationOpened(AutomationEventConversationOpened) =
        "automation_event.conversation_opened",
    /// An automation rule on `conversation_resolved` ran its "Send a webhook event" action.
    AutomationEventConversationResolved(AutomationEventConversationResolved) =
        "automation_event.conversation_resolved",
    /// An automation rule on `conversation_updated` ran its "Send a webhook event" action.
    AutomationEventConversationUpdated(AutomationEventConversationUpdated) =
        "automation_event.conversation_updated",
    /// An automation rule on `message_created` ran its "Send a webhook event" action (the
    /// body is the conversation).
    AutomationEventMessageCreated(AutomationEventMessageCreated) =
        "automation_event.message_created",
    /// A contact was created.
    ContactCreated(ContactCreated) = "contact_created",
    /// A contact's attributes changed.
    ContactUpdated(ContactUpdated) = "contact_updated",
    /// A conversation was created.
    ConversationCreated(ConversationCreated) = "conversation_created",
    /// A conversation was opened (older name; see `conversation_status_changed`).
    ConversationOpened(ConversationOpened) = "conversation_opened",
    /// A conversation was resolved (older name; see `conversation_status_changed`).
    ConversationResolved(ConversationResolved) = "conversation_resolved",
    /// A conversation's status changed.
    ConversationStatusChanged(ConversationStatusChanged) = "conversation_status_changed",
    /// Someone stopped typing.
    ConversationTypingOff(ConversationTypingOff) = "conversation_typing_off",
    /// Someone started typing.
    ConversationTypingOn(ConversationTypingOn) = "conversation_typing_on",
    /// A conversation's labels, assignee, team, priority, status or attributes changed.
    ConversationUpdated(ConversationUpdated) = "conversation_updated",
    /// An inbox was created.
    InboxCreated(InboxCreated) = "inbox_created",
    /// An inbox's settings changed.
    InboxUpdated(InboxUpdated) = "inbox_updated",
    /// An agent ran a macro with a "Send a webhook event" action.
    MacroExecuted(MacroExecuted) = "macro.executed",
    /// A message was created.
    MessageCreated(MessageCreated) = "message_created",
    /// A message was updated.
    MessageUpdated(MessageUpdated) = "message_updated",
    /// A visitor opened the website widget.
    WebwidgetTriggered(WebwidgetTriggered) = "webwidget_triggered",
}

/// What every known webhook body offers, whatever its event (see
/// [`WebhookEvent::payload`]).
pub trait WebhookPayload: fmt::Debug + Send + Sync {
    /// The account, for the bodies that carry it: messages, contacts, the widget, and since
    /// 2026-06 conversations and inboxes; typing bodies and `account_created` (whose body
    /// is the account itself) do not.
    fn account(&self) -> Option<&Account>;
    /// What changed, for the `*_updated` bodies (`conversation_status_changed` has the key,
    /// but Chatwoot sends `null` there).
    fn changed_attributes(&self) -> Option<&ChangedAttributes>;
}

impl WebhookPayload for Contact {
    fn account(&self) -> Option<&Account> {
        self.account.get()
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        self.changed_attributes.get()
    }
}

impl WebhookPayload for AccountCreated {
    fn account(&self) -> Option<&Account> {
        None
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        None
    }
}

impl WebhookPayload for Conversation {
    fn account(&self) -> Option<&Account> {
        self.account.get()
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        self.changed_attributes.get()
    }
}

impl WebhookPayload for InboxSettings {
    fn account(&self) -> Option<&Account> {
        self.account.get()
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        self.changed_attributes.get()
    }
}

impl WebhookPayload for WebhookMessage {
    fn account(&self) -> Option<&Account> {
        self.account.get()
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        None
    }
}

impl WebhookPayload for WebhookTyping {
    fn account(&self) -> Option<&Account> {
        None
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        None
    }
}

impl WebhookPayload for WebwidgetTriggered {
    fn account(&self) -> Option<&Account> {
        self.account.get()
    }
    fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        None
    }
}

impl WebhookEvent {
    /// The account, for the bodies that carry it; `None` for the others and for unknown
    /// events.
    pub fn account(&self) -> Option<&Account> {
        self.payload().and_then(WebhookPayload::account)
    }

    /// What changed, for the `*_updated` and `conversation_status_changed` bodies.
    pub fn changed_attributes(&self) -> Option<&ChangedAttributes> {
        self.payload().and_then(WebhookPayload::changed_attributes)
    }
}
