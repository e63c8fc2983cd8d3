//! The Fellegi–Sunter model: for every field and level, m (how often a true match shows that
//! level) and u (how often two different companies do), and λ (how likely two records are the
//! same company before anything is compared). A pair's match weight is log2 of the prior odds
//! plus log2(m / u) of each non-null field; its match probability follows from the weight.
//!
//! Estimated from the run's own data, as Splink does: m and the share of matches among the
//! candidate pairs by expectation–maximisation over the pairs' comparison vectors; u from
//! pairs drawn at random (almost all non-matches); λ from the expected matches over all pairs.
//! Built-in values act as a prior worth a few dozen pairs, so a list of fifteen rows gets
//! sensible figures and a list of a million gets its own.

use super::compare::{Cmp, Gamma, DIFFERENT, FIELDS, MAX_LEVELS, N, NULL};
use serde::Serialize;

/// Probabilities per field and level (index 0, null, unused).
pub type Table = [[f64; MAX_LEVELS]; N];

/// Pseudo-counts of the built-in m values (matched pairs).
const M_PRIOR: f64 = 30.0;
/// Pseudo-counts of the built-in u values (random pairs).
const U_PRIOR: f64 = 1000.0;
/// Pseudo-counts of the candidate pairs' u values during EM.
const UC_PRIOR: f64 = 10.0;
/// No level is ever impossible: a probability never falls below this.
const FLOOR: f64 = 1e-9;
/// EM iterations at most.
const MAX_ITERATIONS: usize = 100;

/// The built-in m values (null first, then from different to exact, as in [`FIELDS`]).
#[rustfmt::skip]
const M0: Table = [
    [0.0, 0.02, 0.05, 0.08, 0.15, 0.70, 0.0, 0.0], // company_name: different weak similar close exact
    [0.0, 0.04, 0.03, 0.05, 0.13, 0.75, 0.0, 0.0], // address_line1: different number_only other_number close exact
    [0.0, 0.10, 0.10, 0.80, 0.0, 0.0, 0.0, 0.0],   // address_line2: different close exact
    // city_postal_code: different city city_other_postal postal_one_digit city_postal_one_digit
    // postal_other_city city_postal
    [0.0, 0.03, 0.05, 0.03, 0.02, 0.05, 0.03, 0.79],
    [0.0, 0.05, 0.95, 0.0, 0.0, 0.0, 0.0, 0.0],    // state
    [0.0, 0.10, 0.90, 0.0, 0.0, 0.0, 0.0, 0.0],    // registration_id
    [0.0, 0.06, 0.19, 0.25, 0.50, 0.0, 0.0, 0.0],  // contact_email: other_company different same_domain exact
    [0.0, 0.25, 0.75, 0.0, 0.0, 0.0, 0.0, 0.0],    // contact_phone
    [0.0, 0.10, 0.90, 0.0, 0.0, 0.0, 0.0, 0.0],    // domain
];

/// The built-in u values: two different companies of one country.
#[rustfmt::skip]
const U0: Table = [
    [0.0, 0.96, 0.035, 0.004, 0.0008, 0.0002, 0.0, 0.0],
    [0.0, 0.97, 0.02, 0.008, 0.0015, 0.0005, 0.0, 0.0],
    [0.0, 0.97, 0.02, 0.01, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.95, 0.02, 0.02, 0.0005, 0.0005, 0.001, 0.008],
    [0.0, 0.85, 0.15, 0.0, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.99999, 0.00001, 0.0, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.5, 0.4999, 0.0001, 0.000001, 0.0, 0.0, 0.0],
    [0.0, 0.99999, 0.00001, 0.0, 0.0, 0.0, 0.0, 0.0],
    [0.0, 0.999999, 0.000001, 0.0, 0.0, 0.0, 0.0, 0.0],
];

/// Comparison vectors with how many pairs showed each. Counted for every sampled pair, so a fast
/// hash; [`Model::fit`] sorts the patterns before any sum.
pub type Histogram = rustc_hash::FxHashMap<Gamma, u64>;

