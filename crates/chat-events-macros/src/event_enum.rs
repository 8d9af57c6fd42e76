//! `event_enum!` and `open_enum!`.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{
    Attribute, Ident, LitStr, Path, Token, Type, Visibility, parenthesized,
    parse::{Parse, ParseStream},
};

use crate::doc_text;

/// One `Variant(Type) = "wire"` line of `event_enum!`.
pub(crate) struct EventVariant {
    attrs: Vec<Attribute>,
    ident: Ident,
    payload: Type,
    wire: LitStr,
}

/// The input of `event_enum!`.
pub(crate) struct Input {
    event_attrs: Vec<Attribute>,
    event_vis: Visibility,
    event: Ident,
    kind_attrs: Vec<Attribute>,
    kind_vis: Visibility,
    kind: Ident,
    spine: Path,
    payload_trait: Path,
    variants: Vec<EventVariant>,
}

fn enum_head(input: ParseStream<'_>) -> syn::Result<(Vec<Attribute>, Visibility, Ident)> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    input.parse::<Token![enum]>()?;
    let ident: Ident = input.parse()?;
    input.parse::<Token![;]>()?;
    if doc_text(&attrs).is_empty() {
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` needs a doc comment (it becomes the schema's description)"),
        ));
    }
    Ok((attrs, vis, ident))
}

fn setting(input: ParseStream<'_>, name: &str, what: &str) -> syn::Result<Path> {
    let ident: Ident = input.parse()?;
    if ident != name {
        return Err(syn::Error::new(
            ident.span(),
            format!("expected `{name} = {what};` here"),
        ));
    }
    input.parse::<Token![=]>()?;
    let path: Path = input.parse()?;
    input.parse::<Token![;]>()?;
    Ok(path)
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let (event_attrs, event_vis, event) = enum_head(input)?;
        let (kind_attrs, kind_vis, kind) = enum_head(input)?;
        let spine = setting(input, "spine", "<the provider's `Spine` constant>")?;
        let payload_trait = setting(
            input,
            "payload_trait",
            "<the trait every payload type implements>",
        )?;
        let mut variants = Vec::new();
        while !input.is_empty() {
            let attrs = input.call(Attribute::parse_outer)?;
            let ident: Ident = input.parse()?;
            let content;
            parenthesized!(content in input);
            let payload: Type = content.parse()?;
            input.parse::<Token![=]>()?;
            let wire: LitStr = input.parse()?;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
            variants.push(EventVariant {
                attrs,
                ident,
                payload,
                wire,
            });
        }
        check_variants(&variants)?;
        Ok(Self {
            event_attrs,
            event_vis,
            event,
            kind_attrs,
            kind_vis,
            kind,
            spine,
            payload_trait,
            variants,
        })
    }
}

/// Sorted, documented, unique, and not `Unknown`.
fn check_variants(variants: &[EventVariant]) -> syn::Result<()> {
    if variants.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "an event enum needs at least one `Variant(Type) = \"wire name\"` line",
        ));
    }
    let mut wires = BTreeMap::new();
    for (index, variant) in variants.iter().enumerate() {
        if variant.ident == "Unknown" {
            return Err(syn::Error::new(
                variant.ident.span(),
                "`Unknown` is generated for event names this version does not know; do not declare it",
            ));
        }
        if doc_text(&variant.attrs).is_empty() {
            return Err(syn::Error::new(
                variant.ident.span(),
                format!(
                    "`{}` needs a one-line doc comment saying what happened (past tense)",
                    variant.ident
                ),
            ));
        }
        if let Some(previous) = index.checked_sub(1).map(|i| &variants[i]) {
            let (a, b) = (previous.ident.to_string(), variant.ident.to_string());
            if a == b {
                return Err(syn::Error::new(
                    variant.ident.span(),
                    format!("`{b}` is declared twice"),
                ));
            }
            if a > b {
                return Err(syn::Error::new(
                    variant.ident.span(),
                    format!("variants are sorted alphabetically: `{b}` goes before `{a}`"),
                ));
            }
        }
        let wire = variant.wire.value();
        if wire.is_empty() {
            return Err(syn::Error::new(
                variant.wire.span(),
                "an event's wire name cannot be empty",
            ));
        }
        if let Some(other) = wires.insert(wire.clone(), variant.ident.clone()) {
            return Err(syn::Error::new(
                variant.wire.span(),
                format!("the wire name \"{wire}\" is already taken by `{other}`"),
            ));
        }
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // one `quote!` template, read top to bottom
pub(crate) fn expand(input: &Input) -> TokenStream {
    let Input {
        event_attrs,
        event_vis,
        event,
        kind_attrs,
        kind_vis,
        kind,
        spine,
        payload_trait,
        variants,
    } = input;
    let krate = quote!(::chat_events_core);
    let private = quote!(#krate::unstable);

    let kind_variants: Vec<OpenVariant> = variants
        .iter()
        .map(|variant| OpenVariant {
            attrs: variant.attrs.clone(),
            ident: variant.ident.clone(),
            wire: variant.wire.clone(),
        })
        .collect();
    let kind_enum = expand_open_enum(
        &OpenEnum {
            attrs: kind_attrs.clone(),
            vis: kind_vis.clone(),
            ident: kind.clone(),
            variants: kind_variants,
        },
        Some(&quote!(#spine)),
    );

    let idents: Vec<&Ident> = variants.iter().map(|variant| &variant.ident).collect();
    let payloads: Vec<&Type> = variants.iter().map(|variant| &variant.payload).collect();
    let variant_names: Vec<String> = idents.iter().map(ToString::to_string).collect();
    let variant_docs: Vec<String> = variants
        .iter()
        .map(|variant| doc_text(&variant.attrs))
        .collect();
    let wires: Vec<&LitStr> = variants.iter().map(|variant| &variant.wire).collect();
    let docs: Vec<Vec<&Attribute>> = variants
        .iter()
        .map(|variant| {
            variant
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("doc"))
                .collect()
        })
        .collect();
    let event_name = event.to_string();
    let decode_doc = format!(
        "Decodes a payload, reading the event name where the provider puts it, and keeps the \
         original JSON beside the typed value.\n\n# Errors\n\nA \
         [`DecodeError`]({krate}::DecodeError) for bytes that are not JSON, a payload that \
         names no event, or a known event whose body does not fit its model (with the JSON \
         path). The error keeps the bytes.",
        krate = "chat_events_core"
    );

    quote! {
        #kind_enum

        #(#event_attrs)*
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        #event_vis enum #event {
            #(
                #(#docs)*
                #idents(::std::boxed::Box<#payloads>),
            )*
            /// An event this version does not model, with its name and raw JSON.
            Unknown(#krate::UnknownEvent),
        }

        impl #event {
            #[doc = #decode_doc]
            pub fn decode(
                bytes: &[u8],
            ) -> ::core::result::Result<#krate::Decoded<Self>, #krate::DecodeError> {
                <Self as #krate::ProviderEvent>::decode(bytes)
            }

            /// Decodes a payload whose event name is given out of band (a Pusher frame's
            /// `event`, a webhook URL per event): the name decides the type, whatever the
            /// body says, and a body that names no event is not an error.
            ///
            /// # Errors
            ///
            /// As [`decode`](Self::decode), except that a missing name in the body is fine.
            pub fn decode_named(
                name: &str,
                bytes: &[u8],
            ) -> ::core::result::Result<#krate::Decoded<Self>, #krate::DecodeError> {
                <Self as #krate::ProviderEvent>::decode_named(name, bytes)
            }

            /// The kind of event (for unknown events, a kind whose
            /// [`is_known`](#kind::is_known) is false).
            pub fn kind(&self) -> #kind {
                match self {
                    #(Self::#idents(_) => #kind::#idents,)*
                    Self::Unknown(unknown) => #kind::from(unknown.name()),
                }
            }

            /// The wire name of the event (the canonical spelling for known events, the name
            /// as sent for unknown ones).
            pub fn name(&self) -> &str {
                match self {
                    #(Self::#idents(_) => #wires,)*
                    Self::Unknown(unknown) => unknown.name(),
                }
            }

            /// Whether the event name is one this version does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }

            /// The payload of a known event, through the accessors every event of this
            /// provider has; `None` for unknown events.
            pub fn payload(&self) -> ::core::option::Option<&dyn #payload_trait> {
                match self {
                    #(Self::#idents(payload) => ::core::option::Option::Some(&**payload),)*
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            }

            /// The payload of a known event, mutably; `None` for unknown events.
            pub fn payload_mut(&mut self) -> ::core::option::Option<&mut dyn #payload_trait> {
                match self {
                    #(Self::#idents(payload) => ::core::option::Option::Some(&mut **payload),)*
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            }
        }

        impl #private::Dispatch for #event {
            const SPINE: &'static #krate::unstable::Spine = &#spine;
            const KNOWN: &'static [&'static str] = &[#(#wires),*];
            const VARIANTS: &'static [(&'static str, &'static str)] =
                &[#((#variant_names, #variant_docs)),*];

            fn decode_known(
                name: &str,
                prefix: &str,
                body: &str,
            ) -> ::core::option::Option<::core::result::Result<Self, #krate::DecodeError>> {
                let provider = <Self as #private::Dispatch>::SPINE.provider();
                match name {
                    #(
                        #wires => ::core::option::Option::Some(
                            #private::decode_at::<#payloads>(provider, ::core::option::Option::Some(#wires), prefix, body)
                                .map(|payload| Self::#idents(::std::boxed::Box::new(payload))),
                        ),
                    )*
                    _ => ::core::option::Option::None,
                }
            }

            fn decode_known_at_once(
                name: &str,
                text: &str,
                wrapper: ::core::option::Option<&'static str>,
                in_wrapper: bool,
            ) -> ::core::option::Option<#private::AtOnce<Self>> {
                match name {
                    #(
                        #wires => ::core::option::Option::Some(
                            match #private::decode_at_once::<#payloads>(text, wrapper, in_wrapper) {
                                #private::AtOnce::Decoded(payload) => {
                                    #private::AtOnce::Decoded(Self::#idents(::std::boxed::Box::new(payload)))
                                }
                                #private::AtOnce::Wrapped => #private::AtOnce::Wrapped,
                                #private::AtOnce::Refused => #private::AtOnce::Refused,
                            },
                        ),
                    )*
                    _ => ::core::option::Option::None,
                }
            }

            fn payload_schema(
                name: &str,
                generator: &mut #private::schemars::SchemaGenerator,
            ) -> ::core::option::Option<#private::schemars::Schema> {
                match name {
                    #(#wires => ::core::option::Option::Some(generator.subschema_for::<#payloads>()),)*
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl #krate::ProviderEvent for #event {
            const PROVIDER: &'static str = <Self as #private::Dispatch>::SPINE.provider();

            fn name(&self) -> &str {
                #event::name(self)
            }

            fn is_unknown(&self) -> bool {
                #event::is_unknown(self)
            }
        }

        impl ::core::convert::From<#krate::UnknownEvent> for #event {
            fn from(unknown: #krate::UnknownEvent) -> Self {
                Self::Unknown(unknown)
            }
        }

        impl #private::schemars::JsonSchema for #event {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#event_name)
            }

            fn json_schema(
                generator: &mut #private::schemars::SchemaGenerator,
            ) -> #private::schemars::Schema {
                #private::union_schema::<Self>(generator)
            }
        }

        impl #private::serde::Serialize for #event {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    #(Self::#idents(payload) => #private::serde::Serialize::serialize(&**payload, serializer),)*
                    Self::Unknown(unknown) => #private::serde::Serialize::serialize(unknown, serializer),
                }
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #event {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                let raw: ::std::boxed::Box<#private::serde_json::value::RawValue> =
                    #private::serde::Deserialize::deserialize(deserializer)?;
                <Self as #krate::ProviderEvent>::from_raw(&raw)
                    .map_err(<__D::Error as #private::serde::de::Error>::custom)
            }
        }
    }
}

