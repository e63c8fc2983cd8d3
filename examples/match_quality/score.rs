//! Scoring, the same for every tool. Duplicates pairwise: a predicted pair is two rows in one
//! cluster, a true pair two rows of one company; a pair carries the kinds of both its rows
//! (`none` when neither has one), so precision and recall per kind count the pairs carrying it.
//! Existing links per row: the right customer is a true positive, a wrong one a false positive
//! (and a false negative when the row has one), none while the row has one a false negative;
//! a row carries its own kinds.

use super::predict::Prediction;
use super::truth::Truth;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Counts for precision and recall.
#[derive(Clone, Copy, Default)]
pub struct Score {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
}

impl Score {
    /// Precision, recall and F1 (1 for an empty denominator).
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.tp, self.tp + self.fp), ratio(self.tp, self.tp + self.fn_));
        (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
    }

    /// True cases (the `n` of a table line).
    pub fn truth(&self) -> u64 {
        self.tp + self.fn_
    }
}

/// A tool's scores: overall, per corruption kind, per other grouping (planted fault, existing
/// rule), and what its false pairs were.
#[derive(Default)]
pub struct Scores {
    pub all: Score,
    pub kinds: BTreeMap<String, Score>,
    pub groups: BTreeMap<String, Score>,
    pub false_pairs: BTreeMap<String, u64>,
}

const NONE: &str = "none";

fn pair_kinds(t: &Truth, a: usize, b: usize) -> BTreeSet<&str> {
    let k: BTreeSet<&str> = t.rows[a].kinds.iter().chain(&t.rows[b].kinds).map(String::as_str).collect();
    if k.is_empty() {
        BTreeSet::from([NONE])
    } else {
        k
    }
}

fn fault_key(t: &Truth, a: usize, b: usize) -> String {
    let mut f: Vec<&str> = [&t.rows[a].fault, &t.rows[b].fault]
        .into_iter()
        .filter(|f| !f.is_empty())
        .map(String::as_str)
        .collect();
    f.sort();
    format!("fault: {}", if f.is_empty() { NONE.to_string() } else { f.join("+") })
}

/// Duplicates, pairwise; groups by the planted faults of the two rows.
pub fn duplicates(t: &Truth, p: &Prediction) -> Scores {
    let mut s = Scores::default();
    let mut clusters: HashMap<&str, Vec<usize>> = HashMap::new();
    for (row, c) in &p.cluster {
        if let Some(&i) = t.index.get(row) {
            clusters.entry(c).or_default().push(i);
        }
    }
    for rows in clusters.values() {
        for (x, &a) in rows.iter().enumerate() {
            for &b in &rows[x + 1..] {
                let same = t.rows[a].entity == t.rows[b].entity;
                let add = |sc: &mut Score| if same { sc.tp += 1 } else { sc.fp += 1 };
                add(&mut s.all);
                for k in pair_kinds(t, a, b) {
                    add(s.kinds.entry(k.to_string()).or_default());
                }
                add(s.groups.entry(fault_key(t, a, b)).or_default());
                if !same {
                    *s.false_pairs.entry(t.false_pair_class(a, b)).or_default() += 1;
                }
            }
        }
    }
    // Every true pair: the ones not predicted are false negatives.
    for rows in t.companies() {
        for (x, &a) in rows.iter().enumerate() {
            for &b in &rows[x + 1..] {
                let found = matches!((p.cluster.get(&t.rows[a].row), p.cluster.get(&t.rows[b].row)), (Some(c), Some(d)) if c == d);
                if !found {
                    s.all.fn_ += 1;
                    for k in pair_kinds(t, a, b) {
                        s.kinds.entry(k.to_string()).or_default().fn_ += 1;
                    }
                    s.groups.entry(fault_key(t, a, b)).or_default().fn_ += 1;
                }
            }
        }
    }
    s
}

/// Existing links, per row; groups by how the customer is planted (`existing_rule`) and by
/// the row's planted fault.
pub fn links(t: &Truth, p: &Prediction) -> Scores {
    let mut s = Scores::default();
    for r in &t.rows {
        let got = p.link.get(&r.row).map(String::as_str).unwrap_or("");
        let want = r.pc.as_str();
        if got.is_empty() && want.is_empty() {
            continue;
        }
        let mut sc = Score::default();
        if !got.is_empty() && got == want {
            sc.tp = 1;
        } else {
            sc.fp = u64::from(!got.is_empty());
            sc.fn_ = u64::from(!want.is_empty());
        }
        let mut add = |key: String| {
            let e = s.kinds.entry(key).or_default();
            e.tp += sc.tp;
            e.fp += sc.fp;
            e.fn_ += sc.fn_;
        };
        if r.kinds.is_empty() {
            add(NONE.to_string());
        }
        r.kinds.iter().for_each(|k| add(k.clone()));
        let fault = if r.fault.is_empty() { NONE } else { r.fault.as_str() };
        let rule = match r.existing_rule.as_str() {
            "" => "no customer planted".to_string(),
            rule => format!("planted by {rule}"),
        };
        for key in [rule, format!("fault: {fault}")] {
            let e = s.groups.entry(key).or_default();
            e.tp += sc.tp;
            e.fp += sc.fp;
            e.fn_ += sc.fn_;
        }
        s.all.tp += sc.tp;
        s.all.fp += sc.fp;
        s.all.fn_ += sc.fn_;
        if sc.fp > 0 {
            let class = if want.is_empty() { "row has no customer" } else { "row has another customer" };
            *s.false_pairs.entry(class.to_string()).or_default() += 1;
        }
    }
    s
}
