//! The [`event_enum!`](crate::event_enum) macro: a provider's event enum and its kind enum.

/// Declares a provider's event enum, its open kind enum, and the dispatch between them.
///
/// Given one line per known event (`Variant(PayloadType) = "wireName"`), it generates:
///
/// - the kind enum, an [`open_enum!`](crate::open_enum) of the wire names;
/// - the event enum, `#[non_exhaustive]`, with one boxed variant per known event and
///   `Unknown(UnknownEvent)` for any other name;
/// - `kind()`, `name()` and `is_unknown()` on the event enum, and `payload()`, which gives a
///   known event's payload as `&dyn PayloadTrait` (every payload type implements the
///   provider's `payload_trait`, so accessors common to all events are written once);
/// - `decode_known(kind, prefix, raw)`, which deserializes exactly the payload type of a known
///   kind (with JSON paths prefixed by `prefix`) and returns `None` for other kinds; the
///   provider's [`ProviderEvent::from_raw`](crate::ProviderEvent::from_raw) reads the name,
///   calls it, and builds `Unknown` on `None`;
/// - `payload_schema(kind, generator)`, the JSON Schema of a known kind's payload type;
/// - `Serialize` (each payload's own JSON; `Unknown` writes its raw JSON) and `Deserialize`
///   (through [`ProviderEvent::from_raw`](crate::ProviderEvent::from_raw); `serde_json` only);
/// - the [`ProviderEvent`](crate::ProviderEvent) impl, whose `from_raw` is the provider's
///   `decode` function and `canonical_json` its `canonical` function; an inherent
///   `decode(bytes)`; `From<UnknownEvent>`; and `JsonSchema`, built by the provider's
///   `schema` function (the union of its events).
///
/// Doc comments must come first on the enums and on each variant. Variants should be sorted
/// alphabetically.
#[macro_export]
macro_rules! event_enum {
    (
        provider = $provider:literal;
        $(#[doc = $doc:literal])*
        $vis:vis enum $Event:ident;
        $(#[doc = $kdoc:literal])*
        $kvis:vis enum $Kind:ident;
        payload_trait = $Trait:path;
        decode = $decode:path;
        canonical = $canonical:path;
        schema = $schema:path;
        $(
            $(#[doc = $vdoc:literal])*
            $Variant:ident($Payload:ty) = $wire:literal,
        )+
    ) => {
        $crate::open_enum! {
            $(#[doc = $kdoc])*
            $kvis enum $Kind {
                $(
                    $(#[doc = $vdoc])*
                    $Variant = $wire,
                )+
            }
        }

        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        $vis enum $Event {
            $(
                $(#[doc = $vdoc])*
                $Variant(::std::boxed::Box<$Payload>),
            )+
            /// An event this version does not model, with its name and raw JSON.
            Unknown($crate::UnknownEvent),
        }

        impl $Event {
            /// The kind of event (`Other(name)` for unknown events).
            pub fn kind(&self) -> $Kind {
                match self {
                    $(Self::$Variant(_) => $Kind::$Variant,)+
                    Self::Unknown(unknown) => $Kind::from(unknown.name()),
                }
            }

            /// The wire name of the event.
            pub fn name(&self) -> &str {
                match self {
                    $(Self::$Variant(_) => $wire,)+
                    Self::Unknown(unknown) => unknown.name(),
                }
            }

            /// The payload of a known event, through the provider's common payload trait;
            /// `None` for unknown events.
            pub fn payload(&self) -> ::core::option::Option<&dyn $Trait> {
                match self {
                    $(Self::$Variant(payload) => ::core::option::Option::Some(&**payload),)+
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            }

            /// The payload of a known event, mutably, through the provider's common payload
            /// trait; `None` for unknown events.
            pub fn payload_mut(&mut self) -> ::core::option::Option<&mut dyn $Trait> {
                match self {
                    $(Self::$Variant(payload) => ::core::option::Option::Some(&mut **payload),)+
                    Self::Unknown(_) => ::core::option::Option::None,
                }
            }

            /// Whether the event name is one this version does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }

            /// Deserializes the payload of the known event `kind` from `raw`, whose JSON path
            /// inside the whole payload is `prefix`; `None` if `kind` is not a known event.
            ///
            /// # Errors
            ///
            /// `Some(Err(_))` when the payload does not fit the event's model.
            pub fn decode_known(
                kind: &$Kind,
                prefix: &str,
                raw: &$crate::__private::serde_json::value::RawValue,
            ) -> ::core::option::Option<::core::result::Result<Self, $crate::DecodeError>> {
                match kind {
                    $(
                        $Kind::$Variant => ::core::option::Option::Some(
                            $crate::decode_at::<$Payload>($provider, ::core::option::Option::Some($wire), prefix, raw)
                                .map(|payload| Self::$Variant(::std::boxed::Box::new(payload))),
                        ),
                    )+
                    $Kind::Other(_) => ::core::option::Option::None,
                }
            }

            /// The JSON Schema of the payload type of the known event `kind`, registered in
            /// `generator`; `None` if `kind` is not a known event.
            pub fn payload_schema(
                kind: &$Kind,
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> ::core::option::Option<$crate::__private::schemars::Schema> {
                match kind {
                    $($Kind::$Variant => ::core::option::Option::Some(generator.subschema_for::<$Payload>()),)+
                    $Kind::Other(_) => ::core::option::Option::None,
                }
            }
        }

        impl $crate::ProviderEvent for $Event {
            const PROVIDER: &'static str = $provider;

            fn name(&self) -> &str {
                $Event::name(self)
            }

            fn is_unknown(&self) -> bool {
                $Event::is_unknown(self)
            }

            fn from_raw(
                raw: &$crate::__private::serde_json::value::RawValue,
            ) -> ::core::result::Result<Self, $crate::DecodeError> {
                $decode(raw)
            }

            fn canonical_json(original: $crate::__private::serde_json::Value) -> $crate::__private::serde_json::Value {
                $canonical(original)
            }
        }

        impl $Event {
            /// Decodes an event from bytes, keeping the original JSON beside the typed value
            /// (see [`ProviderEvent::decode`](chat_events_core::ProviderEvent::decode)).
            ///
            /// # Errors
            ///
            /// A [`DecodeError`](chat_events_core::DecodeError) for bytes that are not JSON, a
            /// payload that names no event, or a known event whose body does not fit its model
            /// (with the JSON path). The error keeps the bytes.
            pub fn decode(bytes: &[u8]) -> ::core::result::Result<$crate::Decoded<Self>, $crate::DecodeError> {
                <Self as $crate::ProviderEvent>::decode(bytes)
            }
        }

        impl ::core::convert::From<$crate::UnknownEvent> for $Event {
            fn from(unknown: $crate::UnknownEvent) -> Self {
                Self::Unknown(unknown)
            }
        }

        impl $crate::__private::schemars::JsonSchema for $Event {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($Event))
            }

            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $schema(generator)
            }
        }

        impl $crate::__private::serde::Serialize for $Event {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                match self {
                    $(Self::$Variant(payload) => $crate::__private::serde::Serialize::serialize(&**payload, serializer),)+
                    Self::Unknown(unknown) => $crate::__private::serde::Serialize::serialize(unknown, serializer),
                }
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $Event {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                let raw: ::std::boxed::Box<$crate::__private::serde_json::value::RawValue> =
                    $crate::__private::serde::Deserialize::deserialize(deserializer)?;
                <Self as $crate::ProviderEvent>::from_raw(&raw)
                    .map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }
    };
}
