//! `listen chatapp`, `listen onechat`, `serve codechat` and `serve onechat`: the SDK's transports, each event
//! printed as a JSON line (see [`crate::output`]) and, with `--record`, appended to a
//! recording exactly as received (see [`crate::record`]). Events the models cannot decode are
//! reported on stderr and recorded too: nothing accepted is lost.
//!
//! Stops on Ctrl-C or SIGTERM (exit code 130) after closing the connection (or the server,
//! printing what was still queued); a fatal error of the transport exits with 1.

use std::{process::ExitCode, time::Duration};

use chat_events_core::{EventSource, ProviderEvent, SourceError, Update, normalized::Normalize};
use chat_events_nats::{Relayed, Sink, StoreFirst};
use chat_events_webhook::{ReceiverError, Request};

use crate::{
    EXIT_INTERRUPTED, Failure,
    cli::{
        ChatAppArgs, CodeChatArgs, ListenArgs, ListenProvider, OneChatArgs, OneChatWebhookArgs,
        ReceiverArgs, ServeArgs, ServeProvider,
    },
    config,
    output::{print_event, print_normalized},
    record::Recorder,
};

/// `chat-events listen …`.
pub(crate) fn listen(args: ListenArgs) -> Result<ExitCode, Failure> {
    runtime()?.block_on(async move {
        match args.provider {
            ListenProvider::Chatapp(args) => chatapp(args).await,
            ListenProvider::Onechat(args) => onechat(args).await,
        }
    })
}

/// `chat-events serve …`.
pub(crate) fn serve(args: ServeArgs) -> Result<ExitCode, Failure> {
    runtime()?.block_on(async move {
        match args.provider {
            ServeProvider::Codechat(args) => codechat(args).await,
            ServeProvider::Onechat(args) => onechat_webhooks(args).await,
        }
    })
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::fatal(format!("cannot start the async runtime: {error}")))
}

fn recorder(path: Option<&std::path::Path>) -> Result<Option<Recorder>, Failure> {
    path.map(|path| {
        Recorder::open(path).map_err(|error| {
            Failure::usage(format!("cannot record to {}: {error}", path.display()))
        })
    })
    .transpose()
}

fn record(recorder: &mut Option<Recorder>, payload: &[u8]) -> Result<(), Failure> {
    if let Some(recorder) = recorder {
        let text = String::from_utf8_lossy(payload);
        recorder
            .append(&text)
            .map_err(|error| Failure::fatal(format!("cannot append to the recording: {error}")))?;
    }
    Ok(())
}

