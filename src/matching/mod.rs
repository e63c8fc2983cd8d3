//! Matching: duplicates inside the input (blocking on keys, then clusters with one survivor
//! each) and customers that already exist in Partner Center; then the batch-wide domain rules.
//!
//! Keys are exact for now (registration ID with country; domain prefix confirmed by a similar
//! name; name with country and postal code). Fuzzy scoring plugs in at `blocking` and `score`.

pub mod cluster;
pub mod domains;
pub mod existing;
pub mod similarity;

use crate::config::Profile;
use crate::model::Field;
use crate::pipeline::process::Row;
use crate::rules::has_error;
use existing::{postal_key, round, ExistingMatch, PcIndex};
use rayon::prelude::*;
use serde::Serialize;
use similarity::{is_placeholder_key, name_key, name_similarity};
use std::collections::HashMap;

/// Why a row is a duplicate.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateOf {
    /// The cluster (1-based, in order of the cluster's first row).
    pub cluster: u32,
    /// The row index of the survivor.
    pub survivor: usize,
    /// The strongest key the row shares with the survivor.
    pub rule: &'static str,
    /// 1 for exact keys; the name similarity otherwise.
    pub score: f64,
    /// The fields whose values agree with the survivor's.
    pub fields: Vec<&'static str>,
}

/// Candidate pairs a blocking key produced, for the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BlockStat {
    /// The key.
    pub key: &'static str,
    /// Blocks with two or more rows.
    pub blocks: u64,
    /// Pairs of rows inside those blocks.
    pub candidate_pairs: u64,
    /// Pairs that were confirmed as the same customer.
    pub matched_pairs: u64,
}

/// What matching decided for every row.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    /// For each row: the survivor it duplicates, if any.
    pub duplicate: Vec<Option<DuplicateOf>>,
    /// For each row: the cluster it belongs to (survivors too), if any.
    pub cluster: Vec<Option<u32>>,
    /// For each row: the Partner Center customer it already is, if any.
    pub existing: Vec<Option<ExistingMatch>>,
    /// Candidate pairs per blocking key.
    pub blocks: Vec<BlockStat>,
    /// Number of clusters.
    pub clusters: u32,
}

/// Finds duplicates and existing customers.
pub fn match_rows(rows: &[Row], pc: &PcIndex, profile: &Profile) -> Matches {
    let n = rows.len();
    let keys: Vec<Option<RowKeys>> = rows.par_iter().map(RowKeys::of).collect();
    let mut uf = cluster::UnionFind::new(n);
    let mut blocks = Vec::new();

    // Exact keys: every row of a block is the same customer.
    for (name, pick) in [
        ("registration_id", (|k: &RowKeys| k.reg.clone()) as fn(&RowKeys) -> Option<String>),
        ("name_country_postal", |k: &RowKeys| k.name_postal.clone()),
    ] {
        let groups = group(&keys, pick);
        let mut stat = BlockStat { key: name, ..Default::default() };
        for g in groups.values().filter(|g| g.len() > 1) {
            stat.blocks += 1;
            stat.candidate_pairs += pairs(g.len());
            for &i in &g[1..] {
                if uf.union(g[0], i) {
                    stat.matched_pairs += 1;
                }
            }
        }
        blocks.push(stat);
    }

    // Domain prefix: the same customer only when the names agree too; otherwise the later row
    // gets domain.duplicate.
    let groups = group(&keys, |k| k.domain.clone());
    let mut stat = BlockStat { key: "domain", ..Default::default() };
    let mut sorted: Vec<&Vec<usize>> = groups.values().filter(|g| g.len() > 1).collect();
    sorted.sort_by_key(|g| g[0]);
    for g in sorted {
        stat.blocks += 1;
        stat.candidate_pairs += pairs(g.len());
        // An oversized block (a placeholder prefix typed into thousands of rows) is compared
        // against its first row only, so the work stays linear.
        let heads = if g.len() > profile.max_block_size { 1 } else { g.len() };
        for (a, &i) in g.iter().enumerate().take(heads) {
            for &j in &g[a + 1..] {
                let (ki, kj) = (keys[i].as_ref(), keys[j].as_ref());
                let sim = match (ki, kj) {
                    (Some(x), Some(y)) => name_similarity(&x.name, &y.name),
                    _ => 0.0,
                };
                if sim >= profile.name_threshold && uf.union(i, j) {
                    stat.matched_pairs += 1;
                }
            }
        }
    }
    blocks.push(stat);

    let groups = cluster::clusters(&mut uf);
    let mut duplicate = vec![None; n];
    let mut cluster_of = vec![None; n];
    for (ci, g) in groups.iter().enumerate() {
        let id = ci as u32 + 1;
        let survivor = *g
            .iter()
            .min_by_key(|&&i| (has_error(&rows[i].findings, profile), std::cmp::Reverse(rows[i].completeness()), i))
            .expect("clusters are not empty");
        for &i in g {
            cluster_of[i] = Some(id);
            if i != survivor {
                duplicate[i] = Some(explain(rows, &keys, i, survivor, id));
            }
        }
    }

    let existing: Vec<Option<ExistingMatch>> =
        rows.par_iter().map(|r| pc.find(r, profile.name_threshold)).collect();
    Matches { duplicate, cluster: cluster_of, existing, blocks, clusters: groups.len() as u32 }
}

