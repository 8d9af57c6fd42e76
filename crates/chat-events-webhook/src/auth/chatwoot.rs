//! Chatwoot's webhook signature (Chatwoot 4.11.2+ for account webhooks, 4.13.0+ for API-inbox
//! and agent-bot webhooks).
//!
//! Each POST carries `X-Chatwoot-Signature: sha256=<hex>`, the HMAC-SHA256 with the webhook's
//! secret over `"{X-Chatwoot-Timestamp}.{raw body}"`, the timestamp in Unix seconds, and
//! `X-Chatwoot-Delivery`, a UUID that Chatwoot's own retries reuse.
//!
//! ```
//! use std::time::{Duration, SystemTime, UNIX_EPOCH};
//! use chat_events_webhook::auth::{Refusal, chatwoot};
//!
//! let now = UNIX_EPOCH + Duration::from_secs(1_733_500_010);
//! let body = br#"{"event":"message_created"}"#;
//! // Made with: printf '1733500000.{"event":"message_created"}' | openssl dgst -sha256 -hmac s3cret
//! let signature = "sha256=8ede5b2ccb642e8b1a6a24a777e87f3c05b4ab311f8519ccc41d892637e6599a";
//! let verdict = chatwoot::verify_signature(
//!     &["s3cret".into()],
//!     Some(signature.as_bytes()),
//!     Some(b"1733500000"),
//!     body,
//!     now,
//!     chatwoot::DEFAULT_TOLERANCE,
//! );
//! assert_eq!(verdict, Ok(()));
//! let tampered = chatwoot::verify_signature(
//!     &["s3cret".into()],
//!     Some(signature.as_bytes()),
//!     Some(b"1733500000"),
//!     br#"{"event":"message_updated"}"#,
//!     now,
//!     chatwoot::DEFAULT_TOLERANCE,
//! );
//! assert_eq!(tampered, Err(Refusal::BadSignature));
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chat_events_core::Secret;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::Refusal;

/// The signature header (`sha256=<hex>`).
pub const SIGNATURE_HEADER: &str = "x-chatwoot-signature";
/// The header with the Unix time the signature was made at.
pub const TIMESTAMP_HEADER: &str = "x-chatwoot-timestamp";
/// The delivery id header (a UUID; Chatwoot's retries of one delivery reuse it).
pub const DELIVERY_HEADER: &str = "x-chatwoot-delivery";
/// How far a signature's timestamp may be from the receiver's clock, either way, by default.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Checks a Chatwoot webhook signature: `signature` and `timestamp` are the header values as
/// sent (`None` when missing), `body` the raw body, `secrets` every secret currently valid
/// (more than one while a secret is rotated). The HMAC is compared in constant time.
///
/// The checks run in this order, and the first that fails is the answer: the signature
/// header is there ([`Refusal::MissingSignature`]), the timestamp header is there
/// ([`Refusal::MissingTimestamp`]), the timestamp is decimal digits
/// ([`Refusal::MalformedTimestamp`]), the signature is `sha256=` and 64 hex digits (either
/// case; [`Refusal::MalformedSignature`]), the timestamp is within `tolerance` of `now`
/// ([`Refusal::StaleTimestamp`], [`Refusal::FutureTimestamp`]), and the HMAC matches one of
/// the secrets ([`Refusal::BadSignature`]).
///
/// # Errors
///
/// The [`Refusal`] of the first check that failed.
pub fn verify_signature(
    secrets: &[Secret],
    signature: Option<&[u8]>,
    timestamp: Option<&[u8]>,
    body: &[u8],
    now: SystemTime,
    tolerance: Duration,
) -> Result<(), Refusal> {
    let signature = signature.ok_or(Refusal::MissingSignature)?;
    let timestamp = timestamp.ok_or(Refusal::MissingTimestamp)?;
    let seconds = parse_seconds(timestamp).ok_or(Refusal::MalformedTimestamp)?;
    let tag = signature
        .strip_prefix(b"sha256=")
        .filter(|hex| hex.len() == 64)
        .and_then(|hex| hex::decode(hex).ok())
        .ok_or(Refusal::MalformedSignature)?;
    let now = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let tolerance = tolerance.as_secs();
    if now.saturating_sub(seconds) > tolerance {
        return Err(Refusal::StaleTimestamp);
    }
    if seconds.saturating_sub(now) > tolerance {
        return Err(Refusal::FutureTimestamp);
    }
    // Every secret is tried (no early exit), so the time taken does not tell which matched.
    let mut matched = false;
    for secret in secrets {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()) else {
            continue;
        };
        mac.update(timestamp);
        mac.update(b".");
        mac.update(body);
        matched |= mac.verify_slice(&tag).is_ok();
    }
    if matched {
        Ok(())
    } else {
        Err(Refusal::BadSignature)
    }
}

/// `sha256=<hex>` for `body` signed with `secret` at `timestamp` (Unix seconds): what Chatwoot
/// sends, for tests of your own endpoint and for the testkit.
pub fn sign(secret: &Secret, timestamp: u64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Unix seconds written as 1 to 19 decimal digits.
fn parse_seconds(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 19 || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_sign_makes_verifies_and_a_changed_byte_does_not() {
        let secret = Secret::new("k");
        let at = UNIX_EPOCH + Duration::from_secs(1_000);
        let signature = sign(&secret, 1_000, b"{}");
        let check = |body: &[u8]| {
            verify_signature(
                std::slice::from_ref(&secret),
                Some(signature.as_bytes()),
                Some(b"1000"),
                body,
                at,
                DEFAULT_TOLERANCE,
            )
        };
        assert_eq!(check(b"{}"), Ok(()));
        assert_eq!(check(b"{ }"), Err(Refusal::BadSignature));
    }

    /// The tolerance is inclusive, on the receiver's clock given here (the HTTP tests use the
    /// wall clock, which moves while they run, so they stay well away from the edges).
    #[test]
    fn the_tolerance_ends_exactly_at_its_seconds_both_ways() {
        let secret = Secret::new("k");
        let now = UNIX_EPOCH + Duration::from_secs(10_000);
        let check = |signed_at: u64| {
            verify_signature(
                std::slice::from_ref(&secret),
                Some(sign(&secret, signed_at, b"{}").as_bytes()),
                Some(signed_at.to_string().as_bytes()),
                b"{}",
                now,
                DEFAULT_TOLERANCE,
            )
        };
        assert_eq!(check(10_000 - 300), Ok(()));
        assert_eq!(check(10_000 - 301), Err(Refusal::StaleTimestamp));
        assert_eq!(check(10_000 + 300), Ok(()));
        assert_eq!(check(10_000 + 301), Err(Refusal::FutureTimestamp));
    }
}
