//! One request: authentication, the content type, the body limit, the decode, repeats, the
//! queue, and the answer (see the status table in the crate docs).

use std::{
    sync::Arc,
    time::{Duration, Instant, SystemTime},
};

use axum::{
    body::{Body, Bytes},
    extract::{OriginalUri, RawQuery, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chat_events_core::{DecodeError, DecodeErrorKind, Decoded, Secret};
use subtle::ConstantTimeEq;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc};
use tracing::Instrument;

use super::{Incoming, Item, Persist, ReceiverError, Request, Update, Webhook};
use crate::{
    auth::{Refusal, chatwoot},
    repeats::{Repeats, Seen},
};

/// Where the shared secret is read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SecretSource {
    Header(HeaderName),
    Query(String),
    PathSegment,
}

/// How requests prove where they came from.
#[derive(Clone, Debug)]
pub(crate) enum Authentication {
    /// Anyone who knows the URL.
    Open,
    /// A shared secret (any of `secrets`) at `source`.
    Shared {
        source: SecretSource,
        secrets: Vec<Secret>,
    },
    /// Chatwoot's signature with any of `secrets`.
    Chatwoot {
        secrets: Vec<Secret>,
        tolerance: Duration,
    },
    /// Evolution API's bearer JWT with any of `secrets`.
    #[cfg(feature = "jwt")]
    Jwt {
        secrets: Vec<Secret>,
        leeway: Duration,
    },
}

impl Authentication {
    /// The name of the method, for logs and `Debug` (never a secret).
    pub(crate) const fn name(&self) -> &'static str {
        match self {
            Self::Open => "none",
            Self::Shared { .. } => "shared_secret",
            Self::Chatwoot { .. } => "chatwoot_signature",
            #[cfg(feature = "jwt")]
            Self::Jwt { .. } => "evolution_jwt",
        }
    }

    /// What makes this setting unusable: no secret, or an empty one.
    pub(crate) fn problem(&self) -> Option<&'static str> {
        let (secrets, none, empty) = match self {
            Self::Open => return None,
            Self::Shared { secrets, .. } => (secrets, "", "a webhook secret must not be empty"),
            Self::Chatwoot { secrets, .. } => (
                secrets,
                "the signature tolerance is set but no signature secret",
                "a signature secret must not be empty",
            ),
            #[cfg(feature = "jwt")]
            Self::Jwt { secrets, .. } => (
                secrets,
                "the JWT leeway is set but no JWT secret",
                "a JWT secret must not be empty",
            ),
        };
        if secrets.is_empty() {
            Some(none)
        } else if secrets.iter().any(Secret::is_empty) {
            Some(empty)
        } else {
            None
        }
    }

    pub(crate) const fn is_path_secret(&self) -> bool {
        matches!(
            self,
            Self::Shared {
                source: SecretSource::PathSegment,
                ..
            }
        )
    }

    /// The checks that need no body: the shared secret and the bearer token.
    #[cfg_attr(not(feature = "jwt"), allow(unused_variables))]
    fn before_body(
        &self,
        query: Option<&str>,
        headers: &HeaderMap,
        path_secret: Option<&str>,
        now: SystemTime,
    ) -> Result<(), Refusal> {
        match self {
            Self::Open | Self::Chatwoot { .. } => Ok(()),
            Self::Shared { source, secrets } => {
                shared_secret(source, secrets, query, headers, path_secret)
            }
            #[cfg(feature = "jwt")]
            Self::Jwt { secrets, leeway } => crate::auth::evolution::verify_jwt(
                secrets,
                headers
                    .get(header::AUTHORIZATION)
                    .map(HeaderValue::as_bytes),
                now,
                *leeway,
            )
            .map(|_| ()),
        }
    }

    /// The checks over the body: Chatwoot's signature.
    fn with_body(&self, headers: &HeaderMap, body: &[u8], now: SystemTime) -> Result<(), Refusal> {
        match self {
            Self::Chatwoot { secrets, tolerance } => chatwoot::verify_signature(
                secrets,
                headers
                    .get(chatwoot::SIGNATURE_HEADER)
                    .map(HeaderValue::as_bytes),
                headers
                    .get(chatwoot::TIMESTAMP_HEADER)
                    .map(HeaderValue::as_bytes),
                body,
                now,
                *tolerance,
            ),
            _ => Ok(()),
        }
    }
}

