//! `chat-events`, the command-line tool of the chat-events SDK: one binary for the whole job.
//!
//! - `chat-events check [PATH…]`: decodes captured payloads (files, folders, JSON Lines,
//!   stdin) with the provider's models and says, per payload, whether it is clean, drifts
//!   (fields the model does not carry), is an unknown event, or does not decode (with the JSON
//!   path); then a summary per provider and event. The exit code follows `--deny`.
//! - `chat-events listen chatapp|onechat`: the live clients; each event is a JSON line on
//!   stdout.
//! - `chat-events serve codechat`: the webhook receiver; same output.
//! - `--record FILE` (listen, serve): appends every payload as received, one per line, for
//!   `check` and `ReplaySource::from_recording` (see the `record` module).
//! - `--sink nats://…` (listen, serve): stores every event in NATS JetStream first
//!   (`chat-events-nats`); `chat-events consume nats://… --provider …` reads them back.
//! - `chat-events schema`: writes the JSON Schemas (the same code as `cargo xtask schema`).
//! - `chat-events demo`: the main job on this machine with nothing to configure.
//! - `chat-events completions <shell>`: shell completions.
//!
//! Secrets (ChatApp's access token, OneChat's pubsub token, the CodeChat webhook secret) come
//! from the environment or the config file (`--config`), never from the command line, which
//! other users of the machine can read.
//!
//! Exit codes: 0 success; 1 a fatal error (or, for `check`, a payload the `--deny` policy
//! refuses); 2 a usage or configuration error; 130 stopped by Ctrl-C or SIGTERM.

#![forbid(unsafe_code)]

mod check;
mod cli;
mod config;
mod demo;
mod live;
mod output;
mod record;
mod schema;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command};

/// Exit code: stopped by Ctrl-C or SIGTERM.
const EXIT_INTERRUPTED: u8 = 130;
/// Exit code: a usage or configuration error.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    run(Cli::parse())
}

/// Runs a parsed command line.
fn run(cli: Cli) -> ExitCode {
    init_logs();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Listen(args) => live::listen(args),
        Command::Serve(args) => live::serve(args),
        Command::Schema(args) => schema::run(&args),
        Command::Consume(args) => live::consume(&args),
        Command::Demo => demo::run(),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "chat-events", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("chat-events: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// A command that could not do its job: what to tell the user, and the exit code.
#[derive(Debug)]
pub(crate) struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// A usage or configuration problem (exit code 2).
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: EXIT_USAGE,
        }
    }

    /// A fatal error while running (exit code 1).
    pub(crate) fn fatal(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            code: 1,
        }
    }
}

fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "warn,actioncable=error".into()),
        )
        .try_init();
}
