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

/// SplitMix64's step: its state after n outputs is seed + n·γ.
const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
/// Tries drawn in one piece of work.
const DRAW_CHUNK: usize = 1 << 16;

/// A small deterministic generator (SplitMix64): the sample must not depend on the machine.
/// Its `n`th output (from 1) is a function of the seed and `n` alone, so the tries can be drawn
/// on every core and still be the tries a single generator would give, in its order.
fn splitmix(seed: u64, n: u64) -> u64 {
    let mut z = seed.wrapping_add(n.wrapping_mul(GAMMA));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
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
        let seed = 0x005E_ED0F_FA11_u64 ^ all.to_bits();
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
        pairs = drawn(&lc, &rc, same, seed);
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

/// Pairs `(i, j)` drawn at random until [`RANDOM_PAIRS`] are kept (or a hundred times as many
/// tries are spent): pairs of one record with itself (`same`) or across two known countries
/// (`lc`, `rc`: each side's country numbers, 0 for blank) are thrown away. Try t takes the
/// generator's outputs 2t + 1 and 2t + 2. The tries are drawn a round at a time on every core,
/// the pairs kept in the order of their tries: the pairs are those one generator drawing try
/// after try would keep, whatever the number of threads (a round past them is thrown away).
fn drawn(lc: &[u16], rc: &[u16], same: bool, seed: u64) -> Vec<(u32, u32)> {
    let draw = |t: usize| {
        let n = 2 * t as u64;
        let i = (splitmix(seed, n + 1) % lc.len() as u64) as usize;
        let j = (splitmix(seed, n + 2) % rc.len() as u64) as usize;
        let (a, b) = (lc[i], rc[j]);
        let skip = (same && i == j) || (a != b && a != 0 && b != 0);
        (!skip).then_some((i as u32, j as u32))
    };
    let most = RANDOM_PAIRS * 100;
    let round = rayon::current_num_threads().max(1) * 4 * DRAW_CHUNK;
    let mut pairs = Vec::with_capacity(RANDOM_PAIRS);
    let mut tried = 0;
    while pairs.len() < RANDOM_PAIRS && tried < most {
        let end = (tried + round).min(most);
        let starts: Vec<usize> = (tried..end).step_by(DRAW_CHUNK).collect();
        let kept: Vec<Vec<(u32, u32)>> = starts
            .into_par_iter()
            .map(|from| (from..(from + DRAW_CHUNK).min(end)).filter_map(draw).collect())
            .collect();
        pairs.extend(kept.into_iter().flatten());
        tried = end;
    }
    pairs.truncate(RANDOM_PAIRS);
    pairs
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

    #[test]
    fn outputs_are_those_of_one_generator_stepping() {
        // SplitMix64 as a generator that steps its state: the nth output by formula is the
        // nth it gives, so tries drawn apart are the tries it would draw in turn.
        let seed = 0x005E_ED0F_FA11_u64;
        let mut state = seed;
        for n in 1..=1000u64 {
            state = state.wrapping_add(GAMMA);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            assert_eq!(splitmix(seed, n), z ^ (z >> 31), "output {n}");
        }
        // The published first output of SplitMix64 seeded with 0.
        assert_eq!(splitmix(0, 1), 0xE220_A839_7B1D_CDAF);
    }

    /// The draw as one generator stepping through its tries (the code before the tries were
    /// drawn on every core).
    fn drawn_one_by_one(lc: &[u16], rc: &[u16], same: bool, seed: u64) -> Vec<(u32, u32)> {
        let (mut pairs, mut n, mut tries) = (Vec::new(), 0u64, 0usize);
        while pairs.len() < RANDOM_PAIRS && tries < RANDOM_PAIRS * 100 {
            tries += 1;
            let i = (splitmix(seed, n + 1) % lc.len() as u64) as usize;
            let j = (splitmix(seed, n + 2) % rc.len() as u64) as usize;
            n += 2;
            let (a, b) = (lc[i], rc[j]);
            if (same && i == j) || (a != b && a != 0 && b != 0) {
                continue;
            }
            pairs.push((i as u32, j as u32));
        }
        pairs
    }

    #[test]
    fn the_draw_is_one_generators_whatever_the_threads() {
        // 18 countries: one try in 18 or so is kept, so the draw takes many rounds and its
        // last round runs past the pairs needed. One row in 900 of an export's country, against
        // an export of that country and another: one try in 1,800 is kept, so the tries run
        // out first, at a round's end. A list with blanks, within itself.
        let eighteen: Vec<u16> = (0..5000).map(|i| (i * 7 % 18) as u16 + 1).collect();
        let rare: Vec<u16> = (0..900).map(|i| if i == 450 { 1 } else { 3 }).collect();
        let tiny = [1u16, 2];
        let blanks: Vec<u16> = (0..300).map(|i| if i % 4 == 0 { 0 } else { (i % 3) as u16 + 1 }).collect();
        let cases: [(&[u16], &[u16], bool); 3] =
            [(&eighteen, &eighteen, true), (&rare, &tiny, false), (&blanks, &blanks, true)];
        for (n, (lc, rc, same)) in cases.into_iter().enumerate() {
            let want = drawn_one_by_one(lc, rc, same, 42 + n as u64);
            assert!(!want.is_empty());
            assert_eq!(want.len() < RANDOM_PAIRS, n == 1, "case {n}: the tries run out in case 1 only");
            for threads in [1, 2, 3] {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                let got = pool.install(|| drawn(lc, rc, same, 42 + n as u64));
                assert_eq!(got.len(), want.len(), "case {n}, {threads} threads");
                assert!(got == want, "case {n}, {threads} threads: another sample");
            }
        }
    }
}
