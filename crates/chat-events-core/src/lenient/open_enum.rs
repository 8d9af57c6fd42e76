//! The [`open_enum!`](crate::open_enum) macro: string enums that keep values they do not know.

/// Declares a string enum whose unknown values are kept in an `Other(String)` variant.
///
/// `#[serde(other)]` drops the value it catches; providers add values without notice, and a
/// user who logs or forwards an event needs the value that arrived. The generated enum:
///
/// - has one unit variant per known wire string plus `Other(String)`, and is `#[non_exhaustive]`;
/// - converts with `From<&str>`, `From<String>`, `FromStr` (infallible), `as_str`, `Display`;
/// - serializes to the wire string, deserializes from any string (no error, no allocation for
///   known values);
/// - has a `JsonSchema` listing every known value with its doc line, then "any other string".
///
/// The enum and each variant take doc comments only (the schema is built from them).
///
/// ```
/// chat_events_core::open_enum! {
///     /// Direction of a message.
///     pub enum Side {
///         /// Received from the customer.
///         In = "in",
///         /// Sent to the customer.
///         Out = "out",
///     }
/// }
///
/// assert_eq!(Side::from("in"), Side::In);
/// let side: Side = serde_json::from_str(r#""sideways""#).unwrap();
/// assert_eq!(side, Side::Other("sideways".to_owned()));
/// assert_eq!(serde_json::to_string(&side).unwrap(), r#""sideways""#);
/// assert_eq!(Side::KNOWN, &["in", "out"]);
/// ```
#[macro_export]
macro_rules! open_enum {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $Name:ident {
            $(
                $(#[doc = $vdoc:literal])*
                $Variant:ident = $wire:literal,
            )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        $vis enum $Name {
            $(
                $(#[doc = $vdoc])*
                $Variant,
            )+
            /// A value this version does not know, kept verbatim.
            Other(::std::string::String),
        }

        impl $Name {
            /// Every value this version knows, as sent on the wire.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$Variant => $wire,)+
                    Self::Other(value) => value,
                }
            }

            /// Whether this version knows the value (it is not `Other`).
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }

            fn known(value: &str) -> ::core::option::Option<Self> {
                match value {
                    $($wire => ::core::option::Option::Some(Self::$Variant),)+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl ::core::convert::From<&str> for $Name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Other(value.to_owned()))
            }
        }

        impl ::core::convert::From<::std::string::String> for $Name {
            fn from(value: ::std::string::String) -> Self {
                Self::known(&value).unwrap_or(Self::Other(value))
            }
        }

        impl ::core::str::FromStr for $Name {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }

        impl ::core::fmt::Display for $Name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $Name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $Name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                deserializer.deserialize_str($crate::__private::OpenEnumVisitor::<Self>::new(
                    stringify!($Name),
                ))
            }
        }

        impl $crate::__private::schemars::JsonSchema for $Name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($Name))
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::open_enum_schema(
                    concat!($($doc, "\n"),*),
                    &[$(($wire, concat!($($vdoc, "\n"),*))),+],
                )
            }
        }
    };
}
