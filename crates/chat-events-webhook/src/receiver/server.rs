//! Configuring the receiver: its route, limits and authentication, the router, the
//! standalone server.
//!
//! The standalone server accepts connections itself (hyper's HTTP/1 connection with
//! hyper-util's tokio glue) rather than through `axum::serve`, because the receiver must
//! bound what a hostile or broken peer can hold: a connection limit, a deadline for request
//! headers that also closes idle keep-alive connections, a deadline for the body, and a
//! deadline for the graceful stop. `axum::serve` offers none of these; tower's per-request
//! layers cannot see idle connections.

use std::{fmt, io, marker::PhantomData, net::SocketAddr, sync::Arc, time::Duration};

use axum::{Router, http::HeaderName, routing::post};
use chat_events_core::{Secret, unstable::bounded_wait};
use hyper_util::{rt::TokioIo, rt::TokioTimer, service::TowerToHyperService};
use tokio::{
    sync::{Semaphore, mpsc, watch},
    task::JoinSet,
};

use super::{
    Persist, Receiver, SignedLikeChatwoot, Webhook,
    http::{Authentication, Budget, SecretSource, Shared, accept, method_not_allowed},
};
use crate::{auth::chatwoot, repeats::Repeats};

/// Large enough for an 8 MB media file sent inline as base64 (CodeChat's cloud product
/// inlines media up to 8 MB), plus the JSON around it.
pub const DEFAULT_BODY_LIMIT: usize = 12 * 1024 * 1024;
/// How many accepted events may wait for the consumer by default.
pub const DEFAULT_QUEUE_CAPACITY: usize = 1024;
/// How many bytes of accepted bodies may wait for the consumer by default.
pub const DEFAULT_QUEUE_BYTES: usize = 64 * 1024 * 1024;
/// How long a sender should wait after a 503 (the `Retry-After` value).
pub const RETRY_AFTER: Duration = Duration::from_secs(1);
/// Default for [`ReceiverBuilder::max_connections`]: half the usual 1,024 open files.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;
/// Default for [`ReceiverBuilder::header_timeout`].
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`ReceiverBuilder::body_timeout`].
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);
/// Default for [`ReceiverBuilder::shutdown_timeout`].
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`ReceiverBuilder::queue_wait`].
pub const DEFAULT_QUEUE_WAIT: Duration = Duration::from_millis(250);
/// Default for [`ReceiverBuilder::repeat_window`]: Evolution API retries for minutes,
/// Chatwoot's signatures are valid for 5; an hour covers both with room.
pub const DEFAULT_REPEAT_WINDOW: Duration = Duration::from_secs(3600);
/// Default for [`ReceiverBuilder::repeat_capacity`]: about 10 MB of ids at most.
pub const DEFAULT_REPEAT_CAPACITY: usize = 100_000;

/// Configures a [`Receiver`] and its route; from [`Receiver::builder`].
#[must_use]
pub struct ReceiverBuilder<E: Webhook> {
    path: String,
    body_limit: usize,
    queue_capacity: usize,
    queue_bytes: usize,
    queue_wait: Duration,
    authentication: Authentication,
    /// A setting that was refused (reported by `router` and `serve`).
    invalid: Option<String>,
    max_connections: usize,
    header_timeout: Duration,
    body_timeout: Duration,
    shutdown_timeout: Duration,
    repeat_window: Duration,
    repeat_capacity: usize,
    persist: Option<Arc<dyn Persist<E>>>,
    event: PhantomData<fn() -> E>,
}

impl<E: Webhook> Clone for ReceiverBuilder<E> {
    fn clone(&self) -> Self {
        Self {
            path: self.path.clone(),
            authentication: self.authentication.clone(),
            invalid: self.invalid.clone(),
            persist: self.persist.clone(),
            ..*self
        }
    }
}

