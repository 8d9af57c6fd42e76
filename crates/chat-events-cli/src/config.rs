//! The config file (`--config chat-events.toml`): the settings of each live command, and the
//! secrets, which are read from here or from the environment, never from the command line.
//!
//! ```toml
//! [chatapp]
//! access_token = "$2y$10$…"          # or CHATAPP_ACCESS_TOKEN
//! channels = ["private-v1.companies.2224"]
//! # host, port, tls, app_key, auth_url: ChatApp's by default
//!
//! [onechat]
//! url = "https://chat.example.com"
//! pubsub_token = "…"                 # or ONECHAT_PUBSUB_TOKEN
//! user_id = 7
//! accounts = [1, 2]
//!
//! [codechat]                         # serve codechat
//! addr = "127.0.0.1:8080"
//! path = "/webhooks/codechat"
//! secret_header = "apikey"           # or secret_query = "…", or secret_path = true, or jwt = true
//! secret = "…"                       # or CODECHAT_WEBHOOK_SECRET
//! previous_secrets = ["…"]           # also taken while a secret is rotated
//! repeat_window_secs = 3600          # repeats of a delivery answered, not delivered (0: off)
//!
//! [onechat_webhook]                  # serve onechat (Chatwoot webhooks)
//! addr = "127.0.0.1:8081"
//! path = "/webhooks/chatwoot"
//! secret = "…"                       # the webhook's secret, or ONECHAT_WEBHOOK_SECRET:
//!                                    # checks X-Chatwoot-Signature (unless a secret_* is set)
//! previous_secrets = ["…"]
//! signature_tolerance_secs = 300
//!
//! [nats]                              # where --sink stores events (and consume reads)
//! url = "nats://127.0.0.1:4222"       # used when --sink is not given
//! stream = "CHAT_EVENTS"              # created when missing: subjects "<prefix>.>", file storage
//! prefix = "chat-events"              # subjects <prefix>.<provider>.<event>
//! duplicate_window_secs = 120         # two relays store an event once within this window
//! max_age_days = 7                    # retention (0: keep)
//! replicas = 3                        # R3 on a 3-node cluster
//! ```

use std::{net::SocketAddr, path::Path};

use serde::Deserialize;

use crate::Failure;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    #[serde(default)]
    pub(crate) chatapp: ChatApp,
    #[serde(default)]
    pub(crate) onechat: OneChat,
    #[serde(default)]
    pub(crate) codechat: Receiver,
    #[serde(default)]
    pub(crate) onechat_webhook: Receiver,
    #[serde(default)]
    pub(crate) nats: Nats,
}

/// `[nats]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Nats {
    pub(crate) url: Option<String>,
    pub(crate) stream: Option<String>,
    pub(crate) prefix: Option<String>,
    pub(crate) duplicate_window_secs: Option<u64>,
    pub(crate) max_age_days: Option<u64>,
    pub(crate) replicas: Option<usize>,
}

impl Nats {
    /// The stream settings: the file's, else the defaults.
    pub(crate) fn settings(&self) -> chat_events_nats::StreamSettings {
        let mut settings = chat_events_nats::StreamSettings::default();
        if let Some(name) = &self.stream {
            settings.name.clone_from(name);
        }
        if let Some(prefix) = &self.prefix {
            settings.prefix.clone_from(prefix);
        }
        if let Some(secs) = self.duplicate_window_secs {
            settings.duplicate_window = std::time::Duration::from_secs(secs);
        }
        if let Some(days) = self.max_age_days {
            settings.max_age = std::time::Duration::from_secs(days * 86_400);
        }
        if let Some(replicas) = self.replicas {
            settings.replicas = replicas.max(1);
        }
        settings
    }
}

/// `[chatapp]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChatApp {
    pub(crate) access_token: Option<String>,
    #[serde(default)]
    pub(crate) channels: Vec<String>,
    pub(crate) host: Option<String>,
    pub(crate) port: Option<u16>,
    pub(crate) tls: Option<bool>,
    pub(crate) app_key: Option<String>,
    pub(crate) auth_url: Option<String>,
}

/// `[onechat]`.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OneChat {
    pub(crate) url: Option<String>,
    pub(crate) pubsub_token: Option<String>,
    pub(crate) user_id: Option<i64>,
    #[serde(default)]
    pub(crate) accounts: Vec<i64>,
    pub(crate) presence_secs: Option<u64>,
    pub(crate) confirm_secs: Option<u64>,
}

/// `[codechat]` and `[onechat_webhook]`: a webhook receiver.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Receiver {
    pub(crate) addr: Option<SocketAddr>,
    pub(crate) path: Option<String>,
    pub(crate) body_limit: Option<usize>,
    pub(crate) secret_header: Option<String>,
    pub(crate) secret_query: Option<String>,
    pub(crate) secret_path: Option<bool>,
    pub(crate) secret: Option<String>,
    #[serde(default)]
    pub(crate) previous_secrets: Vec<String>,
    pub(crate) repeat_window_secs: Option<u64>,
    /// `[codechat]` only.
    pub(crate) jwt: Option<bool>,
    /// `[onechat_webhook]` only.
    pub(crate) signature_tolerance_secs: Option<u64>,
}

// Secrets stay out of `Debug`.
impl std::fmt::Debug for ChatApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChatApp")
            .field(
                "access_token",
                &self.access_token.as_ref().map(|_| "<redacted>"),
            )
            .field("channels", &self.channels)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for OneChat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OneChat")
            .field("url", &self.url)
            .field(
                "pubsub_token",
                &self.pubsub_token.as_ref().map(|_| "<redacted>"),
            )
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Receiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver")
            .field("addr", &self.addr)
            .field("path", &self.path)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("previous_secrets", &self.previous_secrets.len())
            .finish_non_exhaustive()
    }
}

/// Reads `path`, or the defaults without one.
pub(crate) fn load(path: Option<&Path>) -> Result<Config, Failure> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|error| Failure::usage(format!("cannot read {}: {error}", path.display())))?;
    // toml's messages quote the offending line, which may hold a secret: keep only where.
    toml::from_str(&text).map_err(|error: toml::de::Error| {
        let place = error
            .span()
            .map(|span| {
                let line = text[..span.start].matches('\n').count() + 1;
                format!(" (line {line})")
            })
            .unwrap_or_default();
        Failure::usage(format!(
            "{} is not a valid config file{place}: {}",
            path.display(),
            error.message()
        ))
    })
}

/// A secret from the environment variable `var`, else from the config file.
pub(crate) fn secret(var: &str, from_file: Option<&String>) -> Option<String> {
    std::env::var(var)
        .ok()
        .filter(|value| !value.is_empty())
        .or_else(|| from_file.cloned())
}
