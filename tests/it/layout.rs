//! The shape of the workspace: imports go one way, and every event has its file, named after
//! its wire name.
//!
//! # The import rule
//!
//! Every crate of the workspace is walked (each package's library, binaries and test targets:
//! `crates/*/src`, `xtask/src`, `tests/src`, `tests/it`), following its `mod` declarations,
//! so every module is a node of its own, nested ones included (`receiver::http`,
//! `objects::baileys::message::kinds`, an inline `mod tests { … }`).
//!
//! A module *names* another when its own code (not its child modules') holds a path that
//! resolves there: `crate::…`, `super::…`, `self::…`, a path that starts with one of its
//! child modules or with a name it imported, and every leaf of a `use` tree
//! (`use crate::{a::{b, c}, d}` is three paths). A path resolves to the deepest module it
//! reaches: `crate::objects::baileys::Kind` is `objects::baileys`; a name a module re-exports
//! or imports (`crate::Event`, `super::Update`) is followed to the module it comes from.
//! Paths into other crates are not edges (cargo already forbids circles between crates).
//!
//! Naming an ancestor or a descendant is not an edge by itself: a child uses its parent's
//! shared items (`super::Request`) and a parent uses and re-exports its children's. An edge
//! A → B between modules where neither contains the other is an edge between the two
//! siblings that contain them, under their closest common ancestor: `receiver::http` naming
//! `event` is `receiver` → `event` at the crate root.
//!
//! Test-only modules (`#[cfg(test)] mod tests`, and what they contain) name what they like:
//! nothing can import them, so they cannot close a circle of the code that ships, and a unit
//! test may drive its module through the crate's API (the spine's tests decode through
//! `ProviderEvent`).
//!
//! The rule: **under every module, its children's edges form no circle.** A circle is
//! reported with the modules, and for each step, the file and the path that make it.

use std::{
    collections::{BTreeMap, BTreeSet},
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use chat_events_core::ProviderEvent;
use chat_events_tests::workspace_root;

/// A token of Rust code, without comments; string literals keep their text (for
/// `#[path = "…"]`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    /// `::`
    PathSep,
    Punct(char),
    Str(String),
}

/// The tokens of `text`: identifiers, `::`, punctuation and string literals; comments,
/// numbers, characters and lifetimes' quotes are dropped.
fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == '"' {
            let (text, end) = quoted(&chars, i + 1);
            tokens.push(Token::Str(text));
            i = end;
        } else if c == '\'' {
            // A character literal, or a lifetime's quote.
            if at(i + 1) == '\\' {
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Punct('0'));
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw_prefix = matches!(word.as_str(), "r" | "br" | "cr");
            if raw_prefix && (at(i) == '"' || (at(i) == '#' && matches!(at(i + 1), '"' | '#'))) {
                // A raw string: r"…", r#"…"#.
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                i += 1;
                let start = i;
                loop {
                    if i >= chars.len() {
                        break;
                    }
                    if chars[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                        break;
                    }
                    i += 1;
                }
                tokens.push(Token::Str(
                    chars[start..i.min(chars.len())].iter().collect(),
                ));
                i += 1 + hashes;
            } else if matches!(word.as_str(), "b" | "c") && at(i) == '"' {
                let (text, end) = quoted(&chars, i + 1);
                tokens.push(Token::Str(text));
                i = end;
            } else if word == "b" && at(i) == '\'' {
                i += if at(i + 1) == '\\' { 4 } else { 3 };
                while i < chars.len() && chars[i - 1] != '\'' {
                    i += 1;
                }
            } else if word == "r" && at(i) == '#' {
                i += 1; // a raw identifier: the next word is the name
            } else {
                tokens.push(Token::Ident(word));
            }
        } else if c == ':' && at(i + 1) == ':' {
            tokens.push(Token::PathSep);
            i += 2;
        } else {
            tokens.push(Token::Punct(c));
            i += 1;
        }
    }
    tokens
}

