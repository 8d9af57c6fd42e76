//! `cargo xtask import-seed chatapp <seed file>`: cut the "Object example" blocks out of a
//! ChatApp documentation page, byte for byte, into `tests/fixtures/chatapp/<seed name>/`.
//!
//! The fixtures are committed; this command documents where they came from and redoes the
//! cut if a seed page is updated. Each block is kept verbatim (indentation, `//` comments and
//! trailing commas included) and named after the event in its `meta.type`, not after its
//! heading: one heading of the newer page says "chatRename" over a `messageImport` example.
//! When a page shows several examples of one event, the heading's parenthesis names the
//! variant (`quickResponse.bulk-destroy.jsonc`).

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

pub(crate) fn import_chatapp(root: &Path, seed: &Path) -> Result<Vec<PathBuf>, String> {
    let (text, stem) = read_seed(seed)?;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();

    let mut blocks: Vec<(String, String, String)> = Vec::new(); // (event, heading detail, text)
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim();
        index += 1;
        let Some(heading) = line.strip_prefix("Object example") else {
            continue;
        };
        let detail = heading
            .find('(')
            .map(|open| {
                heading[open + 1..]
                    .trim_end_matches([':', ')', ' '])
                    .to_owned()
            })
            .unwrap_or_default();
        // The block starts at the next line that opens an object and ends at the line that
        // closes it with the same indentation.
        let start = (index..lines.len())
            .find(|&i| lines[i].trim_end().ends_with('{') && lines[i].trim() == "{")
            .ok_or_else(|| format!("no JSON block after `{line}`"))?;
        let indent = &lines[start][..lines[start].find('{').unwrap_or(0)];
        let end = (start + 1..lines.len())
            .find(|&i| lines[i].trim_end() == format!("{indent}}}"))
            .ok_or_else(|| format!("unterminated JSON block after `{line}`"))?;
        let block: String = lines[start..=end].concat();
        let block = block.trim_end_matches('\n').to_owned() + "\n";
        let event =
            meta_type(&block).ok_or_else(|| format!("no meta.type in the block after `{line}`"))?;
        blocks.push((event, detail, block));
        index = end + 1;
    }

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (event, _, _) in &blocks {
        *counts.entry(event).or_default() += 1;
    }
    let dir = root.join("tests/fixtures/chatapp").join(stem);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (event, detail, block) in &blocks {
        let name = if counts[event.as_str()] > 1 {
            format!("{event}.{}.jsonc", variant_slug(detail))
        } else {
            format!("{event}.jsonc")
        };
        let path = dir.join(name);
        if written.contains(&path) {
            return Err(format!("two examples would be named {}", path.display()));
        }
        fs::write(&path, block).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The seed's text and its file name without extension (the provenance folder's name).
fn read_seed(seed: &Path) -> Result<(String, &str), String> {
    let text =
        fs::read_to_string(seed).map_err(|e| format!("cannot read {}: {e}", seed.display()))?;
    let stem = seed
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("bad seed file name {}", seed.display()))?;
    Ok((text, stem))
}

/// The `type` inside the block's `"meta"` object.
fn meta_type(block: &str) -> Option<String> {
    let meta = &block[block.rfind("\"meta\"")?..];
    let after = &meta[meta.find("\"type\"")? + "\"type\"".len()..];
    let after = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(after[..after.find('"')?].to_owned())
}

/// "create/edit quick response list" → "create-edit"; "bulk destroy quick responses" →
/// "bulk-destroy": the words before the object the heading talks about.
fn variant_slug(detail: &str) -> String {
    let words: Vec<&str> = detail
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .take_while(|w| !w.starts_with("quick"))
        .collect();
    words.join("-").to_lowercase()
}

/// `cargo xtask import-seed onechat <seed file>`: the OneChat websocket page's payload
/// samples, one fixture per event, named after the frame's `message.event`.
///
/// The page's JSON is not indented, so a block runs from a line that is `{` to the brace that
/// closes it (braces inside strings do not count). The page appears twice in the seed file;
/// a second copy of an example must be identical to the first and is not written again. The
/// `# presence event delivered to contacts …` line before one block is prose, not JSON, and
/// is left out.
pub(crate) fn import_onechat(root: &Path, seed: &Path) -> Result<Vec<PathBuf>, String> {
    let (text, stem) = read_seed(seed)?;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let dir = root.join("tests/fixtures/onechat").join(stem);
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut index = 0;
    while index + 1 < lines.len() {
        let heading = lines[index].trim();
        let is_heading = !heading.is_empty()
            && heading.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && lines[index + 1].starts_with("Available for:");
        index += 1;
        if !is_heading {
            continue;
        }
        let start = (index..lines.len())
            .find(|&i| lines[i].trim_end() == "{")
            .ok_or_else(|| format!("no JSON block after `{heading}`"))?;
        let end = closing_line(&lines, start)
            .ok_or_else(|| format!("unterminated JSON block after `{heading}`"))?;
        let block: String = lines[start..=end].concat();
        let block = block.trim_end_matches('\n').to_owned() + "\n";
        let event = string_after(&block, "\"event\"")
            .ok_or_else(|| format!("no event name under `{heading}`"))?;
        let path = dir.join(format!("{event}.json"));
        match written.get(&path) {
            Some(previous) if *previous == block => {}
            Some(_) => return Err(format!("two different examples of {event}")),
            None => {
                fs::write(&path, &block)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                written.insert(path, block);
            }
        }
        index = end + 1;
    }
    Ok(written.into_keys().collect())
}

/// The line holding the brace that closes the object opened on line `start`.
fn closing_line(lines: &[&str], start: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0_i32, false, false);
    for (offset, line) in lines[start..].iter().enumerate() {
        for byte in line.bytes() {
            match byte {
                _ if escaped => escaped = false,
                b'\\' if in_string => escaped = true,
                b'"' => in_string = !in_string,
                b'{' if !in_string => depth += 1,
                b'}' if !in_string => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(start + offset);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

/// The string value after the first `key` (`"key": "value"`).
fn string_after(block: &str, key: &str) -> Option<String> {
    let after = &block[block.find(key)? + key.len()..];
    let after = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(after[..after.find('"')?].to_owned())
}