/// Ctrl-C or SIGTERM.
async fn interrupted() {
    #[cfg(unix)]
    {
        let mut term =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
        let term = async {
            match term.as_mut() {
                Some(term) => {
                    term.recv().await;
                }
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = term => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// What the loop over a source does with each item; `Err` ends the command.
enum Step {
    Go,
    Stop(ExitCode),
}

/// Reads `source` in batches until it closes, fails fatally or a signal comes.
///
/// With a `relay`, each event is stored in JetStream first (acknowledged) and only then
/// handed to `each`; an event that cannot be stored stops the command with an error (exit 1)
/// rather than being dropped.
async fn pump<S, Src, E, F>(
    source: &mut S,
    relay: Option<&Relay<'_, Src>>,
    mut each: F,
) -> Result<ExitCode, Failure>
where
    S: EventSource<Item = Update<Src, E>>,
    E: ProviderEvent,
    F: FnMut(Result<S::Item, S::Error>) -> Result<Step, Failure>,
{
    let stop = interrupted();
    tokio::pin!(stop);
    let mut batch = Vec::with_capacity(64);
    loop {
        tokio::select! {
            () = &mut stop => return Ok(ExitCode::from(EXIT_INTERRUPTED)),
            got = source.next_batch(&mut batch, 64) => {
                if got == 0 {
                    return Ok(ExitCode::SUCCESS);
                }
                for item in batch.drain(..) {
                    if let (Some(relay), Ok(Update::Event { source, event, received_at })) =
                        (relay, &item)
                    {
                        let name = (relay.name)(source);
                        relay
                            .sink
                            .publish(Relayed::of(relay.provider, &name, event, *received_at))
                            .await
                            .map_err(|error| Failure::fatal(error.to_string()))?;
                    }
                    if let Step::Stop(code) = each(item)? {
                        return Ok(code);
                    }
                }
            }
        }
    }
}

/// Where `listen` stores events before printing them (`--sink nats://…`).
struct Relay<'a, Src> {
    sink: Sink,
    provider: &'a str,
    name: &'a dyn Fn(&Src) -> String,
}

/// Connects the `--sink` (else the config file's `[nats] url`), when there is one.
async fn sink(url: Option<&str>, nats: &config::Nats) -> Result<Option<Sink>, Failure> {
    let Some(url) = url.or(nats.url.as_deref()) else {
        return Ok(None);
    };
    let settings = nats.settings();
    let sink = Sink::connect(url, &settings)
        .await
        .map_err(|error| Failure::fatal(error.to_string()))?;
    eprintln!(
        "chat-events: storing events in JetStream at {url} (stream {})",
        settings.name
    );
    Ok(Some(sink))
}

/// What every transport's updates have in common: an event is recorded and printed, a
/// subscription or a reconnect is a notice on stderr.
fn on_update<S, E: Normalize>(
    provider: &str,
    update: Update<S, E>,
    name: impl Fn(&S) -> String,
    recorder: &mut Option<Recorder>,
    normalized: bool,
) -> Result<Step, Failure> {
    match update {
        Update::Event {
            source,
            event,
            received_at,
        } => {
            let raw = event.raw().get();
            record(recorder, raw.as_bytes())?;
            let printed = if normalized {
                print_normalized(provider, &name(&source), received_at, &event)
            } else {
                print_event(
                    provider,
                    &name(&source),
                    event.name(),
                    !event.is_unknown(),
                    received_at,
                    raw,
                )
            };
            // A closed stdout (the reader went away) ends the command quietly.
            Ok(if printed {
                Step::Go
            } else {
                Step::Stop(ExitCode::SUCCESS)
            })
        }
        Update::Subscribed { source } => {
            eprintln!("chat-events: subscribed to {}", name(&source));
            Ok(Step::Go)
        }
        Update::Reconnected { downtime } => {
            eprintln!("chat-events: reconnected after {downtime:?}");
            Ok(Step::Go)
        }
        _ => Ok(Step::Go),
    }
}

fn fatal_or_go(error: &impl SourceError) -> Step {
    eprintln!("chat-events: {error}");
    if error.is_fatal() {
        Step::Stop(ExitCode::FAILURE)
    } else {
        Step::Go
    }
}

async fn chatapp(args: ChatAppArgs) -> Result<ExitCode, Failure> {
    use chatapp_events::{
        Channel,
        client::{Client, ClientError},
    };
    let config = config::load(args.common.config.as_deref())?;
    let (file, nats) = (config.chatapp, config.nats);
    let token = config::secret("CHATAPP_ACCESS_TOKEN", file.access_token.as_ref()).ok_or_else(|| {
        Failure::usage(
            "no ChatApp access token: set CHATAPP_ACCESS_TOKEN or `access_token` in the [chatapp] section of --config (never on the command line)",
        )
    })?;
    let names = if args.channels.is_empty() {
        file.channels
    } else {
        args.channels
    };
    if names.is_empty() {
        return Err(Failure::usage(
            "no channel: pass --channel (repeatable) or `channels` in the config file",
        ));
    }
    let mut builder = Client::builder(token);
    for name in &names {
        let channel: Channel = name
            .parse()
            .map_err(|error| Failure::usage(format!("{error}")))?;
        builder = builder.channel(channel);
    }
    if let Some(host) = args.host.or(file.host) {
        builder = builder.host(host);
    }
    if let Some(port) = args.port.or(file.port) {
        builder = builder.port(port);
    }
    if args.no_tls || file.tls == Some(false) {
        builder = builder.tls(false);
    }
    if let Some(key) = args.app_key.or(file.app_key) {
        builder = builder.app_key(key);
    }
    if let Some(url) = args.auth_url.or(file.auth_url) {
        builder = builder.auth_url(url);
    }
    let mut recorder = recorder(args.common.record.as_deref())?;
    let normalized = args.common.normalized;
    let mut client = builder
        .connect()
        .await
        .map_err(|error| Failure::fatal(format!("cannot connect to ChatApp: {error}")))?;
    eprintln!(
        "chat-events: connected to ChatApp; subscribing to {} channel(s)",
        names.len()
    );
    let name = |channel: &Channel| channel.to_string();
    let relay = sink(args.common.sink.as_deref(), &nats)
        .await?
        .map(|sink| Relay {
            sink,
            provider: "chatapp",
            name: &name,
        });
    let code = pump(&mut client, relay.as_ref(), |item| match item {
        Ok(update) => on_update(
            "chatapp",
            update,
            ToString::to_string,
            &mut recorder,
            normalized,
        ),
        Err(ClientError::Decode {
            channel: source,
            error,
        }) => {
            record(&mut recorder, error.raw().unwrap_or_default())?;
            eprintln!("chat-events: on {source}: {error}");
            Ok(Step::Go)
        }
        Err(error) => Ok(fatal_or_go(&error)),
    })
    .await;
    client.close().await;
    code
}

fn onechat_source(source: &onechat_events::Identifier) -> String {
    source.account_id().map_or_else(
        || "contact".to_owned(),
        |account| format!("account {account}"),
    )
}

async fn onechat(args: OneChatArgs) -> Result<ExitCode, Failure> {
    use onechat_events::client::{Client, ClientError};
    let config = config::load(args.common.config.as_deref())?;
    let (file, nats) = (config.onechat, config.nats);
    let token = config::secret("ONECHAT_PUBSUB_TOKEN", file.pubsub_token.as_ref()).ok_or_else(|| {
        Failure::usage(
            "no OneChat pubsub token: set ONECHAT_PUBSUB_TOKEN or `pubsub_token` in the [onechat] section of --config (never on the command line)",
        )
    })?;
    let url = args.url.or(file.url).ok_or_else(|| {
        Failure::usage("no installation URL: pass --url or `url` in the config file")
    })?;
    let accounts = if args.accounts.is_empty() {
        file.accounts
    } else {
        args.accounts
    };
    let mut builder = match args.user_id.or(file.user_id) {
        Some(user) => {
            if accounts.is_empty() {
                return Err(Failure::usage(
                    "an agent (--user-id) needs at least one --account",
                ));
            }
            Client::agent(&url, token, user, accounts)
        }
        None => Client::contact(&url, token),
    };
    if let Some(secs) = args.presence_secs.or(file.presence_secs) {
        builder = builder.presence_interval(Duration::from_secs(secs));
    }
    if let Some(secs) = args.confirm_secs.or(file.confirm_secs) {
        builder = builder.confirm_timeout(Duration::from_secs(secs));
    }
    let mut recorder = recorder(args.common.record.as_deref())?;
    let normalized = args.common.normalized;
    let mut client = builder
        .connect()
        .await
        .map_err(|error| Failure::fatal(format!("cannot connect to OneChat: {error}")))?;
    eprintln!(
        "chat-events: connected to OneChat; {} subscription(s)",
        client.sources().len()
    );
    let relay = sink(args.common.sink.as_deref(), &nats)
        .await?
        .map(|sink| Relay {
            sink,
            provider: "onechat",
            name: &onechat_source,
        });
    let code = pump(&mut client, relay.as_ref(), |item| match item {
        Ok(update) => on_update("onechat", update, onechat_source, &mut recorder, normalized),
        Err(ClientError::Decode {
            identifier: source,
            error,
        }) => {
            record(&mut recorder, error.raw().unwrap_or_default())?;
            eprintln!("chat-events: on {}: {error}", onechat_source(&source));
            Ok(Step::Go)
        }
        Err(error) => Ok(fatal_or_go(&error)),
    })
    .await;
    client.close().await;
    code
}

/// How a receiver authenticates, as the command line and the config file chose.
enum Auth {
    Open,
    Shared(SharedAt, Vec<String>),
    Signature(Vec<String>, Option<u64>),
    Jwt(Vec<String>),
}

/// Where a shared secret is sent.
enum SharedAt {
    Header(String),
    Query(String),
    Path,
}

/// The secret (from `var` or the file) and the previous ones; `None` when none is set.
fn secrets(var: &str, file: &config::Receiver) -> Option<Vec<String>> {
    let current = config::secret(var, file.secret.as_ref())?;
    let mut all = vec![current];
    all.extend(file.previous_secrets.iter().cloned());
    Some(all)
}

/// The shared secret's place, when one is asked for.
fn shared_at(args: &ReceiverArgs, file: &config::Receiver) -> Option<SharedAt> {
    let header = args.secret_header.clone().or(file.secret_header.clone());
    let query = args.secret_query.clone().or(file.secret_query.clone());
    match (header, query) {
        (Some(name), _) => Some(SharedAt::Header(name)),
        (None, Some(name)) => Some(SharedAt::Query(name)),
        (None, None) if args.secret_path || file.secret_path == Some(true) => Some(SharedAt::Path),
        (None, None) => None,
    }
}

/// `serve codechat`.
async fn codechat(args: CodeChatArgs) -> Result<ExitCode, Failure> {
    const VAR: &str = "CODECHAT_WEBHOOK_SECRET";
    let config = config::load(args.receiver.common.config.as_deref())?;
    let file = &config.codechat;
    let missing = || {
        Failure::usage(format!(
            "a secret is expected but none is set: {VAR} or `secret` in the [codechat] section of --config"
        ))
    };
    let auth = if args.jwt || file.jwt == Some(true) {
        Auth::Jwt(secrets(VAR, file).ok_or_else(missing)?)
    } else if let Some(at) = shared_at(&args.receiver, file) {
        Auth::Shared(at, secrets(VAR, file).ok_or_else(missing)?)
    } else {
        Auth::Open
    };
    if file.signature_tolerance_secs.is_some() {
        return Err(Failure::usage(
            "`signature_tolerance_secs` is for [onechat_webhook]: CodeChat signs nothing",
        ));
    }
    serve_webhooks::<codechat_events::Event>(
        "CodeChat",
        codechat_events::receiver::Receiver::builder(),
        &args.receiver,
        file,
        &config.nats,
        auth,
    )
    .await
}

/// `serve onechat`.
async fn onechat_webhooks(args: OneChatWebhookArgs) -> Result<ExitCode, Failure> {
    const VAR: &str = "ONECHAT_WEBHOOK_SECRET";
    let config = config::load(args.receiver.common.config.as_deref())?;
    let file = &config.onechat_webhook;
    if file.jwt.is_some() {
        return Err(Failure::usage(
            "`jwt` is for [codechat]: Chatwoot signs its webhooks (X-Chatwoot-Signature)",
        ));
    }
    let auth = match (shared_at(&args.receiver, file), secrets(VAR, file)) {
        (Some(at), Some(secrets)) => Auth::Shared(at, secrets),
        (Some(_), None) => {
            return Err(Failure::usage(format!(
                "a secret is expected but none is set: {VAR} or `secret` in the [onechat_webhook] section of --config"
            )));
        }
        (None, Some(secrets)) => Auth::Signature(
            secrets,
            args.signature_tolerance_secs
                .or(file.signature_tolerance_secs),
        ),
        (None, None) => Auth::Open,
    };
    serve_webhooks::<onechat_events::webhook_events::WebhookEvent>(
        "Chatwoot",
        onechat_events::receiver::Receiver::builder(),
        &args.receiver,
        file,
        &config.nats,
        auth,
    )
    .await
}

/// Applies the authentication to a builder; signatures and JWTs where the provider has them.
trait Authenticate: Sized {
    fn signature(self, secrets: Vec<String>, tolerance: Option<u64>) -> Result<Self, Failure>;
    fn jwt(self, secrets: Vec<String>) -> Result<Self, Failure>;
}

impl Authenticate for codechat_events::receiver::ReceiverBuilder {
    fn signature(self, _: Vec<String>, _: Option<u64>) -> Result<Self, Failure> {
        Err(Failure::usage("CodeChat signs nothing"))
    }

    fn jwt(self, secrets: Vec<String>) -> Result<Self, Failure> {
        Ok(secrets
            .into_iter()
            .fold(self, codechat_events::receiver::ReceiverBuilder::jwt_secret))
    }
}

impl Authenticate for onechat_events::receiver::ReceiverBuilder {
    fn signature(self, secrets: Vec<String>, tolerance: Option<u64>) -> Result<Self, Failure> {
        let builder = secrets.into_iter().fold(
            self,
            onechat_events::receiver::ReceiverBuilder::signature_secret,
        );
        Ok(match tolerance {
            Some(seconds) => builder.signature_tolerance(Duration::from_secs(seconds)),
            None => builder,
        })
    }

    fn jwt(self, _: Vec<String>) -> Result<Self, Failure> {
        Err(Failure::usage("Chatwoot sends no JWT"))
    }
}

/// `serve …`: the provider's receiver, each event printed (and recorded, and stored with
/// `--sink`), until Ctrl-C; then what was accepted and is still queued.
async fn serve_webhooks<E>(
    who: &str,
    builder: chat_events_webhook::ReceiverBuilder<E>,
    args: &ReceiverArgs,
    file: &config::Receiver,
    nats: &config::Nats,
    auth: Auth,
) -> Result<ExitCode, Failure>
where
    E: chat_events_webhook::Webhook + Normalize,
    chat_events_webhook::ReceiverBuilder<E>: Authenticate,
{
    let addr = args
        .addr
        .or(file.addr)
        .unwrap_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], 8080)));
    let mut builder = builder;
    if let Some(path) = args.path.clone().or(file.path.clone()) {
        builder = builder.path(path);
    }
    if let Some(limit) = args.body_limit.or(file.body_limit) {
        builder = builder.body_limit(limit);
    }
    if let Some(seconds) = args.repeat_window_secs.or(file.repeat_window_secs) {
        builder = builder.repeat_window(Duration::from_secs(seconds));
    }
    builder = match auth {
        Auth::Open => {
            eprintln!("chat-events: no webhook secret is set: anyone who knows the URL can post");
            builder
        }
        Auth::Shared(at, secrets) => {
            secrets
                .into_iter()
                .fold(builder, |builder, secret| match &at {
                    SharedAt::Header(name) => builder.secret_header(name, secret),
                    SharedAt::Query(name) => builder.secret_query(name.clone(), secret),
                    SharedAt::Path => builder.secret_path(secret),
                })
        }
        Auth::Signature(secrets, tolerance) => builder.signature(secrets, tolerance)?,
        Auth::Jwt(secrets) => builder.jwt(secrets)?,
    };
    if let Some(sink) = sink(args.common.sink.as_deref(), nats).await? {
        // A webhook sender waits for the answer: a short retry, then 503 so it retries.
        let sink = sink
            .retries(3, Duration::from_millis(100))
            .ack_timeout(Duration::from_secs(1));
        builder = builder.persist(StoreFirst::new(sink));
    }
    let mut recorder = recorder(args.common.record.as_deref())?;
    let normalized = args.common.normalized;
    let (server, mut receiver) = builder.serve(addr).await.map_err(|error| {
        if error.kind() == std::io::ErrorKind::InvalidInput {
            Failure::usage(error.to_string())
        } else {
            Failure::fatal(format!("cannot listen on {addr}: {error}"))
        }
    })?;
    eprintln!(
        "chat-events: receiving {who} webhooks on http://{}",
        server.local_addr()
    );
    let mut each = |item: Result<chat_events_webhook::Update<E>, ReceiverError>| match item {
        Ok(update) => on_update(
            E::PROVIDER,
            update,
            |source| source.path.clone(),
            &mut recorder,
            normalized,
        ),
        Err(error) => {
            record(&mut recorder, error.raw())?;
            Ok(fatal_or_go(&error))
        }
    };
    let code = pump::<_, Request, E, _>(&mut receiver, None, &mut each).await?;
    // Stop taking requests, then print what was accepted and is still queued.
    let _ = server.close().await;
    let mut rest = Vec::new();
    while receiver.next_batch(&mut rest, 256).await > 0 {
        for item in rest.drain(..) {
            each(item)?;
        }
    }
    Ok(code)
}