/// The text of a string literal whose body starts at `start`, and the index after it.
fn quoted(chars: &[char], start: usize) -> (String, usize) {
    let mut i = start;
    let mut text = String::new();
    while i < chars.len() && chars[i] != '"' {
        if chars[i] == '\\' {
            i += 1;
        }
        if let Some(&c) = chars.get(i) {
            text.push(c);
        }
        i += 1;
    }
    (text, i + 1)
}

/// One module of a crate.
#[derive(Debug)]
struct Module {
    /// Its path inside the crate (`receiver::http`); empty for the root.
    name: String,
    /// The file its code is in, relative to the workspace.
    file: String,
    parent: Option<usize>,
    /// Declared under `#[cfg(test)]` (or inside such a module): its paths are not edges.
    test_only: bool,
    children: BTreeMap<String, usize>,
    /// Its own code, without its inline child modules.
    tokens: Vec<Token>,
    /// Every name its `use` declarations bring in, with the path it names.
    imports: BTreeMap<String, Vec<String>>,
    /// The modules of its glob imports (`use super::*`), as paths.
    globs: Vec<Vec<String>>,
    /// Every path its code holds (`use` leaves included).
    paths: Vec<Vec<String>>,
}

/// A crate: its modules, the root first.
#[derive(Debug)]
struct Crate {
    /// The package and its root file (`codechat-events src/lib.rs`).
    label: String,
    modules: Vec<Module>,
}

/// For every module, the edges between its children (from's side, to's side), each with the
/// first edge (from, to, path) that makes it.
type SiblingGraphs = BTreeMap<usize, BTreeMap<(usize, usize), (usize, usize, String)>>;

/// Reads a file of the walk (a closure, so the tests can plant a crate).
type Read<'a> = &'a dyn Fn(&Path) -> Option<String>;

impl Crate {
    /// The crate whose root file is `root`, following its `mod` declarations.
    fn load(label: String, root: &Path, base: &Path, read: Read<'_>) -> Self {
        let mut krate = Self {
            label,
            modules: Vec::new(),
        };
        let dir = root.parent().unwrap().to_path_buf();
        krate.load_file(root, "", None, false, &dir, base, read);
        krate
    }

    /// Loads the module in `file`, whose outline children are in `dir`.
    #[allow(clippy::too_many_arguments)]
    fn load_file(
        &mut self,
        file: &Path,
        name: &str,
        parent: Option<usize>,
        test_only: bool,
        dir: &Path,
        base: &Path,
        read: Read<'_>,
    ) -> usize {
        let text = read(file).unwrap_or_else(|| panic!("{}: cannot read", file.display()));
        let relative = file
            .strip_prefix(base)
            .unwrap_or(file)
            .to_string_lossy()
            .into_owned();
        let tokens = lex(&text);
        self.add_module(
            &tokens, name, &relative, parent, test_only, file, dir, base, read,
        )
    }

