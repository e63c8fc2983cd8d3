//! The house reads top to bottom (issue 16): every `crate::` path in `src/` names a module on a
//! lower floor than the module it is written in. The floors follow the pipeline, data first:
//! model → read → normalize → config → rules → matching → reconcile/route → report → write →
//! pipeline → cli. A new upward import fails here, naming the file and line.
//!
//! The check reads the source text: comments and string literals are skipped, and
//! `use crate::{a, b::c}` groups count each top-level module they name.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, lowest first. A module may import from lower floors only; two modules on one
/// floor may not import each other (so no cycle can close between them).
const FLOORS: &[&[&str]] = &[
    // Leaves: they use nothing of ours.
    &["fault", "say", "registration_id"],
    &["error"],
    // The data: rows, fields, findings and the rule catalogue (vocabulary, not logic).
    &["model"],
    &["read"],
    &["normalize"],
    // The validated rows spilled to disk, read back by matching, reports and writers.
    &["store"],
    &["config"],
    &["rules"],
    &["matching"],
    &["reconcile", "route"],
    &["report"],
    &["write"],
    // The API commands and the synthetic lists stand beside the pipeline: both use the writers.
    &["partner_center", "generate"],
    &["pipeline"],
    &["cli"],
    // The subcommands other than `run`: they take the parsed command line.
    &["commands"],
];

/// Upward imports known today, each with why it is there and what removes it (none left:
/// issue 16 removed the last). A new entry needs a reason of that kind.
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[];

/// One `crate::` path: the module that writes it, the module it names, and where.
struct Edge {
    from: String,
    to: String,
    at: String,
}

#[test]
fn no_import_runs_upward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = edges(&src);
    for ((f, t), n) in summary(&edges) {
        println!("{f:>15} -> {t:<15} {n}");
    }
    let floor = |m: &str| FLOORS.iter().position(|f| f.contains(&m));
    let mut wrong = Vec::new();
    let mut seen_known = BTreeSet::new();
    for e in &edges {
        let (Some(a), Some(b)) = (floor(&e.from), floor(&e.to)) else {
            wrong
                .push(format!("{}: {} -> {}: a module with no floor (add it to FLOORS)", e.at, e.from, e.to));
            continue;
        };
        if b < a {
            continue;
        }
        if KNOWN_UPWARD.iter().any(|(f, t, _)| *f == e.from && *t == e.to) {
            seen_known.insert((e.from.clone(), e.to.clone()));
            continue;
        }
        wrong.push(format!("{}: {} -> {} runs upward (or sideways on one floor)", e.at, e.from, e.to));
    }
    assert!(wrong.is_empty(), "imports against the floors:\n{}", wrong.join("\n"));
    // A known edge that has gone must leave the list, so the list only shrinks.
    for (f, t, _) in KNOWN_UPWARD {
        assert!(
            seen_known.contains(&(f.to_string(), t.to_string())),
            "{f} -> {t} no longer exists: remove it from KNOWN_UPWARD"
        );
    }
}

#[test]
fn the_reader_finds_paths_in_groups_and_skips_comments_and_strings() {
    let text = r##"
        use crate::model::{Field, Row};
        use crate::{config::Config, error::{Error, Result}};
        // use crate::pipeline::run;
        /* crate::write */
        let s = "crate::report"; let r = r#"crate::cli"#; let c = '"'; let l: &'static str = "";
        fn f() -> crate::store::RowStore { crate::fault::error() }
    "##;
    let got: BTreeSet<String> = crate_paths(text).into_iter().map(|(m, _)| m).collect();
    let want: BTreeSet<String> =
        ["model", "config", "error", "store", "fault"].iter().map(|s| s.to_string()).collect();
    assert_eq!(got, want);
}

#[test]
fn an_upward_import_is_caught() {
    // The check itself: a lower floor naming a higher one must count as upward.
    let floor = |m: &str| FLOORS.iter().position(|f| f.contains(&m));
    assert!(floor("write") > floor("model"));
    assert!(floor("pipeline") > floor("write") && floor("cli") > floor("pipeline"));
    let got = crate_paths("use crate::pipeline::run;");
    assert_eq!(got.into_iter().map(|(m, _)| m).collect::<Vec<_>>(), ["pipeline"]);
}

/// Every `crate::` edge between two top-level modules of `src/`.
fn edges(src: &Path) -> Vec<Edge> {
    let mut out = Vec::new();
    for file in rust_files(src) {
        let rel = file.strip_prefix(src).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        let Some(from) = top_module(&rel) else { continue };
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{rel}: {e}"));
        for (to, line) in crate_paths(&text) {
            if to != from {
                out.push(Edge { from: from.clone(), to, at: format!("src/{rel}:{line}") });
            }
        }
    }
    out
}

/// The top-level module a file belongs to; `None` for the crate roots. A top-level `x_tests.rs`
/// is `x`'s (included with `#[path]`).
fn top_module(rel: &str) -> Option<String> {
    let first = rel.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "lib" | "main" => None,
        _ => Some(name.strip_suffix("_tests").unwrap_or(name).to_string()),
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display())).flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The top-level modules named after `crate::` in code (not comments or strings), with the line.
fn crate_paths(text: &str) -> Vec<(String, usize)> {
    let code = code_only(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let at = from + i;
        from = at + "crate::".len();
        // `$crate::` in a macro and `pc_onboard_crate::` are not ours to follow.
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c == '$' || c == '_' || c.is_alphanumeric()) {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            for item in top_items(group) {
                out.push((item, line));
            }
        } else if let Some(name) = ident(rest) {
            out.push((name, line));
        }
    }
    out
}

/// The first identifier of each top-level item of a `{…}` group (the text after the `{`).
fn top_items(group: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.extend(ident(group[start..i].trim_start()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.extend(ident(group[start..i].trim_start()));
                start = i + 1;
            }
            _ => {}
        }
    }
    items.retain(|s| s != "self");
    items
}

fn ident(s: &str) -> Option<String> {
    let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(s.len());
    (end > 0).then(|| s[..end].to_string())
}

/// The text with comments and string and char literals blanked (newlines kept, for lines).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#') | Some('"')) && !prev_is_ident(&chars, i) {
            // A raw string: r"…" or r#"…"#, closed by a quote and as many hashes.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    blank(&mut out, ch);
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped char literal: '\'' or '\n' or '\u{…}'.
            i += 3;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// The edges and how many paths make each, printed by the test (`-- --nocapture` shows them).
fn summary(edges: &[Edge]) -> BTreeMap<(String, String), usize> {
    let mut m = BTreeMap::new();
    for e in edges {
        *m.entry((e.from.clone(), e.to.clone())).or_insert(0) += 1;
    }
    m
}
