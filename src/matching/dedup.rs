//! Duplicates inside the input: candidate pairs from blocking, a model fitted to them, every
//! pair scored, and the pairs at or over the match threshold joined into clusters.

use super::blocking::{self, BlockStat};
use super::compare::Compared;
use super::freq::Freq;
use super::keys::Keys;
use super::model::{Histogram, Model};
use super::prefetch;
use super::sample;
use super::score::{gamma, score, score_compared, Scored, Scorer};
use super::vocab::Vocab;
use rayon::prelude::*;

/// Candidate pairs the m values are estimated from at most (every k-th pair beyond).
pub const EM_PAIRS: usize = 1_000_000;
/// Pairs scored in one piece of work.
const SCORE_CHUNK: usize = 4096;
/// How many pairs ahead a pair's other record is asked for: its text and words at this
/// distance, the record itself at twice it (the text's address is read from the record).
const AHEAD: usize = 8;

/// What duplicate matching found.
pub struct Found {
    /// Scored pairs `(i, j)` with `i < j`, at or over the review threshold, sorted.
    pub pairs: Vec<(u32, u32, Scored)>,
    /// What each blocking key produced.
    pub blocks: Vec<BlockStat>,
    /// Distinct candidate pairs.
    pub candidate_pairs: u64,
    /// The fitted model.
    pub model: Model,
}

/// Finds the pairs of input rows that are the same customer, with match probabilities.
pub fn find(keys: &[Option<Keys>], v: &Vocab, freq: &Freq, max_block: usize, review: f64) -> Found {
    let (pairs, blocks) = blocking::candidate_pairs(keys, v, max_block);
    let present: Vec<&Keys> = keys.iter().flatten().collect();
    let key = |i: u32| keys[i as usize].as_ref().expect("blocked records have keys");
    let step = pairs.len().div_ceil(EM_PAIRS).max(1);
    // The sampled pairs' comparisons are kept: scoring reads them instead of comparing again.
    let known: Vec<Option<Compared>> =
        pairs.par_iter().step_by(step).map(|&(i, j)| gamma(key(i), key(j), v)).collect();
    let mut hist = Histogram::default();
    for c in known.iter().flatten() {
        *hist.entry(c.gamma).or_default() += 1;
    }
    let random = sample::random_levels(&present, &present, true, v);
    let total = sample::total_pairs(&present, &present, true);
    // Every step-th pair was compared: the expected matches scale by the same factor.
    let sampled = pairs.len().div_ceil(step).max(1);
    let model = Model::fit(&hist, pairs.len() as f64 / sampled as f64, &random, total);
    let s = Scorer { model: &model, vocab: v, freq };
    let floor = weight_of(review);
    // In stretches, each read in order with the records a few pairs ahead asked for (see
    // `prefetch`): the same pairs, scored the same way, in the same order.
    let scored: Vec<(u32, u32, Scored)> = pairs
        .par_chunks(SCORE_CHUNK)
        .enumerate()
        .flat_map_iter(|(c, chunk)| {
            let mut out = Vec::new();
            for (at, &(i, j)) in chunk.iter().enumerate() {
                if let Some(&(_, far)) = chunk.get(at + 2 * AHEAD) {
                    if let Some(k) = &keys[far as usize] {
                        prefetch::value(k);
                    }
                }
                if let Some(&(_, near)) = chunk.get(at + AHEAD) {
                    if let Some(k) = &keys[near as usize] {
                        k.prefetch();
                    }
                }
                let n = c * SCORE_CHUNK + at;
                let m = if n.is_multiple_of(step) {
                    score_compared(key(i), key(j), known[n / step], s, floor)
                } else {
                    score(key(i), key(j), s, floor)
                };
                if let Some(m) = m.filter(|m| m.probability >= review) {
                    out.push((i, j, m));
                }
            }
            out
        })
        .collect();
    Found { candidate_pairs: pairs.len() as u64, pairs: scored, blocks, model }
}

/// The match weight of a probability (log2 odds).
pub fn weight_of(p: f64) -> f64 {
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    (p / (1.0 - p)).log2()
}