    /// Adds the module made of `tokens` and its children.
    #[allow(clippy::too_many_arguments)]
    fn add_module(
        &mut self,
        tokens: &[Token],
        name: &str,
        relative: &str,
        parent: Option<usize>,
        test_only: bool,
        file: &Path,
        dir: &Path,
        base: &Path,
        read: Read<'_>,
    ) -> usize {
        let index = self.modules.len();
        self.modules.push(Module {
            name: name.to_owned(),
            file: relative.to_owned(),
            parent,
            test_only,
            children: BTreeMap::new(),
            tokens: Vec::new(),
            imports: BTreeMap::new(),
            globs: Vec::new(),
            paths: Vec::new(),
        });
        if let Some(parent) = parent {
            let short = name.rsplit("::").next().unwrap_or_default().to_owned();
            self.modules[parent].children.insert(short, index);
        }
        let child_name = |child: &str| {
            if name.is_empty() {
                child.to_owned()
            } else {
                format!("{name}::{child}")
            }
        };
        let mut own = Vec::new();
        let mut path_attribute: Option<String> = None;
        let mut cfg_test = false;
        let mut i = 0;
        while i < tokens.len() {
            // `#[cfg(test)]`
            let attribute = [
                Token::Punct('#'),
                Token::Punct('['),
                Token::Ident("cfg".into()),
                Token::Punct('('),
                Token::Ident("test".into()),
                Token::Punct(')'),
                Token::Punct(']'),
            ];
            if tokens[i..].starts_with(&attribute) {
                cfg_test = true;
                i += attribute.len();
                continue;
            }
            // `#[path = "…"]`
            if tokens[i] == Token::Punct('#')
                && tokens.get(i + 1) == Some(&Token::Punct('['))
                && tokens.get(i + 2) == Some(&Token::Ident("path".into()))
                && tokens.get(i + 3) == Some(&Token::Punct('='))
                && let Some(Token::Str(value)) = tokens.get(i + 4)
            {
                path_attribute = Some(value.clone());
                i += 6;
                continue;
            }
            if tokens[i] == Token::Ident("mod".into())
                && let Some(Token::Ident(child)) = tokens.get(i + 1)
            {
                match tokens.get(i + 2) {
                    Some(Token::Punct(';')) => {
                        let (child_file, child_dir) = if let Some(path) = path_attribute.take() {
                            let child_file = file.parent().unwrap().join(path);
                            let child_dir = child_file.parent().unwrap().to_path_buf();
                            (child_file, child_dir)
                        } else {
                            let flat = dir.join(format!("{child}.rs"));
                            let nested = dir.join(child).join("mod.rs");
                            let child_file = if read(&flat).is_some() { flat } else { nested };
                            (child_file, dir.join(child))
                        };
                        self.load_file(
                            &child_file,
                            &child_name(child),
                            Some(index),
                            test_only || cfg_test,
                            &child_dir,
                            base,
                            read,
                        );
                        i += 3;
                        cfg_test = false;
                        continue;
                    }
                    Some(Token::Punct('{')) => {
                        let end = closing(tokens, i + 2);
                        self.add_module(
                            &tokens[i + 3..end],
                            &child_name(child),
                            relative,
                            Some(index),
                            test_only || cfg_test,
                            file,
                            &dir.join(child),
                            base,
                            read,
                        );
                        i = end + 1;
                        path_attribute = None;
                        cfg_test = false;
                        continue;
                    }
                    _ => {}
                }
            }
            if matches!(tokens[i], Token::Punct(';' | '{' | '}')) {
                path_attribute = None;
                cfg_test = false;
            }
            own.push(tokens[i].clone());
            i += 1;
        }
        let (imports, globs, paths) = paths_of(&own);
        let module = &mut self.modules[index];
        module.tokens = own;
        module.imports = imports;
        module.globs = globs;
        module.paths = paths;
        index
    }

    /// Whether `ancestor` is `module` or contains it.
    fn contains(&self, ancestor: usize, module: usize) -> bool {
        let mut current = Some(module);
        while let Some(index) = current {
            if index == ancestor {
                return true;
            }
            current = self.modules[index].parent;
        }
        false
    }

    /// The module `path` (as written in `context`) leads to: the deepest one it reaches,
    /// through re-exports; `None` for a path into another crate or to a local item.
    fn resolve(&self, context: usize, path: &[String], depth: u32) -> Option<usize> {
        if depth > 12 || path.is_empty() {
            return None;
        }
        let module = &self.modules[context];
        let first = path[0].as_str();
        let start = match first {
            "crate" => 0,
            "self" => context,
            "super" => module.parent?,
            _ => {
                if let Some(&child) = module.children.get(first) {
                    child
                } else if let Some(target) = module.imports.get(first) {
                    if target.as_slice() == path {
                        return None;
                    }
                    let mut whole = target.clone();
                    whole.extend_from_slice(&path[1..]);
                    return self.resolve(context, &whole, depth + 1);
                } else {
                    // A name a glob import brought in.
                    return module.globs.iter().find_map(|glob| {
                        let from = self.resolve(context, glob, depth + 1)?;
                        let brought = &self.modules[from];
                        if brought.children.contains_key(first)
                            || brought.imports.contains_key(first)
                        {
                            let mut whole = vec!["self".to_owned()];
                            whole.extend_from_slice(path);
                            self.resolve(from, &whole, depth + 1)
                        } else {
                            None
                        }
                    });
                }
            }
        };
        let mut current = start;
        for (k, segment) in path.iter().enumerate().skip(1) {
            let here = &self.modules[current];
            match segment.as_str() {
                "super" => current = here.parent?,
                "self" => {}
                _ => {
                    if let Some(&child) = here.children.get(segment) {
                        current = child;
                    } else if let Some(target) = here.imports.get(segment) {
                        let mut whole = target.clone();
                        whole.extend_from_slice(&path[k + 1..]);
                        return Some(self.resolve(current, &whole, depth + 1).unwrap_or(current));
                    } else {
                        break;
                    }
                }
            }
        }
        Some(current)
    }

