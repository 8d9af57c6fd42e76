//! Evolution API's webhook JWT (Evolution API 2.3.0+).
//!
//! With a `jwt_key` in a webhook's headers, Evolution API sends `Authorization: Bearer <JWT>`,
//! signed with HS256 and that key, with the claims `iat`, `exp` (`iat` + 600 s), `app` and
//! `action`. The token is checked with `jsonwebtoken`; only HS256 is accepted, so a token
//! that names `none` or another algorithm (RS256 signed with the key as an HMAC secret, the
//! classic confusion) is refused before any signature is looked at.
//!
//! ```
//! use std::time::{Duration, UNIX_EPOCH};
//! use chat_events_webhook::auth::{Refusal, evolution};
//!
//! let now = UNIX_EPOCH + Duration::from_secs(1_733_500_010);
//! let verdict = evolution::verify_jwt(&["k1".into()], Some(b"Basic dXNlcjpwYXNz"), now, evolution::DEFAULT_LEEWAY);
//! assert_eq!(verdict.unwrap_err(), Refusal::MissingToken);
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use chat_events_core::Secret;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, errors::ErrorKind};
use serde::Deserialize;

use super::Refusal;

/// How far `exp` may be past and `iat` ahead of the receiver's clock by default.
pub const DEFAULT_LEEWAY: Duration = Duration::from_secs(60);

/// The claims of a checked Evolution API webhook token.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Claims {
    /// What the token is for (`"webhook"` from Evolution API).
    #[serde(default)]
    pub action: Option<String>,
    /// The sending application (`"evolution"`).
    #[serde(default)]
    pub app: Option<String>,
    /// When it expires (Unix seconds).
    pub exp: u64,
    /// When it was made (Unix seconds).
    #[serde(default)]
    pub iat: Option<u64>,
}

/// What the token's claims may hold before `exp` is known to be there.
#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    app: Option<String>,
    #[serde(default)]
    exp: Option<u64>,
    #[serde(default)]
    iat: Option<u64>,
}

/// Checks an Evolution API webhook token: `authorization` is the `Authorization` header as
/// sent (`None` when missing), `secrets` every key currently valid (more than one while a key
/// is rotated), `leeway` the clock difference allowed.
///
/// In order: a `Bearer ` token is there ([`Refusal::MissingToken`]), it is a JWT
/// ([`Refusal::MalformedToken`]), its algorithm is HS256 ([`Refusal::UnsupportedAlgorithm`]),
/// its signature matches one of the keys ([`Refusal::BadSignature`]), it has an `exp`
/// ([`Refusal::MissingExpiry`]) that is not past ([`Refusal::Expired`]), and its `iat`, if
/// any, is not ahead ([`Refusal::IssuedInFuture`]).
///
/// # Errors
///
/// The [`Refusal`] of the first check that failed.
pub fn verify_jwt(
    secrets: &[Secret],
    authorization: Option<&[u8]>,
    now: SystemTime,
    leeway: Duration,
) -> Result<Claims, Refusal> {
    let token = authorization
        .and_then(|value| std::str::from_utf8(value).ok())
        .and_then(bearer)
        .ok_or(Refusal::MissingToken)?;
    if algorithm(token)? != "HS256" {
        return Err(Refusal::UnsupportedAlgorithm);
    }
    let mut validation = Validation::new(Algorithm::HS256);
    // The times are checked below against the caller's clock, with the caller's leeway.
    validation.validate_exp = false;
    validation.validate_nbf = false;
    validation.validate_aud = false;
    validation.required_spec_claims.clear();
    let mut raw = None;
    for secret in secrets {
        let Ok(key) = DecodingKey::from_secret(secret.expose().as_bytes()) else {
            continue;
        };
        match jsonwebtoken::decode::<Raw>(token, &key, &validation) {
            Ok(data) => {
                raw = Some(data.claims);
                break;
            }
            Err(error) if *error.kind() == ErrorKind::InvalidSignature => {}
            Err(error) if *error.kind() == ErrorKind::InvalidAlgorithm => {
                return Err(Refusal::UnsupportedAlgorithm);
            }
            Err(_) => return Err(Refusal::MalformedToken),
        }
    }
    let raw = raw.ok_or(Refusal::BadSignature)?;
    let exp = raw.exp.ok_or(Refusal::MissingExpiry)?;
    let now = now
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let leeway = leeway.as_secs();
    if now > exp.saturating_add(leeway) {
        return Err(Refusal::Expired);
    }
    if raw.iat.is_some_and(|iat| iat > now.saturating_add(leeway)) {
        return Err(Refusal::IssuedInFuture);
    }
    Ok(Claims {
        action: raw.action,
        app: raw.app,
        exp,
        iat: raw.iat,
    })
}

/// The token of `Bearer <token>`, the scheme written as Evolution API writes it (the
/// TypeScript and Python packages read it the same way).
fn bearer(value: &str) -> Option<&str> {
    value
        .strip_prefix("Bearer ")
        .filter(|token| !token.is_empty())
}

/// The `alg` of a token's header, read before any key is used, once the token is known to
/// be three base64url parts whose first two are JSON objects.
fn algorithm(token: &str) -> Result<String, Refusal> {
    #[derive(Deserialize)]
    struct Header {
        alg: String,
    }
    let mut parts = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::MalformedToken);
    };
    let base64url = |part: &str| {
        part.bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
    };
    if ![header, payload, signature].into_iter().all(base64url) {
        return Err(Refusal::MalformedToken);
    }
    let object = |part: &str| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(part)
            .ok()
            .and_then(|json| {
                serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&json).ok()
            })
    };
    if object(payload).is_none() {
        return Err(Refusal::MalformedToken);
    }
    let header = object(header).ok_or(Refusal::MalformedToken)?;
    serde_json::from_value::<Header>(serde_json::Value::Object(header))
        .map(|header| header.alg)
        .map_err(|_| Refusal::MalformedToken)
}

/// An HS256 token as Evolution API makes it (`iat`, `exp`, `app: "evolution"`,
/// `action: "webhook"`), signed with `secret`: for tests of your endpoint and the testkit.
///
/// # Errors
///
/// [`Refusal::MalformedToken`] when the token cannot be made (an unusable key).
pub fn sign(secret: &Secret, iat: u64, exp: u64) -> Result<String, Refusal> {
    let claims =
        serde_json::json!({ "iat": iat, "exp": exp, "app": "evolution", "action": "webhook" });
    let key = jsonwebtoken::EncodingKey::from_secret(secret.expose().as_bytes())
        .map_err(|_| Refusal::MalformedToken)?;
    jsonwebtoken::encode(&jsonwebtoken::Header::new(Algorithm::HS256), &claims, &key)
        .map_err(|_| Refusal::MalformedToken)
}
