//! `order.update`: a Shopify order changed (OneHash).

use chat_events_core::{Id, Maybe, Num, Timestamp};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::objects::Attributes;

/// A Shopify order of the account changed (OneHash; account stream).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct OrderUpdate {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// A human-readable summary (translated).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub message: Maybe<String>,
    /// The order: every column of OneHash's order table.
    pub order: Box<Order>,
    /// Outcome, such as `"succeeded"`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub status: Maybe<String>,
}

/// A Shopify order as OneHash stores it.
///
/// Quirk: amounts are decimal strings (`"1299.00"`), kept as text so no precision is lost;
/// Shopify ids reach 7e12.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct Order {
    /// The account.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub account_id: Maybe<Id>,
    /// Billing address (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub billing_address: Maybe<Attributes>,
    /// Why it was cancelled.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cancel_reason: Maybe<String>,
    /// When it was cancelled.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub cancelled_at: Maybe<Timestamp>,
    /// Created (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub created_at: Maybe<Timestamp>,
    /// Currency code.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub currency: Maybe<String>,
    /// The Shopify customer.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub customer_id: Maybe<Id>,
    /// Payment state (`paid`, `refunded`…).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub financial_status: Maybe<String>,
    /// Fulfilment state.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub fulfillment_status: Maybe<String>,
    /// The Shopify order id.
    pub id: Id,
    /// Lines of the order.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub line_items: Maybe<Vec<LineItem>>,
    /// Order name, such as `#1042`.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub name: Maybe<String>,
    /// Note.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub note: Maybe<String>,
    /// The customer's status page.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub order_status_url: Maybe<String>,
    /// Refunds (free-form Shopify objects).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub refunds: Maybe<Vec<Attributes>>,
    /// Shipping address (free-form).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub shipping_address: Maybe<Attributes>,
    /// Shipping lines (free-form Shopify objects).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub shipping_lines: Maybe<Vec<Attributes>>,
    /// Subtotal, a decimal string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub subtotal_price: Maybe<String>,
    /// Tags, comma separated.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub tags: Maybe<String>,
    /// Total, a decimal string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub total_price: Maybe<String>,
    /// Tax, a decimal string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub total_tax: Maybe<String>,
    /// Updated (ISO-8601).
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub updated_at: Maybe<Timestamp>,
}

/// A line of an order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub struct LineItem {
    /// Line id.
    pub id: Id,
    /// Unit price, a decimal string.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub price: Maybe<String>,
    /// Quantity.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub quantity: Maybe<Num<i64>>,
    /// Product title.
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    pub title: Maybe<String>,
}
