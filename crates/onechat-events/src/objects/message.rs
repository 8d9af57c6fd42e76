//! [`Message`]: message push data, with its content attributes and attachments.

use std::{borrow::Cow, collections::BTreeMap};

use chat_events_core::{Id, Maybe, Num, Timestamp, unstable::Shape, unstable::open_enum};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Attributes, CallAgent, CallDirection, CallProvider, CallRecord, CallStatus, CallTimes,
    ConversationStatus, Sender,
};

/// A message as Chatwoot pushes it (`Message#push_event_data`): every database column, with
/// a few keys overridden.
///
/// The data of `message.created`, `message.updated` and `first.reply.created`; also the last
/// message inside conversation data. Columns added to the server appear in the payload
/// without notice; they decode (the raw JSON keeps them) and show up as drift.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Message {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Free-form attributes (`campaign_id`, WhatsApp `template_params`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub additional_attributes: Maybe<Attributes>,
    /// Attachments. The key is absent when there are none; an element is `null` when the
    /// server could not render it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub attachments: Maybe<Vec<Maybe<Attachment>>>,
    /// `voice_call` messages on enterprise servers since 2026-04: the call behind the
    /// message (`Call#push_event_data`); the key is absent for other messages and for a
    /// voice call message without its call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call: Maybe<Box<CallRecord>>,
    /// The text; `null` for attachment-only messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content: Maybe<String>,
    /// Structured content, by `content_type`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_attributes: Maybe<Box<ContentAttributes>>,
    /// Kind of content; `null` in the 2021 docs.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_type: Maybe<ContentType>,
    /// A summary of the conversation it belongs to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation: Maybe<MessageConversation>,
    /// The conversation's display id; `null` on recent servers in rare cases.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conversation_id: Maybe<Id>,
    /// Created (epoch seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// The id the sending API call passed, to match its echo.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub echo_id: Maybe<String>,
    /// Ids of the message in other systems (`{"slack": "…"}`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_source_ids: Maybe<Attributes>,
    /// Message id.
    pub id: Id,
    /// The inbox.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub inbox_id: Maybe<Id>,
    /// Incoming, outgoing, activity or template.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_type: Maybe<MessageType>,
    /// Who made the change, when it was made by a signed-in user or bot.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub performer: Maybe<Sender>,
    /// `message.updated` only: each changed column with its old and new value
    /// (`{"status": ["sent", "read"]}`); values keep their column types.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub previous_changes: Maybe<BTreeMap<String, (serde_json::Value, serde_json::Value)>>,
    /// Whether it is a private note.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub private: Maybe<bool>,
    /// The content after processing (mentions resolved…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub processed_message_content: Maybe<String>,
    /// The author; the key is absent for template, activity and system messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender: Maybe<Sender>,
    /// The author's id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_id: Maybe<Id>,
    /// The author's kind, as a Ruby class name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sender_type: Maybe<SenderType>,
    /// Sentiment analysis (usually `{}`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub sentiment: Maybe<Attributes>,
    /// The message's id in the channel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
    /// Delivery status.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<MessageStatus>,
    /// Updated (ISO-8601 with milliseconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// The conversation summary inside a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageConversation {
    /// The assigned agent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub assignee_id: Maybe<Id>,
    /// The contact's link to the inbox (`{source_id}`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub contact_inbox: Maybe<MessageContactInbox>,
    /// Time of the last activity.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub last_activity_at: Maybe<Timestamp>,
    /// Unread incoming messages, capped at 10.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub unread_count: Maybe<Num<i64>>,
}

/// The contact's id in the channel, inside a message's conversation summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct MessageContactInbox {
    /// The contact's id in the channel.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
}

/// Direction and role of a message, sent as an integer.
///
/// Quirk: an integer over Action Cable (`0`..`3`); webhooks use the names instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MessageType {
    /// `0`: from the contact.
    Incoming,
    /// `1`: from an agent or bot.
    Outgoing,
    /// `2`: an activity line ("Conversation was resolved").
    Activity,
    /// `3`: a template (a bot's form, a CSAT survey).
    Template,
    /// A value this version does not know.
    Other(i64),
}

