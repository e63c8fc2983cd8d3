//! Existing customers: each row's candidates in the Partner Center export, a model fitted to
//! those pairs, and each row's best candidate, linked when its match probability reaches the
//! threshold.

use super::dedup::{histogram, weight_of};
use super::existing::PcIndex;
use super::freq::Freq;
use super::keys::Keys;
use super::model::Model;
use super::prefetch;
use super::sample;
use super::score::{score, Scored, Scorer};
use super::vocab::Vocab;
use rayon::prelude::*;

/// Rows whose candidates the m values are estimated from at most (every k-th row beyond).
pub const EM_ROWS: usize = 100_000;

/// A row's best Partner Center candidate.
#[derive(Clone, Copy, Debug)]
pub struct Best {
    /// Index into the export.
    pub pc: usize,
    /// The scored pair.
    pub scored: Scored,
}

/// What existing-customer matching found.
pub struct Found {
    /// For each row: its best candidate at or over the review threshold.
    pub best: Vec<Option<Best>>,
    /// The fitted model (None without an export).
    pub model: Option<Model>,
}

/// Finds each row's best Partner Center candidate.
pub fn find(keys: &[Option<Keys>], pc: &PcIndex, v: &Vocab, freq: &Freq, review: f64) -> Found {
    let pc_keys: Vec<&Keys> = pc.all_keys().collect();
    if pc_keys.is_empty() {
        return Found { best: vec![None; keys.len()], model: None };
    }
    let rows: Vec<&Keys> = keys.iter().flatten().collect();
    let step = rows.len().div_ceil(EM_ROWS).max(1);
    // The sampled rows' candidate pairs, and how many there were.
    let sampled: Vec<(&Keys, u32)> = rows
        .par_iter()
        .step_by(step)
        .map_init(Vec::new, |buf, k| {
            pc.candidates(k, v, buf);
            buf.iter().map(|&c| (*k, c)).collect::<Vec<_>>()
        })
        .flatten()
        .collect();
    let hist = histogram(sampled.par_iter().filter_map(|&(k, c)| Some((k, pc.keys(c as usize)?))), v);
    // Every step-th row was compared: the expected matches scale by the same factor.
    let sampled_rows = rows.len().div_ceil(step).max(1);
    let scale = rows.len() as f64 / sampled_rows as f64;
    drop(sampled);
    let random = sample::random_levels(&rows, &pc_keys, false, v);
    let total = sample::total_pairs(&rows, &pc_keys, false);
    let model = Model::fit(&hist, scale, &random, total);
    let s = Scorer { model: &model, vocab: v, freq };
    let floor = weight_of(review);
    let best = keys
        .par_iter()
        .map_init(Vec::new, |buf, k| {
            let k = k.as_ref()?;
            pc.candidates(k, v, buf);
            // Every candidate's record asked for at once, and each one's text two ahead (see
            // `prefetch`): their reads from memory overlap.
            for &c in buf.iter() {
                if let Some(pk) = pc.keys(c as usize) {
                    prefetch::value(pk);
                }
            }
            let mut best: Option<Best> = None;
            for (at, &c) in buf.iter().enumerate() {
                if let Some(next) = buf.get(at + 2).and_then(|&n| pc.keys(n as usize)) {
                    next.prefetch();
                }
                let Some(pk) = pc.keys(c as usize) else { continue };
                // A candidate must beat the best so far; ties go to the first in the export
                // (candidates come in export order).
                let need = best.map_or(floor, |b| b.scored.weight.max(floor));
                let Some(m) = score(k, pk, s, need) else { continue };
                if best.is_none_or(|b| m.weight > b.scored.weight) {
                    best = Some(Best { pc: c as usize, scored: m });
                }
            }
            best.filter(|b| b.scored.probability >= review)
        })
        .collect();
    Found { best, model: Some(model) }
}
