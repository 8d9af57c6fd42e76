//! Generated files kept in the repository (`schemas/`, the packages' `generated/` folders):
//! written, or checked to be current, by one piece of code for every task that makes them.

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

/// Writes `files` (paths relative to `root`) and removes the files of `dirs` that are not
/// among them (`check == false`), or fails naming every stale, missing or left-over file and
/// `command`, the command that regenerates them.
pub(crate) fn sync(
    root: &Path,
    files: &BTreeMap<PathBuf, String>,
    dirs: &[PathBuf],
    check: bool,
    what: &str,
    command: &str,
) -> Result<(), String> {
    let mut problems = Vec::new();
    for (path, text) in files {
        let full = root.join(path);
        let current = fs::read_to_string(&full).ok();
        if current.as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            let state = if current.is_some() {
                "stale"
            } else {
                "missing"
            };
            problems.push(format!("{} is {state}", path.display()));
        } else {
            if let Some(parent) = full.parent() {
                fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
            println!("wrote {}", path.display());
        }
    }
    for dir in dirs {
        for entry in fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
            let relative = dir.join(entry.file_name());
            if files.contains_key(&relative) || entry.path().is_dir() {
                continue;
            }
            if check {
                problems.push(format!("{} is not generated any more", relative.display()));
            } else {
                fs::remove_file(entry.path())
                    .map_err(|e| format!("cannot remove {}: {e}", relative.display()))?;
                println!("removed {}", relative.display());
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{what} are out of date:\n  {}\nrun `{command}` and commit the result",
            problems.join("\n  ")
        ))
    }
}
