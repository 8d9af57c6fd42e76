//! `#[derive(Shape)]`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, Type, spanned::Spanned};

use crate::doc_text;

/// What a variant requires of the JSON value.
#[derive(Clone, PartialEq, Eq)]
enum Cond {
    Kind(Kind),
    Has(String),
    Equals(String, String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    String,
    Array,
    Object,
}

struct Variant {
    ident: Ident,
    ty: Type,
    doc: String,
    /// One list of conditions per `#[shape(…)]` attribute: any list may hold, and every
    /// condition of that list must.
    alternatives: Vec<Vec<Cond>>,
    other: bool,
}

/// The JSON type a list of conditions implies.
fn kind_of(conds: &[Cond]) -> Option<Kind> {
    conds
        .iter()
        .map(|cond| match cond {
            Cond::Kind(kind) => *kind,
            Cond::Has(_) | Cond::Equals(..) => Kind::Object,
        })
        .next()
}

/// Whether every value `conds` accepts is accepted by `earlier` first.
fn shadowed_by(conds: &[Cond], earlier: &[Cond]) -> bool {
    kind_of(earlier) == kind_of(conds)
        && earlier
            .iter()
            .filter(|cond| !matches!(cond, Cond::Kind(_)))
            .all(|cond| conds.contains(cond))
}

impl Variant {
    fn conds(&self) -> impl Iterator<Item = &Cond> {
        self.alternatives.iter().flatten()
    }
}

fn parse_variant(variant: &syn::Variant) -> syn::Result<Variant> {
    let ty = match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => fields.unnamed[0].ty.clone(),
        fields => {
            return Err(syn::Error::new(
                if matches!(fields, Fields::Unit) {
                    variant.ident.span()
                } else {
                    fields.span()
                },
                "shape variants hold exactly one value: `Variant(Type)`",
            ));
        }
    };
    let doc = doc_text(&variant.attrs);
    if doc.is_empty() {
        return Err(syn::Error::new(
            variant.ident.span(),
            format!(
                "`{}` needs a doc comment (it becomes the shape's description in the schema)",
                variant.ident
            ),
        ));
    }
    let mut alternatives = Vec::new();
    let mut other = false;
    for attr in &variant.attrs {
        if !attr.path().is_ident("shape") {
            continue;
        }
        let mut conds = Vec::new();
        attr.parse_nested_meta(|meta| {
            let word = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match word.as_str() {
                "string" => conds.push(Cond::Kind(Kind::String)),
                "array" => conds.push(Cond::Kind(Kind::Array)),
                "object" => conds.push(Cond::Kind(Kind::Object)),
                "other" => other = true,
                "has" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let keys = content.parse_terminated(<LitStr as syn::parse::Parse>::parse, syn::Token![,])?;
                    if keys.is_empty() {
                        return Err(meta.error("`has` names at least one key: `has(\"key\")`"));
                    }
                    for key in keys {
                        conds.push(Cond::Has(key.value()));
                    }
                }
                "equals" => {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let key: LitStr = content.parse()?;
                    content.parse::<syn::Token![,]>()?;
                    let value: LitStr = content.parse()?;
                    conds.push(Cond::Equals(key.value(), value.value()));
                }
                _ => {
                    return Err(meta.error(
                        "expected `string`, `array`, `object`, `has(\"key\", …)`, `equals(\"key\", \"value\")` or `other`",
                    ));
                }
            }
            Ok(())
        })?;
        if !conds.is_empty() {
            check_alternative(&variant.ident, &conds)?;
            alternatives.push(conds);
        }
    }
    if alternatives.is_empty() && !other {
        return Err(syn::Error::new(
            variant.ident.span(),
            format!(
                "`{}` needs `#[shape(…)]`: the conditions that choose it (a shape is never guessed)",
                variant.ident
            ),
        ));
    }
    if other && !alternatives.is_empty() {
        return Err(syn::Error::new(
            variant.ident.span(),
            "`other` is the catch-all: it takes no other condition",
        ));
    }
    Ok(Variant {
        ident: variant.ident.clone(),
        ty,
        doc,
        alternatives,
        other,
    })
}

