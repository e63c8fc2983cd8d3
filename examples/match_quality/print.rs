//! The side-by-side tables: precision, recall and F1 per tool, overall, per corruption kind and
//! per other grouping, the false pairs by what separated them, and examples of misses.

use super::predict::Prediction;
use super::score::{Score, Scores};
use super::truth::Truth;
use std::collections::{BTreeMap, BTreeSet};

fn cells(s: Option<&Score>) -> String {
    match s {
        Some(s) => {
            let (p, r, f) = s.prf();
            format!("  {p:.3} {r:.3} {f:.3}")
        }
        None => format!("  {:>17}", "-"),
    }
}

fn line(label: &str, tools: &[(&str, &Scores)], get: impl Fn(&Scores) -> Option<&Score>) {
    let n = tools.iter().find_map(|(_, s)| get(s)).map_or(0, Score::truth);
    let row: String = tools.iter().map(|(_, s)| cells(get(s))).collect();
    println!("  {label:<34} {n:>7}{row}");
}

/// One table: `what` (duplicates or existing links) for every tool; `unit` is what is counted
/// (`pair`, `row`).
pub fn table(what: &str, unit: &str, tools: &[(&str, &Scores)]) {
    let names: String = tools.iter().map(|(t, _)| format!("  {t:>17}")).collect();
    let heads: String = tools.iter().map(|_| format!("  {:>5} {:>5} {:>5}", "P", "R", "F1")).collect();
    println!("\n{what}");
    println!("  {:<34} {:>7}{names}", "", format!("n {unit}s"));
    println!("  {:<34} {:>7}{heads}", "", "");
    line("all", tools, |s| Some(&s.all));
    let keys = |f: fn(&Scores) -> &BTreeMap<String, Score>| -> BTreeSet<String> {
        tools.iter().flat_map(|(_, s)| f(s).keys().cloned()).collect()
    };
    println!("  by corruption kind (a {unit} counts under each kind it carries):");
    for k in keys(|s| &s.kinds) {
        line(&format!("  {k}"), tools, |s| s.kinds.get(&k));
    }
    println!("  by what was planted:");
    for k in keys(|s| &s.groups) {
        line(&format!("  {k}"), tools, |s| s.groups.get(&k));
    }
    println!("  false positives, by what separated them:");
    let classes: BTreeSet<&String> = tools.iter().flat_map(|(_, s)| s.false_pairs.keys()).collect();
    for c in classes {
        let row: String = tools
            .iter()
            .map(|(_, s)| format!("  {:>17}", s.false_pairs.get(c).copied().unwrap_or(0)))
            .collect();
        println!("    {c:<32} {:>7}{row}", "");
    }
}

/// Up to `n` true pairs per kind a tool did not find, neither row carrying a planted fault.
pub fn misses(t: &Truth, p: &Prediction, n: usize) {
    if n == 0 {
        return;
    }
    let mut by: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for rows in t.companies() {
        for (x, &a) in rows.iter().enumerate() {
            for &b in &rows[x + 1..] {
                let (ra, rb) = (&t.rows[a], &t.rows[b]);
                let found =
                    matches!((p.cluster.get(&ra.row), p.cluster.get(&rb.row)), (Some(c), Some(d)) if c == d);
                if found || !ra.fault.is_empty() || !rb.fault.is_empty() {
                    continue;
                }
                let kinds: BTreeSet<&String> = ra.kinds.iter().chain(&rb.kinds).collect();
                for k in kinds {
                    let v = by.entry(k).or_default();
                    if v.len() < n {
                        v.push(format!("{}+{}", ra.row, rb.row));
                    }
                }
            }
        }
    }
    println!("\n{} missed duplicate pairs without faults, examples per kind (rows):", p.tool);
    for (k, v) in by {
        println!("    {k:<28} {}", v.join(", "));
    }
    let wrong: Vec<String> = t
        .rows
        .iter()
        .filter_map(|r| {
            let got = p.link.get(&r.row)?;
            (*got != r.pc).then(|| format!("row {} → {got} (truth '{}')", r.row, r.pc))
        })
        .take(n)
        .collect();
    for w in wrong {
        println!("    wrong link: {w}");
    }
}
