//! Blocking: records that share a key (registration ID, domain prefix, a rare name word, postal
//! code, e-mail domain, phone) become candidate pairs, and so do neighbours in name order within
//! a country; all pairs are never compared.
//!
//! Each key is handled in one pass: (key hash, name rank) pairs are sorted, so every block comes
//! out with its members in name order. A block up to the cap gives all its pairs; a larger one
//! (a common word, a busy postcode) pairs each member with the next few in name order only, so
//! "Lamna Healthcare" still meets "Lamnna Healthcare" in a block of thousands.

use super::keys::{hash_of, Hashed, Keys};
use super::place;
use super::vocab::Vocab;
use rayon::prelude::*;
use serde::Serialize;
use std::hash::Hash;

/// Pairs compared after each member of an oversized block, in name order.
pub const WINDOW: usize = 6;
/// Neighbours in name order (same country) each record is paired with.
const NAME_NEIGHBOURS: usize = 3;
/// Name words used for blocking per record: its rarest ones.
pub const NAME_WORDS_PER_RECORD: usize = 2;

/// The blocking keys, in the order the summary lists them.
pub const KEY_NAMES: [&str; 8] = [
    "registration_id",
    "domain",
    "name_word",
    "name_sorted",
    "postal_code",
    "street",
    "email_domain",
    "phone",
];

/// What one blocking key produced, for the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BlockStat {
    /// The key.
    pub key: &'static str,
    /// Blocks with two or more records.
    pub blocks: u64,
    /// Candidate pairs it produced (a pair may come from several keys).
    pub candidate_pairs: u64,
    /// Blocks larger than the cap, compared within a window in name order only.
    pub capped_blocks: u64,
    /// Records in the largest block.
    pub largest_block: u64,
}

/// A blocking key as a hash: which key, the country where it is scoped by one, and the value.
/// Two values that collide only add candidates; every pair is still decided on its fields.
pub fn key_hash(kind: &str, country: &str, value: impl Hash) -> u64 {
    hash_of((kind, country, value))
}

/// The hashed keys of one kind a record has (name words: its rarest ones).
pub fn record_keys(kind: &str, k: &Keys, v: &Vocab, out: &mut Vec<u64>) {
    let cc = k.country.unwrap_or("");
    let mut push = |country: &str, value: Hashed| {
        if let Some(x) = value {
            out.push(key_hash(kind, country, x.get()));
        }
    };
    match kind {
        "registration_id" => push(cc, k.reg),
        "domain" => push("", k.domain),
        "email_domain" => push("", k.email_domain),
        "phone" => push("", k.phone),
        "postal_code" if !cc.is_empty() && !k.postal().is_empty() => out.push(key_hash(kind, cc, k.postal())),
        // The house numbers and the street's first letters: typos later in the street, and a
        // wrong postcode or a misspelt name, still meet here.
        "street" if !cc.is_empty() => {
            if let Some(numbers) = k.street_numbers {
                let head: String = k.street().chars().filter(|c| *c != ' ').take(3).collect();
                out.push(key_hash(kind, cc, (numbers.get(), head)));
            }
        }
        // Scoped by country; records without one share the empty scope.
        "name_word" => {
            for t in rarest_words(k, v) {
                out.push(key_hash(kind, cc, v.word(t)));
            }
        }
        _ => {}
    }
}

/// A record's rarest name words of two characters or more (ties broken by the word).
pub fn rarest_words(k: &Keys, v: &Vocab) -> Vec<u32> {
    let mut words: Vec<u32> = k.tokens.iter().copied().filter(|&t| v.chars_in(t) >= 2).collect();
    words.sort_unstable_by(|&a, &b| (v.count(a), v.word(a)).cmp(&(v.count(b), v.word(b))));
    words.dedup();
    words.truncate(NAME_WORDS_PER_RECORD);
    words
}

