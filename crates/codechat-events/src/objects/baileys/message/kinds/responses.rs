//! Replies to business messages: the button, row or template button chosen, and native flow
//! replies.

use chat_events_core::Maybe;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    objects::baileys::{ButtonsResponseType, ContextInfo, InteractiveResponseFormat, ListType},
    proto::ProtoEnum,
};

/// The button chosen in a buttons message.
///
/// WAProto: `Message.ButtonsResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ButtonsResponseMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `selectedButtonId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_button_id: Maybe<String>,
    /// `selectedDisplayText` = 2: the text of the chosen button.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_display_text: Maybe<String>,
    /// `type` = 4.
    #[serde(default, rename = "type", skip_serializing_if = "Maybe::is_absent")]
    pub kind: Maybe<ProtoEnum<ButtonsResponseType>>,
}

/// The row chosen in a list message.
///
/// WAProto: `Message.ListResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ListResponseMessage {
    /// `contextInfo` = 4: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `description` = 5: description.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub description: Maybe<String>,
    /// `listType` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub list_type: Maybe<ProtoEnum<ListType>>,
    /// `singleSelectReply` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub single_select_reply: Maybe<SingleSelectReply>,
    /// `title` = 1: title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}

/// The button chosen in a template message.
///
/// WAProto: `Message.TemplateButtonReplyMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TemplateButtonReplyMessage {
    /// `contextInfo` = 3: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `selectedCarouselCardIndex` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_carousel_card_index: Maybe<u32>,
    /// `selectedDisplayText` = 2: the text of the chosen button.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_display_text: Maybe<String>,
    /// `selectedId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_id: Maybe<String>,
    /// `selectedIndex` = 4.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_index: Maybe<u32>,
}

/// The reply to an interactive (native flow) message.
///
/// WAProto: `Message.InteractiveResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InteractiveResponseMessage {
    /// `body` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub body: Maybe<InteractiveResponseBody>,
    /// `contextInfo` = 15: quote, mentions, forwarding, disappearing timer, ad.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub context_info: Maybe<Box<ContextInfo>>,
    /// `nativeFlowResponseMessage` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub native_flow_response_message: Maybe<NativeFlowResponseMessage>,
}

/// The chosen row.
///
/// WAProto: `Message.ListResponseMessage.SingleSelectReply`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SingleSelectReply {
    /// `selectedRowId` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub selected_row_id: Maybe<String>,
}

/// The text of an interactive reply.
///
/// WAProto: `Message.InteractiveResponseMessage.Body`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct InteractiveResponseBody {
    /// `format` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub format: Maybe<ProtoEnum<InteractiveResponseFormat>>,
    /// `text` = 1: the text.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub text: Maybe<String>,
}

/// A native flow reply.
///
/// WAProto: `Message.InteractiveResponseMessage.NativeFlowResponseMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NativeFlowResponseMessage {
    /// `name` = 1: name.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// `paramsJson` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub params_json: Maybe<String>,
    /// `version` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub version: Maybe<i32>,
}
