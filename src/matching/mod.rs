//! Matching: duplicates inside the input and customers that already exist in Partner Center.
//!
//! Records get keys (`keys`); records sharing a key become candidate pairs (`blocking`); each
//! pair is compared field by field (`compare`) and scored by a Fellegi–Sunter model fitted to
//! the run's own data (`model`, `sample`, `freq`, `score`). Duplicates (`dedup`) are the pairs
//! over the match threshold, joined into clusters with one survivor each (`cluster`); existing
//! customers (`link`) are each row's best candidate in the indexed export (`existing`) over it.
//! Pairs just under it are kept for review. Batch-wide domain rules run last (`domains`).

pub mod blocking;
pub mod cluster;
pub mod compare;
pub mod dedup;
pub mod domains;
pub mod existing;
pub mod freq;
pub mod jaro;
pub mod keys;
pub mod legal;
pub mod link;
pub mod model;
pub mod place;
pub mod prefetch;
pub mod same_name;
pub mod sample;
pub mod score;
pub mod similarity;
pub mod vocab;

pub use blocking::BlockStat;

use crate::config::Profile;
use crate::model::{Row, RowFacts};
use existing::{ExistingMatch, PcIndex};
use keys::Keys;
use model::ModelSummary;
use serde::Serialize;

/// Why a row is a duplicate.
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateOf {
    /// The cluster (1-based, in order of the cluster's first row).
    pub cluster: u32,
    /// The row index of the survivor.
    pub survivor: usize,
    /// What decided the match with the survivor: `registration_id`, `domain`,
    /// `probabilistic`, or `linked` when the row joined the cluster through another duplicate.
    pub rule: &'static str,
    /// Name similarity with the survivor, 0 to 1.
    pub score: f64,
    /// Match probability with the survivor, 0 to 1.
    pub probability: f64,
    /// The fields that agree with the survivor's.
    pub fields: Vec<&'static str>,
}

/// The other side of a pair listed for review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewOther {
    /// Another input row (a possible duplicate).
    Row(usize),
    /// A Partner Center customer (a possible existing customer).
    Pc(usize),
}

/// A pair just under the match threshold, for a person to look at (routing treats it as two
/// different customers).
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewPair {
    /// The input row.
    pub row: usize,
    /// The row or customer it may be.
    pub other: ReviewOther,
    /// Match probability.
    pub probability: f64,
    /// Name similarity.
    pub score: f64,
    /// The fields that agree.
    pub fields: Vec<&'static str>,
}

/// The fitted models, for summary.json.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Models {
    /// Duplicates within the input.
    pub duplicates: Option<ModelSummary>,
    /// Rows against the Partner Center export.
    pub existing: Option<ModelSummary>,
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
    /// Pairs just under the match threshold, by row.
    pub review: Vec<ReviewPair>,
    /// Candidate pairs per blocking key.
    pub blocks: Vec<BlockStat>,
    /// Distinct candidate pairs scored.
    pub candidate_pairs: u64,
    /// Pairs decided to be the same customer.
    pub matched_pairs: u64,
    /// Number of clusters.
    pub clusters: u32,
    /// The fitted models.
    pub models: Models,
}

