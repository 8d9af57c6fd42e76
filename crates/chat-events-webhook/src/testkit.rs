//! Post webhooks to a receiver, as the providers do, in your tests (feature `testkit`); the
//! provider crates' testkits re-export these beside their fixtures.
//!
//! Written on hyper's client half (the receiver already depends on hyper) rather than
//! reqwest, so the feature adds no HTTP stack of its own; it speaks plain HTTP/1.1 to
//! `http://` URLs, which is what a test's loopback receiver is.

use std::{fmt, io};

use http_body_util::{BodyExt, Full};
use hyper::{Request, Uri, body::Bytes};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// What the server answered.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Posted {
    /// The HTTP status.
    pub status: u16,
    /// The response headers, names in lower case, in order.
    pub headers: Vec<(String, String)>,
    /// The response body, as text (lossy for bytes that are not UTF-8).
    pub body: String,
}

impl fmt::Debug for Posted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Posted")
            .field("status", &self.status)
            .field("body", &self.body)
            .finish_non_exhaustive()
    }
}

impl Posted {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The body parsed as JSON, when it is.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.body).ok()
    }
}

/// POSTs `body` to `url` as `application/json`.
///
/// # Errors
///
/// The URL is not `http://host:port/…`, the server cannot be reached, or the exchange
/// failed.
pub async fn post(url: &str, body: impl Into<Vec<u8>>) -> io::Result<Posted> {
    post_with(url, &[], body).await
}

/// POSTs `body` to `url` with extra `headers` (a webhook secret, another content type:
/// a `content-type` given here replaces `application/json`).
///
/// # Errors
///
/// As [`post`].
pub async fn post_with(
    url: &str,
    headers: &[(&str, &str)],
    body: impl Into<Vec<u8>>,
) -> io::Result<Posted> {
    let invalid =
        |what: &str| io::Error::new(io::ErrorKind::InvalidInput, format!("{what}: {url}"));
    let uri: Uri = url.parse().map_err(|_| invalid("not a URL"))?;
    if uri.scheme_str() != Some("http") {
        return Err(invalid("only http:// URLs are supported"));
    }
    let host = uri.host().ok_or_else(|| invalid("no host"))?.to_owned();
    let port = uri.port_u16().unwrap_or(80);
    let stream = TcpStream::connect((host.trim_matches(['[', ']']), port)).await?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(io::Error::other)?;
    let driver = tokio::spawn(connection);
    let mut request = Request::post(uri.path_and_query().map_or("/", |path| path.as_str()))
        .header("host", format!("{host}:{port}"));
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("content-type"))
    {
        request = request.header("content-type", "application/json");
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from(body.into())))
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(io::Error::other)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(io::Error::other)?
        .to_bytes();
    driver.abort();
    Ok(Posted {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}
