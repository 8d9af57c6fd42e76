//! Configuring the receiver: its route and limits, the router, the standalone server.

use std::{fmt, io, net::SocketAddr, sync::Arc};

use axum::{Router, http::HeaderName, routing::post};
use chat_events_core::Secret;
use tokio::sync::{mpsc, oneshot};

use super::{
    DEFAULT_BODY_LIMIT, DEFAULT_QUEUE_CAPACITY, Receiver,
    http::{Shared, accept, method_not_allowed},
};

/// Where the shared secret is read from.
#[derive(Clone, Debug)]
pub(super) enum SecretSource {
    Header(HeaderName),
    Query(String),
    PathSegment,
}

/// Configures a [`Receiver`] and its route; from [`Receiver::builder`].
#[derive(Clone)]
#[must_use]
pub struct ReceiverBuilder {
    path: String,
    body_limit: usize,
    queue_capacity: usize,
    secret: Option<(SecretSource, Secret)>,
}

impl Default for ReceiverBuilder {
    fn default() -> Self {
        Self {
            path: "/".to_owned(),
            body_limit: DEFAULT_BODY_LIMIT,
            queue_capacity: DEFAULT_QUEUE_CAPACITY,
            secret: None,
        }
    }
}

impl fmt::Debug for ReceiverBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceiverBuilder")
            .field("path", &self.path)
            .field("body_limit", &self.body_limit)
            .field("queue_capacity", &self.queue_capacity)
            .field("secret", &self.secret.as_ref().map(|(source, _)| source))
            .finish()
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
    /// can only be given a URL. The segment is left out of each event's
    /// [`Request::path`](super::Request::path).
    pub fn secret_path(mut self, secret: impl Into<Secret>) -> Self {
        self.secret = Some((SecretSource::PathSegment, secret.into()));
        self
    }

    /// The router to mount in your axum app, and the receiver of its events. The receiver
    /// ends once every clone of the router is dropped.
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

    /// Binds `address` and serves the router until [`Server::close`].
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
                    // A send or a drop of the `Server`: both stop it.
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

/// A running standalone receiver, from [`ReceiverBuilder::serve`].
///
/// Stop it with [`close`](Self::close). Dropping it also starts a graceful stop, without
/// waiting for it.
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
    /// server has stopped. Events accepted before remain in the [`Receiver`], which yields
    /// them and then ends.
    ///
    /// # Errors
    ///
    /// The server's I/O error, if it failed.
    pub async fn close(mut self) -> io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match (&mut self.task).await {
            Ok(result) => result,
            Err(join) => Err(io::Error::other(join)),
        }
    }
}