/// The keys of a row (none for a malformed one), computed while the row is at hand.
pub fn keys_of(row: &Row, profile: &Profile) -> Option<Keys> {
    (!row.is_malformed()).then(|| {
        let certain =
            Keys::reg_is_certain(row.country, row.customer.get(crate::model::Field::RegistrationId));
        Keys::of(&row.customer, row.country, certain, profile)
    })
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
    // Both serial passes over every record, and independent: side by side.
    let (tokens, freq) = rayon::join(
        || keys.iter().flatten().map(|k| weights.add_record(k.name()).into_boxed_slice()).collect::<Vec<_>>(),
        || freq::Freq::of(keys.iter().flatten()),
    );
    for (k, t) in keys.iter_mut().flatten().zip(tokens) {
        k.tokens = t;
    }
    weights.finish();
    let (matched_t, review_t) = (profile.match_threshold, profile.review_threshold);

    let found = dedup::find(&keys, &weights, &freq, profile.max_block_size, review_t);
    let mut review = Vec::new();
    let mut uf = cluster::UnionFind::new(n);
    let mut matched_pairs = 0;
    for (i, j, m) in &found.pairs {
        if m.probability >= matched_t {
            uf.union(*i as usize, *j as usize);
            matched_pairs += 1;
        } else {
            review.push(ReviewPair {
                row: *i as usize,
                other: ReviewOther::Row(*j as usize),
                probability: m.probability,
                score: m.compared.name_sim,
                fields: m.compared.gamma.agreeing(),
            });
        }
    }
    let groups = cluster::clusters(&mut uf);
    let mut duplicate = vec![None; n];
    let mut cluster_of = vec![None; n];
    let s = score::Scorer { model: &found.model, vocab: &weights, freq: &freq };
    for (ci, g) in groups.iter().enumerate() {
        let id = ci as u32 + 1;
        // The survivor: valid first, then the most complete, then the earliest.
        let survivor = *g
            .iter()
            .min_by_key(|&&i| (rows[i].has_error, std::cmp::Reverse(rows[i].completeness), i))
            .expect("clusters are not empty");
        for &i in g {
            cluster_of[i] = Some(id);
            if i == survivor {
                continue;
            }
            let (a, b) = (i.min(survivor) as u32, i.max(survivor) as u32);
            let direct = found
                .pairs
                .binary_search_by(|(x, y, _)| (*x, *y).cmp(&(a, b)))
                .ok()
                .map(|k| found.pairs[k].2)
                .filter(|m| m.probability >= matched_t);
            // A row that joined through another duplicate: its own pair with the survivor.
            let m = direct.or_else(|| {
                let (ka, kb) = (keys[i].as_ref()?, keys[survivor].as_ref()?);
                score::score(ka, kb, s, f64::NEG_INFINITY)
            });
            let (rule, score, probability, fields) = match (direct, m) {
                (Some(m), _) => (m.rule, m.compared.name_sim, m.probability, m.compared.gamma.agreeing()),
                (None, Some(m)) => {
                    ("linked", m.compared.name_sim, m.probability, m.compared.gamma.agreeing())
                }
                (None, None) => ("linked", 0.0, 0.0, Vec::new()),
            };
            duplicate[i] =
                Some(Box::new(DuplicateOf { cluster: id, survivor, rule, score, probability, fields }));
        }
    }

    let freq_all = freq.with(pc.all_keys());
    let linked = link::find(&keys, pc, &weights, &freq_all, review_t);
    let mut existing = vec![None; n];
    for (i, b) in linked.best.iter().enumerate() {
        let Some(b) = b else { continue };
        let m = &b.scored;
        if m.probability >= matched_t {
            existing[i] = Some(Box::new(ExistingMatch {
                pc: b.pc,
                rule: m.rule,
                score: m.compared.name_sim,
                probability: m.probability,
                fields: m.compared.gamma.agreeing(),
            }));
        } else {
            review.push(ReviewPair {
                row: i,
                other: ReviewOther::Pc(b.pc),
                probability: m.probability,
                score: m.compared.name_sim,
                fields: m.compared.gamma.agreeing(),
            });
        }
    }
    link_survivors(&mut existing, &duplicate);
    review.sort_by_key(|r| (r.row, other_key(r.other)));
    Matches {
        duplicate,
        cluster: cluster_of,
        existing,
        review,
        blocks: found.blocks,
        candidate_pairs: found.candidate_pairs,
        matched_pairs,
        clusters: groups.len() as u32,
        models: Models {
            duplicates: Some(found.model.summary()),
            existing: linked.model.map(|m| m.summary()),
        },
    }
}

/// A cluster is one customer: when a duplicate is an existing customer and its survivor (the row
/// that would be created) is not, the survivor is that customer too (rule `linked`), so the
/// customer is never created a second time. The member with the most probable link lends it.
fn link_survivors(existing: &mut [Option<Box<ExistingMatch>>], duplicate: &[Option<Box<DuplicateOf>>]) {
    let mut lent: std::collections::BTreeMap<usize, ExistingMatch> = std::collections::BTreeMap::new();
    for (i, d) in duplicate.iter().enumerate() {
        let (Some(d), Some(m)) = (d, &existing[i]) else { continue };
        if existing[d.survivor].is_some() {
            continue;
        }
        let better = lent.get(&d.survivor).is_none_or(|b| m.probability > b.probability);
        if better {
            lent.insert(d.survivor, ExistingMatch { rule: "linked", ..(**m).clone() });
        }
    }
    for (survivor, m) in lent {
        existing[survivor] = Some(Box::new(m));
    }
}

fn other_key(o: ReviewOther) -> (u8, usize) {
    match o {
        ReviewOther::Row(j) => (0, j),
        ReviewOther::Pc(j) => (1, j),
    }
}