impl<E: Webhook> Default for ReceiverBuilder<E> {
    fn default() -> Self {
        Self {
            path: "/".to_owned(),
            body_limit: DEFAULT_BODY_LIMIT,
            queue_capacity: DEFAULT_QUEUE_CAPACITY,
            queue_bytes: DEFAULT_QUEUE_BYTES,
            queue_wait: DEFAULT_QUEUE_WAIT,
            authentication: Authentication::Open,
            invalid: None,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
            repeat_window: DEFAULT_REPEAT_WINDOW,
            repeat_capacity: DEFAULT_REPEAT_CAPACITY,
            persist: None,
            event: PhantomData,
        }
    }
}

impl<E: Webhook> fmt::Debug for ReceiverBuilder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiverBuilder")
            .field("provider", &E::PROVIDER)
            .field("path", &self.path)
            .field("body_limit", &self.body_limit)
            .field("queue_capacity", &self.queue_capacity)
            .field("queue_bytes", &self.queue_bytes)
            .field("authentication", &self.authentication.name())
            .field("max_connections", &self.max_connections)
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("shutdown_timeout", &self.shutdown_timeout)
            .field("repeat_window", &self.repeat_window)
            .field("repeat_capacity", &self.repeat_capacity)
            .field("persist", &self.persist.is_some())
            .finish_non_exhaustive()
    }
}

