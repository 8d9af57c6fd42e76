//! Procedural macros of **chat-events**. Use them through `chat-events-core`, which
//! re-exports them and holds the runtime pieces their output calls
//! (`chat_events_core::unstable`).
//!
//! - [`event_enum!`](macro@event_enum): a provider's event enum, its open kind enum, and the
//!   dispatch between them, from one sorted list of `Variant(Type) = "wire name"` lines;
//! - [`Shape`](derive@Shape): `Deserialize`, `Serialize` and `JsonSchema` of an enum whose
//!   variant is told by the payload's shape (its JSON type, which keys it has, the value of a
//!   tag key), from one list of conditions on the variants.
//!
//! Both check their input and say what is wrong at the offending token: unsorted or
//! duplicate variants, missing docs, a shape variant without a condition, an unreachable
//! shape, a catch-all that is not last.
#![forbid(unsafe_code)]

mod event_enum;
mod shape;

use proc_macro::TokenStream;

/// Declares a provider's event enum, its open kind enum, and the dispatch between them.
///
/// ```text
/// chat_events_core::unstable::event_enum! {
///     /// A ChatApp event.
///     pub enum Event;
///     /// The name of a ChatApp event.
///     pub enum EventKind;
///     spine = crate::spine::SPINE;
///     payload_trait = EventPayload;
///     /// A chat was marked as read.
///     ChatRead(events::ChatRead) = "chatRead",
///     /// A message was received or sent.
///     Message(events::Message) = "message",
/// }
/// ```
///
/// Variants must be sorted alphabetically and documented; wire names must be unique;
/// `Unknown` is generated (an event name this version does not know, with its raw JSON).
/// See `chat_events_core::ProviderEvent` for what the generated enum offers.
#[proc_macro]
pub fn event_enum(input: TokenStream) -> TokenStream {
    match syn::parse::<event_enum::Input>(input) {
        Ok(input) => event_enum::expand(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// Declares a string enum whose unknown values are kept, à la ruma: known values are unit
/// variants, any other string is kept in a hidden variant and read with `as_str()`, so a
/// value becoming known in a later version breaks no one's `match`.
///
/// ```text
/// chat_events_core::unstable::open_enum! {
///     /// Direction of a message.
///     pub enum Side {
///         /// Received from the customer.
///         In = "in",
///         /// Sent to the customer.
///         Out = "out",
///     }
/// }
/// ```
///
/// The enum and each variant take doc comments only (the schema is built from them). The
/// generated enum is `#[non_exhaustive]`, converts with `From<&str>`, `From<String>`,
/// `FromStr` (infallible), `as_str`, `Display`, serializes to the wire string,
/// deserializes from any string, and has a `JsonSchema` listing every known value with its
/// doc line.
#[proc_macro]
pub fn open_enum(input: TokenStream) -> TokenStream {
    match syn::parse::<event_enum::OpenEnum>(input) {
        Ok(input) => event_enum::open_enum(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// Derives `Deserialize`, `Serialize` and `JsonSchema` for an enum whose variant is told by
/// the shape of the JSON value.
///
/// Every variant is a one-field tuple variant and carries `#[shape(…)]` with its conditions,
/// all of which must hold:
///
/// - `string`, `array`, `object`: the JSON type;
/// - `has("key", …)`: an object with each key present and not `null`;
/// - `equals("key", "value")`: an object whose `key` is the string `value`;
/// - `other`: the catch-all, last, holding `chat_events_core::RawJson`: a value that fits no
///   shape is kept as sent (it shows up in drift), never guessed into a typed variant.
///
/// Variants are tried in order; the first whose conditions hold is decoded, and its errors
/// are reported with their path inside the value. Without `other`, a value that fits no
/// shape is an error. The schema lists each variant with exactly the conditions the
/// decoder checks (earlier variants excluded), so decoder and schema agree.
///
/// Enums whose variants use only JSON types are decoded in one pass; the others capture the
/// value once, read the keys they need, and decode the chosen variant from the capture.
#[proc_macro_derive(Shape, attributes(shape))]
pub fn derive_shape(input: TokenStream) -> TokenStream {
    match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => shape::expand(&input)
            .unwrap_or_else(syn::Error::into_compile_error)
            .into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// The text of an item's `///` lines, one line each, trimmed.
pub(crate) fn doc_text(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) => Some(text.value().trim().to_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}
