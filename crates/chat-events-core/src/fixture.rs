//! The documented examples a provider crate embeds (its `testkit::fixtures()`), so that users
//! can feed them to their own code: every payload of the SDK's fixture corpus, as published
//! (JSONC comments removed), with where it came from.

use crate::{Decoded, ProviderEvent, jsonc};

/// One documented or captured payload of a provider.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Fixture {
    /// Where it is in the SDK's corpus, relative to the provider's folder:
    /// `<provenance>/<event>[.<variant>].json[c]` (`000_3eeb06198ae497e6/message.jsonc`,
    /// `upstream/messages.upsert.evolution-v1-image-fromme.json`).
    pub path: &'static str,
    /// The payload's JSON (comments and trailing commas of the documentation removed).
    pub json: String,
}

impl Fixture {
    /// Every fixture of an embedded list (`(path, text)` pairs, as `cargo xtask fixtures`
    /// generates them into each provider crate), in path order. A JSONC file that does not
    /// strip is kept as written.
    pub fn all(embedded: &'static [(&'static str, &'static str)]) -> Vec<Self> {
        embedded
            .iter()
            .map(|(path, text)| Self {
                path,
                json: if std::path::Path::new(path)
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonc"))
                {
                    jsonc::strip(text).unwrap_or_else(|_| (*text).to_owned())
                } else {
                    (*text).to_owned()
                },
            })
            .collect()
    }

    /// The first fixture, in path order, that decodes as the known event `name`.
    pub fn first_of<E: ProviderEvent>(
        embedded: &'static [(&'static str, &'static str)],
        name: &str,
    ) -> Option<Self> {
        Self::all(embedded).into_iter().find(|fixture| {
            fixture
                .decode::<E>()
                .is_ok_and(|decoded| !decoded.is_unknown() && decoded.name() == name)
        })
    }

    /// The payload decoded as provider `E`.
    ///
    /// # Errors
    ///
    /// What [`ProviderEvent::decode`] says (fixtures that document refused input do not
    /// decode).
    pub fn decode<E: ProviderEvent>(&self) -> Result<Decoded<E>, crate::DecodeError> {
        E::decode(self.json.as_bytes())
    }

    /// The event's body as the provider sends it on its own (unwrapped from ChatApp's
    /// `{queue, payload}` or an Action Cable data frame), as JSON text: what a server
    /// pushes.
    pub fn body<E: ProviderEvent>(&self) -> String {
        serde_json::from_str(&self.json).map_or_else(
            |_| self.json.clone(),
            |value| E::canonical_json(value).to_string(),
        )
    }
}

/// Every `.json` and `.jsonc` file under `dir` (recursively), in path order; none when `dir`
/// cannot be read.
pub fn payload_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    files_with(dir, &["json", "jsonc"]).unwrap_or_default()
}

/// Every file under `dir` (recursively) whose extension is one of `extensions`, in path
/// order (each folder's entries sorted, folders walked in place).
///
/// # Errors
///
/// A folder that cannot be read, named in the error.
pub fn files_with(
    dir: &std::path::Path,
    extensions: &[&str],
) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    walk(dir, extensions, &mut files)?;
    Ok(files)
}

fn walk(
    dir: &std::path::Path,
    extensions: &[&str],
    files: &mut Vec<std::path::PathBuf>,
) -> Result<(), String> {
    let read = |e: std::io::Error| format!("cannot read {}: {e}", dir.display());
    let mut entries = std::fs::read_dir(dir)
        .map_err(read)?
        .map(|entry| entry.map(|entry| entry.path()).map_err(read))
        .collect::<Result<Vec<_>, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, extensions, files)?;
        } else if path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| extensions.contains(&ext))
        {
            files.push(path);
        }
    }
    Ok(())
}