/// Record indexes ordered by (country, name key, index): the order blocks list their members in.
pub fn name_order(keys: &[Option<Keys>]) -> Vec<u32> {
    let key = |i: u32| keys[i as usize].as_ref().map(|k| (k.country, k.name()));
    // Each record's first bytes packed beside it (see `place`): most comparisons end there,
    // without reading two names from memory. Packing keeps the order, so the order is the same.
    let packed: Option<Vec<(u128, u32)>> = (0..keys.len() as u32)
        .into_par_iter()
        .filter_map(|i| keys[i as usize].as_ref().map(|k| place::packed(k.country, k.name()).map(|p| (p, i))))
        .collect();
    if let Some(mut packed) = packed {
        packed.par_sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| key(a.1).cmp(&key(b.1))).then(a.1.cmp(&b.1))
        });
        return packed.into_iter().map(|(_, i)| i).collect();
    }
    let mut order: Vec<u32> = (0..keys.len() as u32).filter(|&i| keys[i as usize].is_some()).collect();
    order.par_sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    order
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and unique, and what each key produced.
pub fn candidate_pairs(
    keys: &[Option<Keys>],
    v: &Vocab,
    max_block: usize,
) -> (Vec<(u32, u32)>, Vec<BlockStat>) {
    let order = name_order(keys);
    // Two passes: the blocks of every key first (only their members' ranks are kept, and the
    // few neighbour pairs), then their pairs into one vector of the exact size. The millions
    // of pairs are not grown by doubling: at a million rows this is the run's peak memory.
    let mut blocks_of: Vec<(Vec<u32>, Vec<u32>)> = Vec::with_capacity(KEY_NAMES.len());
    let mut stats = Vec::with_capacity(KEY_NAMES.len());
    let mut near = Vec::new();
    for kind in KEY_NAMES {
        let mut stat = BlockStat { key: kind, ..Default::default() };
        let (mut ranks, mut lens) = (Vec::new(), Vec::new());
        if kind == "name_sorted" {
            neighbours(keys, &order, &mut near, &mut stat);
            stat.candidate_pairs = near.len() as u64;
        } else {
            let entries = key_entries(kind, keys, &order, v);
            for block in entries.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() > 1) {
                stat.blocks += 1;
                stat.largest_block = stat.largest_block.max(block.len() as u64);
                stat.capped_blocks += u64::from(block.len() > max_block);
                stat.candidate_pairs += pairs_in(block.len(), window_of(block.len(), max_block)) as u64;
                ranks.extend(block.iter().map(|e| e.1));
                lens.push(block.len() as u32);
            }
        }
        stats.push(stat);
        blocks_of.push((ranks, lens));
    }
    // Each key's pairs into its own stretch of the vector, the keys in parallel.
    let total = stats.iter().map(|s| s.candidate_pairs as usize).sum();
    let mut pairs: Vec<(u32, u32)> = vec![(0, 0); total];
    let mut rest = pairs.as_mut_slice();
    let mut jobs = Vec::with_capacity(KEY_NAMES.len());
    for (stat, blocks) in stats.iter().zip(blocks_of) {
        let (mine, after) = std::mem::take(&mut rest).split_at_mut(stat.candidate_pairs as usize);
        rest = after;
        jobs.push((stat.key, mine, blocks));
    }
    let order = &order;
    jobs.into_par_iter().for_each(|(key, out, (ranks, lens))| {
        if key == "name_sorted" {
            out.copy_from_slice(&near);
            return;
        }
        let mut filled = 0;
        let mut at = 0;
        for len in lens {
            let block = &ranks[at..at + len as usize];
            at += len as usize;
            let window = window_of(block.len(), max_block);
            for (a, &x) in block.iter().enumerate() {
                for &y in block.iter().skip(a + 1).take(window) {
                    let (i, j) = (order[x as usize], order[y as usize]);
                    out[filled] = (i.min(j), i.max(j));
                    filled += 1;
                }
            }
        }
        debug_assert_eq!(filled, out.len(), "the first pass counts every pair of {key}");
    });
    drop(near);
    // As one 64-bit number each: the same order, a single comparison (10-30% faster on 20M
    // pairs than comparing the tuples).
    pairs.par_sort_unstable_by_key(|&(i, j)| (u64::from(i) << 32) | u64::from(j));
    pairs.dedup();
    (pairs, stats)
}

/// How many members after each one a block pairs it with: all of them, or a window in name
/// order when the block is over the cap.
fn window_of(len: usize, max_block: usize) -> usize {
    if len > max_block {
        WINDOW
    } else {
        len
    }
}

/// The pairs a block of `len` members gives when each is paired with the next `window`.
fn pairs_in(len: usize, window: usize) -> usize {
    if len > window {
        window * (len - window) + window * (window - 1) / 2
    } else {
        len * len.saturating_sub(1) / 2
    }
}

/// (key hash, rank in name order) for every key of one kind, sorted: each block together, its
/// members in name order.
fn key_entries(kind: &str, keys: &[Option<Keys>], order: &[u32], v: &Vocab) -> Vec<(u64, u32)> {
    let mut entries: Vec<(u64, u32)> = order
        .par_iter()
        .enumerate()
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut acc, mut hashes): (Vec<(u64, u32)>, Vec<u64>), (rank, &i)| {
                hashes.clear();
                if let Some(k) = &keys[i as usize] {
                    record_keys(kind, k, v, &mut hashes);
                }
                acc.extend(hashes.iter().map(|&h| (h, rank as u32)));
                (acc, hashes)
            },
        )
        .map(|(acc, _)| acc)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    entries.par_sort_unstable();
    entries.dedup();
    entries
}

