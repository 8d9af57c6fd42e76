//! `chat-events`: the command-line tool. See the crate documentation (`lib.rs`) or
//! `chat-events --help`.

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    chat_events_cli::run(chat_events_cli::Cli::parse())
}
