//! A scripted Pusher server and auth endpoint in this process, for the ChatApp client tests:
//! each server dialect of reference §2.4 and each fault on demand.

use std::{
    future::Future,
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
};

pub(crate) use chat_events_tests::peers::{APP_KEY, APP_SECRET, AuthAnswer, auth_endpoint, sign};
use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::{
    WebSocketStream,
    tungstenite::{
        Message,
        handshake::server::{Request, Response as HandshakeResponse},
    },
};

/// One WebSocket connection to the fake server.
pub(crate) struct Session {
    pub(crate) ws: WebSocketStream<TcpStream>,
    /// The request's path and query.
    pub(crate) path: String,
}

impl Session {
    pub(crate) async fn send(&mut self, frame: serde_json::Value) {
        let _ = self.ws.send(Message::text(frame.to_string())).await;
    }

    pub(crate) async fn send_raw(&mut self, message: Message) {
        let _ = self.ws.send(message).await;
    }

    /// `pusher:connection_established` with `data` as a JSON string (the normal case).
    pub(crate) async fn established(&mut self, socket_id: &str, activity_timeout: u64) {
        let data =
            serde_json::json!({ "socket_id": socket_id, "activity_timeout": activity_timeout })
                .to_string();
        self.send(serde_json::json!({ "event": "pusher:connection_established", "data": data }))
            .await;
    }

    /// The next frame from the client, parsed; `None` when it went away.
    pub(crate) async fn recv(&mut self) -> Option<serde_json::Value> {
        loop {
            match self.ws.next().await? {
                Ok(Message::Text(text)) => return serde_json::from_str(text.as_str()).ok(),
                Ok(Message::Close(_)) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }

    /// Reads until a `pusher:subscribe`: its channel and auth.
    pub(crate) async fn subscribe(&mut self) -> Option<(String, String)> {
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
    pub(crate) async fn answer(
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
    pub(crate) async fn event(&mut self, channel: &str, name: &str, body: &str) {
        self.send(serde_json::json!({ "event": name, "channel": channel, "data": body }))
            .await;
    }

    /// Reads and answers the client until it goes away: pongs its pings (`pong_data` decides
    /// the dialect), counts nothing else.
    pub(crate) async fn serve_pings(&mut self, pong_data: bool) {
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

/// Serves Pusher on 127.0.0.1, running `script` for each connection (numbered from 0).
pub(crate) async fn fake_pusher<F, Fut>(script: F) -> (SocketAddr, Arc<AtomicUsize>)
where
    F: Fn(usize, Session) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&connections);
    let script = Arc::new(script);
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let index = count.fetch_add(1, Ordering::SeqCst);
            let script = Arc::clone(&script);
            tokio::spawn(async move {
                let path = Arc::new(Mutex::new(String::new()));
                let seen = Arc::clone(&path);
                #[allow(clippy::result_large_err)] // the signature is tungstenite's callback
                let accept = move |request: &Request, response: HandshakeResponse| {
                    *seen.lock().unwrap() = request.uri().to_string();
                    Ok(response)
                };
                if let Ok(ws) = tokio_tungstenite::accept_hdr_async(stream, accept).await {
                    let path = path.lock().unwrap().clone();
                    script(index, Session { ws, path }).await;
                }
            });
        }
    });
    (addr, connections)
}