/// Per-field, per-level counts of non-null comparisons.
#[derive(Clone, Debug, Default)]
pub struct LevelCounts {
    /// Counts per field and level.
    pub counts: [[f64; MAX_LEVELS]; N],
    /// Pairs counted.
    pub pairs: u64,
}

impl LevelCounts {
    /// Counts the levels of one pair.
    pub fn add(&mut self, g: Gamma) {
        self.pairs += 1;
        for (f, spec) in FIELDS.iter().enumerate() {
            let l = g.get(spec.cmp) as usize;
            if l != NULL as usize {
                self.counts[f][l] += 1.0;
            }
        }
    }

    /// Adds another count (for parallel folds).
    pub fn merge(mut self, other: LevelCounts) -> LevelCounts {
        self.pairs += other.pairs;
        for f in 0..N {
            for l in 0..MAX_LEVELS {
                self.counts[f][l] += other.counts[f][l];
            }
        }
        self
    }
}

/// The fitted model.
#[derive(Clone, Debug)]
pub struct Model {
    /// Probability that two records compared at random (same country) are the same company.
    pub lambda: f64,
    /// m per field and level.
    pub m: Table,
    /// u per field and level.
    pub u: Table,
    /// log2(m / u) per field and level (0 for null).
    weight: Table,
    /// log2 of the prior odds.
    prior: f64,
    /// What the fit saw, for the summary.
    pub fit: Fit,
}

/// How the model was fitted.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Fit {
    /// Candidate pairs the m values were estimated from.
    pub em_pairs: u64,
    /// Distinct comparison vectors among them.
    pub em_patterns: u64,
    /// EM iterations run.
    pub em_iterations: u64,
    /// Estimated share of matches among the candidate pairs.
    pub candidate_match_share: f64,
    /// Estimated matching pairs among all pairs.
    pub expected_matches: f64,
    /// All pairs the prior is spread over (same country or a blank country).
    pub total_pairs: f64,
    /// Random pairs the u values were estimated from.
    pub random_pairs: u64,
}

impl Model {
    /// Fits the model: m and the candidates' match share by EM over `candidates` (comparison
    /// vectors of a sample of the candidate pairs, with counts), one in `scale` of all; u from
    /// `random` (levels of pairs drawn at random); λ from the expected matches over
    /// `total_pairs`.
    pub fn fit(candidates: &Histogram, scale: f64, random: &LevelCounts, total_pairs: f64) -> Model {
        let sampled: u64 = candidates.values().sum();
        // Sorted, so the sums run in one order whatever the hash map's (and the threads') order.
        let mut patterns: Vec<(Gamma, f64)> = candidates.iter().map(|(g, n)| (*g, *n as f64)).collect();
        patterns.sort_by_key(|p| p.0);
        let (m, share, iterations) = fit_m(&patterns, random);
        let expected = share * sampled as f64 * scale;
        let total = total_pairs.max(1.0);
        let lambda = (expected / total).clamp(1e-12, 0.5);
        let u = estimate_u(random, &m, lambda);
        let fit = Fit {
            em_pairs: sampled,
            em_patterns: patterns.len() as u64,
            em_iterations: iterations as u64,
            candidate_match_share: round(share, 6),
            expected_matches: round(expected, 1),
            total_pairs: total,
            random_pairs: random.pairs,
        };
        Model::new(lambda, m, u, fit)
    }

    /// A model from its parameters.
    pub fn new(lambda: f64, m: Table, u: Table, fit: Fit) -> Model {
        let mut weight = [[0.0; MAX_LEVELS]; N];
        for f in 0..N {
            for l in 1..FIELDS[f].levels.len() {
                weight[f][l] = (m[f][l].max(FLOOR) / u[f][l].max(FLOOR)).log2();
            }
        }
        let prior = (lambda / (1.0 - lambda)).log2();
        Model { lambda, m, u, weight, prior, fit }
    }

    /// The built-in model (no data).
    pub fn prior(lambda: f64) -> Model {
        Model::new(lambda, M0, U0, Fit::default())
    }

