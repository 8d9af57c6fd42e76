//! A Laravel-like `/broadcasting/auth` endpoint on 127.0.0.1 (hyper: the client feature's
//! HTTP stack already brings it).

use std::{
    collections::HashMap,
    convert::Infallible,
    fmt,
    sync::{Arc, Mutex},
};

use chat_events_core::unstable::testkit::{Loopback, lock};
use http_body_util::{BodyExt, Full};
use hyper::{Request, Response, StatusCode, body::Bytes, service::service_fn};
use hyper_util::rt::TokioIo;

use super::{APP_KEY, APP_SECRET, sign};

/// What the endpoint answers for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthReply {
    /// 200 with a valid signature.
    Sign,
    /// 200 with a signature made with the wrong secret (the server will refuse it).
    WrongSecret,
    /// This status, with Laravel's JSON error body (`{"message":"Unauthenticated."}`).
    Status(u16),
    /// 200 with an HTML error page (what a misrouted Laravel answers).
    Html,
}

/// One request the endpoint got.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthCall {
    /// The `Authorization` header sent (the access token; hidden from `Debug`).
    pub authorization: Option<String>,
    /// The socket id asked for.
    pub socket_id: String,
    /// The channel asked for.
    pub channel: String,
}

impl fmt::Debug for AuthCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthCall")
            .field(
                "authorization",
                &self.authorization.as_ref().map(|_| "<redacted>"),
            )
            .field("socket_id", &self.socket_id)
            .field("channel", &self.channel)
            .finish()
    }
}

type Policy = Arc<dyn Fn(&AuthCall) -> AuthReply + Send + Sync>;

/// A running authorisation endpoint; it stops when dropped.
pub struct AuthEndpoint {
    url: String,
    calls: Arc<Mutex<Vec<AuthCall>>>,
    /// Stops the endpoint when dropped.
    _loopback: Loopback,
}

impl fmt::Debug for AuthEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthEndpoint")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl AuthEndpoint {
    /// Starts the endpoint on a free port of 127.0.0.1; `policy` decides each answer.
    ///
    /// # Errors
    ///
    /// The port could not be bound.
    pub async fn start(
        policy: impl Fn(&AuthCall) -> AuthReply + Send + Sync + 'static,
    ) -> std::io::Result<Self> {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let policy: Policy = Arc::new(policy);
        let log = Arc::clone(&calls);
        let loopback = Loopback::start(move |_, stream| {
            let policy = Arc::clone(&policy);
            let log = Arc::clone(&log);
            async move {
                let service = service_fn(move |request| {
                    answer(request, Arc::clone(&policy), Arc::clone(&log))
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            }
        })
        .await?;
        Ok(Self {
            url: format!("http://{}/broadcasting/auth", loopback.addr()),
            calls,
            _loopback: loopback,
        })
    }

    /// The endpoint's URL (`http://127.0.0.1:<port>/broadcasting/auth`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request so far, in order.
    pub fn calls(&self) -> Vec<AuthCall> {
        lock(&self.calls).clone()
    }
}

async fn answer(
    request: Request<hyper::body::Incoming>,
    policy: Policy,
    log: Arc<Mutex<Vec<AuthCall>>>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let authorization = request
        .headers()
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let path_ok = request.uri().path() == "/broadcasting/auth";
    let body = request
        .into_body()
        .collect()
        .await
        .map(http_body_util::Collected::to_bytes)
        .unwrap_or_default();
    if !path_ok {
        return Ok(reply(StatusCode::NOT_FOUND, "not found"));
    }
    let form: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    let call = AuthCall {
        authorization,
        socket_id: form.get("socket_id").cloned().unwrap_or_default(),
        channel: form.get("channel_name").cloned().unwrap_or_default(),
    };
    let decision = policy(&call);
    lock(&log).push(call.clone());
    Ok(match decision {
        AuthReply::Sign => {
            let auth = sign(APP_KEY, APP_SECRET, &call.socket_id, &call.channel);
            reply(
                StatusCode::OK,
                &serde_json::json!({ "auth": auth }).to_string(),
            )
        }
        AuthReply::WrongSecret => {
            let auth = sign(APP_KEY, "not-the-secret", &call.socket_id, &call.channel);
            reply(
                StatusCode::OK,
                &serde_json::json!({ "auth": auth }).to_string(),
            )
        }
        AuthReply::Status(status) => reply(
            StatusCode::from_u16(status).unwrap_or(StatusCode::FORBIDDEN),
            r#"{"message":"Unauthenticated."}"#,
        ),
        AuthReply::Html => reply(
            StatusCode::OK,
            "<!DOCTYPE html><html><body>Forbidden</body></html>",
        ),
    })
}

fn reply(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body.to_owned())));
    *response.status_mut() = status;
    response
}
