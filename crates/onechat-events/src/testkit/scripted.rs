//! An Action Cable server whose every connection runs a script, and the frames Rails sends:
//! for testing a client against what Rails will not do on demand (stop pinging, disconnect
//! with each reason, confirm late or never, send garbage).

use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use chat_events_core::unstable::testkit::Loopback;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio_tungstenite::{
    WebSocketStream,
    tungstenite::{
        Message,
        handshake::server::{Request, Response},
    },
};

/// One connection's WebSocket, as a script gets it.
pub type CableSocket = WebSocketStream<TcpStream>;

/// An Action Cable server on 127.0.0.1 that runs a script for each connection; it stops
/// when dropped.
#[derive(Debug)]
pub struct ScriptedCable {
    loopback: Loopback,
}

impl ScriptedCable {
    /// Starts the server on a free port; `script` runs for each connection, with its number
    /// (from 0) and its socket (the handshake done, `actioncable-v1-json` agreed).
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start<F, Fut>(script: F) -> std::io::Result<Self>
    where
        F: Fn(usize, CableSocket) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let script = Arc::new(script);
        let loopback = Loopback::start(move |index, stream| {
            let script = Arc::clone(&script);
            async move {
                if let Some(ws) = accept(stream).await {
                    script(index, ws).await;
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

    /// The installation URL to give a client (`http://127.0.0.1:<port>`; it connects to
    /// `/cable`).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr())
    }

    /// How many connections it has accepted.
    pub fn connections(&self) -> usize {
        self.loopback.accepted()
    }
}

/// The WebSocket handshake on an accepted TCP stream, agreeing on `actioncable-v1-json` as
/// Rails does (for a server a test builds by hand); `None` when the handshake failed.
pub async fn accept(stream: TcpStream) -> Option<CableSocket> {
    #[allow(clippy::result_large_err)] // the signature is tungstenite's callback
    let accept = |_: &Request, mut response: Response| {
        if let Ok(protocol) = "actioncable-v1-json".parse() {
            response
                .headers_mut()
                .insert("Sec-WebSocket-Protocol", protocol);
        }
        Ok(response)
    };
    tokio_tungstenite::accept_hdr_async(stream, accept)
        .await
        .ok()
}

/// Sends `welcome` and reads `subscribe` commands until `count` different identifiers came
/// (a client repeats an unconfirmed one); returns them in arrival order, or what came before
/// the client went away.
pub async fn welcome_and_subscribes(ws: &mut CableSocket, count: usize) -> Vec<String> {
    let mut identifiers = Vec::new();
    if ws.send(welcome()).await.is_err() {
        return identifiers;
    }
    while identifiers.len() < count {
        let Some(Ok(Message::Text(text))) = ws.next().await else {
            break;
        };
        let Ok(command) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        if command["command"] == "subscribe"
            && let Some(identifier) = command["identifier"].as_str()
            && !identifiers.iter().any(|known| known == identifier)
        {
            identifiers.push(identifier.to_owned());
        }
    }
    identifiers
}

/// `{"type":"welcome"}`.
pub fn welcome() -> Message {
    Message::text(r#"{"type":"welcome"}"#)
}

/// Rails' ping (`message` is the Unix time).
pub fn ping(unix_seconds: u64) -> Message {
    Message::text(format!(r#"{{"type":"ping","message":{unix_seconds}}}"#))
}

/// `confirm_subscription` for `identifier`.
pub fn confirm(identifier: &str) -> Message {
    Message::text(
        serde_json::json!({ "identifier": identifier, "type": "confirm_subscription" }).to_string(),
    )
}

/// `reject_subscription` for `identifier`.
pub fn reject(identifier: &str) -> Message {
    Message::text(
        serde_json::json!({ "identifier": identifier, "type": "reject_subscription" }).to_string(),
    )
}

/// A data frame: `message` (JSON text, a broadcast `{"event", "data"}`) for `identifier`.
pub fn data(identifier: &str, message: &str) -> Message {
    Message::text(format!(
        r#"{{"identifier":{},"message":{message}}}"#,
        serde_json::Value::from(identifier)
    ))
}

/// `disconnect` with Rails' `reason` (`unauthorized`, `invalid_request`,
/// `server_restart`, `remote`) and whether the client may reconnect.
pub fn disconnect(reason: &str, reconnect: bool) -> Message {
    Message::text(
        serde_json::json!({ "type": "disconnect", "reason": reason, "reconnect": reconnect })
            .to_string(),
    )
}

/// Reads (and ignores) the client's commands until it goes away, pinging every `ping`
/// interval when one is given.
pub async fn idle(mut ws: CableSocket, ping_every: Option<Duration>) {
    let mut beat = tokio::time::interval(ping_every.unwrap_or(Duration::from_secs(3600)));
    loop {
        tokio::select! {
            frame = ws.next() => if frame.is_none() { return },
            _ = beat.tick(), if ping_every.is_some() => {
                if ws.send(ping(1_736_743_200)).await.is_err() {
                    return;
                }
            }
        }
    }
}
