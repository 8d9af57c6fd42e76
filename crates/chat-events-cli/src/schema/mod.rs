//! `chat-events schema`: writes the JSON Schemas that [`generate`] builds from the types.

pub(crate) mod generate;

use std::{fs, path::Path, process::ExitCode};

use crate::{
    Failure,
    cli::{SchemaArgs, SchemaProvider},
};
use generate::generate;

/// `chat-events schema`.
pub(crate) fn run(args: &SchemaArgs) -> Result<ExitCode, Failure> {
    let only = args.provider.map(|provider| match provider {
        SchemaProvider::Chatapp => "chatapp",
        SchemaProvider::Codechat => "codechat",
        SchemaProvider::Onechat => "onechat",
        SchemaProvider::OnechatWebhook => "onechat-webhook",
    });
    let mut written = 0;
    for (path, text) in generate(args.examples.as_deref()) {
        if only.is_some_and(|only| !path.starts_with(only)) {
            continue;
        }
        write(&args.out, &path, &text).map_err(Failure::fatal)?;
        written += 1;
    }
    eprintln!(
        "chat-events: wrote {written} schemas under {}",
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `dir/path`, creating folders.
///
/// # Errors
///
/// What went wrong, naming the file.
pub(crate) fn write(dir: &Path, path: &Path, text: &str) -> Result<(), String> {
    let full = dir.join(path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))
}