impl MessageType {
    /// The integer sent on the wire.
    pub const fn code(self) -> i64 {
        match self {
            Self::Incoming => 0,
            Self::Outgoing => 1,
            Self::Activity => 2,
            Self::Template => 3,
            Self::Other(code) => code,
        }
    }

    /// The type for a wire integer.
    pub const fn from_code(code: i64) -> Self {
        match code {
            0 => Self::Incoming,
            1 => Self::Outgoing,
            2 => Self::Activity,
            3 => Self::Template,
            other => Self::Other(other),
        }
    }
}

impl Serialize for MessageType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for MessageType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        i64::deserialize(deserializer).map(Self::from_code)
    }
}

impl JsonSchema for MessageType {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "MessageType".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "0 incoming, 1 outgoing, 2 activity, 3 template; other integers are kept.",
            "type": "integer",
            "minimum": i64::MIN,
            "maximum": i64::MAX
        })
    }
}

open_enum! {
    /// Delivery status of a message.
    pub enum MessageStatus {
        /// Delivered to the contact's device.
        Delivered = "delivered",
        /// Delivery failed; see `content_attributes.external_error`.
        Failed = "failed",
        /// Read by the contact.
        Read = "read",
        /// Sent.
        Sent = "sent",
    }
}

open_enum! {
    /// Kind of a message's content; decides which `content_attributes` it carries.
    pub enum ContentType {
        /// A list of articles (`items`).
        Article = "article",
        /// OneHash: a calendar event (`event_url`, `title`).
        CalEvent = "cal_event",
        /// OneHash: a calendar event confirmation (`event_payload`).
        CalEventConfirmation = "cal_event_confirmation",
        /// OneHash: a call.
        CallingEvent = "calling_event",
        /// Cards with actions (`items`).
        Cards = "cards",
        /// A form (`items`, then `submitted_values`).
        Form = "form",
        /// An incoming e-mail (`email`).
        IncomingEmail = "incoming_email",
        /// A CSAT survey (`display_type`, then `submitted_values`).
        InputCsat = "input_csat",
        /// An e-mail prompt (`submitted_email`).
        InputEmail = "input_email",
        /// Options to choose from (`items`, then `submitted_values`).
        InputSelect = "input_select",
        /// A text prompt.
        InputText = "input_text",
        /// A long text prompt.
        InputTextarea = "input_textarea",
        /// An integration, such as a video call (`data`).
        Integrations = "integrations",
        /// OneHash: a Shopify discount.
        ShopifyDiscountRefer = "shopify_discount_refer",
        /// OneHash: a Shopify order.
        ShopifyOrderEvent = "shopify_order_event",
        /// OneHash: a Shopify product.
        ShopifyProductRefer = "shopify_product_refer",
        /// A sticker.
        Sticker = "sticker",
        /// Plain text.
        Text = "text",
        /// A voice call (`data`; recent servers).
        VoiceCall = "voice_call",
    }
}

open_enum! {
    /// Kind of a message's author, as a Ruby class name.
    pub enum SenderType {
        /// An agent bot.
        AgentBot = "AgentBot",
        /// A Captain assistant.
        CaptainAssistant = "Captain::Assistant",
        /// A contact.
        Contact = "Contact",
        /// A user (agent).
        User = "User",
    }
}