/// A shared secret sent where it was configured, compared in constant time.
fn shared_secret(
    source: &SecretSource,
    secrets: &[Secret],
    query: Option<&str>,
    headers: &HeaderMap,
    path_secret: Option<&str>,
) -> Result<(), Refusal> {
    let given: Vec<u8> = match source {
        SecretSource::Header(name) => headers.get(name).map(|value| value.as_bytes().to_vec()),
        SecretSource::Query(name) => Incoming::new(headers, query)
            .query(name)
            .map(|value| value.as_bytes().to_vec()),
        SecretSource::PathSegment => path_secret.map(|segment| {
            // Percent-decoded, like a query value.
            form_urlencoded::parse(format!("s={segment}").as_bytes())
                .next()
                .map_or_else(Vec::new, |(_, v)| v.as_bytes().to_vec())
        }),
    }
    .ok_or(Refusal::MissingSecret)?;
    // Constant time over each secret's bytes, every secret tried; only lengths can leak.
    let mut matched = false;
    for secret in secrets {
        matched |= bool::from(given.ct_eq(secret.expose().as_bytes()));
    }
    if matched {
        Ok(())
    } else {
        Err(Refusal::WrongSecret)
    }
}

/// What every request of one router shares.
pub(crate) struct Shared<E: Webhook> {
    /// The route template (`/hook` or `/hook/{secret}`), for the logs.
    pub(crate) route: String,
    pub(crate) body_limit: usize,
    pub(crate) body_timeout: Duration,
    pub(crate) queue_wait: Duration,
    pub(crate) budget: Budget,
    pub(crate) authentication: Authentication,
    pub(crate) repeats: Option<Arc<Repeats>>,
    pub(crate) sender: mpsc::Sender<Queued<E>>,
    pub(crate) persist: Option<Arc<dyn Persist<E>>>,
}

/// An item in the queue with the share of the byte budget it holds until it is taken.
pub(crate) struct Queued<E: Webhook> {
    pub(crate) item: Item<E>,
    pub(crate) _charge: Option<OwnedSemaphorePermit>,
}

/// The bytes accepted bodies may hold while they wait for the consumer, counted in KiB.
pub(crate) struct Budget {
    kib: Arc<Semaphore>,
    total: u32,
}

impl Budget {
    pub(crate) fn new(bytes: usize) -> Self {
        let total = u32::try_from(bytes.div_ceil(1024).max(1)).unwrap_or(u32::MAX >> 4);
        let total = total.min(u32::try_from(Semaphore::MAX_PERMITS).unwrap_or(u32::MAX));
        Self {
            kib: Arc::new(Semaphore::new(total as usize)),
            total,
        }
    }

    /// The KiB a body of `bytes` holds; a body larger than the whole budget takes all of it.
    fn charge(&self, bytes: usize) -> u32 {
        u32::try_from(bytes.div_ceil(1024).max(1))
            .unwrap_or(u32::MAX)
            .min(self.total)
    }

    async fn acquire(&self, bytes: usize) -> Option<OwnedSemaphorePermit> {
        Arc::clone(&self.kib)
            .acquire_many_owned(self.charge(bytes))
            .await
            .ok()
    }

    fn try_acquire(&self, bytes: usize) -> Option<OwnedSemaphorePermit> {
        Arc::clone(&self.kib)
            .try_acquire_many_owned(self.charge(bytes))
            .ok()
    }
}

pub(crate) async fn method_not_allowed() -> Response {
    let mut response = refuse(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "webhooks are POSTed",
        serde_json::Value::Null,
    );
    response
        .headers_mut()
        .insert(header::ALLOW, HeaderValue::from_static("POST"));
    response
}

pub(crate) async fn accept<E: Webhook>(
    State(shared): State<Arc<Shared<E>>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> Response {
    let span = tracing::info_span!(
        "webhook",
        provider = E::PROVIDER,
        route = %shared.route,
        event = tracing::field::Empty,
        bytes = tracing::field::Empty,
        status = tracing::field::Empty,
        reason = tracing::field::Empty,
    );
    let path_secret = request.uri().path().rsplit('/').next().map(str::to_owned);
    let path = source_path(&shared, &request);
    let response = handle(
        &shared,
        query.as_deref(),
        &headers,
        path_secret.as_deref(),
        path,
        request.into_body(),
    )
    .instrument(span.clone())
    .await;
    span.record("status", response.status().as_u16());
    if response.status().is_success() {
        tracing::debug!(parent: &span, "accepted");
    } else {
        tracing::info!(parent: &span, "refused");
    }
    response
}

/// The path the request was posted to (with the prefix of an app the router is nested in),
/// without the secret segment.
fn source_path<E: Webhook>(shared: &Shared<E>, request: &axum::extract::Request) -> String {
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or(request.uri(), |original| &original.0);
    let mut path = uri.path();
    if shared.authentication.is_path_secret() {
        path = path.rsplit_once('/').map_or("", |(before, _)| before);
    }
    if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    }
}

