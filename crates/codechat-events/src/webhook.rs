//! The webhook receiver: CodeChat POSTs events to it, it hands them to you typed.
//!
//! ```no_run
//! use codechat_events::{EventSource, webhook::Receiver};
//!
//! # async fn run() -> std::io::Result<()> {
//! let (server, mut events) = Receiver::builder()
//!     .path("/webhooks/codechat")
//!     .secret_header("apikey", std::env::var("WEBHOOK_SECRET").unwrap_or_default())
//!     .serve("127.0.0.1:8080".parse().unwrap())
//!     .await?;
//! while let Some(item) = events.next_event().await {
//!     match item {
//!         Ok(delivery) => println!("{} from {:?}", delivery.event.name(), delivery.owner),
//!         Err(broken) => eprintln!("rejected: {broken}"),
//!     }
//! }
//! server.shutdown().await
//! # }
//! ```
//!
//! Or mount [`Builder::router`]'s router in your own axum app.
//!
//! # What the receiver answers
//!
//! | request | status | body |
//! | --- | --- | --- |
//! | a known event that decodes, or an unknown event | 200 | `{"accepted":true,"event":…,"known":…}` |
//! | a known event whose data does not fit its model | 422 | the error, with its JSON path; also reported through the [`Receiver`] with the raw body |
//! | not JSON, or no `event` | 400 | the error, with line and column or path |
//! | `Content-Type` other than JSON | 415 | |
//! | body over the limit | 413 | |
//! | secret missing or wrong | 401 | |
//! | method other than POST | 405, `Allow: POST` | |
//! | the queue is full (the consumer is behind) | 503, `Retry-After: 1` | |
//!
//! Every error body is JSON: `{"error": <code>, "message": …, …}`. Messages never quote the
//! payload (it holds personal data).
//!
//! # Backpressure and delivery
//!
//! Accepted events go into a bounded queue ([`Builder::queue_capacity`], default 1024) that the
//! [`Receiver`] drains. The receiver answers 200 only after the event is in the queue, so an
//! accepted event is never dropped. When the queue is full it answers 503 with
//! `Retry-After: 1` and does not keep the event: a sender that retries (Evolution API does)
//! delivers it later; CodeChat itself does not retry, so size the queue for your bursts and
//! keep the consumer fast. After the server shuts down (or every router clone is dropped), the
//! receiver yields what is still queued and then ends.
//!
//! # Security
//!
//! CodeChat signs nothing, so anyone who knows the URL can post. Set a shared secret, read
//! from a header ([`Builder::secret_header`]), a query parameter ([`Builder::secret_query`])
//! or the last path segment ([`Builder::secret_path`]); it is compared in constant time, and
//! neither it, the query string, nor the body ever reaches the logs. Each request gets a
//! `tracing` span (`codechat_webhook`) with the route, the event name, the body size and the
//! status.
//!
//! Written on axum because it is the router users mount webhooks in; the HTTP details (limits,
//! status codes, secrets) are the receiver's own job, which no crate does for CodeChat.

use std::{
    fmt, io,
    net::SocketAddr,
    sync::Arc,
    time::{Duration, SystemTime},
};

use axum::{
    Router,
    body::{Body, Bytes},
    extract::{RawQuery, State},
    http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::post,
};
use chat_events_core::{DecodeError, DecodeErrorKind, Decoded, EventSource, Secret, SourceError};
use subtle::ConstantTimeEq;
use tokio::sync::{mpsc, oneshot};
use tracing::Instrument;

use crate::Event;

/// Large enough for an 8 MB media file sent inline as base64 (the cloud product inlines media
/// up to 8 MB), plus the JSON around it.
pub const DEFAULT_BODY_LIMIT: usize = 12 * 1024 * 1024;

/// How many accepted events may wait for the consumer by default.
pub const DEFAULT_QUEUE_CAPACITY: usize = 1024;

/// One accepted event, with where and when it came from.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Delivery {
    /// The event, with the body it came in.
    pub event: Decoded<Event>,
    /// The instance owner's JID, from the `Resource-Owner` or `x-owner` header or the
    /// `owner` query parameter, depending on the CodeChat version.
    pub owner: Option<String>,
    /// When the receiver accepted it.
    pub received_at: SystemTime,
}