    /// Every edge between modules where neither contains the other: (from, to, the path).
    fn edges(&self) -> Vec<(usize, usize, String)> {
        let mut edges = Vec::new();
        for (from, module) in self.modules.iter().enumerate() {
            if module.test_only {
                continue;
            }
            for path in &module.paths {
                let Some(to) = self.resolve(from, path, 0) else {
                    continue;
                };
                if !self.contains(to, from) && !self.contains(from, to) {
                    edges.push((from, to, path.join("::")));
                }
            }
        }
        edges
    }

    /// The children of their closest common ancestor that contain `from` and `to`:
    /// (ancestor, from's side, to's side).
    fn siblings(&self, from: usize, to: usize) -> (usize, usize, usize) {
        let mut from_side = from;
        loop {
            let parent = self.modules[from_side].parent.unwrap();
            if self.contains(parent, to) {
                let mut to_side = to;
                while self.modules[to_side].parent != Some(parent) {
                    to_side = self.modules[to_side].parent.unwrap();
                }
                return (parent, from_side, to_side);
            }
            from_side = parent;
        }
    }

    /// For every module, the edges between its children, each with the first edge (from,
    /// to, path) that makes it.
    fn sibling_graphs(&self) -> SiblingGraphs {
        let mut graphs = SiblingGraphs::new();
        for (from, to, path) in self.edges() {
            let (parent, a, b) = self.siblings(from, to);
            graphs
                .entry(parent)
                .or_default()
                .entry((a, b))
                .or_insert((from, to, path));
        }
        graphs
    }

    /// The root's children and the root's children each one names (through any of its
    /// modules), by name.
    fn top_level(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        if let Some(graph) = self.sibling_graphs().get(&0) {
            for &(a, b) in graph.keys() {
                edges
                    .entry(self.modules[a].name.clone())
                    .or_default()
                    .insert(self.modules[b].name.clone());
            }
        }
        edges
    }

    /// Every circle, described with the files and paths that make it.
    fn circles(&self) -> Vec<String> {
        let mut found = Vec::new();
        for graph in self.sibling_graphs().values() {
            let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            let mut by_name = BTreeMap::new();
            for (&(a, b), evidence) in graph {
                let (a, b) = (&self.modules[a].name, &self.modules[b].name);
                edges.entry(a.clone()).or_default().insert(b.clone());
                by_name.insert((a.clone(), b.clone()), evidence);
            }
            for (cycle, knot) in find_cycles(&edges) {
                let mut text = format!("{}: {}", self.label, cycle.join(" → "));
                if knot.len() + 1 > cycle.len() {
                    let knot: Vec<&str> = knot.iter().map(String::as_str).collect();
                    let _ = write!(
                        text,
                        " (one circle of the knot {{{}}}, which all reach each other)",
                        knot.join(", ")
                    );
                }
                for step in cycle.windows(2) {
                    let (from, to, path) = by_name[&(step[0].clone(), step[1].clone())];
                    let (from, to) = (&self.modules[*from], &self.modules[*to]);
                    let _ = write!(
                        text,
                        "\n    {} ({}) names `{path}` (in `{}`, {})",
                        from.name, from.file, to.name, to.file
                    );
                }
                found.push(text);
            }
        }
        found
    }
}

