//! Private-channel authorisation over HTTP: the form POST of
//! [`AuthRequest`](crate::protocol::AuthRequest) to the auth endpoint with the access token,
//! the token refresh on 401, 403 or a redirect, and the rustls configuration the client
//! shares with the WebSocket.

use std::{sync::Arc, time::Duration};

use chat_events_core::Secret;

use super::{RefreshHook, SubscriptionFailure};
use crate::{
    Channel,
    protocol::{AuthAnswer, AuthRequest},
};

/// rustls with the ring provider and, `with_roots`, the system's roots. A client whose
/// socket and auth endpoint are both plain (a local server, a test) needs no roots: loading
/// them costs about a megabyte of memory that would stay resident.
pub(super) fn tls_config(with_roots: bool) -> Result<Arc<rustls::ClientConfig>, rustls::Error> {
    let mut roots = rustls::RootCertStore::empty();
    if with_roots {
        for certificate in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(certificate);
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Authorises channels at the auth endpoint.
pub(super) struct Authorizer {
    url: String,
    token: Secret,
    refresh: Option<RefreshHook>,
    http: Option<reqwest::Client>,
}

impl Authorizer {
    pub(super) const fn new(url: String, token: Secret, refresh: Option<RefreshHook>) -> Self {
        Self {
            url,
            token,
            refresh,
            http: None,
        }
    }

    /// POSTs `socket_id` and `channel_name` to the auth endpoint; on 401/403 or a redirect
    /// (Laravel sends a guest to its login page) refreshes the token once and tries again.
    pub(super) async fn authorize(
        &mut self,
        tls: &Arc<rustls::ClientConfig>,
        socket_id: &str,
        channel: &Channel,
    ) -> Result<Secret, SubscriptionFailure> {
        let mut refreshed = false;
        loop {
            match self.request(tls, socket_id, channel).await? {
                Ok(auth) => return Ok(auth),
                Err(status @ (300..=399 | 401 | 403)) if !refreshed => {
                    let Some(refresh) = self.refresh.clone() else {
                        return Err(SubscriptionFailure::AuthStatus { status });
                    };
                    match refresh().await {
                        Some(token) => {
                            tracing::info!(%channel, "access token refreshed after {status}");
                            self.token = token;
                            refreshed = true;
                        }
                        None => return Err(SubscriptionFailure::AuthStatus { status }),
                    }
                }
                Err(status) => return Err(SubscriptionFailure::AuthStatus { status }),
            }
        }
    }

    /// One auth request: `Ok(Ok(auth))`, `Ok(Err(status))` for a non-200 answer.
    async fn request(
        &mut self,
        tls: &Arc<rustls::ClientConfig>,
        socket_id: &str,
        channel: &Channel,
    ) -> Result<Result<Secret, u16>, SubscriptionFailure> {
        if self.http.is_none() {
            // reqwest is built without a process-wide crypto provider, so it always gets
            // the ring-backed config, also for plain-http endpoints (it panics otherwise).
            let http = reqwest::Client::builder()
                .timeout(Duration::from_secs(15))
                .redirect(reqwest::redirect::Policy::none())
                .use_preconfigured_tls((**tls).clone())
                .build()
                .map_err(|_| SubscriptionFailure::AuthUnreachable)?;
            self.http = Some(http);
        }
        let http = self
            .http
            .as_ref()
            .ok_or(SubscriptionFailure::AuthUnreachable)?;
        let request = AuthRequest::new(socket_id, channel);
        let body: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(request.form_fields())
            .finish();
        let response = http
            .post(&self.url)
            .header("Authorization", self.token.expose())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .body(body)
            .send()
            .await
            .map_err(|_| SubscriptionFailure::AuthUnreachable)?;
        let status = response.status().as_u16();
        if status != 200 {
            return Ok(Err(status));
        }
        let text = response
            .text()
            .await
            .map_err(|_| SubscriptionFailure::AuthUnreachable)?;
        match AuthAnswer::parse(&text) {
            AuthAnswer::Authorized(auth) => Ok(Ok(auth)),
            _ => Err(SubscriptionFailure::AuthBody),
        }
    }
}