/// One `Variant = "wire"` line of `open_enum!`.
pub(crate) struct OpenVariant {
    attrs: Vec<Attribute>,
    ident: Ident,
    wire: LitStr,
}

/// The input of `open_enum!`.
pub(crate) struct OpenEnum {
    attrs: Vec<Attribute>,
    vis: Visibility,
    ident: Ident,
    variants: Vec<OpenVariant>,
}

impl Parse for OpenEnum {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        if let Some(attr) = attrs.iter().find(|attr| !attr.path().is_ident("doc")) {
            return Err(syn::Error::new_spanned(
                attr,
                "an open enum takes doc comments only (its derives and schema are generated)",
            ));
        }
        let vis: Visibility = input.parse()?;
        input.parse::<Token![enum]>()?;
        let ident: Ident = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut variants: Vec<OpenVariant> = Vec::new();
        while !body.is_empty() {
            let attrs = body.call(Attribute::parse_outer)?;
            let variant: Ident = body.parse()?;
            body.parse::<Token![=]>()?;
            let wire: LitStr = body.parse()?;
            if !body.is_empty() {
                body.parse::<Token![,]>()?;
            }
            if variant.to_string().starts_with('_') {
                return Err(syn::Error::new(
                    variant.span(),
                    "variant names starting with `_` are reserved (`_Custom` holds unknown values)",
                ));
            }
            if let Some(previous) = variants
                .iter()
                .find(|known| known.wire.value() == wire.value())
            {
                return Err(syn::Error::new(
                    wire.span(),
                    format!(
                        "the value \"{}\" is already taken by `{}`",
                        wire.value(),
                        previous.ident
                    ),
                ));
            }
            if let Some(previous) = variants.iter().find(|known| known.ident == variant) {
                return Err(syn::Error::new(
                    variant.span(),
                    format!("`{}` is declared twice", previous.ident),
                ));
            }
            variants.push(OpenVariant {
                attrs,
                ident: variant,
                wire,
            });
        }
        if variants.is_empty() {
            return Err(syn::Error::new(
                ident.span(),
                "an open enum needs at least one `Variant = \"value\"`",
            ));
        }
        Ok(Self {
            attrs,
            vis,
            ident,
            variants,
        })
    }
}

