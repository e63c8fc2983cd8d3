//! Pairs drawn at random, for the u values (how often two different companies agree by
//! chance), and how many pairs there are in all. Only pairs that could match are drawn: two
//! records of one country, or with a blank country on one side. Deterministic: the same
//! records give the same sample, whatever the number of threads.

use super::compare::compare;
use super::keys::Keys;
use super::model::LevelCounts;
use super::vocab::Vocab;
use rayon::prelude::*;
// Looked up once per record, with countries as keys: a fast hash, not std's SipHash. Sums
// over the maps are of whole numbers, so their order does not change them.
use rustc_hash::FxHashMap as HashMap;

/// Random pairs drawn to estimate u.
pub const RANDOM_PAIRS: usize = 200_000;

/// A small deterministic generator (SplitMix64): the sample must not depend on the machine.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn can_match(a: &Keys, b: &Keys) -> bool {
    a.country.is_none() || b.country.is_none() || a.country == b.country
}

/// How many pairs could match between `left` and `right` (within one list when `same`).
pub fn total_pairs(left: &[&Keys], right: &[&Keys], same: bool) -> f64 {
    let count = |side: &[&Keys]| {
        let mut by: HashMap<Option<&str>, f64> = HashMap::default();
        for k in side {
            *by.entry(k.country).or_default() += 1.0;
        }
        by
    };
    let (l, r) = (count(left), count(right));
    let r_total = right.len() as f64;
    let r_blank = r.get(&None).copied().unwrap_or(0.0);
    let mut pairs = 0.0;
    for (c, &n) in &l {
        pairs += match c {
            None => n * r_total,
            Some(_) => n * (r.get(c).copied().unwrap_or(0.0) + r_blank),
        };
    }
    if same {
        // Ordered pairs of one list: each unordered pair counted twice, and every record once
        // with itself.
        (pairs - left.len() as f64) / 2.0
    } else {
        pairs
    }
}

/// The levels of random pairs between `left` and `right` (within one list when `same`):
/// every pair when there are few, otherwise [`RANDOM_PAIRS`] drawn.
pub fn random_levels(left: &[&Keys], right: &[&Keys], same: bool, v: &Vocab) -> LevelCounts {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    if left.is_empty() || right.is_empty() {
        return LevelCounts::default();
    }
    let all = left.len() as f64 * right.len() as f64;
    if all <= RANDOM_PAIRS as f64 {
        for (i, a) in left.iter().enumerate() {
            let from = if same { i + 1 } else { 0 };
            for (j, b) in right.iter().enumerate().skip(from) {
                if can_match(a, b) {
                    pairs.push((i as u32, j as u32));
                }
            }
        }
    } else {
        let mut rng = SplitMix(0x005E_ED0F_FA11_u64 ^ all.to_bits());
        // Pairs across countries are drawn and thrown away, so the countries are sampled in
        // proportion to their pairs; a list of many countries needs more draws (millions for
        // a list of 18 countries), so each side's countries are numbered first (0: blank).
        let mut ids: HashMap<&str, u16> = HashMap::default();
        let mut number = |side: &[&Keys]| -> Vec<u16> {
            let mut id = |c: &'static str| {
                let next = ids.len() as u16 + 1;
                *ids.entry(c).or_insert(next)
            };
            side.iter().map(|k| k.country.map_or(0, &mut id)).collect()
        };
        let (lc, rc) = (number(left), number(right));
        let mut tries = 0usize;
        while pairs.len() < RANDOM_PAIRS && tries < RANDOM_PAIRS * 100 {
            tries += 1;
            let (i, j) = (rng.below(left.len()), rng.below(right.len()));
            let (a, b) = (lc[i], rc[j]);
            if (same && i == j) || (a != b && a != 0 && b != 0) {
                continue;
            }
            pairs.push((i as u32, j as u32));
        }
    }
    // Counted in place, a stretch of pairs at a time: the counts are too large to move with
    // every pair (as a fold would). Whole numbers, so the order of the sums cannot change them.
    pairs
        .par_chunks(4096)
        .map(|chunk| {
            let mut acc = LevelCounts::default();
            for &(i, j) in chunk {
                acc.add(compare(left[i as usize], right[j as usize], v).gamma);
            }
            acc
        })
        .reduce(LevelCounts::default, LevelCounts::merge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_that_could_match_are_counted() {
        let de = Keys::test("DE", "a", "", "", "");
        let fr = Keys::test("FR", "b", "", "", "");
        let mut blank = Keys::test("FR", "c", "", "", "");
        blank.country = None;
        // DE, DE, FR, blank: DE-DE, DE-blank ×2, FR-blank = 4 pairs within one list.
        let list = [&de, &de, &fr, &blank];
        assert_eq!(total_pairs(&list, &list, true), 4.0);
        // Against an export of FR and blank: DE×blank ×2, FR×(FR, blank), blank×2 = 6.
        let export = [&fr, &blank];
        assert_eq!(total_pairs(&list, &export, false), 6.0);
        let counts = random_levels(&list, &list, true, &Vocab::default());
        assert_eq!(counts.pairs, 4);
    }
}
