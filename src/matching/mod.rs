//! Matching: duplicates inside the input and customers that already exist in Partner Center.
//!
//! Records get keys (`keys`); records sharing a key become candidate pairs (`blocking`); each
//! pair is scored and decided (`score`); matched pairs form clusters with one survivor each
//! (`cluster`). The Partner Center export is indexed the same way (`existing`). Batch-wide
//! domain rules run last (`domains`).

pub mod blocking;
pub mod cluster;
pub mod domains;
pub mod existing;
pub mod keys;
pub mod same_name;
pub mod score;
pub mod similarity;
pub mod vocab;

pub use blocking::BlockStat;

use crate::config::Profile;
use crate::pipeline::process::{Row, RowFacts};
use existing::{ExistingMatch, PcIndex};
use keys::Keys;
use rayon::prelude::*;
use score::{decide, PairMatch, Thresholds};

/// Why a row is a duplicate.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateOf {
    /// The cluster (1-based, in order of the cluster's first row).
    pub cluster: u32,
    /// The row index of the survivor.
    pub survivor: usize,
    /// What decided the match with the survivor (or `linked` when the row joined the cluster
    /// through another duplicate).
    pub rule: &'static str,
    /// Name similarity with the survivor, 0 to 1.
    pub score: f64,
    /// The fields that agree with the survivor's.
    pub fields: Vec<&'static str>,
}

/// What matching decided for every row.
#[derive(Clone, Debug, Default)]
pub struct Matches {
    /// For each row: the survivor it duplicates, if any (boxed: most rows have none, and a
    /// million rows are held).
    pub duplicate: Vec<Option<Box<DuplicateOf>>>,
    /// For each row: the cluster it belongs to (survivors too), if any.
    pub cluster: Vec<Option<u32>>,
    /// For each row: the Partner Center customer it already is, if any.
    pub existing: Vec<Option<Box<ExistingMatch>>>,
    /// Candidate pairs per blocking key.
    pub blocks: Vec<BlockStat>,
    /// Distinct candidate pairs scored.
    pub candidate_pairs: u64,
    /// Pairs decided to be the same customer.
    pub matched_pairs: u64,
    /// Number of clusters.
    pub clusters: u32,
}

/// The keys of a row (none for a malformed one), computed while the row is at hand.
pub fn keys_of(row: &Row, profile: &Profile) -> Option<Keys> {
    (!row.is_malformed()).then(|| Keys::of(&row.customer, row.country, profile))
}

/// Finds duplicates and existing customers from every row's keys and facts.
pub fn match_rows(
    mut keys: Vec<Option<Keys>>,
    rows: &[RowFacts],
    pc: &PcIndex,
    profile: &Profile,
) -> Matches {
    let n = rows.len();
    // The export's words first, so the export's interned names stay valid; weights count both.
    let mut weights = pc.vocab().clone();
    for k in keys.iter_mut().flatten() {
        k.tokens = weights.add_record(&k.name).into();
    }
    weights.finish();
    let t = Thresholds { name: profile.name_threshold };
    let (pairs, blocks) = blocking::candidate_pairs(&keys, &weights, profile.max_block_size);
    let decided: Vec<(u32, u32, PairMatch)> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            let (a, b) = (keys[i as usize].as_ref()?, keys[j as usize].as_ref()?);
            decide(a, b, &weights, t).map(|m| (i, j, m))
        })
        .collect();
    let candidate_pairs = pairs.len() as u64;
    drop(pairs);

    let mut uf = cluster::UnionFind::new(n);
    for (i, j, _) in &decided {
        uf.union(*i as usize, *j as usize);
    }
    let groups = cluster::clusters(&mut uf);
    let mut duplicate = vec![None; n];
    let mut cluster_of = vec![None; n];
    for (ci, g) in groups.iter().enumerate() {
        let id = ci as u32 + 1;
        // The survivor: valid first, then the most complete, then the earliest.
        let survivor = *g
            .iter()
            .min_by_key(|&&i| (rows[i].has_error, std::cmp::Reverse(rows[i].completeness), i))
            .expect("clusters are not empty");
        for &i in g {
            cluster_of[i] = Some(id);
            if i != survivor {
                let (a, b) = (i.min(survivor) as u32, i.max(survivor) as u32);
                let direct =
                    decided.binary_search_by(|(x, y, _)| (*x, *y).cmp(&(a, b))).ok().map(|k| &decided[k].2);
                let m = direct.cloned().or_else(|| {
                    let (ka, kb) = (keys[i].as_ref()?, keys[survivor].as_ref()?);
                    decide(ka, kb, &weights, Thresholds { name: 0.0 }).map(|mut m| {
                        m.rule = "linked";
                        m
                    })
                });
                let m = m.unwrap_or(PairMatch { rule: "linked", score: 0.0, fields: Vec::new() });
                duplicate[i] = Some(Box::new(DuplicateOf {
                    cluster: id,
                    survivor,
                    rule: m.rule,
                    score: m.score,
                    fields: m.fields,
                }));
            }
        }
    }

    let existing: Vec<Option<Box<ExistingMatch>>> =
        keys.par_iter().map(|k| k.as_ref().and_then(|k| pc.find(k, &weights, t)).map(Box::new)).collect();
    Matches {
        duplicate,
        cluster: cluster_of,
        existing,
        blocks,
        candidate_pairs,
        matched_pairs: decided.len() as u64,
        clusters: groups.len() as u32,
    }
}
