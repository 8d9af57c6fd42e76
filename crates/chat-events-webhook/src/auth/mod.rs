//! How a webhook proves where it came from, as each provider does it.
//!
//! - [`chatwoot`]: Chatwoot's HMAC signature over the timestamp and the body.
//! - [`evolution`] (feature `jwt`): Evolution API's HS256 bearer token.
//! - A shared secret in a header, a query parameter or the last path segment, for senders
//!   that can only be given a URL or a static header (CodeChat, older Evolution API).
//!
//! The functions here are what the receiver runs; they work as well in an HTTP server of your
//! own. Every refusal has a stable [`code`](Refusal::code), the same in the TypeScript and
//! Python packages, and never carries a value that was sent.

pub mod chatwoot;
#[cfg(feature = "jwt")]
#[cfg_attr(docsrs, doc(cfg(feature = "jwt")))]
pub mod evolution;

use std::fmt;

/// Why a webhook was refused as unauthenticated (answered 401 with the [`code`](Self::code)).
///
/// Neither the code nor the message repeats what was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Refusal {
    /// The signature did not match the body with any of the secrets.
    BadSignature,
    /// The token's `exp` is past, beyond the leeway.
    Expired,
    /// The signature's timestamp is further ahead of the clock than the tolerance.
    FutureTimestamp,
    /// The token's `iat` is ahead of the clock, beyond the leeway.
    IssuedInFuture,
    /// The signature header is not `sha256=` and 64 hex digits.
    MalformedSignature,
    /// The timestamp header is not Unix seconds.
    MalformedTimestamp,
    /// The bearer token is not a JWT (three base64url parts of JSON).
    MalformedToken,
    /// The token has no `exp`.
    MissingExpiry,
    /// The shared secret was not sent.
    MissingSecret,
    /// The signature header was not sent.
    MissingSignature,
    /// The timestamp header was not sent.
    MissingTimestamp,
    /// No `Authorization: Bearer` token was sent.
    MissingToken,
    /// The signature's timestamp is older than the tolerance.
    StaleTimestamp,
    /// The token names an algorithm other than HS256 (`none`, RS256, …).
    UnsupportedAlgorithm,
    /// The shared secret sent is not the one configured.
    WrongSecret,
}

impl Refusal {
    /// The machine-readable code, as in the 401 body's `reason` (`"bad_signature"`, …).
    pub const fn code(self) -> &'static str {
        match self {
            Self::BadSignature => "bad_signature",
            Self::Expired => "expired",
            Self::FutureTimestamp => "future_timestamp",
            Self::IssuedInFuture => "issued_in_future",
            Self::MalformedSignature => "malformed_signature",
            Self::MalformedTimestamp => "malformed_timestamp",
            Self::MalformedToken => "malformed_token",
            Self::MissingExpiry => "missing_expiry",
            Self::MissingSecret => "missing_secret",
            Self::MissingSignature => "missing_signature",
            Self::MissingTimestamp => "missing_timestamp",
            Self::MissingToken => "missing_token",
            Self::StaleTimestamp => "stale_timestamp",
            Self::UnsupportedAlgorithm => "unsupported_algorithm",
            Self::WrongSecret => "wrong_secret",
        }
    }

    /// A sentence for people, naming the check that failed and nothing that was sent.
    pub const fn message(self) -> &'static str {
        match self {
            Self::BadSignature => "the signature does not match the body",
            Self::Expired => "the token has expired",
            Self::FutureTimestamp => "the signature's timestamp is ahead of the receiver's clock",
            Self::IssuedInFuture => "the token was issued ahead of the receiver's clock",
            Self::MalformedSignature => "the signature header is not sha256=<64 hex digits>",
            Self::MalformedTimestamp => "the timestamp header is not Unix seconds",
            Self::MalformedToken => "the bearer token is not a JWT",
            Self::MissingExpiry => "the token has no expiry (exp)",
            Self::MissingSecret => "the webhook secret is missing",
            Self::MissingSignature => "the signature header is missing",
            Self::MissingTimestamp => "the timestamp header is missing",
            Self::MissingToken => "no bearer token in the Authorization header",
            Self::StaleTimestamp => "the signature's timestamp is too old",
            Self::UnsupportedAlgorithm => "the token's algorithm is not HS256",
            Self::WrongSecret => "the webhook secret is wrong",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Refusal {}