impl<E: Webhook> ReceiverBuilder<E> {
    /// The path the provider posts to (default `/`).
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
        self.queue_capacity = events.clamp(1, Semaphore::MAX_PERMITS);
        self
    }

    /// How many bytes of accepted bodies may wait for the consumer (default
    /// [`DEFAULT_QUEUE_BYTES`]): the queue is bounded by events and by bytes, whichever is
    /// reached first. A body larger than the whole budget still gets through alone.
    pub fn queue_bytes(mut self, bytes: usize) -> Self {
        self.queue_bytes = bytes.max(1);
        self
    }

    /// How long a request may wait for room in the queue before it is answered 503 (default
    /// [`DEFAULT_QUEUE_WAIT`]): a consumer that is slower only for a moment costs a short
    /// delay, not a refused event.
    pub fn queue_wait(mut self, wait: Duration) -> Self {
        self.queue_wait = bounded_wait(wait);
        self
    }

    /// How many connections the standalone server holds at once (default
    /// [`DEFAULT_MAX_CONNECTIONS`]); past it, new connections wait to be accepted.
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections.clamp(1, Semaphore::MAX_PERMITS);
        self
    }

    /// How long a connection may take to send a request's headers, and how long it may stay
    /// idle between requests (default [`DEFAULT_HEADER_TIMEOUT`]); then it is closed.
    /// Standalone server only: a router mounted elsewhere follows that server's settings.
    pub fn header_timeout(mut self, timeout: Duration) -> Self {
        self.header_timeout = bounded_wait(timeout);
        self
    }

    /// How long a request may take to send its whole body (default
    /// [`DEFAULT_BODY_TIMEOUT`]); then it is answered 408.
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.body_timeout = bounded_wait(timeout);
        self
    }

    /// How long [`Server::close`] lets requests in flight finish before it drops their
    /// connections (default [`DEFAULT_SHUTDOWN_TIMEOUT`]). A request cut off is never
    /// answered 200, so its sender still has the event.
    pub fn shutdown_timeout(mut self, timeout: Duration) -> Self {
        self.shutdown_timeout = bounded_wait(timeout);
        self
    }

    /// Requires a shared secret in the request header `name` (such as `apikey`). Called
    /// again with the same header, it adds a secret (while one is rotated, both are taken);
    /// any other authentication set before is replaced. A name that is not a header name is
    /// refused by [`router`](Self::router) and [`serve`](Self::serve).
    pub fn secret_header(mut self, name: &str, secret: impl Into<Secret>) -> Self {
        if let Ok(header) = HeaderName::from_bytes(name.as_bytes()) {
            self.shared_secret(SecretSource::Header(header), secret.into());
            self.invalid = None;
        } else {
            self.authentication = Authentication::Open;
            self.invalid = Some(format!("`{name}` is not an HTTP header name"));
        }
        self
    }

    /// Requires a shared secret in the query parameter `name` (`?token=…`); called again
    /// with the same name, it adds a secret.
    pub fn secret_query(mut self, name: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.shared_secret(SecretSource::Query(name.into()), secret.into());
        self.invalid = None;
        self
    }

    /// Requires a shared secret as one more path segment (`<path>/<secret>`), for senders
    /// that can only be given a URL; called again, it adds a secret. The segment is left out
    /// of each event's [`Request::path`](crate::Request::path).
    pub fn secret_path(mut self, secret: impl Into<Secret>) -> Self {
        self.shared_secret(SecretSource::PathSegment, secret.into());
        self.invalid = None;
        self
    }

    fn shared_secret(&mut self, source: SecretSource, secret: Secret) {
        match &mut self.authentication {
            Authentication::Shared {
                source: current,
                secrets,
            } if *current == source => secrets.push(secret),
            _ => {
                self.authentication = Authentication::Shared {
                    source,
                    secrets: vec![secret],
                };
            }
        }
    }

    /// How long a delivery id is remembered (default [`DEFAULT_REPEAT_WINDOW`]): a request
    /// with the id of a delivery already answered 200 within the window is answered 200
    /// again (`"repeat": true`) and not delivered again; one whose first request is still
    /// being handled is answered 503 with `Retry-After`. `Duration::ZERO` turns this off.
    /// The record is in memory: a restarted receiver has forgotten it (a relay to JetStream
    /// stores the event under its delivery id, which JetStream de-duplicates within its own
    /// window).
    pub fn repeat_window(mut self, window: Duration) -> Self {
        self.repeat_window = bounded_wait(window);
        self
    }

    /// How many delivery ids the record holds at most (default
    /// [`DEFAULT_REPEAT_CAPACITY`]); past it, the oldest are forgotten first.
    pub fn repeat_capacity(mut self, ids: usize) -> Self {
        self.repeat_capacity = ids.max(1);
        self
    }

    /// Stores every accepted event with `persist` before answering (see
    /// [`Persist`]): 200 only once it is stored, 503 when it could not be.
    pub fn persist(mut self, persist: impl Persist<E>) -> Self {
        self.persist = Some(Arc::new(persist));
        self
    }
    /// What makes this configuration unusable, if anything.
    fn check(&self) -> Result<(), ConfigError> {
        let problem = if let Some(invalid) = &self.invalid {
            invalid.clone()
        } else if self
            .path
            .split('/')
            .any(|segment| segment.starts_with([':', '*']) || segment.contains(['{', '}']))
        {
            format!(
                "the path `{}` must be literal (no `:name`, `*rest` or `{{name}}` segments)",
                self.path
            )
        } else if let Some(problem) = self.authentication.problem() {
            problem.to_owned()
        } else if self.body_limit == 0 {
            "the body limit must be at least 1 byte".to_owned()
        } else {
            return Ok(());
        };
        Err(ConfigError {
            provider: E::PROVIDER,
            problem,
        })
    }

    /// The router to mount in your axum app, and the receiver of its events. The receiver
    /// ends once every clone of the router is dropped.
    ///
    /// # Errors
    ///
    /// [`ConfigError`] for a configuration that cannot work (a secret header name that is
    /// not a header name, a path with a route parameter or wildcard, a body limit of 0).
    pub fn router(self) -> Result<(Router, Receiver<E>), ConfigError> {
        self.check()?;
        let (sender, queue) = mpsc::channel(self.queue_capacity);
        let route = if self.authentication.is_path_secret() {
            format!("{}/{{secret}}", self.path.trim_end_matches('/'))
        } else {
            self.path.clone()
        };
        let repeats = (!self.repeat_window.is_zero())
            .then(|| Repeats::new(self.repeat_window, self.repeat_capacity));
        let shared = Arc::new(Shared {
            route: route.clone(),
            body_limit: self.body_limit,
            body_timeout: self.body_timeout,
            queue_wait: self.queue_wait,
            budget: Budget::new(self.queue_bytes),
            authentication: self.authentication,
            repeats,
            sender,
            persist: self.persist,
        });
        let router = Router::new()
            .route(&route, post(accept::<E>).fallback(method_not_allowed))
            .with_state(shared);
        Ok((
            router,
            Receiver {
                queue,
                scratch: Vec::new(),
            },
        ))
    }

    /// Binds `address` and serves the router until [`Server::close`], with the connection
    /// limit and the header, body and shutdown deadlines of this builder.
    ///
    /// # Errors
    ///
    /// When the address cannot be bound, or the configuration cannot work (an error of kind
    /// `InvalidInput` whose inner error is the [`ConfigError`]).
    pub async fn serve(self, address: SocketAddr) -> io::Result<(Server, Receiver<E>)> {
        self.check()
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
        let listener = tokio::net::TcpListener::bind(address).await?;
        let local_addr = listener.local_addr()?;
        let limits = Limits {
            max_connections: self.max_connections,
            header_timeout: self.header_timeout,
            shutdown_timeout: self.shutdown_timeout,
        };
        let (router, receiver) = self
            .router()
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(serve_connections(listener, router, limits, stopped));
        tracing::info!(%local_addr, provider = E::PROVIDER, "webhook receiver listening");
        Ok((
            Server {
                local_addr,
                stop,
                task,
            },
            receiver,
        ))
    }
}

