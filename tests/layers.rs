//! The crate reads as floors (see `src/lib.rs`): the entry (`widget`) mounts the UI, the
//! views (`ui`) use the hooks (`ui/hooks`), the hooks use the browser edge (`edge`), and
//! everything uses the pure core; nothing imports upward and no files import each other
//! in a circle. This test reads every `use` line and every `crate::`/`super::` path in
//! `src/`, resolves each to the file that defines it (following a parent module's
//! `pub use` re-exports to the child that really holds the item), and checks that.
// Native only: these run on the host (`cargo test`), never in the browser.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path from the crate root, e.g. `["assessment", "model"]`.
type ModPath = Vec<String>;

struct Crate {
    /// Module path → the file that defines it.
    files: BTreeMap<ModPath, PathBuf>,
    /// Module path → its source with comments and string literals blanked out.
    code: BTreeMap<ModPath, String>,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn read_crate() -> Crate {
    let mut files = BTreeMap::new();
    let mut stack = vec![src()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(src()).expect("under src").with_extension("");
                let mut m: ModPath = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
                if m == ["lib"] || m == ["main"] {
                    m = vec![format!("<{}>", m[0])];
                }
                files.insert(m, path);
            }
        }
    }
    let code = files
        .iter()
        .map(|(m, p)| {
            let text = std::fs::read_to_string(p).expect("read");
            // A file's own unit tests (`mod tests { use super::*; }`) are not its imports.
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            (m.clone(), strip(text))
        })
        .collect();
    Crate { files, code }
}

/// Blanks comments, string and char literals, so paths inside them are not read.
fn strip(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            ('r', Some('#')) if b.get(i + 2) == Some(&'"') => {
                i += 3;
                while i + 1 < b.len() && !(b[i] == '"' && b[i + 1] == '#') {
                    i += 1;
                }
                i += 2;
                out.push_str("\"\"");
            }
            ('"', _) => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    i += if b[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', Some(c)) if b.get(i + 2) == Some(&'\'') || (c == '\\' && b.get(i + 3) == Some(&'\'')) => {
                i += if c == '\\' { 4 } else { 3 };
                out.push_str("' '");
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Every path a file names: `use` trees expanded (`a::{b, c::d}` → `a::b`, `a::c::d`),
/// and inline `crate::…`/`super::…` paths. Each comes with whether it is a `pub use`.
fn paths(code: &str) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub") || before.ends_with(')');
        let after = &rest[at + 3..];
        let Some(end) = after.find(';') else { break };
        for p in expand(after[..end].trim()) {
            out.push((p, public));
        }
        rest = &after[end..];
    }
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let path: String =
                rest[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let segs: Vec<String> = path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
            out.push((segs, false));
            rest = &rest[at + start.len()..];
        }
    }
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(word) {
        let at = from + i;
        let ok_before = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let ok_after = text[at + word.len()..].starts_with([' ', '\n']);
        if ok_before && ok_after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Expands a `use` tree into full paths (`a::{b, c::d as e}` → `a::b`, `a::c::d`).
fn expand(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim();
    let segments = |text: &str| -> Vec<String> {
        // `path as alias`: the alias is not part of the path.
        let path = text.split_whitespace().next().unwrap_or_default();
        path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect()
    };
    let Some(open) = tree.find('{') else { return vec![segments(tree)] };
    let prefix = segments(&tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(|p| {
            expand(p).into_iter().map(|tail| {
                let mut full = prefix.clone();
                full.extend(tail.into_iter().filter(|s| s != "self"));
                full
            })
        })
        .collect()
}

impl Crate {
    /// The module a path starting in module `from` names, and the item after it.
    fn resolve(&self, from: &ModPath, path: &[String]) -> Option<ModPath> {
        let (mut module, rest): (ModPath, &[String]) = match path.first().map(String::as_str) {
            Some("crate") => (vec![], &path[1..]),
            Some("super") => {
                let mut m = from.clone();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    m.pop();
                    rest = &rest[1..];
                }
                (m, rest)
            }
            Some("self") => (from.clone(), &path[1..]),
            // A child module named without `self::` (`use hooks::…` inside `ui`).
            Some(first) if self.files.contains_key(&[from.clone(), vec![first.to_owned()]].concat()) => {
                (from.clone(), path)
            }
            _ => return None,
        };
        for (i, seg) in rest.iter().enumerate() {
            let child = [module.clone(), vec![seg.clone()]].concat();
            if self.files.contains_key(&child) {
                module = child;
            } else {
                return Some(self.through_reexport(module, &rest[i..]));
            }
        }
        Some(module)
    }

    /// A parent module re-exporting an item from a child (`pub use child::Item`): the
    /// child is where the item lives.
    fn through_reexport(&self, module: ModPath, item: &[String]) -> ModPath {
        let code = self.code.get(&module).map(String::as_str).unwrap_or_default();
        let name = &item[0];
        for (p, public) in paths(code) {
            if public && p.last() == Some(name) && p.len() >= 2 {
                if let Some(target) = self.resolve(&module, &p[..p.len() - 1]) {
                    if target != module && target.starts_with(&module) {
                        return self.through_reexport(target, item);
                    }
                }
            }
        }
        module
    }

    fn key(m: &ModPath) -> ModPath {
        if m.is_empty() {
            vec!["<lib>".into()]
        } else {
            m.clone()
        }
    }

    /// File → the files it imports from (not counting its own `pub use` of its children).
    fn edges(&self) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
        let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
        for (m, code) in &self.code {
            let from = if m[0].starts_with('<') { vec![] } else { m.clone() };
            for (p, public) in paths(code) {
                let Some(to) = self.resolve(&from, &p) else { continue };
                let to = Crate::key(&to);
                let reexport_of_child = public && to.starts_with(m) && to != *m;
                if to != *m && !reexport_of_child && self.files.contains_key(&to) {
                    edges.entry(m.clone()).or_default().insert(to);
                }
            }
        }
        edges
    }
}