/// The longest delivery id kept as sent; a longer one (a header the sender does not sign can
/// hold kilobytes) is kept as its SHA-256, so the record of repeats holds at most this many
/// bytes per id and a repeat is still recognised.
pub(crate) const MAX_DELIVERY_ID: usize = 128;

fn bounded_id(id: String) -> String {
    use sha2::{Digest, Sha256};
    if id.len() <= MAX_DELIVERY_ID {
        id
    } else {
        format!("sha256:{}", hex::encode(Sha256::digest(id.as_bytes())))
    }
}

/// 401 naming the check that failed (never a value that was sent).
fn unauthorized(refusal: Refusal) -> Response {
    tracing::Span::current().record("reason", refusal.code());
    refuse(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        refusal.message(),
        serde_json::json!({ "reason": refusal.code() }),
    )
}

async fn handle<E: Webhook>(
    shared: &Shared<E>,
    query: Option<&str>,
    headers: &HeaderMap,
    path_secret: Option<&str>,
    path: String,
    body: Body,
) -> Response {
    let received_at = SystemTime::now();
    let span = tracing::Span::current();
    if let Err(refusal) =
        shared
            .authentication
            .before_body(query, headers, path_secret, received_at)
    {
        return unauthorized(refusal);
    }
    if !is_json(headers.get(header::CONTENT_TYPE)) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "the body must be JSON (Content-Type: application/json)",
            serde_json::Value::Null,
        );
    }
    let bytes = match read_body(shared, headers, body).await {
        Ok(bytes) => bytes,
        Err(refused) => return refused,
    };
    span.record("bytes", bytes.len());
    if let Err(refusal) = shared
        .authentication
        .with_body(headers, &bytes, received_at)
    {
        return unauthorized(refusal);
    }
    let incoming = Incoming::new(headers, query);
    let mut source = Request {
        delivery: None,
        owner: E::owner(&incoming),
        path,
    };
    let decoded = match E::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(error) => return refuse_decode(shared, error, source, received_at),
    };
    span.record("event", decoded.name());
    source.delivery = E::delivery_id(&incoming, &decoded).map(bounded_id);
    // A delivery already answered is answered again, not delivered again.
    let claim = match (&shared.repeats, &source.delivery) {
        (Some(repeats), Some(id)) => {
            match repeats.check(&format!("{}\n{id}", source.path), Instant::now()) {
                Seen::New(claim) => Some(claim),
                Seen::Done => {
                    tracing::debug!("a repeat of a delivery already accepted");
                    return accepted(&decoded, true);
                }
                Seen::InFlight => {
                    return retry_later::<E>(
                        "in_flight",
                        "this delivery is being handled; retry later",
                    );
                }
            }
        }
        _ => None,
    };
    if let Some(persist) = &shared.persist
        && let Err(reason) = persist.persist(&source, &decoded, received_at).await
    {
        tracing::warn!(event = decoded.name(), %reason, "not stored; answered 503");
        return retry_later::<E>("not_stored", "the event could not be stored; retry later");
    }
    let response = enqueue(shared, source, decoded, received_at, bytes.len()).await;
    if let Some(claim) = claim
        && response.status().is_success()
    {
        claim.accepted();
    }
    response
}

/// The body within the limit and the deadline, or the answer that refuses it.
async fn read_body<E: Webhook>(
    shared: &Shared<E>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Bytes, Response> {
    let too_large = || {
        refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "the body is larger than the receiver's limit",
            serde_json::json!({ "limit": shared.body_limit }),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|length| length > shared.body_limit) {
        return Err(too_large());
    }
    let read = tokio::time::timeout(
        shared.body_timeout,
        axum::body::to_bytes(body, shared.body_limit),
    );
    match read.await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(error)) if is_length_limit(&error) => Err(too_large()),
        Err(_) => Err(refuse(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            "the body did not arrive within the receiver's deadline",
            serde_json::Value::Null,
        )),
        Ok(Err(_)) => Err(refuse(
            StatusCode::BAD_REQUEST,
            "unreadable_body",
            "the body could not be read",
            serde_json::Value::Null,
        )),
    }
}