/// `chat-events consume`: one provider's events from JetStream, printed as JSON lines and
/// acknowledged once printed.
pub(crate) fn consume(args: &crate::cli::ConsumeArgs) -> Result<ExitCode, Failure> {
    runtime()?.block_on(async move {
        match args.provider {
            crate::cli::SchemaProvider::Chatapp => consume_as::<chatapp_events::Event>(args).await,
            crate::cli::SchemaProvider::Codechat => {
                consume_as::<codechat_events::Event>(args).await
            }
            crate::cli::SchemaProvider::Onechat => consume_as::<onechat_events::Event>(args).await,
            crate::cli::SchemaProvider::OnechatWebhook => {
                consume_as::<onechat_events::webhook_events::WebhookEvent>(args).await
            }
        }
    })
}

async fn consume_as<E: Normalize + Send + 'static>(
    args: &crate::cli::ConsumeArgs,
) -> Result<ExitCode, Failure> {
    let client = async_nats::ConnectOptions::new()
        .connection_timeout(Duration::from_secs(5))
        .connect(&args.url)
        .await
        .map_err(|error| Failure::fatal(format!("cannot connect to {}: {error}", args.url)))?;
    let context = async_nats::jetstream::new(client);
    let settings = config::load(args.config.as_deref())?.nats.settings();
    let mut source = chat_events_nats::Source::<E>::bind(
        &context,
        &settings,
        &args.durable,
        Duration::from_secs(30),
    )
    .await
    .map_err(|error| Failure::fatal(error.to_string()))?;
    eprintln!(
        "chat-events: consuming {} events as `{}` from {}",
        E::PROVIDER,
        args.durable,
        args.url
    );
    let stop = interrupted();
    tokio::pin!(stop);
    loop {
        let item = tokio::select! {
            () = &mut stop => return Ok(ExitCode::from(EXIT_INTERRUPTED)),
            item = source.next_event() => item,
        };
        match item {
            None => return Ok(ExitCode::SUCCESS),
            Some(Ok(delivered)) => {
                let received_at = humantime::parse_rfc3339(&delivered.received_at)
                    .unwrap_or_else(|_| std::time::SystemTime::now());
                let printed = if args.normalized {
                    print_normalized(
                        &delivered.provider,
                        &delivered.source,
                        received_at,
                        &delivered.event,
                    )
                } else {
                    print_event(
                        &delivered.provider,
                        &delivered.source,
                        delivered.event.name(),
                        !delivered.event.is_unknown(),
                        received_at,
                        delivered.event.raw().get(),
                    )
                };
                if !printed {
                    return Ok(ExitCode::SUCCESS);
                }
                delivered
                    .ack()
                    .await
                    .map_err(|error| Failure::fatal(error.to_string()))?;
            }
            Some(Err(error)) => {
                eprintln!("chat-events: {error}");
                if error.is_fatal() {
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    }
}