    /// The match weight of a comparison vector: log2 prior odds + Σ log2(m/u).
    pub fn weight(&self, g: Gamma) -> f64 {
        self.prior + self.evidence(g)
    }

    /// Σ log2(m/u) over the non-null fields.
    pub fn evidence(&self, g: Gamma) -> f64 {
        FIELDS.iter().enumerate().map(|(f, s)| self.weight[f][g.get(s.cmp) as usize]).sum()
    }

    /// log2(m/u) of one field at one level.
    pub fn field_weight(&self, f: usize, level: u8) -> f64 {
        self.weight[f][level as usize]
    }

    /// The most one field can add (0 when no level adds anything: a blank adds 0).
    pub fn best(&self, f: super::compare::Cmp) -> f64 {
        self.weight[f as usize].iter().copied().fold(0.0, f64::max)
    }

    /// log2 of the prior odds.
    pub fn prior_weight(&self) -> f64 {
        self.prior
    }
}

/// The match probability of a match weight.
pub fn probability(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

fn round(x: f64, places: i32) -> f64 {
    let p = 10f64.powi(places);
    (x * p).round() / p
}

/// The fields that say where a company is.
const ADDRESS: [Cmp; 4] = [Cmp::Street, Cmp::Line2, Cmp::Locality, Cmp::State];

/// Pairs a training session needs before its m values are used.
const SESSION_MIN_PAIRS: f64 = 30.0;

/// m and the candidates' match share, in three EM sessions as Splink trains them: EM over all
/// candidates alone lets a common kind of look-alike (companies of one brand in one town) pass
/// for the matches, since blocking gathered many of them. So the m values of the fields that
/// identify a company are learnt from the pairs at one street address, with the address fields
/// masked, and those of the address fields from the pairs with a close or equal name, with the
/// name masked; then the match share from all candidates with every m fixed. A session with too
/// few pairs leaves its fields to EM over all candidates.
fn fit_m(patterns: &[(Gamma, f64)], random: &LevelCounts) -> (Table, f64, usize) {
    let all = [true; N];
    let (mut m, _, mut iterations) = em(patterns, random, &M0, &all);
    let is_address = |f: usize| ADDRESS.iter().any(|c| *c as usize == f);
    let session = |select: &dyn Fn(Gamma) -> bool, mask: &[Cmp]| -> Option<(Table, usize)> {
        let chosen: Vec<(Gamma, f64)> = patterns
            .iter()
            .filter(|(g, _)| select(*g))
            .map(|&(mut g, n)| {
                for c in mask {
                    g.set(*c, NULL);
                }
                (g, n)
            })
            .collect();
        let pairs: f64 = chosen.iter().map(|p| p.1).sum();
        (pairs >= SESSION_MIN_PAIRS).then(|| {
            let (m, _, it) = em(&chosen, random, &M0, &all);
            (m, it)
        })
    };
    let at_one_address = |g: Gamma| g.get(Cmp::Street) >= 4 && g.get(Cmp::Locality) != DIFFERENT;
    if let Some((ms, it)) = session(&at_one_address, &ADDRESS) {
        for f in (0..N).filter(|&f| !is_address(f)) {
            m[f] = ms[f];
        }
        iterations += it;
    }
    let same_name = |g: Gamma| g.get(Cmp::Name) >= 4;
    if let Some((ms, it)) = session(&same_name, &[Cmp::Name]) {
        for f in (0..N).filter(|&f| is_address(f)) {
            m[f] = ms[f];
        }
        iterations += it;
    }
    let (m, share, it) = em(patterns, random, &m, &[false; N]);
    (m, share, iterations + it)
}

/// EM over comparison vectors: returns m, the share of matches, and the iterations run. Only
/// the m values of the fields in `learn` move from `m0`. The candidates' own u values (they
/// agree more often than random pairs, having been blocked on shared keys) are estimated
/// alongside and then dropped.
fn em(patterns: &[(Gamma, f64)], random: &LevelCounts, m0: &Table, learn: &[bool; N]) -> (Table, f64, usize) {
    let mut m = *m0;
    let mut uc = smooth(&random.counts, &U0, U_PRIOR);
    let mut share: f64 = 0.1;
    if patterns.is_empty() {
        return (m, 0.0, 0);
    }
    let levels = |g: Gamma, f: usize| g.get(FIELDS[f].cmp) as usize;
    let mut iterations = 0;
    for it in 0..MAX_ITERATIONS {
        iterations = it + 1;
        let mut mc = [[0.0; MAX_LEVELS]; N];
        let mut ucc = [[0.0; MAX_LEVELS]; N];
        let (mut matched, mut total) = (0.0, 0.0);
        for &(g, n) in patterns {
            let (mut lm, mut lu) = (share.ln(), (1.0 - share).ln());
            for f in 0..N {
                let l = levels(g, f);
                if l != 0 {
                    lm += m[f][l].max(FLOOR).ln();
                    lu += uc[f][l].max(FLOOR).ln();
                }
            }
            let r = 1.0 / (1.0 + (lu - lm).exp());
            matched += n * r;
            total += n;
            for f in 0..N {
                let l = levels(g, f);
                if l != 0 {
                    mc[f][l] += n * r;
                    ucc[f][l] += n * (1.0 - r);
                }
            }
        }
        let new_share = (matched + 1.0) / (total + 2.0);
        let learnt = smooth(&mc, &M0, M_PRIOR);
        for f in (0..N).filter(|&f| learn[f]) {
            m[f] = learnt[f];
        }
        uc = smooth(&ucc, &uc, UC_PRIOR);
        let done = (new_share - share).abs() < 1e-7;
        share = new_share;
        if done {
            break;
        }
    }
    (m, share, iterations)
}

/// Counts turned into probabilities per field, pulled towards `prior` by `strength` pairs.
fn smooth(counts: &Table, prior: &Table, strength: f64) -> Table {
    let mut out = [[0.0; MAX_LEVELS]; N];
    for f in 0..N {
        let k = FIELDS[f].levels.len();
        let n: f64 = counts[f][1..k].iter().sum();
        let p: f64 = prior[f][1..k].iter().sum::<f64>().max(FLOOR);
        for l in 1..k {
            out[f][l] = ((counts[f][l] + strength * prior[f][l] / p) / (n + strength)).max(FLOOR);
        }
    }
    out
}

/// u from random pairs, less the few matches among them (λ of them show m's levels), pulled
/// towards the built-in values when the sample is small.
fn estimate_u(random: &LevelCounts, m: &Table, lambda: f64) -> Table {
    let mut counts = random.counts;
    for f in 0..N {
        let k = FIELDS[f].levels.len();
        let n: f64 = counts[f][1..k].iter().sum();
        for l in 1..k {
            counts[f][l] = (counts[f][l] - lambda * n * m[f][l]).max(0.0);
        }
    }
    smooth(&counts, &U0, U_PRIOR)
}

/// One level of one field in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct LevelSummary {
    /// The level.
    pub level: &'static str,
    /// m: share of true matches at this level.
    pub m: f64,
    /// u: share of non-matches at this level.
    pub u: f64,
    /// log2(m/u): what this level adds to a pair's match weight.
    pub weight: f64,
}

