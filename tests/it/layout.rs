//! The shape of the provider crates: imports go one way (no module of a provider imports a
//! module that imports it back), and every event has its file, named after its wire name.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use chat_events_core::ProviderEvent;
use chat_events_tests::workspace_root;

const PROVIDERS: [&str; 3] = ["chatapp-events", "codechat-events", "onechat-events"];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file belongs to (`events/chat_read.rs` → `events`, `lib.rs` →
/// `crate`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    match first.strip_suffix(".rs") {
        Some("lib") => "crate".to_owned(),
        Some(stem) => stem.to_owned(),
        None => first,
    }
}

/// Code without comments, doc comments and string literals.
fn code_of(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                _ if !in_string => code.push(c),
                _ => {}
            }
        }
        code.push('\n');
    }
    code
}

/// Every `crate::<segment>` path in the code, and every name inside a
/// `use crate::{…}` group.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(index) = rest.find("crate::") {
        let after = &rest[index + "crate::".len()..];
        if after.starts_with('{') {
            // A group: take every first segment inside the braces.
            let mut depth = 0;
            let mut end = 0;
            for (i, c) in after.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let inner = &after[1..end];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.push(first_segment(&inner[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            found.push(first_segment(&inner[start..]));
        } else {
            found.push(first_segment(after));
        }
        rest = after;
    }
    found.retain(|segment| !segment.is_empty());
    found
}

fn first_segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// `pub use module::{A, B}` at the crate root: which module each root name comes from.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let code = code_of(lib);
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(rest) = statement.strip_prefix("pub use ") else {
            continue;
        };
        let module = first_segment(rest);
        if module == "chat_events_core" {
            continue;
        }
        let items = rest[module.len()..].trim_start_matches("::");
        for item in items
            .trim_matches(|c| c == '{' || c == '}')
            .split(',')
            .map(|item| item.trim().rsplit("::").next().unwrap_or_default().trim())
            .filter(|item| !item.is_empty())
        {
            names.insert(item.to_owned(), module.clone());
        }
    }
    names
}

/// The module dependency graph of a provider crate: module → modules it names.
fn graph(krate: &str) -> BTreeMap<String, BTreeSet<String>> {
    let src = workspace_root().join("crates").join(krate).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = root_reexports(&lib);
    let modules: BTreeSet<String> = files.iter().map(|file| module_of(&src, file)).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        if from == "crate" {
            continue; // the root declares and re-exports every module
        }
        let code = code_of(&fs::read_to_string(file).unwrap());
        for segment in crate_paths(&code) {
            let to = if modules.contains(&segment) {
                segment
            } else if let Some(module) = reexports.get(&segment) {
                module.clone()
            } else {
                panic!(
                    "{}: `crate::{segment}` is neither a module nor a root re-export",
                    file.display()
                );
            };
            if to != from {
                edges.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    edges
}

/// A cycle in the graph, if there is one.
fn find_cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(position) = stack.iter().position(|seen| seen == node) {
            let mut cycle = stack[position..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, edges, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

#[test]
fn imports_inside_a_provider_go_one_way() {
    for krate in PROVIDERS {
        let edges = graph(krate);
        assert!(
            edges.contains_key("event"),
            "{krate}: the walk found no imports of `event`: {edges:?}"
        );
        if let Some(cycle) = find_cycle(&edges) {
            panic!("{krate}: modules import each other: {}", cycle.join(" → "));
        }
        // The documented direction: the model's lower layers never name the table.
        for lower in ["events", "objects", "envelope"] {
            let names = edges.get(lower).cloned().unwrap_or_default();
            assert!(
                !names.contains("event"),
                "{krate}: `{lower}` imports `event`"
            );
        }
        assert!(
            !edges
                .get("objects")
                .is_some_and(|names| names.contains("events")),
            "{krate}: `objects` imports `events`"
        );
    }
    // OneChat's webhook table sits beside `event`: the model below never names it.
    let edges = graph("onechat-events");
    assert!(
        edges
            .get("webhook")
            .is_some_and(|names| names.contains("objects")),
        "onechat-events: the walk found no imports of `webhook`: {edges:?}"
    );
    for lower in ["events", "objects", "envelope"] {
        let names = edges.get(lower).cloned().unwrap_or_default();
        assert!(
            !names.contains("webhook"),
            "onechat-events: `{lower}` imports `webhook`"
        );
    }
}

#[test]
fn the_walk_finds_a_planted_cycle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    edges
        .entry("event".into())
        .or_default()
        .insert("envelope".into());
    edges
        .entry("envelope".into())
        .or_default()
        .insert("objects".into());
    assert_eq!(find_cycle(&edges), None);
    edges
        .entry("objects".into())
        .or_default()
        .insert("event".into());
    assert_eq!(
        find_cycle(&edges).map(|cycle| cycle.join(" → ")),
        Some("envelope → objects → event → envelope".to_owned())
    );
    assert_eq!(
        crate_paths("use crate::{a::B, c::{D, E}};\nlet x = crate::f::G;"),
        ["a", "c", "f"]
    );
}

/// `chatRead` → `chat_read`, `messages.upsert` → `messages_upsert`,
/// `send.message:START` → `send_message_start`.
fn file_stem(wire: &str) -> String {
    let mut stem = String::new();
    let mut previous_lower = false;
    for c in wire.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            stem.push('_');
        }
        if matches!(c, '.' | '-' | ':') {
            stem.push('_');
            previous_lower = false;
            continue;
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        stem.push(c.to_ascii_lowercase());
    }
    stem
}

fn event_files<E: ProviderEvent>(krate: &str) {
    event_files_in::<E>(krate, "src/events");
}

/// One file per event of `E` in `events_dir` (relative to the crate), and nothing else but
/// `mod.rs`.
fn event_files_in<E: ProviderEvent>(krate: &str, events_dir: &str) {
    let dir = workspace_root().join("crates").join(krate).join(events_dir);
    let mut expected: BTreeSet<String> = E::known_names()
        .iter()
        .map(|wire| format!("{}.rs", file_stem(wire)))
        .collect();
    expected.insert("mod.rs".to_owned());
    let actual: BTreeSet<String> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        actual, expected,
        "{krate}: one file per event in {events_dir}, named after the wire name"
    );
    for wire in E::known_names() {
        let text = fs::read_to_string(dir.join(format!("{}.rs", file_stem(wire)))).unwrap();
        assert!(
            text.starts_with(&format!("//! `{wire}`")),
            "{krate}: {events_dir}/{}.rs does not start by naming `{wire}`",
            file_stem(wire)
        );
    }
}

#[test]
fn every_event_has_its_file() {
    assert_eq!(file_stem("chatRead"), "chat_read");
    assert_eq!(file_stem("send.message:START"), "send_message_start");
    assert_eq!(
        file_stem("group-participants.update"),
        "group_participants_update"
    );
    event_files::<chatapp_events::Event>("chatapp-events");
    event_files::<codechat_events::Event>("codechat-events");
    event_files::<onechat_events::Event>("onechat-events");
    // OneChat's second event table: Chatwoot's HTTP webhooks.
    event_files_in::<onechat_events::webhook::WebhookEvent>("onechat-events", "src/webhook/events");
}