/// The floor of a file: 0 the binaries (the wasm modules' entries, the prerender tool), 1 the entry, 2 the views, 3 the hooks, 4 the
/// browser edge, 5 the pure core.
fn floor(m: &ModPath) -> u8 {
    match m[0].as_str() {
        "<main>" | "bin" => 0,
        "widget" | "<lib>" => 1,
        "ui" if m.get(1).is_some_and(|s| s == "hooks") => 3,
        "ui" => 2,
        "edge" => 4,
        _ => 5,
    }
}

fn name(m: &ModPath) -> String {
    m.join("/")
}

#[test]
fn nothing_imports_a_floor_above_it() {
    let krate = read_crate();
    let mut wrong = Vec::new();
    for (from, tos) in krate.edges() {
        for to in tos {
            // `lib.rs` only declares the modules; `ui.rs` holds the views' shared context.
            let upward = floor(&to) < floor(&from) && to != ["<lib>"] && to != ["ui"];
            if upward {
                wrong.push(format!(
                    "{} (floor {}) imports {} (floor {})",
                    name(&from),
                    floor(&from),
                    name(&to),
                    floor(&to)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports that run upward:\n{}", wrong.join("\n"));
}

#[test]
fn views_reach_the_browser_only_through_hooks() {
    let krate = read_crate();
    for (from, tos) in krate.edges() {
        if floor(&from) == 2 {
            if let Some(to) = tos.iter().find(|t| floor(t) == 4) {
                panic!("the view {} imports the browser edge {} directly: make it a hook", name(&from), name(to));
            }
        }
    }
}

#[test]
fn the_core_never_touches_the_browser() {
    let krate = read_crate();
    for (m, code) in &krate.code {
        if floor(m) == 5 {
            for dep in ["web_sys", "js_sys", "wasm_bindgen", "yew", "gloo"] {
                assert!(!code.contains(&format!("{dep}::")), "{} (pure core) uses {dep}", name(m));
            }
        }
    }
}

/// A module file and the files of its children are one room: the parent declares the
/// children and may use them, and a child may use what its parent defines for all of
/// them (`super::Milestone`, `super::use_ui`). Every other pair of files must not import
/// each other, however long the way round.
#[test]
fn no_files_import_each_other_in_a_circle() {
    let mut edges = read_crate().edges();
    for (from, tos) in edges.iter_mut() {
        tos.retain(|to| !from.starts_with(to));
    }
    // Depth-first search for a back edge; report the circle it closes.
    fn visit(
        node: &ModPath,
        edges: &BTreeMap<ModPath, BTreeSet<ModPath>>,
        path: &mut Vec<ModPath>,
        done: &mut BTreeSet<ModPath>,
    ) -> Option<Vec<ModPath>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            return Some(path[i..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(circle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("an import circle: {}", circle.iter().map(name).collect::<Vec<_>>().join(" -> "));
        }
    }
}

#[test]
fn the_reader_finds_the_imports_it_checks() {
    // The checks above are only as good as the resolver: prove it sees known edges.
    let edges = read_crate().edges();
    let has = |from: &[&str], to: &[&str]| {
        let f: ModPath = from.iter().map(|s| s.to_string()).collect();
        let t: ModPath = to.iter().map(|s| s.to_string()).collect();
        edges.get(&f).is_some_and(|s| s.contains(&t))
    };
    assert!(has(&["widget"], &["ui", "app"]), "widget -> ui/app");
    assert!(has(&["ui", "app"], &["ui", "hooks"]) || has(&["ui", "app"], &["ui", "hooks", "progress"]));
    assert!(has(&["ui", "hooks", "progress"], &["edge", "storage"]), "a hook -> the edge");
    assert!(has(&["assessment", "scoring"], &["assessment", "model"]), "scoring -> model");
    // `crate::assessment::MODEL` is re-exported by the hub: it resolves to the model.
    assert!(has(&["assessment", "answers"], &["assessment", "model"]), "through a re-export");
    assert!(!has(&["assessment", "model"], &["assessment", "scoring"]), "the old circle is gone");
}