/// Contradictions inside one list of conditions.
fn check_alternative(ident: &Ident, conds: &[Cond]) -> syn::Result<()> {
    let kinds: Vec<Kind> = conds
        .iter()
        .map(|cond| match cond {
            Cond::Kind(kind) => *kind,
            Cond::Has(_) | Cond::Equals(..) => Kind::Object,
        })
        .collect();
    if kinds.windows(2).any(|pair| pair[0] != pair[1]) {
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` can never match: its conditions ask for two JSON types"),
        ));
    }
    for (index, cond) in conds.iter().enumerate() {
        if conds[..index].contains(cond) {
            return Err(syn::Error::new(
                ident.span(),
                format!("`{ident}` repeats a condition"),
            ));
        }
        if let Cond::Equals(key, value) = cond {
            let clash = conds[..index]
                .iter()
                .any(|earlier| matches!(earlier, Cond::Equals(k, v) if k == key && v != value));
            if clash {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("`{ident}` can never match: `{key}` cannot equal two values"),
                ));
            }
        }
    }
    Ok(())
}

/// `&[&[cond, …], …]`: a variant's alternatives.
fn alternatives_tokens(variant: &Variant) -> TokenStream {
    let alternatives = variant.alternatives.iter().map(|conds| {
        let conds = conds.iter().map(cond_tokens);
        quote!(&[#(#conds),*])
    });
    quote!(&[#(#alternatives),*])
}

fn cond_tokens(cond: &Cond) -> TokenStream {
    let private = quote!(::chat_events_core::unstable);
    match cond {
        Cond::Kind(Kind::String) => quote!(#private::Cond::String),
        Cond::Kind(Kind::Array) => quote!(#private::Cond::Array),
        Cond::Kind(Kind::Object) => quote!(#private::Cond::Object),
        Cond::Has(key) => quote!(#private::Cond::Has(#key)),
        Cond::Equals(key, value) => quote!(#private::Cond::Equals(#key, #value)),
    }
}

pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new(
            input.ident.span(),
            "`Shape` is derived for enums",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new(
            input.generics.span(),
            "`Shape` does not support generic enums",
        ));
    }
    let ident = &input.ident;
    let doc = doc_text(&input.attrs);
    if doc.is_empty() {
        return Err(syn::Error::new(
            ident.span(),
            format!("`{ident}` needs a doc comment (it becomes the schema's description)"),
        ));
    }
    let variants: Vec<Variant> = data
        .variants
        .iter()
        .map(parse_variant)
        .collect::<syn::Result<_>>()?;
    if variants.is_empty() {
        return Err(syn::Error::new(ident.span(), "a shape enum needs variants"));
    }
    for (index, variant) in variants.iter().enumerate() {
        if variant.other && index + 1 != variants.len() {
            return Err(syn::Error::new(
                variant.ident.span(),
                "`other` is the catch-all: it must be the last variant",
            ));
        }
        for (position, conds) in variant.alternatives.iter().enumerate() {
            let before = variants[..index]
                .iter()
                .flat_map(|earlier| earlier.alternatives.iter().map(move |alt| (earlier, alt)))
                .chain(
                    variant.alternatives[..position]
                        .iter()
                        .map(|alt| (variant, alt)),
                );
            for (earlier, alternative) in before {
                if shadowed_by(conds, alternative) {
                    return Err(syn::Error::new(
                        variant.ident.span(),
                        format!(
                            "`{}` is never chosen for one of its shapes: every value it accepts is taken by `{}` first",
                            variant.ident, earlier.ident
                        ),
                    ));
                }
            }
        }
    }
    let capture = variants.iter().any(|variant| {
        variant.other
            || variant
                .conds()
                .any(|cond| matches!(cond, Cond::Has(_) | Cond::Equals(..)))
    });
    let deserialize = if capture {
        capture_mode(ident, &variants)
    } else {
        visitor_mode(ident, &variants)
    };
    let serialize = serialize(ident, &variants);
    let schema = schema(ident, &doc, &variants);
    let names = variants.iter().map(|variant| &variant.ident);
    let names_text = variants.iter().map(|variant| variant.ident.to_string());
    let raw = variants.iter().map(|variant| !variant.other);
    let idents = variants.iter().map(|variant| &variant.ident);
    Ok(quote! {
        #deserialize
        #serialize
        #schema

        impl ::chat_events_core::unstable::Shape for #ident {
            fn shape(&self) -> &'static str {
                match self {
                    #(Self::#names(_) => #names_text,)*
                }
            }

            fn is_known_shape(&self) -> bool {
                match self {
                    #(Self::#idents(_) => #raw,)*
                }
            }
        }
    })
}

fn typed(variants: &[Variant]) -> impl Iterator<Item = &Variant> {
    variants.iter().filter(|variant| !variant.other)
}

/// Capture the value, read the keys the conditions name, decode the chosen variant.
fn capture_mode(ident: &Ident, variants: &[Variant]) -> TokenStream {
    let private = quote!(::chat_events_core::unstable);
    let arms: Vec<TokenStream> = typed(variants).map(alternatives_tokens).collect();
    let indices: Vec<usize> = (0..arms.len()).collect();
    let idents: Vec<&Ident> = typed(variants).map(|variant| &variant.ident).collect();
    let tys: Vec<&Type> = typed(variants).map(|variant| &variant.ty).collect();
    let expected = expected(variants);
    let no_shape = quote! {
        ::core::concat!("the value fits no known shape of ", ::core::stringify!(#ident), "; expected ", #expected)
    };
    let (fallback, fallback_ahead) = variants.iter().find(|variant| variant.other).map_or_else(
        || {
            (
                quote!(::core::result::Result::Err(<__D::Error as #private::serde::de::Error>::custom(#no_shape))),
                quote!(::core::result::Result::Err(<__A::Error as #private::serde::de::Error>::custom(#no_shape))),
            )
        },
        |other| {
            let other = &other.ident;
            (
                quote!(::core::result::Result::Ok(#ident::#other(raw.into_raw_json()))),
                quote!(map.next_value::<#private::Captured<'de>>().map(|raw| #ident::#other(raw.into_raw_json()))),
            )
        },
    );
    let expecting = format!("{expected} ({ident})");
    quote! {
        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                const SHAPES: &[&[&[#private::Cond]]] = &[#(#arms),*];

                struct __ShapeVisitor;

                impl<'de> #private::serde::de::Visitor<'de> for __ShapeVisitor {
                    type Value = #ident;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    // Any deserializer but the one-pass decoder: capture the value, read
                    // the keys, decode the captured text as the chosen variant.
                    fn visit_newtype_struct<__D: #private::serde::Deserializer<'de>>(
                        self,
                        deserializer: __D,
                    ) -> ::core::result::Result<#ident, __D::Error> {
                        let raw: #private::Captured<'de> =
                            #private::serde::Deserialize::deserialize(deserializer)?;
                        match #private::choose_shape(raw.text(), SHAPES) {
                            #(
                                ::core::option::Option::Some(#indices) => {
                                    #private::decode_captured(raw.text()).map(#ident::#idents)
                                }
                            )*
                            _ => #fallback,
                        }
                    }

                    // The one-pass decoder: the text from the value on, to read the keys,
                    // then the chosen variant decoded in place.
                    fn visit_map<__A: #private::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        let ahead: &'de str = map.next_key()?.ok_or_else(|| {
                            <__A::Error as #private::serde::de::Error>::custom("no text ahead")
                        })?;
                        match #private::choose_shape(ahead, SHAPES) {
                            #(
                                ::core::option::Option::Some(#indices) => {
                                    map.next_value::<#tys>().map(#ident::#idents)
                                }
                            )*
                            _ => #fallback_ahead,
                        }
                    }
                }

                deserializer.deserialize_newtype_struct(#private::SHAPE_AHEAD, __ShapeVisitor)
            }
        }
    }
}

/// "a string or an object with `key`", for errors.
fn expected(variants: &[Variant]) -> String {
    let shapes: Vec<String> = typed(variants)
        .flat_map(|variant| variant.alternatives.iter())
        .map(|conds| {
            let mut text = match kind_of(conds) {
                Some(Kind::String) => "a string".to_owned(),
                Some(Kind::Array) => "an array".to_owned(),
                Some(Kind::Object) | None => "an object".to_owned(),
            };
            let keys: Vec<String> = conds
                .iter()
                .filter_map(|cond| match cond {
                    Cond::Has(key) => Some(format!("`{key}`")),
                    Cond::Equals(key, value) => Some(format!("`{key}` = \"{value}\"")),
                    Cond::Kind(_) => None,
                })
                .collect();
            if !keys.is_empty() {
                text.push_str(" with ");
                text.push_str(&keys.join(" and "));
            }
            text
        })
        .collect();
    shapes.join(", or ")
}

/// One pass: `deserialize_any`, each JSON type to its variant.
fn visitor_mode(ident: &Ident, variants: &[Variant]) -> TokenStream {
    let private = quote!(::chat_events_core::unstable);
    let expecting = format!("{} ({ident})", expected(variants));
    let mut methods = TokenStream::new();
    for (variant, conds) in variants.iter().flat_map(|variant| {
        variant
            .alternatives
            .iter()
            .map(move |conds| (variant, conds))
    }) {
        let (variant_ident, ty) = (&variant.ident, &variant.ty);
        match kind_of(conds) {
            Some(Kind::String) => methods.extend(quote! {
                fn visit_str<__E: #private::serde::de::Error>(self, value: &str) -> ::core::result::Result<#ident, __E> {
                    <#ty as #private::serde::Deserialize>::deserialize(
                        #private::serde::de::value::StrDeserializer::<__E>::new(value),
                    ).map(#ident::#variant_ident)
                }

                fn visit_borrowed_str<__E: #private::serde::de::Error>(self, value: &'de str) -> ::core::result::Result<#ident, __E> {
                    <#ty as #private::serde::Deserialize>::deserialize(
                        #private::serde::de::value::BorrowedStrDeserializer::<__E>::new(value),
                    ).map(#ident::#variant_ident)
                }

                fn visit_string<__E: #private::serde::de::Error>(self, value: ::std::string::String) -> ::core::result::Result<#ident, __E> {
                    <#ty as #private::serde::Deserialize>::deserialize(
                        #private::serde::de::value::StringDeserializer::<__E>::new(value),
                    ).map(#ident::#variant_ident)
                }
            }),
            Some(Kind::Array) => methods.extend(quote! {
                fn visit_seq<__A: #private::serde::de::SeqAccess<'de>>(self, seq: __A) -> ::core::result::Result<#ident, __A::Error> {
                    <#ty as #private::serde::Deserialize>::deserialize(
                        #private::serde::de::value::SeqAccessDeserializer::new(seq),
                    ).map(#ident::#variant_ident)
                }
            }),
            Some(Kind::Object) | None => methods.extend(quote! {
                fn visit_map<__A: #private::serde::de::MapAccess<'de>>(self, map: __A) -> ::core::result::Result<#ident, __A::Error> {
                    <#ty as #private::serde::Deserialize>::deserialize(
                        #private::serde::de::value::MapAccessDeserializer::new(map),
                    ).map(#ident::#variant_ident)
                }
            }),
        }
    }
    quote! {
        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __ShapeVisitor;

                impl<'de> #private::serde::de::Visitor<'de> for __ShapeVisitor {
                    type Value = #ident;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }

                    #methods
                }

                deserializer.deserialize_any(__ShapeVisitor)
            }
        }
    }
}

fn serialize(ident: &Ident, variants: &[Variant]) -> TokenStream {
    let private = quote!(::chat_events_core::unstable);
    let idents = variants.iter().map(|variant| &variant.ident);
    quote! {
        impl #private::serde::Serialize for #ident {
            fn serialize<S: #private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    #(Self::#idents(value) => #private::serde::Serialize::serialize(value, serializer),)*
                }
            }
        }
    }
}

fn schema(ident: &Ident, doc: &str, variants: &[Variant]) -> TokenStream {
    let private = quote!(::chat_events_core::unstable);
    let name = ident.to_string();
    let shapes = typed(variants).map(|variant| {
        let alternatives = alternatives_tokens(variant);
        let ty = &variant.ty;
        let title = variant.ident.to_string();
        let doc = &variant.doc;
        quote! {
            #private::ShapeSchema {
                alternatives: #alternatives,
                title: #title,
                description: #doc,
                schema: generator.subschema_for::<#ty>(),
            }
        }
    });
    let other = variants.iter().find(|variant| variant.other).map_or_else(
        || quote!(::core::option::Option::None),
        |other| {
            let title = other.ident.to_string();
            let doc = &other.doc;
            quote!(::core::option::Option::Some((#title, #doc)))
        },
    );
    quote! {
        impl #private::schemars::JsonSchema for #ident {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::concat!(::core::module_path!(), "::", #name))
            }

            fn json_schema(
                generator: &mut #private::schemars::SchemaGenerator,
            ) -> #private::schemars::Schema {
                let shapes = ::std::vec![#(#shapes),*];
                #private::shape_schema(#doc, &shapes, #other)
            }
        }
    }
}