/// One field of the model in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct FieldSummary {
    /// The canonical field compared.
    pub field: &'static str,
    /// Its levels, from different to exact (null adds nothing).
    pub levels: Vec<LevelSummary>,
}

/// The model as summary.json shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ModelSummary {
    /// λ: probability that two records of one country are the same company before comparing.
    pub lambda: f64,
    /// How it was fitted.
    #[serde(flatten)]
    pub fit: Fit,
    /// m and u per field and level.
    pub fields: Vec<FieldSummary>,
}

impl Model {
    /// The model for summary.json.
    pub fn summary(&self) -> ModelSummary {
        let fields = FIELDS
            .iter()
            .enumerate()
            .map(|(f, s)| FieldSummary {
                field: s.name,
                levels: (1..s.levels.len())
                    .map(|l| LevelSummary {
                        level: s.levels[l],
                        m: round(self.m[f][l], 6),
                        u: round(self.u[f][l], 9),
                        weight: round(self.weight[f][l], 3),
                    })
                    .collect(),
            })
            .collect();
        ModelSummary { lambda: self.lambda, fit: self.fit.clone(), fields }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gamma(levels: &[(Cmp, u8)]) -> Gamma {
        let mut g = Gamma::default();
        for &(f, l) in levels {
            g.set(f, l);
        }
        g
    }

    #[test]
    fn priors_are_distributions() {
        for (f, s) in FIELDS.iter().enumerate() {
            let k = s.levels.len();
            let (m, u): (f64, f64) = (M0[f][1..k].iter().sum(), U0[f][1..k].iter().sum());
            assert!((m - 1.0).abs() < 1e-6, "m of {}: {m}", s.name);
            assert!((u - 1.0).abs() < 1e-4, "u of {}: {u}", s.name);
            assert!(M0[f][k..].iter().chain(&U0[f][k..]).all(|&x| x == 0.0), "{}", s.name);
        }
    }

    #[test]
    fn em_separates_matches_from_non_matches() {
        // 300 matches agreeing on name, street and postcode; 3,000 candidates sharing only a
        // postcode or a name word.
        let mut h = Histogram::default();
        *h.entry(gamma(&[(Cmp::Name, 5), (Cmp::Street, 5), (Cmp::Locality, 7)])).or_default() += 250;
        *h.entry(gamma(&[(Cmp::Name, 4), (Cmp::Street, 5), (Cmp::Locality, 5)])).or_default() += 50;
        *h.entry(gamma(&[(Cmp::Name, 1), (Cmp::Street, 1), (Cmp::Locality, 7)])).or_default() += 2000;
        *h.entry(gamma(&[(Cmp::Name, 2), (Cmp::Street, 1), (Cmp::Locality, 1)])).or_default() += 1000;
        let mut random = LevelCounts::default();
        for k in 0..100_000u32 {
            let postal = if k % 200 == 0 { 7 } else { 1 };
            let name = if k % 50 == 0 { 2 } else { 1 };
            random.add(gamma(&[(Cmp::Name, name), (Cmp::Street, 1), (Cmp::Locality, postal)]));
        }
        let model = Model::fit(&h, 1.0, &random, 5_000_000.0);
        assert!((model.fit.candidate_match_share - 300.0 / 3300.0).abs() < 0.01, "{:?}", model.fit);
        assert!(model.m[0][5] > 0.7 && model.m[0][1] < 0.05, "{:?}", model.m[0]);
        let p = |g| probability(model.weight(g));
        assert!(p(gamma(&[(Cmp::Name, 5), (Cmp::Street, 5), (Cmp::Locality, 7)])) > 0.99);
        assert!(p(gamma(&[(Cmp::Name, 1), (Cmp::Street, 1), (Cmp::Locality, 7)])) < 0.01);
        assert!(p(gamma(&[(Cmp::Name, 2), (Cmp::Street, 1), (Cmp::Locality, 1)])) < 0.01);
        // A blank field is no evidence either way.
        assert_eq!(model.evidence(gamma(&[(Cmp::Name, 5)])), model.field_weight(0, 5));
    }

    #[test]
    fn a_small_list_keeps_sensible_values() {
        let mut h = Histogram::default();
        *h.entry(gamma(&[(Cmp::Name, 5)])).or_default() += 3;
        *h.entry(gamma(&[(Cmp::Name, 2)])).or_default() += 2;
        let model = Model::fit(&h, 1.0, &LevelCounts::default(), 300.0);
        let p = probability(model.weight(gamma(&[(Cmp::Name, 5)])));
        assert!(p > 0.9, "an exact name alone, in a small list: {p}");
        let p = probability(model.weight(gamma(&[(Cmp::Name, 2)])));
        assert!(p < 0.5, "a weakly similar name alone: {p}");
    }
}