impl<E: SignedLikeChatwoot> ReceiverBuilder<E> {
    /// Requires Chatwoot's signature (`X-Chatwoot-Signature`, see
    /// [`auth::chatwoot`](crate::auth::chatwoot)) made with `secret`, the webhook's secret
    /// from Chatwoot's settings. Called again, it adds a secret: while a secret is rotated,
    /// a signature made with either is taken. Any other authentication set before is
    /// replaced. An empty secret is refused by [`router`](Self::router) and
    /// [`serve`](Self::serve).
    pub fn signature_secret(mut self, secret: impl Into<Secret>) -> Self {
        let secret = secret.into();
        match &mut self.authentication {
            Authentication::Chatwoot { secrets, .. } => secrets.push(secret),
            _ => {
                self.authentication = Authentication::Chatwoot {
                    secrets: vec![secret],
                    tolerance: chatwoot::DEFAULT_TOLERANCE,
                };
            }
        }
        self.invalid = None;
        self
    }

    /// How far the signature's timestamp may be from this machine's clock, either way
    /// (default [`chatwoot::DEFAULT_TOLERANCE`], 300 s): older signatures are replays,
    /// refused with `stale_timestamp`. Takes effect with
    /// [`signature_secret`](Self::signature_secret), before or after it.
    pub fn signature_tolerance(mut self, tolerance: Duration) -> Self {
        let tolerance = bounded_wait(tolerance);
        if let Authentication::Chatwoot {
            tolerance: current, ..
        } = &mut self.authentication
        {
            *current = tolerance;
        } else {
            self.authentication = Authentication::Chatwoot {
                secrets: Vec::new(),
                tolerance,
            };
        }
        self
    }
}

#[cfg(feature = "jwt")]
#[cfg_attr(docsrs, doc(cfg(feature = "jwt")))]
impl<E: super::BearerLikeEvolution> ReceiverBuilder<E> {
    /// Requires Evolution API's bearer JWT (HS256, see
    /// [`auth::evolution`](crate::auth::evolution)) signed with `secret`, the `jwt_key` of
    /// the webhook's settings. Called again, it adds a key (rotation). Any other
    /// authentication set before is replaced.
    pub fn jwt_secret(mut self, secret: impl Into<Secret>) -> Self {
        let secret = secret.into();
        match &mut self.authentication {
            Authentication::Jwt { secrets, .. } => secrets.push(secret),
            _ => {
                self.authentication = Authentication::Jwt {
                    secrets: vec![secret],
                    leeway: crate::auth::evolution::DEFAULT_LEEWAY,
                };
            }
        }
        self.invalid = None;
        self
    }