/// Structured content of a message. Which keys are present depends on the message's
/// `content_type` (and on edits, replies, deletion); every key is optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ContentAttributes {
    /// Activity messages of a status change (since 2026-07): what the line records.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub activity: Maybe<Activity>,
    /// The automation rule that wrote the message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub automation_rule_id: Maybe<Id>,
    /// Outgoing e-mail: Bcc addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bcc_emails: Maybe<Vec<String>>,
    /// Outgoing e-mail: Cc addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cc_emails: Maybe<Vec<String>>,
    /// `voice_call` and `integrations`: details of the call or meeting.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data: Maybe<ContentData>,
    /// `true` when the message was deleted (its content is replaced).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub deleted: Maybe<bool>,
    /// `input_csat`: how the survey is shown.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_type: Maybe<CsatDisplayType>,
    /// Twitter: display URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub display_url: Maybe<String>,
    /// `incoming_email`: the parsed e-mail.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub email: Maybe<Box<IncomingEmail>>,
    /// OneHash `cal_event_confirmation`: the calendar's payload (shape not documented).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_payload: Maybe<serde_json::Value>,
    /// OneHash `cal_event`: the event's URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub event_url: Maybe<String>,
    /// Imported messages: the original time.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_created_at: Maybe<Timestamp>,
    /// `true` on a message sent from the channel's own app (WhatsApp, Messenger,
    /// Instagram, TikTok) rather than through Chatwoot, which Chatwoot saw as an echo (since
    /// 2026-02).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_echo: Maybe<bool>,
    /// Why sending failed (`status: failed`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub external_error: Maybe<String>,
    /// Instagram: `story_mention`, `ig_story`, `ig_post`, or `ig_story_reply` (a reply to
    /// the account's story).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub image_type: Maybe<String>,
    /// The message this one replies to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub in_reply_to: Maybe<Id>,
    /// The channel's id of the message this one replies to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub in_reply_to_external_id: Maybe<String>,
    /// `true` when the channel sent something Chatwoot cannot show.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub is_unsupported: Maybe<bool>,
    /// `input_select`, `cards`, `form`, `article`: the options, cards, fields or articles.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub items: Maybe<Vec<Item>>,
    /// Twitter: media URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// WhatsApp, through the Cloud API or Twilio (since 2026-06): the ad or post the contact
    /// came from (click-to-WhatsApp).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub referral: Maybe<Box<Referral>>,
    /// Instagram: the story's id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub story_id: Maybe<Id>,
    /// Instagram: who posted the story.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub story_sender: Maybe<String>,
    /// Instagram: the story's URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub story_url: Maybe<String>,
    /// `input_email`: the address the contact entered.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub submitted_email: Maybe<String>,
    /// `input_select`, `form`, `input_csat`: what the contact submitted.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub submitted_values: Maybe<SubmittedValues>,
    /// OneHash `cal_event`: the event's title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// Outgoing e-mail: To addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub to_emails: Maybe<Vec<String>>,
    /// Translations of the content by language code.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub translations: Maybe<BTreeMap<String, String>>,
    /// `integrations`: the integration that made the message (`"dyte"`).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// What an activity message records (`content_attributes.activity`), beside its text.
///
/// ```
/// use onechat_events::objects::{ContentAttributes, ConversationStatus};
///
/// let attributes: ContentAttributes = serde_json::from_str(
///     r#"{"activity":{"type":"conversation_status_changed","status":"resolved"}}"#,
/// ).unwrap();
/// let activity = attributes.activity.get().unwrap();
/// assert_eq!(activity.kind.as_deref(), Some("conversation_status_changed"));
/// assert_eq!(activity.status.get(), Some(&ConversationStatus::Resolved));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Activity {
    /// `conversation_status_changed`: the conversation's new status.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<ConversationStatus>,
    /// What happened (`"conversation_status_changed"`).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
}