/// The provider's retry status (503, or 429 for Chatwoot) with `Retry-After: 1`: the sender
/// should try again shortly.
fn retry_later<E: Webhook>(error: &str, message: &str) -> Response {
    let mut response = refuse(
        StatusCode::from_u16(E::RETRY_STATUS).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
        error,
        message,
        serde_json::Value::Null,
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

/// 200: `{"accepted":true,"event":…,"known":…}` (and `"repeat":true` for a repeat).
fn accepted<E: Webhook>(decoded: &Decoded<E>, repeat: bool) -> Response {
    // Written directly (no `Value` map per request); the name is the only text, escaped by
    // serde_json.
    let name = serde_json::to_string(decoded.name()).unwrap_or_else(|_| "null".to_owned());
    let known = if decoded.is_unknown() {
        "false"
    } else {
        "true"
    };
    let body = if repeat {
        format!(r#"{{"accepted":true,"event":{name},"known":{known},"repeat":true}}"#)
    } else {
        format!(r#"{{"accepted":true,"event":{name},"known":{known}}}"#)
    };
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

/// Queues an accepted event and answers 200, or 503 when there is no room in time.
async fn enqueue<E: Webhook>(
    shared: &Shared<E>,
    source: Request,
    decoded: Decoded<E>,
    received_at: SystemTime,
    bytes: usize,
) -> Response {
    // Room for the event: its bytes in the budget and a slot in the queue, waiting a little
    // for a consumer that is merely slower for a moment.
    let room = async {
        let charge = shared.budget.acquire(bytes).await?;
        let slot = shared.sender.reserve().await.ok()?;
        Some((charge, slot))
    };
    match tokio::time::timeout(shared.queue_wait, room).await {
        Ok(Some((charge, slot))) => {
            let response = accepted(&decoded, false);
            slot.send(Queued {
                item: Ok(Update::Event {
                    source,
                    event: decoded,
                    received_at,
                }),
                _charge: Some(charge),
            });
            response
        }
        _ if shared.sender.is_closed() => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "receiver_closed",
            "no consumer is reading events",
            serde_json::Value::Null,
        ),
        _ => retry_later::<E>("queue_full", "the consumer is behind; retry later"),
    }
}

/// An error answer: status, a machine-readable code and a message.
fn refuse(status: StatusCode, code: &str, message: &str, extra: serde_json::Value) -> Response {
    let mut body = serde_json::json!({ "error": code, "message": message });
    if let (Some(body), serde_json::Value::Object(extra)) = (body.as_object_mut(), extra) {
        body.extend(extra.into_iter().filter(|(_, value)| !value.is_null()));
    }
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.to_string(),
    )
        .into_response()
}

/// Answers a body that did not decode: 400 for non-JSON or a missing name, 422 (and a
/// report through the receiver) for a known event whose data does not fit.
fn refuse_decode<E: Webhook>(
    shared: &Shared<E>,
    error: DecodeError,
    source: Request,
    received_at: SystemTime,
) -> Response {
    let details = serde_json::json!({
        "provider": error.provider(),
        "event": error.event(),
        "path": error.path(),
        "line": error.position().map(|(line, _)| line),
        "column": error.position().map(|(_, column)| column),
    });
    let message = error.message().to_owned();
    match error.kind() {
        DecodeErrorKind::Syntax | DecodeErrorKind::NotInteroperable => {
            refuse(StatusCode::BAD_REQUEST, "invalid_json", &message, details)
        }
        DecodeErrorKind::MissingEventName => refuse(
            StatusCode::BAD_REQUEST,
            "missing_event_name",
            &message,
            details,
        ),
        _ => {
            if let Some(event) = error.event() {
                tracing::Span::current().record("event", event);
            }
            let response = refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_event",
                &message,
                details,
            );
            let reported = shared
                .budget
                .try_acquire(error.raw().map_or(0, <[u8]>::len))
                .is_some_and(|charge| {
                    let report = Queued {
                        item: Err(ReceiverError::Decode {
                            request: source,
                            error,
                            received_at,
                        }),
                        _charge: Some(charge),
                    };
                    shared.sender.try_send(report).is_ok()
                });
            if !reported {
                tracing::warn!("a refused body could not be reported: the queue is full or closed");
            }
            response
        }
    }
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = source {
        if current.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}

/// `application/json`, `application/*+json`, with or without parameters.
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    let Some(value) = content_type.and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::{MAX_DELIVERY_ID, bounded_id};

    #[test]
    fn a_long_delivery_id_is_kept_as_its_hash() {
        assert_eq!(bounded_id("d-1".to_owned()), "d-1");
        let long = "x".repeat(10_000);
        let kept = bounded_id(long.clone());
        assert!(kept.len() <= MAX_DELIVERY_ID, "{}", kept.len());
        assert!(kept.starts_with("sha256:"));
        assert_eq!(kept, bounded_id(long), "the same id, the same record entry");
        assert_ne!(kept, bounded_id("y".repeat(10_000)));
    }
}
