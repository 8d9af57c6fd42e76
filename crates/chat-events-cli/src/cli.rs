//! The command line (clap derive).

use std::{net::SocketAddr, path::PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Typed, schema-described events of ChatApp, CodeChat and OneChat: check captured payloads,
/// listen live, receive webhooks, record traffic, export JSON Schemas.
#[derive(Debug, Parser)]
#[command(name = "chat-events", version, propagate_version = true)]
#[command(after_help = "Examples:
  chat-events demo                                  the main job on this machine, nothing to set up
  chat-events check captured/ --deny drift          check captured payloads in CI
  chat-events schema --out schemas                  export the JSON Schemas
  CHATAPP_ACCESS_TOKEN=… chat-events listen chatapp --channel private-v1.companies.2224
  chat-events serve codechat --addr 0.0.0.0:8080 --path /webhooks/codechat --record hooks.jsonl

Exit codes: 0 success; 1 a fatal error or a payload refused by --deny; 2 a usage or
configuration error; 130 stopped by Ctrl-C or SIGTERM.")]
#[non_exhaustive]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub(crate) enum Command {
    /// Decode captured payloads and report clean / drift / unknown / error per payload.
    #[command(
        after_help = "Inputs: files (.json, .jsonc), folders (searched recursively for
.json, .jsonc, .jsonl, .ndjson) and JSON Lines files (one payload per line, as --record writes
them); `-` or no path reads stdin (one JSON document, or JSON Lines).

Examples:
  chat-events check tests/fixtures/chatapp
  chat-events check hooks.jsonl --provider codechat --format json
  cat payload.json | chat-events check --deny drift --deny unknown"
    )]
    Check(CheckArgs),
    /// Listen to a provider's live events and print each as a JSON line.
    Listen(ListenArgs),
    /// Receive a provider's webhooks and print each event as a JSON line.
    Serve(ServeArgs),
    /// Read one provider's events back from NATS JetStream (stored by `--sink`) as JSON lines.
    #[command(after_help = "Example:
  chat-events consume nats://127.0.0.1:4222 --provider codechat --durable billing")]
    Consume(ConsumeArgs),
    /// Write the JSON Schemas of the event models.
    #[command(after_help = "Example:
  chat-events schema --provider codechat --out schemas")]
    Schema(SchemaArgs),
    /// Run the main job end to end on this machine: receive bundled real webhooks on a local
    /// port, print them as typed JSON lines, and check the bundled fixtures.
    Demo,
    /// Print shell completions.
    #[command(after_help = "Example:
  chat-events completions bash > /etc/bash_completion.d/chat-events")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Which provider's models to decode with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub(crate) enum ProviderChoice {
    /// Detect it from each payload: the provider that knows the event and decodes it best.
    Auto,
    /// ChatApp (Pusher events, `meta.type`).
    Chatapp,
    /// CodeChat webhooks (`event`, `instance`).
    Codechat,
    /// OneChat Action Cable broadcasts and frames.
    Onechat,
    /// OneChat (Chatwoot) webhook bodies.
    OnechatWebhook,
}

/// How `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub(crate) enum Format {
    /// One readable line per payload, then a summary table.
    Text,
    /// One JSON object per payload, then a `{"summary": …}` line.
    Json,
}

/// What `check` refuses (exit code 1) besides payloads that do not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub(crate) enum Deny {
    /// Payloads with fields the model does not carry.
    Drift,
    /// Events the models do not know.
    Unknown,
}

/// `check`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct CheckArgs {
    /// Files, folders or JSON Lines files; `-` or none for stdin.
    pub(crate) paths: Vec<PathBuf>,
    /// The provider's models to use.
    #[arg(long, value_enum, default_value_t = ProviderChoice::Auto)]
    pub(crate) provider: ProviderChoice,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Also fail on these (repeatable). Payloads that do not decode always fail.
    #[arg(long, value_enum)]
    pub(crate) deny: Vec<Deny>,
    /// Print only the summary (and the payloads that fail).
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// The largest payload (file, JSON Lines line, stdin document) read; a larger one is an
    /// error line, not read into memory.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub(crate) max_payload_bytes: usize,
}

/// `listen`'s provider.
#[derive(Debug, Args)]
#[non_exhaustive]
pub(crate) struct ListenArgs {
    /// The provider.
    #[command(subcommand)]
    pub(crate) provider: ListenProvider,
}

