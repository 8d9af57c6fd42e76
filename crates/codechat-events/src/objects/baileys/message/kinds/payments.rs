//! Payments: requests, their cancelling and declining, payments sent, invitations to pay,
//! amounts.

use chat_events_core::{Maybe, RawJson};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Jid;
use crate::{
    objects::baileys::{Message, MessageKey, PaymentServiceType},
    proto::{Long, ProtoEnum},
};

/// Cancels a payment request.
///
/// WAProto: `Message.CancelPaymentRequestMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CancelPaymentRequestMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// Declines a payment request.
///
/// WAProto: `Message.DeclinePaymentRequestMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DeclinePaymentRequestMessage {
    /// `key` = 1: the message this one refers to.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub key: Maybe<MessageKey>,
}

/// A payment request.
///
/// WAProto: `Message.RequestPaymentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RequestPaymentMessage {
    /// `amount` = 6.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount: Maybe<Money>,
    /// `amount1000` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub amount1000: Maybe<Long>,
    /// `background` = 7: background (`PaymentBackground`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background: Maybe<RawJson>,
    /// `currencyCodeIso4217` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code_iso4217: Maybe<String>,
    /// `expiryTimestamp` = 5: when it expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// `noteMessage` = 4: the note, a message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<Box<Message>>,
    /// `requestFrom` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_from: Maybe<Jid>,
}

/// A payment.
///
/// WAProto: `Message.SendPaymentMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SendPaymentMessage {
    /// `background` = 4: background (`PaymentBackground`, kept as sent).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub background: Maybe<RawJson>,
    /// `noteMessage` = 2: the note, a message.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note_message: Maybe<Box<Message>>,
    /// `requestMessageKey` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub request_message_key: Maybe<MessageKey>,
    /// `transactionData` = 5.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub transaction_data: Maybe<String>,
}

/// An invitation to use payments.
///
/// WAProto: `Message.PaymentInviteMessage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PaymentInviteMessage {
    /// `expiryTimestamp` = 2: when it expires (seconds).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub expiry_timestamp: Maybe<Long>,
    /// `serviceType` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub service_type: Maybe<ProtoEnum<PaymentServiceType>>,
}

/// An amount of money: `value` / 10^`offset` in `currencyCode`.
///
/// WAProto: `Money`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Money {
    /// `currencyCode` = 3.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency_code: Maybe<String>,
    /// `offset` = 2.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub offset: Maybe<u32>,
    /// `value` = 1.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub value: Maybe<Long>,
}