/// The `data` of a `voice_call` or `integrations` message: details of the call or the
/// meeting. Which keys are set depends on the kind and on the server's version.
///
/// - A voice call on servers since 2026-05 (`Voice::CallMessageBuilder`): `call_id`,
///   `call_sid`, `call_source`, `call_direction`, `status`; when the call changes,
///   `accepted_by` and `duration_seconds` too.
/// - A Twilio voice call on earlier servers: `call_sid`, `status`, `call_direction`,
///   `conference_sid`, `from_number`, `to_number`, `meta` (`created_at`, `ringing_at`).
/// - A video meeting (`integrations`, Dyte / Cloudflare RealtimeKit): `meeting_id`; since
///   2026-06 `participants` once someone joined.
///
/// ```
/// use onechat_events::objects::{CallDirection, CallProvider, CallStatus, ContentData};
///
/// let data: ContentData = serde_json::from_str(
///     r#"{"call_id":42,"call_sid":"wacid.HBgL","call_source":"whatsapp",
///         "call_direction":"inbound","status":"completed",
///         "accepted_by":{"id":7,"name":"Priya Raman"},"duration_seconds":95}"#,
/// ).unwrap();
/// assert_eq!(data.call_id.get().and_then(|id| id.as_i64()), Some(42));
/// assert_eq!(data.call_source.get(), Some(&CallProvider::Whatsapp));
/// assert_eq!(data.call_direction.get(), Some(&CallDirection::Inbound));
/// assert_eq!(data.status.get(), Some(&CallStatus::Completed));
/// assert_eq!(data.accepted_by.get().and_then(|agent| agent.name.as_deref()), Some("Priya Raman"));
/// assert_eq!(data.duration_seconds.get().map(|seconds| seconds.get()), Some(95));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct ContentData {
    /// Voice call (since 2026-05): the agent who answered, once someone did.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub accepted_by: Maybe<CallAgent>,
    /// Voice call: `inbound` or `outbound`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_direction: Maybe<CallDirection>,
    /// Voice call (since 2026-05): the call's row id (the `id` of the message's `call`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_id: Maybe<Id>,
    /// Voice call: the provider's id of the call (a Twilio call SID, WhatsApp `wacid.…`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_sid: Maybe<String>,
    /// Voice call (since 2026-05): who carries the call.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub call_source: Maybe<CallProvider>,
    /// Twilio voice call (earlier servers): the conference the call joined; `null` until
    /// then.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub conference_sid: Maybe<String>,
    /// Voice call (since 2026-05): how long the call lasted, in seconds, once it ended.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub duration_seconds: Maybe<Num<i64>>,
    /// Twilio voice call (earlier servers): the calling number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from_number: Maybe<String>,
    /// Video meeting: the meeting's id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meeting_id: Maybe<String>,
    /// Twilio voice call (earlier servers): when the call was created and started ringing.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meta: Maybe<CallTimes>,
    /// Video meeting (since 2026-06): the meeting service's participant id for each
    /// client that joined, by the client's id (a string).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub participants: Maybe<BTreeMap<String, String>>,
    /// Voice call: the call's state, as the dashboard shows it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<CallStatus>,
    /// Twilio voice call (earlier servers): the called number.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub to_number: Maybe<String>,
}

/// Where a WhatsApp contact came from: the click-to-WhatsApp ad or post of Meta's
/// `referral` object, as the Cloud API sends it (every key it sends is kept), or as Chatwoot
/// rebuilds it from Twilio's `Referral*` parameters (`media_content_type`, `media_id`,
/// `media_url`, `num_media` are Twilio's).
///
/// ```
/// use onechat_events::objects::ContentAttributes;
///
/// let attributes: ContentAttributes = serde_json::from_str(
///     r#"{"referral":{"source_url":"https://fb.me/3TYpooaRT","source_id":"52558118838064",
///         "source_type":"ad","headline":"Diana Digital","ctwa_clid":"AfhcQdP2E4A8wWpeb1FqUzUi",
///         "welcome_message":{"text":"Hi!"}}}"#,
/// ).unwrap();
/// let referral = attributes.referral.get().unwrap();
/// assert_eq!(referral.source_type.as_deref(), Some("ad"));
/// assert_eq!(referral.ctwa_clid.as_deref(), Some("AfhcQdP2E4A8wWpeb1FqUzUi"));
/// assert_eq!(
///     referral.welcome_message.get().and_then(|welcome| welcome.text.as_deref()),
///     Some("Hi!"),
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Referral {
    /// The ad's or post's text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub body: Maybe<String>,
    /// The click id, for Meta's conversions API (apps only, not WhatsApp Web).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub ctwa_clid: Maybe<String>,
    /// The ad's or post's headline.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub headline: Maybe<String>,
    /// Cloud API, `media_type` `image`: the image's URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub image_url: Maybe<String>,
    /// Twilio: the MIME type of the ad's media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_content_type: Maybe<String>,
    /// Twilio: the id of the ad's media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_id: Maybe<String>,
    /// Cloud API: `image` or `video`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_type: Maybe<String>,
    /// Twilio: the URL of the ad's media.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// Twilio: how many media the ad has, as Twilio's parameter text (`"1"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub num_media: Maybe<String>,
    /// The ad's or post's id.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_id: Maybe<String>,
    /// `ad` or `post`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_type: Maybe<String>,
    /// The URL the contact clicked.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub source_url: Maybe<String>,
    /// Cloud API, `media_type` `video`: the video's thumbnail URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumbnail_url: Maybe<String>,
    /// Cloud API, `media_type` `video`: the video's URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub video_url: Maybe<String>,
    /// Cloud API: the greeting the ad set for the chat.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub welcome_message: Maybe<WelcomeMessage>,
}