    /// How far the token's `exp` may be past and its `iat` ahead of this machine's clock
    /// (default [`DEFAULT_LEEWAY`](crate::auth::evolution::DEFAULT_LEEWAY), 60 s). Takes
    /// effect with [`jwt_secret`](Self::jwt_secret), before or after it.
    pub fn jwt_leeway(mut self, leeway: Duration) -> Self {
        let leeway = bounded_wait(leeway);
        if let Authentication::Jwt {
            leeway: current, ..
        } = &mut self.authentication
        {
            *current = leeway;
        } else {
            self.authentication = Authentication::Jwt {
                secrets: Vec::new(),
                leeway,
            };
        }
        self
    }
}

/// What the accept loop bounds.
#[derive(Clone, Copy)]
struct Limits {
    max_connections: usize,
    header_timeout: Duration,
    shutdown_timeout: Duration,
}

/// Accepts connections until told to stop, then stops them gracefully within the deadline.
async fn serve_connections(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let mut connections = JoinSet::new();
    loop {
        // A free slot first: past the limit, connections wait in the listen backlog.
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.map_err(io::Error::other)?,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stop| *stop) => break,
        };
        // Reap finished connections as we go.
        while connections.try_join_next().is_some() {}
        let (stream, _) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors and the like: pause a moment rather than spin.
                tracing::warn!(%error, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = TowerToHyperService::new(router.clone());
        let mut stop = stop.clone();
        connections.spawn(async move {
            let _slot = slot;
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            tokio::pin!(connection);
            tokio::select! {
                result = connection.as_mut() => {
                    if let Err(error) = result {
                        tracing::debug!(%error, "connection ended");
                    }
                }
                () = async { let _ = stop.wait_for(|stop| *stop).await; } => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.await;
                }
            }
        });
    }
    drop(listener);
    // Requests in flight may finish within the deadline; then their connections are cut.
    let deadline = tokio::time::sleep(limits.shutdown_timeout);
    tokio::pin!(deadline);
    loop {
        tokio::select! {
            next = connections.join_next() => if next.is_none() { break },
            () = &mut deadline => {
                tracing::warn!(left = connections.len(), "shutdown deadline reached; closing the remaining connections");
                connections.abort_all();
                while connections.join_next().await.is_some() {}
                break;
            }
        }
    }
    Ok(())
}

/// A running standalone receiver, from [`ReceiverBuilder::serve`].
///
/// Stop it with [`close`](Self::close). Dropping it also starts a graceful stop, without
/// waiting for it.
#[derive(Debug)]
pub struct Server {
    local_addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<io::Result<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

impl Server {
    /// The address it listens on (useful after binding port 0).
    pub const fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Stops accepting connections, lets requests in flight finish within the shutdown
    /// deadline (then cuts their connections: those requests were not answered 200, so
    /// their senders still have the events), and returns when the server has stopped.
    /// Events accepted before remain in the [`Receiver`], which yields them and then ends.
    ///
    /// # Errors
    ///
    /// The server's I/O error, if it failed.
    pub async fn close(mut self) -> io::Result<()> {
        let _ = self.stop.send(true);
        match (&mut self.task).await {
            Ok(result) => result,
            Err(join) => Err(io::Error::other(join)),
        }
    }
}

/// A receiver configuration that cannot work, refused by
/// [`ReceiverBuilder::router`] and [`ReceiverBuilder::serve`] before anything is served.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    provider: &'static str,
    problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} webhook receiver: {}", self.provider, self.problem)
    }
}

impl std::error::Error for ConfigError {}
