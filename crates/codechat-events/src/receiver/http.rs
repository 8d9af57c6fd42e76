//! One request: the secret, the content type, the body limit, the decode, the queue, and
//! the answer (see the status table in the module docs).

use std::{
    borrow::Cow,
    sync::Arc,
    time::{Duration, SystemTime},
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

use super::{Item, ReceiverError, Request, Update};
use crate::Event;

/// Where the shared secret is read from.
#[derive(Clone, Debug)]
pub(super) enum SecretSource {
    Header(HeaderName),
    Query(String),
    PathSegment,
}

/// What every request of one router shares.
pub(super) struct Shared {
    /// The route template (`/hook` or `/hook/{secret}`), for the logs.
    pub(super) route: String,
    pub(super) body_limit: usize,
    pub(super) body_timeout: Duration,
    pub(super) queue_wait: Duration,
    pub(super) budget: Budget,
    pub(super) secret: Option<(SecretSource, Secret)>,
    pub(super) sender: mpsc::Sender<Queued>,
    pub(super) persist: Option<Arc<dyn super::Persist>>,
}

/// An item in the queue with the share of the byte budget it holds until it is taken.
pub(super) struct Queued {
    pub(super) item: Item,
    pub(super) _charge: Option<OwnedSemaphorePermit>,
}

/// The bytes accepted bodies may hold while they wait for the consumer, counted in KiB.
pub(super) struct Budget {
    kib: Arc<Semaphore>,
    total: u32,
}

impl Budget {
    pub(super) fn new(bytes: usize) -> Self {
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

pub(super) async fn method_not_allowed() -> Response {
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

pub(super) async fn accept(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    request: axum::extract::Request,
) -> Response {
    let span = tracing::info_span!(
        "codechat_webhook",
        route = %shared.route,
        event = tracing::field::Empty,
        bytes = tracing::field::Empty,
        status = tracing::field::Empty,
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
fn source_path(shared: &Shared, request: &axum::extract::Request) -> String {
    let uri = request
        .extensions()
        .get::<OriginalUri>()
        .map_or(request.uri(), |original| &original.0);
    let mut path = uri.path();
    if matches!(shared.secret, Some((SecretSource::PathSegment, _))) {
        path = path.rsplit_once('/').map_or("", |(before, _)| before);
    }
    if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    }
}

async fn handle(
    shared: &Shared,
    query: Option<&str>,
    headers: &HeaderMap,
    path_secret: Option<&str>,
    path: String,
    body: Body,
) -> Response {
    let received_at = SystemTime::now();
    let span = tracing::Span::current();
    if !secret_matches(shared, query, headers, path_secret) {
        return refuse(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "missing or wrong webhook secret",
            serde_json::Value::Null,
        );
    }
    if !is_json(headers.get(header::CONTENT_TYPE)) {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "the body must be JSON (Content-Type: application/json)",
            serde_json::Value::Null,
        );
    }
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
        return too_large();
    }
    let read = tokio::time::timeout(
        shared.body_timeout,
        axum::body::to_bytes(body, shared.body_limit),
    );
    let bytes: Bytes = match read.await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(error)) if is_length_limit(&error) => return too_large(),
        Err(_) => {
            return refuse(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                "the body did not arrive within the receiver's deadline",
                serde_json::Value::Null,
            );
        }
        Ok(Err(_)) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                "the body could not be read",
                serde_json::Value::Null,
            );
        }
    };
    span.record("bytes", bytes.len());
    let source = Request {
        owner: owner(headers, query),
        path,
    };
    let decoded = match Event::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(error) => return refuse_decode(shared, error, source, received_at),
    };
    span.record("event", decoded.name());
    if let Some(persist) = &shared.persist
        && let Err(reason) = persist.persist(&source, &decoded, received_at).await
    {
        tracing::warn!(event = decoded.name(), %reason, "not stored; answered 503");
        return retry_later("not_stored", "the event could not be stored; retry later");
    }
    enqueue(shared, source, decoded, received_at, bytes.len()).await
}

/// 503 with `Retry-After: 1`: the sender should try again shortly.
fn retry_later(error: &str, message: &str) -> Response {
    let mut response = refuse(
        StatusCode::SERVICE_UNAVAILABLE,
        error,
        message,
        serde_json::Value::Null,
    );
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

/// Queues an accepted event and answers 200, or 503 when there is no room in time.
async fn enqueue(
    shared: &Shared,
    source: Request,
    decoded: Decoded<Event>,
    received_at: SystemTime,
    bytes: usize,
) -> Response {
    let (name, known) = (decoded.name().to_owned(), !decoded.is_unknown());
    // Room for the event: its bytes in the budget and a slot in the queue, waiting a little
    // for a consumer that is merely slower for a moment.
    let room = async {
        let charge = shared.budget.acquire(bytes).await?;
        let slot = shared.sender.reserve().await.ok()?;
        Some((charge, slot))
    };
    match tokio::time::timeout(shared.queue_wait, room).await {
        Ok(Some((charge, slot))) => {
            slot.send(Queued {
                item: Ok(Update::Event {
                    source,
                    event: decoded,
                    received_at,
                }),
                _charge: Some(charge),
            });
            (
                StatusCode::OK,
                [(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                serde_json::json!({ "accepted": true, "event": name, "known": known }).to_string(),
            )
                .into_response()
        }
        _ if shared.sender.is_closed() => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "receiver_closed",
            "no consumer is reading events",
            serde_json::Value::Null,
        ),
        _ => retry_later("queue_full", "the consumer is behind; retry later"),
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
fn refuse_decode(
    shared: &Shared,
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

fn query_value<'a>(query: Option<&'a str>, name: &str) -> Option<Cow<'a, str>> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

fn secret_matches(
    shared: &Shared,
    query: Option<&str>,
    headers: &HeaderMap,
    path_secret: Option<&str>,
) -> bool {
    let Some((source, secret)) = &shared.secret else {
        return true;
    };
    let given: Option<Vec<u8>> = match source {
        SecretSource::Header(name) => headers.get(name).map(|value| value.as_bytes().to_vec()),
        SecretSource::Query(name) => {
            query_value(query, name).map(|value| value.as_bytes().to_vec())
        }
        SecretSource::PathSegment => path_secret.map(|segment| {
            // Percent-decoded, like a query value.
            form_urlencoded::parse(format!("s={segment}").as_bytes())
                .next()
                .map_or_else(Vec::new, |(_, v)| v.as_bytes().to_vec())
        }),
    };
    // Constant time over the secret's bytes; only the length can leak.
    given.is_some_and(|given| bool::from(given.ct_eq(secret.expose().as_bytes())))
}

/// The instance owner: `Resource-Owner` (v1.3), `x-owner` (v1.2.7+) or `?owner=` (older).
fn owner(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    ["resource-owner", "x-owner"]
        .iter()
        .find_map(|name| {
            headers
                .get(*name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        })
        .or_else(|| query_value(query, "owner").map(Cow::into_owned))
}