/// The providers with a live client.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub(crate) enum ListenProvider {
    /// ChatApp over Pusher (token in CHATAPP_ACCESS_TOKEN or the config file).
    #[command(after_help = "Example:
  CHATAPP_ACCESS_TOKEN='$2y$10$…' chat-events listen chatapp \\
      --channel private-v1.licenses.1229.messengers.grWhatsApp --channel private-v1.companies.2224")]
    Chatapp(ChatAppArgs),
    /// OneChat over Action Cable (token in ONECHAT_PUBSUB_TOKEN or the config file).
    #[command(after_help = "Example:
  ONECHAT_PUBSUB_TOKEN=… chat-events listen onechat --url https://chat.example.com \\
      --user-id 7 --account 1 --account 2")]
    Onechat(OneChatArgs),
}

/// Options every live command shares.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct Common {
    /// A TOML config file (see the README); options on the command line win.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Append every payload as received to FILE, one per line (readable by `check`).
    #[arg(long, value_name = "FILE")]
    pub(crate) record: Option<PathBuf>,
    /// Store every event in NATS JetStream at URL (`nats://127.0.0.1:4222`; else the config
    /// file's `[nats] url`) before it counts as delivered (serve: before the webhook is
    /// answered 200).
    #[arg(long, value_name = "URL")]
    pub(crate) sink: Option<String>,
    /// Print the normalized events each event implies instead of the event: one line each,
    /// `{"provider", "source", "received_at", "sourceEvent", "event", "raw"}` (the record of
    /// `schemas/normalized.schema.json`); events outside the model print nothing.
    #[arg(long)]
    pub(crate) normalized: bool,
}

/// `consume`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct ConsumeArgs {
    /// The NATS server (`nats://127.0.0.1:4222`).
    pub(crate) url: String,
    /// Whose events.
    #[arg(long, value_enum)]
    pub(crate) provider: SchemaProvider,
    /// The durable consumer's name: consumers with the same name share the work and resume
    /// where they stopped.
    #[arg(long, default_value = "chat-events")]
    pub(crate) durable: String,
    /// A TOML config file; its `[nats]` section names the stream and subject prefix.
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Print the normalized events each event implies instead of the event (as `listen
    /// --normalized`); every event is acknowledged once its lines are printed.
    #[arg(long)]
    pub(crate) normalized: bool,
}

/// `listen chatapp`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct ChatAppArgs {
    /// A channel to subscribe to (repeatable): private-v1.licenses.<n>.messengers.<type>,
    /// private-v1.companies.<n>, private-v1.users.<n>, private-v1.companies.<n>.users.<n>.
    #[arg(long = "channel", value_name = "CHANNEL")]
    pub(crate) channels: Vec<String>,
    /// The Pusher host (default: ChatApp's).
    #[arg(long)]
    pub(crate) host: Option<String>,
    /// The Pusher port.
    #[arg(long)]
    pub(crate) port: Option<u16>,
    /// Plain `ws://` instead of `wss://`.
    #[arg(long)]
    pub(crate) no_tls: bool,
    /// The Pusher app key.
    #[arg(long)]
    pub(crate) app_key: Option<String>,
    /// The channel authorisation endpoint.
    #[arg(long)]
    pub(crate) auth_url: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub(crate) common: Common,
}

/// `listen onechat`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct OneChatArgs {
    /// The installation's URL (`https://chat.example.com`).
    #[arg(long)]
    pub(crate) url: Option<String>,
    /// The agent's user id; without it, subscribes as a contact.
    #[arg(long)]
    pub(crate) user_id: Option<i64>,
    /// An account to subscribe to (repeatable; agents only).
    #[arg(long = "account", value_name = "ID")]
    pub(crate) accounts: Vec<i64>,
    /// Seconds between presence updates.
    #[arg(long)]
    pub(crate) presence_secs: Option<u64>,
    /// Seconds to wait for each subscription's confirmation.
    #[arg(long)]
    pub(crate) confirm_secs: Option<u64>,
    /// Shared options.
    #[command(flatten)]
    pub(crate) common: Common,
}

/// `serve`'s provider.
#[derive(Debug, Args)]
#[non_exhaustive]
pub(crate) struct ServeArgs {
    /// The provider.
    #[command(subcommand)]
    pub(crate) provider: ServeProvider,
}

