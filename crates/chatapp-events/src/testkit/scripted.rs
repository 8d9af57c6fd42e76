//! A Pusher server whose every connection runs a script: for testing how a client meets
//! each server dialect and each fault (no `data` on a pong, a late confirmation, a close
//! code, garbage), one frame at a time.

use std::{
    fmt,
    future::Future,
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use chat_events_core::unstable::testkit::{Loopback, lock};

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    WebSocketStream,
    tungstenite::{
        Message,
        handshake::server::{Request, Response as HandshakeResponse},
    },
};

use super::{APP_KEY, APP_SECRET, sign};

/// One WebSocket connection to a [`ScriptedServer`].
pub struct Session {
    ws: WebSocketStream<TcpStream>,
    path: String,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// The request's path and query (`/app/<key>?protocol=7&client=…`).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Sends a frame (a JSON value, as text).
    pub async fn send(&mut self, frame: serde_json::Value) {
        let _ = self.ws.send(Message::text(frame.to_string())).await;
    }

    /// Sends any WebSocket message (binary, a close frame with a code, text that is not
    /// JSON…).
    pub async fn send_raw(&mut self, message: Message) {
        let _ = self.ws.send(message).await;
    }

    /// Queues a message without flushing: it completes when the socket takes it, so a
    /// client that stops reading makes it wait (for testing back-pressure).
    ///
    /// # Errors
    ///
    /// The connection is gone.
    pub async fn feed(
        &mut self,
        message: Message,
    ) -> Result<(), tokio_tungstenite::tungstenite::Error> {
        self.ws.feed(message).await
    }

    /// `pusher:connection_established` with `data` as a JSON string (the normal case).
    pub async fn established(&mut self, socket_id: &str, activity_timeout: u64) {
        let data =
            serde_json::json!({ "socket_id": socket_id, "activity_timeout": activity_timeout })
                .to_string();
        self.send(serde_json::json!({ "event": "pusher:connection_established", "data": data }))
            .await;
    }

    /// The next frame from the client, parsed; `None` when it went away.
    pub async fn recv(&mut self) -> Option<serde_json::Value> {
        loop {
            match self.ws.next().await? {
                Ok(Message::Text(text)) => return serde_json::from_str(text.as_str()).ok(),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }

    /// Reads until a `pusher:subscribe`: its channel and auth.
    pub async fn subscribe(&mut self) -> Option<(String, String)> {
        loop {
            let frame = self.recv().await?;
            if frame["event"] == "pusher:subscribe" {
                let data = &frame["data"];
                return Some((
                    data["channel"].as_str()?.to_owned(),
                    data["auth"].as_str()?.to_owned(),
                ));
            }
        }
    }

    /// Answers `subscription_succeeded` when the signature is right (`with_data` as sockudo,
    /// without as laravel-websockets), `pusher:error` 4009 without a channel otherwise.
    /// Whether it was right.
    pub async fn answer(
        &mut self,
        socket_id: &str,
        channel: &str,
        auth: &str,
        with_data: bool,
    ) -> bool {
        if auth == sign(APP_KEY, APP_SECRET, socket_id, channel) {
            let mut frame = serde_json::json!({ "event": "pusher_internal:subscription_succeeded", "channel": channel });
            if with_data {
                frame["data"] = "{}".into();
            }
            self.send(frame).await;
            true
        } else {
            self.send(serde_json::json!({ "event": "pusher:error", "data": { "code": 4009, "message": "Invalid Signature" } }))
                .await;
            false
        }
    }

    /// A channel event as a backend triggers it: `data` is the body as a JSON string.
    pub async fn event(&mut self, channel: &str, name: &str, body: &str) {
        self.send(serde_json::json!({ "event": name, "channel": channel, "data": body }))
            .await;
    }

    /// Reads and answers the client until it goes away: pongs its pings (`pong_data` decides
    /// the dialect), ignores everything else.
    pub async fn serve_pings(&mut self, pong_data: bool) {
        while let Some(frame) = self.recv().await {
            if frame["event"] == "pusher:ping" {
                let pong = if pong_data {
                    serde_json::json!({ "event": "pusher:pong", "data": {} })
                } else {
                    serde_json::json!({ "event": "pusher:pong" })
                };
                self.send(pong).await;
            }
        }
    }
}

/// A Pusher server on 127.0.0.1 that runs a script for each connection; it stops when
/// dropped.
#[derive(Debug)]
pub struct ScriptedServer {
    loopback: Loopback,
}

impl ScriptedServer {
    /// Starts the server on a free port; `script` runs for each connection, with its
    /// number (from 0) and the [`Session`].
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start<F, Fut>(script: F) -> std::io::Result<Self>
    where
        F: Fn(usize, Session) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let script = Arc::new(script);
        let loopback = Loopback::start(move |index, stream| {
            let script = Arc::clone(&script);
            async move {
                if let Some((ws, path)) = accept(stream).await {
                    script(index, Session { ws, path }).await;
                }
            }
        })
        .await?;
        Ok(Self { loopback })
    }

    /// Where it listens.
    pub fn addr(&self) -> SocketAddr {
        self.loopback.addr()
    }

    /// How many connections it has accepted.
    pub fn connections(&self) -> usize {
        self.loopback.accepted()
    }
}

/// The WebSocket handshake, keeping the request's path.
pub(super) async fn accept(stream: TcpStream) -> Option<(WebSocketStream<TcpStream>, String)> {
    let path = Arc::new(Mutex::new(String::new()));
    let seen = Arc::clone(&path);
    #[allow(clippy::result_large_err)] // the signature is tungstenite's callback
    let accept = move |request: &Request, response: HandshakeResponse| {
        *lock(&seen) = request.uri().to_string();
        Ok(response)
    };
    let ws = tokio_tungstenite::accept_hdr_async(stream, accept)
        .await
        .ok()?;
    let path = lock(&path).clone();
    Some((ws, path))
}