/// Pairs each record with its next few neighbours in name order within its country, which
/// catches a typo late in the name that no shared word or location reveals.
fn neighbours(keys: &[Option<Keys>], order: &[u32], pairs: &mut Vec<(u32, u32)>, stat: &mut BlockStat) {
    let country = |i: u32| keys[i as usize].as_ref().and_then(|k| k.country);
    for block in order.chunk_by(|&a, &b| country(a) == country(b)).filter(|b| b.len() > 1) {
        if country(block[0]).is_none() {
            continue;
        }
        stat.blocks += 1;
        stat.largest_block = stat.largest_block.max(block.len() as u64);
        for (a, &i) in block.iter().enumerate() {
            for &j in block.iter().skip(a + 1).take(NAME_NEIGHBOURS) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(names: &[(&str, &str)]) -> (Vec<Option<Keys>>, Vocab) {
        let mut v = Vocab::default();
        let keys = names
            .iter()
            .map(|(name, postal)| {
                (!name.is_empty()).then(|| {
                    let mut k = Keys::test("DE", name, "", "", postal);
                    k.tokens = v.add_record(k.name()).into();
                    k
                })
            })
            .collect();
        v.finish();
        (keys, v)
    }

    fn stat<'a>(stats: &'a [BlockStat], key: &str) -> &'a BlockStat {
        stats.iter().find(|s| s.key == key).unwrap()
    }

    #[test]
    fn blocks_give_unique_pairs() {
        let (keys, v) = build(&[
            ("contoso", "10115"),
            ("contoso gmbh", "80331"),
            ("fabrikam", "10115"),
            ("", ""),
            ("northwind", ""),
        ]);
        let (pairs, stats) = candidate_pairs(&keys, &v, 100);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        assert!(pairs.contains(&(0, 1)), "shared word");
        assert!(pairs.contains(&(0, 2)), "shared postcode");
        assert!(!pairs.iter().any(|&(i, j)| i == 3 || j == 3), "no keys, no pairs");
        assert_eq!(stat(&stats, "postal_code").candidate_pairs, 1);
    }

    proptest::proptest! {
        /// Sorting on packed first bytes gives the order of sorting on the keys themselves,
        /// names that share their first thirteen bytes and records without a country included.
        #[test]
        fn name_order_is_the_order_of_the_keys(
            records in proptest::collection::vec(
                (0..4usize, "[a-c ]{1,6}|abcabcabcabca[a-c]{0,3}"),
                0..40,
            ),
        ) {
            let keys: Vec<Option<Keys>> = records
                .iter()
                .map(|(c, name)| {
                    (*c < 3).then(|| {
                        let mut k = Keys::test(["DE", "AT", "DE"][*c], name, "", "", "");
                        if *c == 2 {
                            k.country = None;
                        }
                        k
                    })
                })
                .collect();
            let key = |i: u32| keys[i as usize].as_ref().map(|k| (k.country, k.name()));
            let mut plain: Vec<u32> = (0..keys.len() as u32).filter(|&i| keys[i as usize].is_some()).collect();
            plain.sort_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
            proptest::prop_assert_eq!(name_order(&keys), plain);
        }
    }

    #[test]
    fn pairs_in_counts_what_the_window_gives() {
        for len in 0..40 {
            for window in [1, 3, WINDOW, 50] {
                let given: usize = (0..len).map(|a: usize| (len - 1 - a).min(window)).sum();
                assert_eq!(pairs_in(len, window), given, "{len} members, window {window}");
            }
        }
    }

    #[test]
    fn oversized_blocks_are_compared_in_name_order() {
        // 200 companies share "healthcare"; the typo pair sits far apart in row order.
        let mut names: Vec<String> = (0..200).map(|i| format!("brand{i:03} healthcare")).collect();
        names[10] = "lamna healthcare".into();
        names[190] = "lamnna healthcare".into();
        let list: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "")).collect();
        let (keys, v) = build(&list);
        let (pairs, stats) = candidate_pairs(&keys, &v, 32);
        assert!(pairs.contains(&(10, 190)));
        assert_eq!(stat(&stats, "name_word").capped_blocks, 1);
        assert!(pairs.len() <= 200 * (WINDOW + NAME_NEIGHBOURS), "{}", pairs.len());
    }
}