/// A request the receiver refused because a known event's data did not fit its model
/// (answered 422). The raw body is in [`WebhookError::raw`]; nothing is lost.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WebhookError {
    /// Why it did not decode (provider, event, JSON path); `error.raw()` holds the body.
    pub error: DecodeError,
    /// The instance owner's JID, when the request named it.
    pub owner: Option<String>,
    /// When the request arrived.
    pub received_at: SystemTime,
}

impl WebhookError {
    /// The body that was refused.
    pub fn raw(&self) -> &[u8] {
        self.error.raw().unwrap_or_default()
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "webhook body refused: {}", self.error)
    }
}

impl std::error::Error for WebhookError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl SourceError for WebhookError {
    /// A refused body is reported and the receiver goes on.
    fn is_fatal(&self) -> bool {
        false
    }
}

type Item = Result<Delivery, WebhookError>;

/// The consumer side: accepted events (and refused known events) in arrival order.
///
/// Implements [`EventSource`]; ends (`None`) once the server has shut down or every router
/// clone is dropped, after yielding what was queued.
#[derive(Debug)]
pub struct Receiver {
    queue: mpsc::Receiver<Item>,
}

impl Receiver {
    /// Starts configuring a receiver.
    pub fn builder() -> Builder {
        Builder::default()
    }
}

#[async_trait::async_trait]
impl EventSource for Receiver {
    type Item = Delivery;
    type Error = WebhookError;

    async fn next_event(&mut self) -> Option<Result<Delivery, WebhookError>> {
        self.queue.recv().await
    }
}

/// Where the shared secret is read from.
#[derive(Clone, Debug)]
enum SecretSource {
    Header(HeaderName),
    Query(String),
    PathSegment,
}

/// Configures a [`Receiver`] and its route.
#[derive(Clone)]
#[must_use]
pub struct Builder {
    path: String,
    body_limit: usize,
    queue_capacity: usize,
    secret: Option<(SecretSource, Secret)>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            path: "/".to_owned(),
            body_limit: DEFAULT_BODY_LIMIT,
            queue_capacity: DEFAULT_QUEUE_CAPACITY,
            secret: None,
        }
    }
}

impl fmt::Debug for Builder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("path", &self.path)
            .field("body_limit", &self.body_limit)
            .field("queue_capacity", &self.queue_capacity)
            .field("secret", &self.secret.as_ref().map(|(source, _)| source))
            .finish()
    }
}

impl Builder {
    /// The path CodeChat posts to (default `/`).
    pub fn path(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.path = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
        self
    }

    /// The largest body accepted, in bytes (default [`DEFAULT_BODY_LIMIT`]).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// How many accepted events may wait for the consumer (default
    /// [`DEFAULT_QUEUE_CAPACITY`]; at least 1).
    pub fn queue_capacity(mut self, events: usize) -> Self {
        self.queue_capacity = events.max(1);
        self
    }

    /// Requires `secret` in the request header `name` (such as `apikey`).
    ///
    /// # Panics
    ///
    /// When `name` is not a valid header name.
    pub fn secret_header(mut self, name: &str, secret: impl Into<Secret>) -> Self {
        let name = HeaderName::from_bytes(name.as_bytes())
            .unwrap_or_else(|_| panic!("`{name}` is not a header name"));
        self.secret = Some((SecretSource::Header(name), secret.into()));
        self
    }

    /// Requires `secret` in the query parameter `name` (`?token=…`).
    pub fn secret_query(mut self, name: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.secret = Some((SecretSource::Query(name.into()), secret.into()));
        self
    }

    /// Requires `secret` as one more path segment (`<path>/<secret>`), for senders that
    /// can only be given a URL.
    pub fn secret_path(mut self, secret: impl Into<Secret>) -> Self {
        self.secret = Some((SecretSource::PathSegment, secret.into()));
        self
    }

