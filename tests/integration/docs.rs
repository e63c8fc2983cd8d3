//! The documentation stays true: the rule table is the catalogue's, and every relative link in
//! the README, CONTRIBUTING and `docs/` leads to a file and heading that exist.

use crate::common::root;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// `docs/rules.md` holds exactly what `pc-onboard rules --markdown` prints, between its markers.
#[test]
fn the_rules_doc_is_the_catalogue() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pc-onboard"))
        .args(["rules", "--markdown"])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    for r in pc_onboard::rules::catalogue::RULES {
        assert!(table.contains(&format!("| `{}` |", r.code)), "the table misses {}", r.code);
    }
    let doc = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    let start = doc.find("<!-- rules:start -->\n").expect("docs/rules.md has its start marker");
    let end = doc.find("<!-- rules:end -->").expect("docs/rules.md has its end marker");
    let held = &doc[start + "<!-- rules:start -->\n".len()..end];
    assert!(
        held == table,
        "docs/rules.md is out of step with the catalogue: write `pc-onboard rules --markdown` between its markers"
    );
}

/// The README is the front page: short, and pointing into `docs/`.
#[test]
fn the_readme_stays_short() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let n = readme.chars().count();
    assert!(n <= 12_000, "README.md has {n} characters; move detail into docs/");
}

/// Every relative link of the project's Markdown leads somewhere.
#[test]
fn every_link_leads_somewhere() {
    let mut files = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for target in links(&text) {
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            checked += 1;
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let dest = if path.is_empty() { file.clone() } else { file.parent().unwrap().join(path) };
            if !dest.exists() {
                broken.push(format!("{}: {target} (no such file)", rel(file)));
                continue;
            }
            if let Some(a) = anchor {
                let md = std::fs::read_to_string(&dest).unwrap_or_default();
                if !anchors(&md).contains(a) {
                    broken.push(format!("{}: {target} (no such heading)", rel(file)));
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} links found: is the parser right?");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}

/// The targets of `[text](target)` links outside code blocks and code spans.
fn links(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // Code spans hold examples, not links.
        let prose: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = prose.as_str();
        while let Some(i) = rest.find("](") {
            let after = &rest[i + 2..];
            let Some(j) = after.find(')') else { break };
            let t = after[..j].split_whitespace().next().unwrap_or("").to_string();
            if !t.is_empty() {
                out.push(t);
            }
            rest = &after[j..];
        }
    }
    out
}

/// GitHub's anchors for a Markdown file's headings: lower case, spaces to `-`, punctuation
/// other than `-` and `_` dropped, repeats numbered.
fn anchors(md: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let title = line.trim_start_matches('#').trim();
        let slug: String = title
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        let mut s = slug.clone();
        let mut k = 1;
        while seen.contains(&s) {
            s = format!("{slug}-{k}");
            k += 1;
        }
        seen.insert(s);
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_links_as_github_makes_them() {
        let a = anchors("# A\n## summary.json field by field\n## Synthetic data (`generate`)\n## A\n");
        assert!(a.contains("summaryjson-field-by-field"), "{a:?}");
        assert!(a.contains("synthetic-data-generate"), "{a:?}");
        assert!(a.contains("a-1"), "{a:?}");
        assert_eq!(links("see [x](docs/a.md#b) and `[y](z)`\n```\n[q](r)\n```\n"), vec!["docs/a.md#b"]);
    }
}
