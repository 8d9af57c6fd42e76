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
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub enum Command {
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
pub enum ProviderChoice {
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
pub enum Format {
    /// One readable line per payload, then a summary table.
    Text,
    /// One JSON object per payload, then a `{"summary": …}` line.
    Json,
}

/// What `check` refuses (exit code 1) besides payloads that do not decode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub enum Deny {
    /// Payloads with fields the model does not carry.
    Drift,
    /// Events the models do not know.
    Unknown,
}

/// `check`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct CheckArgs {
    /// Files, folders or JSON Lines files; `-` or none for stdin.
    pub paths: Vec<PathBuf>,
    /// The provider's models to use.
    #[arg(long, value_enum, default_value_t = ProviderChoice::Auto)]
    pub provider: ProviderChoice,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also fail on these (repeatable). Payloads that do not decode always fail.
    #[arg(long, value_enum)]
    pub deny: Vec<Deny>,
    /// Print only the summary (and the payloads that fail).
    #[arg(long, short)]
    pub quiet: bool,
    /// The largest payload (file, JSON Lines line, stdin document) read; a larger one is an
    /// error line, not read into memory.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_payload_bytes: usize,
}

/// `listen`'s provider.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct ListenArgs {
    /// The provider.
    #[command(subcommand)]
    pub provider: ListenProvider,
}

/// The providers with a live client.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub enum ListenProvider {
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
pub struct Common {
    /// A TOML config file (see the README); options on the command line win.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Append every payload as received to FILE, one per line (readable by `check`).
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Store every event in NATS JetStream at URL (`nats://127.0.0.1:4222`; else the config
    /// file's `[nats] url`) before it counts as delivered (serve: before the webhook is
    /// answered 200).
    #[arg(long, value_name = "URL")]
    pub sink: Option<String>,
    /// Print the normalized events each event implies instead of the event: one line each,
    /// `{"provider", "source", "received_at", "sourceEvent", "event", "raw"}` (the record of
    /// `schemas/normalized.schema.json`); events outside the model print nothing.
    #[arg(long)]
    pub normalized: bool,
}

/// `consume`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct ConsumeArgs {
    /// The NATS server (`nats://127.0.0.1:4222`).
    pub url: String,
    /// Whose events.
    #[arg(long, value_enum)]
    pub provider: SchemaProvider,
    /// The durable consumer's name: consumers with the same name share the work and resume
    /// where they stopped.
    #[arg(long, default_value = "chat-events")]
    pub durable: String,
    /// A TOML config file; its `[nats]` section names the stream and subject prefix.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the normalized events each event implies instead of the event (as `listen
    /// --normalized`); every event is acknowledged once its lines are printed.
    #[arg(long)]
    pub normalized: bool,
}

/// `listen chatapp`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct ChatAppArgs {
    /// A channel to subscribe to (repeatable): private-v1.licenses.<n>.messengers.<type>,
    /// private-v1.companies.<n>, private-v1.users.<n>, private-v1.companies.<n>.users.<n>.
    #[arg(long = "channel", value_name = "CHANNEL")]
    pub channels: Vec<String>,
    /// The Pusher host (default: ChatApp's).
    #[arg(long)]
    pub host: Option<String>,
    /// The Pusher port.
    #[arg(long)]
    pub port: Option<u16>,
    /// Plain `ws://` instead of `wss://`.
    #[arg(long)]
    pub no_tls: bool,
    /// The Pusher app key.
    #[arg(long)]
    pub app_key: Option<String>,
    /// The channel authorisation endpoint.
    #[arg(long)]
    pub auth_url: Option<String>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `listen onechat`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct OneChatArgs {
    /// The installation's URL (`https://chat.example.com`).
    #[arg(long)]
    pub url: Option<String>,
    /// The agent's user id; without it, subscribes as a contact.
    #[arg(long)]
    pub user_id: Option<i64>,
    /// An account to subscribe to (repeatable; agents only).
    #[arg(long = "account", value_name = "ID")]
    pub accounts: Vec<i64>,
    /// Seconds between presence updates.
    #[arg(long)]
    pub presence_secs: Option<u64>,
    /// Seconds to wait for each subscription's confirmation.
    #[arg(long)]
    pub confirm_secs: Option<u64>,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `serve`'s provider.
#[derive(Debug, Args)]
#[non_exhaustive]
pub struct ServeArgs {
    /// The provider.
    #[command(subcommand)]
    pub provider: ServeProvider,
}

/// The providers with a webhook receiver.
#[derive(Debug, Subcommand)]
#[non_exhaustive]
pub enum ServeProvider {
    /// CodeChat webhooks (shared secret, if any, in CODECHAT_WEBHOOK_SECRET or the config file).
    #[command(after_help = "Example:
  CODECHAT_WEBHOOK_SECRET=… chat-events serve codechat --addr 0.0.0.0:8080 \\
      --path /webhooks/codechat --secret-header apikey --record hooks.jsonl")]
    Codechat(CodeChatArgs),
}

/// `serve codechat`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct CodeChatArgs {
    /// Where to listen (default 127.0.0.1:8080).
    #[arg(long)]
    pub addr: Option<SocketAddr>,
    /// The path webhooks are posted to (default `/`).
    #[arg(long)]
    pub path: Option<String>,
    /// The largest body accepted, in bytes.
    #[arg(long)]
    pub body_limit: Option<usize>,
    /// The secret is sent in this header.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["secret_query", "secret_path"])]
    pub secret_header: Option<String>,
    /// The secret is sent in this query parameter.
    #[arg(long, value_name = "NAME", conflicts_with = "secret_path")]
    pub secret_query: Option<String>,
    /// The secret is the last path segment.
    #[arg(long)]
    pub secret_path: bool,
    /// Shared options.
    #[command(flatten)]
    pub common: Common,
}

/// `schema`'s options.
#[derive(Clone, Debug, Args)]
#[non_exhaustive]
pub struct SchemaArgs {
    /// Only this provider's schemas (default: all).
    #[arg(long, value_enum)]
    pub provider: Option<SchemaProvider>,
    /// The folder to write to (one sub-folder per provider).
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
    /// A folder of payloads, one sub-folder per provider (`tests/fixtures` in the
    /// repository): each event's schema gets the first payload that decodes as it as its
    /// `examples`.
    #[arg(long)]
    pub examples: Option<PathBuf>,
}

/// The providers with schemas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[non_exhaustive]
pub enum SchemaProvider {
    /// ChatApp.
    Chatapp,
    /// CodeChat.
    Codechat,
    /// OneChat (Action Cable).
    Onechat,
    /// OneChat webhooks.
    OnechatWebhook,
}