/// The tokens of an open enum; `aliases`, when given, is an expression whose
/// `resolve_alias(&str) -> Option<&'static str>` maps other spellings to known values.
#[allow(clippy::too_many_lines)] // one `quote!` template, read top to bottom
pub(crate) fn expand_open_enum(input: &OpenEnum, aliases: Option<&TokenStream>) -> TokenStream {
    let OpenEnum {
        attrs,
        vis,
        ident,
        variants,
    } = input;
    let private = quote!(::chat_events_core::unstable);
    let name = ident.to_string();
    let idents: Vec<&Ident> = variants.iter().map(|variant| &variant.ident).collect();
    let wires: Vec<&LitStr> = variants.iter().map(|variant| &variant.wire).collect();
    let docs: Vec<Vec<&Attribute>> = variants
        .iter()
        .map(|variant| {
            variant
                .attrs
                .iter()
                .filter(|attr| attr.path().is_ident("doc"))
                .collect()
        })
        .collect();
    let doc = doc_text(attrs);
    let value_docs: Vec<String> = variants
        .iter()
        .map(|variant| doc_text(&variant.attrs))
        .collect();
    let fallback = aliases.map_or_else(
        || quote!(::core::option::Option::None),
        |aliases| {
            quote! {
                (#aliases).resolve_alias(value).and_then(Self::exact)
            }
        },
    );
    let alias_doc = if aliases.is_some() {
        " Other spellings of a known value (aliases, misspellings the provider sends) convert \
         to it."
    } else {
        ""
    };
    let from_doc = format!("The value for a wire string; an unknown string is kept.{alias_doc}");

    quote! {
        #(#attrs)*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        #vis enum #ident {
            #(
                #(#docs)*
                #idents,
            )*
            /// A value this version does not know: read it with `as_str()`.
            #[doc(hidden)]
            _Custom(#private::PrivOwnedStr),
        }

        impl #ident {
            /// Every value this version knows, as sent on the wire.
            pub const KNOWN: &'static [&'static str] = &[#(#wires),*];

            /// The value as sent on the wire (the known spelling for known values).
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #wires,)*
                    Self::_Custom(value) => value.as_str(),
                }
            }

            /// Whether this version knows the value.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::_Custom(_))
            }

            fn exact(value: &str) -> ::core::option::Option<Self> {
                match value {
                    #(#wires => ::core::option::Option::Some(Self::#idents),)*
                    _ => ::core::option::Option::None,
                }
            }

            fn known(value: &str) -> ::core::option::Option<Self> {
                Self::exact(value).or_else(|| #fallback)
            }
        }

        impl ::core::convert::From<&str> for #ident {
            #[doc = #from_doc]
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::_Custom(#private::PrivOwnedStr::from(value)))
            }
        }

        impl ::core::convert::From<::std::string::String> for #ident {
            #[doc = #from_doc]
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or_else(|| Self::_Custom(#private::PrivOwnedStr::from(value)))
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = ::core::convert::Infallible;

            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }

        impl ::core::fmt::Display for #ident {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::convert::AsRef<str> for #ident {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl #private::serde::Serialize for #ident {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                deserializer.deserialize_str(#private::OpenEnumVisitor::<Self>::new(#name))
            }
        }

        impl #private::schemars::JsonSchema for #ident {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }

            fn json_schema(
                _: &mut #private::schemars::SchemaGenerator,
            ) -> #private::schemars::Schema {
                #private::open_enum_schema(#doc, &[#((#wires, #value_docs)),*])
            }
        }
    }
}

/// `open_enum!`'s entry point.
pub(crate) fn open_enum(input: &OpenEnum) -> TokenStream {
    expand_open_enum(input, None)
}