/// The greeting of a click-to-WhatsApp ad.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct WelcomeMessage {
    /// The greeting's text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// One option, card, form field or article of an interactive message. Which keys are set
/// depends on the message's `content_type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Item {
    /// `cards`: the card's buttons.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub actions: Maybe<Vec<CardAction>>,
    /// `form`: the field's default value.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub default: Maybe<serde_json::Value>,
    /// `cards`, `article`: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `form`: the field's label.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub label: Maybe<String>,
    /// `article`: link.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub link: Maybe<String>,
    /// `cards`: image URL.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub media_url: Maybe<String>,
    /// `form`: the field's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `form`: choices of a select field.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub options: Maybe<Vec<serde_json::Value>>,
    /// `form`: validation pattern.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pattern: Maybe<String>,
    /// `form`: message when the pattern does not match.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub pattern_error: Maybe<String>,
    /// `form`: placeholder.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub placeholder: Maybe<String>,
    /// `form`: whether the field is required.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub required: Maybe<bool>,
    /// Title (all kinds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// `form`: the field's input type (`text`, `email`, `select`…).
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
    /// `input_select`: the option's value.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<serde_json::Value>,
}

/// A button of a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CardAction {
    /// Postback payload.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub payload: Maybe<String>,
    /// Button text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
    /// `link` or `postback`.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<String>,
    /// Link target.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub uri: Maybe<String>,
}

/// What the contact submitted: a list (`input_select`, `form`) or a CSAT submission object
/// (`input_csat`), told apart by the JSON type.
#[derive(Clone, Debug, PartialEq, Shape)]
#[non_exhaustive]
pub enum SubmittedValues {
    /// `input_select` (`{title, value}`) and `form` (`{name, title?, value}`).
    #[shape(array)]
    List(Vec<SubmittedValue>),
    /// `input_csat`: the survey response.
    #[shape(object)]
    Csat(CsatSubmission),
}

/// One submitted value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct SubmittedValue {
    /// `form`: the field's name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// The option's or field's title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
    /// The value.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<serde_json::Value>,
}

/// A CSAT survey submission.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CsatSubmission {
    /// The response.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub csat_survey_response: Maybe<CsatSurveyResponse>,
}

/// A CSAT rating with its comment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct CsatSurveyResponse {
    /// The comment.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub feedback_message: Maybe<String>,
    /// The rating (1..5).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub rating: Maybe<Num<i64>>,
}

open_enum! {
    /// How a CSAT survey is shown.
    pub enum CsatDisplayType {
        /// Emoji faces.
        Emoji = "emoji",
        /// Stars.
        Star = "star",
    }
}