/// The index of the `}` that closes the `{` at `open`.
fn closing(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0;
    for (i, token) in tokens.iter().enumerate().skip(open) {
        match token {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    tokens.len()
}

/// Imports (name → path), glob imports, and every path of a module's own code: each leaf of
/// its `use` trees, and each path of two segments or more elsewhere.
#[allow(clippy::type_complexity)]
fn paths_of(
    tokens: &[Token],
) -> (
    BTreeMap<String, Vec<String>>,
    Vec<Vec<String>>,
    Vec<Vec<String>>,
) {
    let mut imports = BTreeMap::new();
    let mut globs = Vec::new();
    let mut paths = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts_use = tokens[i] == Token::Ident("use".into())
            && !matches!(tokens.get(i + 1), Some(Token::Punct('<') | Token::PathSep))
            && !(i > 0 && tokens[i - 1] == Token::PathSep);
        if starts_use {
            i += 1;
            let mut leaves = Vec::new();
            use_tree(tokens, &mut i, Vec::new(), &mut leaves);
            for (name, path) in leaves {
                match name {
                    Some(name) if name != "_" => {
                        imports.insert(name, path.clone());
                    }
                    Some(_) => {}
                    None => globs.push(path.clone()),
                }
                paths.push(path);
            }
            while i < tokens.len() && tokens[i] != Token::Punct(';') {
                i += 1;
            }
            continue;
        }
        if let Token::Ident(first) = &tokens[i]
            && !(i > 0 && tokens[i - 1] == Token::PathSep)
        {
            let mut path = vec![first.clone()];
            let mut j = i + 1;
            while tokens.get(j) == Some(&Token::PathSep)
                && let Some(Token::Ident(next)) = tokens.get(j + 1)
            {
                path.push(next.clone());
                j += 2;
            }
            if path.len() > 1 {
                paths.push(path);
            }
            i = j;
            continue;
        }
        i += 1;
    }
    (imports, globs, paths)
}

/// The leaves of the `use` tree at `i`: (the name it brings in, or `None` for a glob; the
/// path).
fn use_tree(
    tokens: &[Token],
    i: &mut usize,
    prefix: Vec<String>,
    leaves: &mut Vec<(Option<String>, Vec<String>)>,
) {
    let mut path = prefix;
    if tokens.get(*i) == Some(&Token::PathSep) {
        return; // `use ::external::…`
    }
    loop {
        match tokens.get(*i) {
            Some(Token::Ident(segment)) => {
                path.push(segment.clone());
                *i += 1;
            }
            Some(Token::Punct('{')) => {
                *i += 1;
                loop {
                    if tokens.get(*i) == Some(&Token::Punct('}')) {
                        *i += 1;
                        return;
                    }
                    use_tree(tokens, i, path.clone(), leaves);
                    match tokens.get(*i) {
                        Some(Token::Punct(',')) => *i += 1,
                        Some(Token::Punct('}')) => {
                            *i += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(Token::Punct('*')) => {
                *i += 1;
                leaves.push((None, path));
                return;
            }
            _ => return,
        }
        if tokens.get(*i) == Some(&Token::PathSep) {
            *i += 1;
        } else {
            break;
        }
    }
    if path.last().is_some_and(|last| last == "self") {
        path.pop();
    }
    let mut name = path.last().cloned();
    if tokens.get(*i) == Some(&Token::Ident("as".into())) {
        if let Some(Token::Ident(alias)) = tokens.get(*i + 1) {
            name = Some(alias.clone());
        }
        *i += 2;
    }
    if !path.is_empty() {
        leaves.push((name, path));
    }
}

/// Every circle of a graph: one per knot of nodes that reach each other, the shortest from
/// the knot's first node back to it, with the knot.
fn find_cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<(Vec<String>, BTreeSet<String>)> {
    fn reach(from: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_owned()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    }
    let mut cycles = Vec::new();
    let mut placed = BTreeSet::new();
    for node in edges.keys() {
        if placed.contains(node) || !reach(node, edges).contains(node) {
            continue;
        }
        // The shortest way back to `node`, breadth first.
        let mut came_from: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([node.clone()]);
        'search: while let Some(current) = queue.pop_front() {
            for next in edges.get(&current).into_iter().flatten() {
                if next == node {
                    let mut trail = Vec::new();
                    let mut back = current.clone();
                    while back != *node {
                        trail.push(back.clone());
                        back = came_from[&back].clone();
                    }
                    trail.reverse();
                    let mut cycle = vec![node.clone()];
                    cycle.extend(trail);
                    cycle.push(node.clone());
                    cycles.push((cycle, BTreeSet::new()));
                    break 'search;
                }
                if !came_from.contains_key(next) {
                    came_from.insert(next.clone(), current.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        let knot: BTreeSet<String> = reach(node, edges)
            .into_iter()
            .filter(|other| reach(other, edges).contains(node))
            .collect();
        placed.extend(knot.iter().cloned());
        if let Some(last) = cycles.last_mut() {
            last.1 = knot;
        }
    }
    cycles
}

/// Every crate of the workspace: each package's library, binaries and test targets.
fn workspace_crates() -> Vec<Crate> {
    let base = workspace_root();
    let read = |path: &Path| fs::read_to_string(path).ok();
    let mut packages: Vec<PathBuf> = fs::read_dir(base.join("crates"))
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("Cargo.toml").is_file())
        .collect();
    packages.sort();
    packages.push(base.join("xtask"));
    packages.push(base.join("tests"));
    let mut crates = Vec::new();
    for package in packages {
        let mut roots = BTreeSet::new();
        for root in ["src/lib.rs", "src/main.rs"] {
            roots.insert(package.join(root));
        }
        if let Ok(bins) = fs::read_dir(package.join("src/bin")) {
            for bin in bins.flatten() {
                let path = bin.path();
                roots.insert(if path.is_dir() {
                    path.join("main.rs")
                } else {
                    path
                });
            }
        }
        // Targets with a `path = "….rs"` of their own (`[[test]]`, `[[bin]]`).
        let manifest = fs::read_to_string(package.join("Cargo.toml")).unwrap();
        for line in manifest.lines() {
            if let Some(value) = line.trim().strip_prefix("path = \"")
                && let Some(file) = value.strip_suffix(".rs\"")
            {
                roots.insert(package.join(format!("{file}.rs")));
            }
        }
        let name = package.file_name().unwrap().to_string_lossy().into_owned();
        for root in roots.into_iter().filter(|root| root.is_file()) {
            let label = format!(
                "{name} {}",
                root.strip_prefix(&package).unwrap().to_string_lossy()
            );
            crates.push(Crate::load(label, &root, &base, &read));
        }
    }
    crates
}

#[test]
fn imports_go_one_way() {
    let crates = workspace_crates();
    let circles: Vec<String> = crates.iter().flat_map(Crate::circles).collect();
    assert!(
        circles.is_empty(),
        "modules import each other (under each module, its children's imports go one way):\n{}",
        circles.join("\n")
    );
    // The walk reaches nested modules.
    let codechat = crates
        .iter()
        .find(|krate| krate.label == "codechat-events src/lib.rs")
        .unwrap();
    for nested in ["objects::baileys", "objects::baileys::message"] {
        assert!(
            codechat.modules.iter().any(|module| module.name == nested),
            "the walk missed `{nested}`"
        );
    }
    let webhook = crates
        .iter()
        .find(|krate| krate.label == "chat-events-webhook src/lib.rs")
        .unwrap();
    for nested in ["receiver::http", "receiver::server", "auth::chatwoot"] {
        assert!(
            webhook.modules.iter().any(|module| module.name == nested),
            "the walk missed `{nested}`"
        );
    }
    for krate in ["chatapp-events", "codechat-events", "onechat-events"] {
        let edges = crates
            .iter()
            .find(|found| found.label == format!("{krate} src/lib.rs"))
            .unwrap()
            .top_level();
        assert!(
            edges.contains_key("event"),
            "{krate}: the walk found no imports of `event`: {edges:?}"
        );
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
    let edges = crates
        .iter()
        .find(|found| found.label == "onechat-events src/lib.rs")
        .unwrap()
        .top_level();
    assert!(
        edges
            .get("webhook_events")
            .is_some_and(|names| names.contains("objects")),
        "onechat-events: the walk found no imports of `webhook_events`: {edges:?}"
    );
    for lower in ["events", "objects", "envelope"] {
        let names = edges.get(lower).cloned().unwrap_or_default();
        assert!(
            !names.contains("webhook_events"),
            "onechat-events: `{lower}` imports `webhook_events`"
        );
    }
}

/// A crate planted from `(file, text)` pairs, its root `src/lib.rs`.
fn planted(files: &[(&str, &str)]) -> Crate {
    let files: BTreeMap<PathBuf, String> = files
        .iter()
        .map(|(path, text)| (Path::new("/planted").join(path), (*text).to_owned()))
        .collect();
    let read = |path: &Path| files.get(path).cloned();
    Crate::load(
        "planted".to_owned(),
        Path::new("/planted/src/lib.rs"),
        Path::new("/planted"),
        &read,
    )
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
    assert!(find_cycles(&edges).is_empty());
    edges
        .entry("objects".into())
        .or_default()
        .insert("event".into());
    assert_eq!(
        find_cycles(&edges)
            .iter()
            .map(|(cycle, _)| cycle.join(" → "))
            .collect::<Vec<_>>(),
        ["envelope → objects → event → envelope"]
    );

    let (imports, _, paths) = paths_of(&lex(
        "use crate::{a::{b, c as d}, e::{self, F}};\nlet x = crate::f::G; // crate::h::I\n\"crate::j\";",
    ));
    assert_eq!(
        paths,
        [
            vec!["crate", "a", "b"],
            vec!["crate", "a", "c"],
            vec!["crate", "e"],
            vec!["crate", "e", "F"],
            vec!["crate", "f", "G"],
        ]
    );
    assert_eq!(imports["d"], ["crate", "a", "c"]);
    assert_eq!(imports["e"], ["crate", "e"]);

    // Siblings naming each other through a child and a re-export: a circle at the root.
    let circular = planted(&[
        ("src/lib.rs", "mod a; mod b; pub use a::Thing;"),
        ("src/a.rs", "mod x; pub struct Thing;"),
        ("src/a/x.rs", "use crate::b::Other;"),
        ("src/b.rs", "use crate::Thing;\npub struct Other;"),
    ]);
    let circles = circular.circles();
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(
        circles[0].starts_with("planted: a → b → a")
            && circles[0].contains("a::x (src/a/x.rs) names `crate::b::Other`"),
        "{circles:?}"
    );

    // A parent and its children using each other's items, inline modules, `#[path]`: no
    // circle.
    let layered = planted(&[
        (
            "src/lib.rs",
            "mod a;\n#[path = \"elsewhere/b.rs\"]\nmod b;\nmod c { use super::a::x::Deep; }",
        ),
        ("src/a/mod.rs", "pub mod x; pub struct Shared; use x::Deep;"),
        (
            "src/a/x.rs",
            "pub struct Deep(super::Shared);\n#[cfg(test)]\nmod tests { use crate::b::Test; }",
        ),
        (
            "src/elsewhere/b.rs",
            "use crate::a::Shared; pub struct Test;",
        ),
    ]);
    assert_eq!(layered.circles(), Vec::<String>::new());
    let names: Vec<&str> = layered
        .modules
        .iter()
        .map(|module| module.name.as_str())
        .collect();
    assert_eq!(names, ["", "a", "a::x", "a::x::tests", "b", "c"]);
    assert!(layered.modules[3].test_only && !layered.modules[2].test_only);
    assert_eq!(
        layered.top_level(),
        BTreeMap::from([
            ("b".to_owned(), BTreeSet::from(["a".to_owned()])),
            ("c".to_owned(), BTreeSet::from(["a".to_owned()])),
        ])
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
    event_files_in::<onechat_events::webhook_events::WebhookEvent>(
        "onechat-events",
        "src/webhook_events/events",
    );
}
