//! Existing customers: each row's candidates in the Partner Center export, a model fitted to
//! those pairs, and each row's best candidate, linked when its match probability reaches the
//! threshold.

use super::compare::Compared;
use super::dedup::weight_of;
use super::existing::PcIndex;
use super::freq::Freq;
use super::keys::Keys;
use super::model::{Histogram, Model};
use super::prefetch;
use super::sample;
use super::score::{gamma, score, score_compared, Scored, Scorer};
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

/// A sampled row's candidates and their comparisons (None: certainly another company, or a
/// customer without keys).
struct Sampled {
    candidates: Vec<u32>,
    compared: Vec<Option<Compared>>,
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
    find_sampling(keys, pc, v, freq, review, EM_ROWS)
}

/// [`find`], the model fitted to the candidates of `em_rows` rows at most.
fn find_sampling(
    keys: &[Option<Keys>],
    pc: &PcIndex,
    v: &Vocab,
    freq: &Freq,
    review: f64,
    em_rows: usize,
) -> Found {
    let pc_keys: Vec<&Keys> = pc.all_keys().collect();
    if pc_keys.is_empty() {
        return Found { best: vec![None; keys.len()], model: None };
    }
    let rows: Vec<&Keys> = keys.iter().flatten().collect();
    let step = rows.len().div_ceil(em_rows).max(1);
    // The sampled rows (every step-th row that has keys): their candidates, compared in full
    // for the model and kept, so that scoring reads them instead of comparing again.
    let mut slot = vec![None; keys.len()];
    let mut sampled_rows = Vec::with_capacity(rows.len().div_ceil(step));
    for (i, k) in keys.iter().enumerate().filter(|(_, k)| k.is_some()).step_by(step) {
        slot[i] = Some(sampled_rows.len());
        sampled_rows.push(k.as_ref().expect("filtered to rows with keys"));
    }
    let sampled: Vec<Sampled> = sampled_rows
        .par_iter()
        .map(|k| {
            let mut candidates = Vec::new();
            pc.candidates(k, v, &mut candidates);
            let compared =
                candidates.iter().map(|&c| pc.keys(c as usize).and_then(|pk| gamma(k, pk, v))).collect();
            Sampled { candidates, compared }
        })
        .collect();
    let mut hist = Histogram::default();
    for c in sampled.iter().flat_map(|s| &s.compared).flatten() {
        *hist.entry(c.gamma).or_default() += 1;
    }
    // Every step-th row was compared: the expected matches scale by the same factor.
    let scale = rows.len() as f64 / sampled.len().max(1) as f64;
    let random = sample::random_levels(&rows, &pc_keys, false, v);
    let total = sample::total_pairs(&rows, &pc_keys, false);
    let model = Model::fit(&hist, scale, &random, total);
    let s = Scorer { model: &model, vocab: v, freq };
    let floor = weight_of(review);
    let best = keys
        .par_iter()
        .zip(slot)
        .map_init(Vec::new, |buf, (k, slot)| {
            let k = k.as_ref()?;
            let known = slot.map(|n| &sampled[n]);
            let candidates = match known {
                Some(known) => &known.candidates,
                None => {
                    pc.candidates(k, v, buf);
                    &*buf
                }
            };
            // Every candidate's record asked for at once, and each one's text two ahead (see
            // `prefetch`): their reads from memory overlap.
            for &c in candidates {
                if let Some(pk) = pc.keys(c as usize) {
                    prefetch::value(pk);
                }
            }
            let mut best: Option<Best> = None;
            for (at, &c) in candidates.iter().enumerate() {
                if let Some(next) = candidates.get(at + 2).and_then(|&n| pc.keys(n as usize)) {
                    next.prefetch();
                }
                let Some(pk) = pc.keys(c as usize) else { continue };
                // A candidate must beat the best so far; ties go to the first in the export
                // (candidates come in export order).
                let need = best.map_or(floor, |b| b.scored.weight.max(floor));
                let m = match known {
                    Some(known) => score_compared(k, pk, known.compared[at], s, need),
                    None => score(k, pk, s, need),
                };
                let Some(m) = m else { continue };
                if best.is_none_or(|b| m.weight > b.scored.weight) {
                    best = Some(Best { pc: c as usize, scored: m });
                }
            }
            best.filter(|b| b.scored.probability >= review)
        })
        .collect();
    Found { best, model: Some(model) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Profile;
    use crate::matching::existing::PcCustomer;
    use crate::model::{Customer, Field, FieldSet, RowPos};

    #[test]
    fn sampled_rows_score_as_the_others() {
        // Every 4th row's comparisons are kept from the model's sample and read back when
        // scored: each row's best must be what scoring all its candidates afresh gives.
        let names = ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Adatum", "Litware"];
        let customers = names
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let mut customer = Customer::from_values(Field::ALL.iter().map(|_| ""));
                customer.set(Field::CompanyName, name);
                customer.set(Field::City, "Perth");
                customer.set(Field::PostalCode, &format!("60{n:02}"));
                PcCustomer {
                    id: format!("id{n}"),
                    customer,
                    country: Some("AU"),
                    pos: RowPos { source: 0, row: n as u64 + 2 },
                    known: FieldSet::default(),
                }
            })
            .collect();
        let pc = PcIndex::new(customers, &Profile::default_profile());
        let mut v = pc.vocab().clone();
        let rows = [
            "Contoso",
            "Contoso Ltd",
            "Fabrikam Inc",
            "Fabrikan",
            "Northwind Trader",
            "Tailspin",
            "Adatum Corp",
            "Litware",
            "Lamna",
            "Woodgrove",
            "Contosso",
            "Northwind",
        ];
        let keys: Vec<Option<Keys>> = rows
            .iter()
            .enumerate()
            .map(|(n, name)| {
                let mut k = Keys::test("AU", name, "", "Perth", &format!("60{:02}", n % 6));
                k.tokens = v.add_record(k.name()).into();
                Some(k)
            })
            .collect();
        v.finish();
        let freq = Freq::of(keys.iter().flatten());
        let found = find_sampling(&keys, &pc, &v, &freq, 0.0, 3);
        let model = found.model.as_ref().expect("an export");
        let s = Scorer { model, vocab: &v, freq: &freq };
        let mut linked = 0;
        for (k, best) in keys.iter().zip(&found.best) {
            let k = k.as_ref().unwrap();
            let mut buf = Vec::new();
            pc.candidates(k, &v, &mut buf);
            let mut fresh: Option<(usize, f64)> = None;
            for &c in &buf {
                let Some(m) = score(k, pc.keys(c as usize).unwrap(), s, weight_of(0.0)) else { continue };
                if fresh.is_none_or(|(_, w)| m.weight > w) {
                    fresh = Some((c as usize, m.weight));
                }
            }
            assert_eq!(
                best.map(|b| (b.pc, b.scored.weight.to_bits())),
                fresh.map(|(c, w)| (c, w.to_bits())),
                "{}",
                k.name()
            );
            linked += usize::from(best.is_some());
        }
        assert!(linked >= 6, "the rows named as customers are linked: {linked}");
    }
}