/// An incoming e-mail, parsed (`MailPresenter#serialized_data`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct IncomingEmail {
    /// Whether it is an auto-reply.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub auto_reply: Maybe<bool>,
    /// Bcc addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub bcc: Maybe<Vec<String>>,
    /// Cc addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cc: Maybe<Vec<String>>,
    /// MIME content type.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_type: Maybe<String>,
    /// The `Date` header (a string or epoch seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub date: Maybe<Timestamp>,
    /// From addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub from: Maybe<Vec<String>>,
    /// The HTML part.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub html_content: Maybe<EmailContent>,
    /// The `In-Reply-To` header.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub in_reply_to: Maybe<String>,
    /// The `Message-ID` header.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<String>,
    /// Whether it is multipart.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub multipart: Maybe<bool>,
    /// Number of attachments.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub number_of_attachments: Maybe<Num<i64>>,
    /// The `References` header: a string or a list, as the mail library gives it.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub references: Maybe<serde_json::Value>,
    /// Subject.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subject: Maybe<String>,
    /// The text part.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text_content: Maybe<EmailContent>,
    /// To addresses.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub to: Maybe<Vec<String>>,
}

/// One part of an e-mail: whole, the reply only, and the quoted text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct EmailContent {
    /// The whole part.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub full: Maybe<String>,
    /// The quoted earlier messages.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quoted: Maybe<String>,
    /// The new text only.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub reply: Maybe<String>,
}

/// An attachment of a message. Which keys are set depends on `file_type`: file-like kinds
/// carry `data_url`, `thumb_url`, `extension`, `file_size`, `width`, `height` and, with a
/// stored file on recent servers, `content_type` (audio adds `transcribed_text`); `location` carries coordinates and `fallback_title`; `fallback`
/// and `contact` carry `fallback_title` (contact adds `meta`); `embed` carries `data_url`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Attachment {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// `location`: latitude, kept as sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub coordinates_lat: Maybe<serde_json::Number>,
    /// `location`: longitude, kept as sent.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub coordinates_long: Maybe<serde_json::Number>,
    /// File-like kinds with a stored file (since 2026-04): the file's MIME type
    /// (`"image/jpeg"`).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub content_type: Maybe<String>,
    /// The file's URL; `""` when nothing is attached.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub data_url: Maybe<String>,
    /// File extension.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub extension: Maybe<String>,
    /// `location`, `fallback`, `contact`: the text to show.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub fallback_title: Maybe<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_size: Maybe<Num<i64>>,
    /// Kind of attachment.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub file_type: Maybe<FileType>,
    /// Image height in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub height: Maybe<Num<i64>>,
    /// Attachment id.
    pub id: Id,
    /// The message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message_id: Maybe<Id>,
    /// `contact`: the shared contact's details.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub meta: Maybe<Attributes>,
    /// Thumbnail URL; `""` unless an image.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub thumb_url: Maybe<String>,
    /// `audio`: transcription; `""` when none (recent servers).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub transcribed_text: Maybe<String>,
    /// Image width in pixels.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub width: Maybe<Num<i64>>,
}

impl Attachment {
    /// Latitude and longitude of a `location` attachment.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        Some((
            self.coordinates_lat.get()?.as_f64()?,
            self.coordinates_long.get()?.as_f64()?,
        ))
    }
}

open_enum! {
    /// Kind of an attachment.
    pub enum FileType {
        /// Audio.
        Audio = "audio",
        /// A shared contact.
        Contact = "contact",
        /// An embedded page (recent servers).
        Embed = "embed",
        /// Something shown by its title only.
        Fallback = "fallback",
        /// Any other file.
        File = "file",
        /// An Instagram post (recent servers).
        IgPost = "ig_post",
        /// An Instagram reel.
        IgReel = "ig_reel",
        /// An Instagram story (recent servers).
        IgStory = "ig_story",
        /// An image.
        Image = "image",
        /// A location.
        Location = "location",
        /// A shared post.
        Share = "share",
        /// An Instagram story mention.
        StoryMention = "story_mention",
        /// A video.
        Video = "video",
    }
}
