//! Configuring the receiver: its route and limits, the router, the standalone server.
//!
//! The standalone server accepts connections itself (hyper's HTTP/1 connection with
//! hyper-util's tokio glue) rather than through `axum::serve`, because the receiver must
//! bound what a hostile or broken peer can hold: a connection limit, a deadline for request
//! headers that also closes idle keep-alive connections, a deadline for the body, and a
//! deadline for the graceful stop. `axum::serve` offers none of these; tower's per-request
//! layers cannot see idle connections.

use chat_events_core::unstable::bounded_wait;
use std::{fmt, io, net::SocketAddr, sync::Arc, time::Duration};

use axum::{Router, http::HeaderName, routing::post};
use chat_events_core::Secret;
use hyper_util::{rt::TokioIo, rt::TokioTimer, service::TowerToHyperService};
use tokio::{
    sync::{Semaphore, mpsc, watch},
    task::JoinSet,
};

use super::{
    DEFAULT_BODY_LIMIT, DEFAULT_QUEUE_BYTES, DEFAULT_QUEUE_CAPACITY, Receiver,
    http::{SecretSource, Shared, accept, method_not_allowed},
};

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

/// Configures a [`Receiver`] and its route; from [`Receiver::builder`].
#[derive(Clone)]
#[must_use]
pub struct ReceiverBuilder {
    path: String,
    body_limit: usize,
    queue_capacity: usize,
    queue_bytes: usize,
    queue_wait: Duration,
    secret: Option<(SecretSource, Secret)>,
    /// A setting that was refused (reported by `router` and `serve`).
    invalid: Option<String>,
    max_connections: usize,
    header_timeout: Duration,
    body_timeout: Duration,
    shutdown_timeout: Duration,
    persist: Option<Arc<dyn super::Persist>>,
}

impl Default for ReceiverBuilder {
    fn default() -> Self {
        Self {
            path: "/".to_owned(),
            body_limit: DEFAULT_BODY_LIMIT,
            queue_capacity: DEFAULT_QUEUE_CAPACITY,
            queue_bytes: DEFAULT_QUEUE_BYTES,
            queue_wait: DEFAULT_QUEUE_WAIT,
            secret: None,
            invalid: None,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
            persist: None,
        }
    }
}

impl fmt::Debug for ReceiverBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiverBuilder")
            .field("path", &self.path)
            .field("body_limit", &self.body_limit)
            .field("queue_capacity", &self.queue_capacity)
            .field("queue_bytes", &self.queue_bytes)
            .field("secret", &self.secret.as_ref().map(|(source, _)| source))
            .field("max_connections", &self.max_connections)
            .field("header_timeout", &self.header_timeout)
            .field("body_timeout", &self.body_timeout)
            .field("shutdown_timeout", &self.shutdown_timeout)
            .field("persist", &self.persist.is_some())
            .finish_non_exhaustive()
    }
}

impl ReceiverBuilder {
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

    /// Requires `secret` in the request header `name` (such as `apikey`). A name that is not
    /// a header name is refused by [`router`](Self::router) and [`serve`](Self::serve).
    pub fn secret_header(mut self, name: &str, secret: impl Into<Secret>) -> Self {
        if let Ok(header) = HeaderName::from_bytes(name.as_bytes()) {
            self.secret = Some((SecretSource::Header(header), secret.into()));
            self.invalid = None;
        } else {
            self.secret = None;
            self.invalid = Some(format!("`{name}` is not an HTTP header name"));
        }
        self
    }

    /// Requires `secret` in the query parameter `name` (`?token=…`).
    pub fn secret_query(mut self, name: impl Into<String>, secret: impl Into<Secret>) -> Self {
        self.secret = Some((SecretSource::Query(name.into()), secret.into()));
        self.invalid = None;
        self
    }

    /// Requires `secret` as one more path segment (`<path>/<secret>`), for senders that
    /// can only be given a URL. The segment is left out of each event's
    /// [`Request::path`](super::Request::path).
    pub fn secret_path(mut self, secret: impl Into<Secret>) -> Self {
        self.secret = Some((SecretSource::PathSegment, secret.into()));
        self.invalid = None;
        self
    }

    /// Stores every accepted event with `persist` before answering (see
    /// [`Persist`](super::Persist)): 200 only once it is stored, 503 when it could not be.
    pub fn persist(mut self, persist: impl super::Persist) -> Self {
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
        } else if self.body_limit == 0 {
            "the body limit must be at least 1 byte".to_owned()
        } else {
            return Ok(());
        };
        Err(ConfigError { problem })
    }

    /// The router to mount in your axum app, and the receiver of its events. The receiver
    /// ends once every clone of the router is dropped.
    ///
    /// # Errors
    ///
    /// [`ConfigError`] for a configuration that cannot work (a secret header name that is
    /// not a header name, a path with a route parameter or wildcard, a body limit of 0).
    pub fn router(self) -> Result<(Router, Receiver), ConfigError> {
        self.check()?;
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
            body_timeout: self.body_timeout,
            queue_wait: self.queue_wait,
            budget: super::http::Budget::new(self.queue_bytes),
            secret: self.secret,
            sender,
            persist: self.persist,
        });
        let router = Router::new()
            .route(&route, post(accept).fallback(method_not_allowed))
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
    pub async fn serve(self, address: SocketAddr) -> io::Result<(Server, Receiver)> {
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
        tracing::info!(%local_addr, "codechat webhook receiver listening");
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
    problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "codechat receiver: {}", self.problem)
    }
}

impl std::error::Error for ConfigError {}