/// The keys of one row; None for rows that take no part in matching.
struct RowKeys {
    reg: Option<String>,
    name_postal: Option<String>,
    domain: Option<String>,
    name: String,
}

impl RowKeys {
    fn of(row: &Row) -> Option<RowKeys> {
        if row.is_malformed() {
            return None;
        }
        let c = &row.customer;
        let name = name_key(c.get(Field::CompanyName));
        let cc = row.country;
        let reg = c.get(Field::RegistrationId);
        let reg = cc.filter(|_| !is_placeholder_key(reg)).map(|cc| format!("{cc}|{reg}"));
        let postal = postal_key(c.get(Field::PostalCode));
        let name_postal = cc
            .filter(|_| !name.is_empty() && !postal.is_empty())
            .map(|cc| format!("{cc}|{name}|{postal}"));
        let domain = Some(c.get(Field::Domain)).filter(|d| !d.is_empty()).map(str::to_string);
        Some(RowKeys { reg, name_postal, domain, name })
    }
}

fn group(keys: &[Option<RowKeys>], pick: impl Fn(&RowKeys) -> Option<String>) -> HashMap<String, Vec<usize>> {
    let mut m: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(key) = k.as_ref().and_then(&pick) {
            m.entry(key).or_default().push(i);
        }
    }
    m
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64 - 1) / 2
}

/// Why row `i` duplicates `survivor`: the strongest shared key and the agreeing fields.
fn explain(rows: &[Row], keys: &[Option<RowKeys>], i: usize, survivor: usize, cluster: u32) -> DuplicateOf {
    let (a, b) = (keys[i].as_ref(), keys[survivor].as_ref());
    let same = |f: fn(&RowKeys) -> &Option<String>| match (a, b) {
        (Some(x), Some(y)) => f(x).is_some() && f(x) == f(y),
        _ => false,
    };
    let sim = match (a, b) {
        (Some(x), Some(y)) => name_similarity(&x.name, &y.name),
        _ => 0.0,
    };
    let (rule, score) = if same(|k| &k.reg) {
        ("registration_id", 1.0)
    } else if same(|k| &k.name_postal) {
        ("name_country_postal", 1.0)
    } else if same(|k| &k.domain) {
        ("domain", round(sim))
    } else {
        ("linked", round(sim))
    };
    const COMPARED: [Field; 8] = [
        Field::CompanyName,
        Field::RegistrationId,
        Field::Domain,
        Field::Country,
        Field::City,
        Field::PostalCode,
        Field::AddressLine1,
        Field::ContactEmail,
    ];
    let (x, y) = (&rows[i].customer, &rows[survivor].customer);
    let fields = COMPARED
        .iter()
        .filter(|f| {
            let (u, v) = (x.get(**f), y.get(**f));
            !u.is_empty()
                && if **f == Field::CompanyName { name_key(u) == name_key(v) } else { u.eq_ignore_ascii_case(v) }
        })
        .map(|f| f.name())
        .collect();
    DuplicateOf { cluster, survivor, rule, score, fields }
}