    /// The router to mount in your axum app, and the receiver of its events.
    pub fn router(self) -> (Router, Receiver) {
        let (sender, queue) = mpsc::channel(self.queue_capacity);
        let route = match &self.secret {
            Some((SecretSource::PathSegment, _)) => {
                format!("{}/{{secret}}", self.path.trim_end_matches('/'))
            }
            _ => self.path.clone(),
        };
        let shared = Arc::new(Shared {
            route: route.clone(),
            body_limit: self.body_limit,
            secret: self.secret,
            sender,
        });
        let router = Router::new()
            .route(&route, post(accept).fallback(method_not_allowed))
            .with_state(shared);
        (router, Receiver { queue })
    }

    /// Binds `address` and serves the router until [`Server::shutdown`].
    ///
    /// # Errors
    ///
    /// When the address cannot be bound.
    pub async fn serve(self, address: SocketAddr) -> io::Result<(Server, Receiver)> {
        let listener = tokio::net::TcpListener::bind(address).await?;
        let local_addr = listener.local_addr()?;
        let (router, receiver) = self.router();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await
        });
        tracing::info!(%local_addr, "codechat webhook receiver listening");
        Ok((
            Server {
                local_addr,
                stop: Some(stop),
                task,
            },
            receiver,
        ))
    }
}

/// A running standalone receiver.
#[derive(Debug)]
pub struct Server {
    local_addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<io::Result<()>>,
}

impl Server {
    /// The address it listens on (useful after binding port 0).
    pub const fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when the
    /// server has stopped. Events accepted before remain in the [`Receiver`].
    ///
    /// # Errors
    ///
    /// The server's I/O error, if it failed.
    pub async fn shutdown(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match (&mut self.task).await {
            Ok(result) => result,
            Err(join) => Err(io::Error::other(join)),
        }
    }
}

struct Shared {
    route: String,
    body_limit: usize,
    secret: Option<(SecretSource, Secret)>,
    sender: mpsc::Sender<Item>,
}

async fn method_not_allowed() -> Response {
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

async fn accept(
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
    let response = handle(
        &shared,
        query.as_deref(),
        &headers,
        path_secret.as_deref(),
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

async fn handle(
    shared: &Shared,
    query: Option<&str>,
    headers: &HeaderMap,
    path_secret: Option<&str>,
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
    let bytes: Bytes = match axum::body::to_bytes(body, shared.body_limit).await {
        Ok(bytes) => bytes,
        Err(error) if is_length_limit(&error) => return too_large(),
        Err(_) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                "the body could not be read",
                serde_json::Value::Null,
            );
        }
    };
    span.record("bytes", bytes.len());
    let owner = owner(headers, query);
    let decoded = match Event::decode(&bytes) {
        Ok(decoded) => decoded,
        Err(error) => return refuse_decode(shared, error, owner, received_at),
    };
    span.record("event", decoded.name());
    let (name, known) = (decoded.name().to_owned(), !decoded.is_unknown());
    match shared.sender.try_send(Ok(Delivery {
        event: decoded,
        owner,
        received_at,
    })) {
        Ok(()) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            serde_json::json!({ "accepted": true, "event": name, "known": known }).to_string(),
        )
            .into_response(),
        Err(mpsc::error::TrySendError::Full(_)) => {
            let mut response = refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "queue_full",
                "the consumer is behind; retry later",
                serde_json::Value::Null,
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            response
        }
        Err(mpsc::error::TrySendError::Closed(_)) => refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            "receiver_closed",
            "no consumer is reading events",
            serde_json::Value::Null,
        ),
    }
}

/// Answers a body that did not decode: 400 for non-JSON or a missing name, 422 (and a
/// report through the receiver) for a known event whose data does not fit.
fn refuse_decode(
    shared: &Shared,
    error: DecodeError,
    owner: Option<String>,
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
        DecodeErrorKind::Syntax => {
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
            if shared
                .sender
                .try_send(Err(WebhookError {
                    error,
                    owner,
                    received_at,
                }))
                .is_err()
            {
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

fn query_value<'a>(query: Option<&'a str>, name: &str) -> Option<std::borrow::Cow<'a, str>> {
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
        .or_else(|| query_value(query, "owner").map(std::borrow::Cow::into_owned))
}

/// How long a sender should wait after a 503 (the `Retry-After` value).
pub const RETRY_AFTER: Duration = Duration::from_secs(1);