/// The providers with a webhook receiver.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub(crate) enum ServeProvider {
    /// CodeChat and Evolution API webhooks: a shared secret (--secret-header, --secret-query,
    /// --secret-path) or Evolution API's JWT (--jwt), the secret in CODECHAT_WEBHOOK_SECRET or
    /// the config file's [codechat] section.
    #[command(after_help = "Examples:
  CODECHAT_WEBHOOK_SECRET=… chat-events serve codechat --addr 0.0.0.0:8080 \\
      --path /webhooks/codechat --secret-header apikey --record hooks.jsonl
  CODECHAT_WEBHOOK_SECRET=<jwt_key> chat-events serve codechat --jwt --sink nats://127.0.0.1:4222")]
    Codechat(CodeChatArgs),
    /// Chatwoot (OneChat) webhooks: the signature (X-Chatwoot-Signature) checked with the
    /// webhook's secret from ONECHAT_WEBHOOK_SECRET or the config file's [onechat_webhook]
    /// section; or, for an older Chatwoot that signs nothing, a shared secret in the URL.
    #[command(after_help = "Example:
  ONECHAT_WEBHOOK_SECRET=… chat-events serve onechat --addr 0.0.0.0:8080 \\
      --path /webhooks/chatwoot --sink nats://127.0.0.1:4222")]
    Onechat(OneChatWebhookArgs),
}

/// What both receivers take.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct ReceiverArgs {
    /// Where to listen (default 127.0.0.1:8080).
    #[arg(long)]
    pub(crate) addr: Option<SocketAddr>,
    /// The path webhooks are posted to (default `/`).
    #[arg(long)]
    pub(crate) path: Option<String>,
    /// The largest body accepted, in bytes.
    #[arg(long)]
    pub(crate) body_limit: Option<usize>,
    /// The secret is sent in this header (a shared secret).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["secret_query", "secret_path"])]
    pub(crate) secret_header: Option<String>,
    /// The secret is sent in this query parameter (a shared secret).
    #[arg(long, value_name = "NAME", conflicts_with = "secret_path")]
    pub(crate) secret_query: Option<String>,
    /// The secret is the last path segment (a shared secret).
    #[arg(long)]
    pub(crate) secret_path: bool,
    /// How long a delivery id is remembered, so that repeats are answered without being
    /// printed or stored again (default 3600; 0: off).
    #[arg(long, value_name = "SECONDS")]
    pub(crate) repeat_window_secs: Option<u64>,
    /// Shared options.
    #[command(flatten)]
    pub(crate) common: Common,
}

/// `serve codechat`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct CodeChatArgs {
    /// Check Evolution API's `Authorization: Bearer` JWT (HS256) with the secret as its key.
    #[arg(long, conflicts_with_all = ["secret_header", "secret_query", "secret_path"])]
    pub(crate) jwt: bool,
    /// What both receivers take.
    #[command(flatten)]
    pub(crate) receiver: ReceiverArgs,
}

/// `serve onechat`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct OneChatWebhookArgs {
    /// How far a signature's timestamp may be from this machine's clock (default 300).
    #[arg(long, value_name = "SECONDS")]
    pub(crate) signature_tolerance_secs: Option<u64>,
    /// What both receivers take.
    #[command(flatten)]
    pub(crate) receiver: ReceiverArgs,
}

/// `schema`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub(crate) struct SchemaArgs {
    /// Only this provider's schemas (default: all).
    #[arg(long, value_enum)]
    pub(crate) provider: Option<SchemaProvider>,
    /// The folder to write to (one sub-folder per provider).
    #[arg(long, default_value = "schemas")]
    pub(crate) out: PathBuf,
    /// A folder of payloads, one sub-folder per provider (`tests/fixtures` in the
    /// repository): each event's schema gets the first payload that decodes as it as its
    /// `examples`.
    #[arg(long)]
    pub(crate) examples: Option<PathBuf>,
}

/// The providers with schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub(crate) enum SchemaProvider {
    /// ChatApp.
    Chatapp,
    /// CodeChat.
    Codechat,
    /// OneChat (Action Cable).
    Onechat,
    /// OneChat webhooks.
    OnechatWebhook,
}
