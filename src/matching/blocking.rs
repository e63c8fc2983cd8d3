//! Blocking: records that share a key (registration ID, domain prefix, a rare name word, postal
//! code, e-mail domain, phone) become candidate pairs; all pairs are never compared.

use super::keys::Keys;
use super::score::TokenWeights;
use serde::Serialize;
use std::collections::HashMap;

/// Pairs compared around each record of an oversized block (sorted neighbourhood).
const WINDOW: usize = 8;
/// Name words used for blocking per record: its rarest ones.
const NAME_WORDS_PER_RECORD: usize = 2;

/// What one blocking key produced, for the summary.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BlockStat {
    /// The key.
    pub key: &'static str,
    /// Blocks with two or more records.
    pub blocks: u64,
    /// Candidate pairs it produced (a pair may come from several keys).
    pub candidate_pairs: u64,
    /// Blocks larger than the cap, compared within a window only.
    pub capped_blocks: u64,
    /// Records in the largest block.
    pub largest_block: u64,
}

/// The blocking keys of a record, by key name.
pub fn block_keys(k: &Keys, w: &TokenWeights) -> Vec<(&'static str, String)> {
    let mut out = Vec::with_capacity(8);
    let cc = k.country.unwrap_or("");
    if let Some(r) = &k.reg {
        out.push(("registration_id", format!("{cc}|{r}")));
    }
    if let Some(d) = &k.domain {
        out.push(("domain", d.clone()));
    }
    if !cc.is_empty() {
        let mut words: Vec<&String> = k.tokens.iter().filter(|t| t.chars().count() >= 2).collect();
        words.sort_by_key(|t| (w.count(t), t.as_str()));
        words.dedup();
        for t in words.into_iter().take(NAME_WORDS_PER_RECORD) {
            out.push(("name_word", format!("{cc}|{t}")));
        }
        if let Some(p) = &k.postal {
            out.push(("postal_code", format!("{cc}|{p}")));
        }
    }
    if let Some(e) = &k.email_domain {
        out.push(("email_domain", e.clone()));
    }
    if let Some(p) = &k.phone {
        out.push(("phone", p.clone()));
    }
    out
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and unique, and what each key produced.
pub fn candidate_pairs(
    keys: &[Option<Keys>],
    w: &TokenWeights,
    max_block: usize,
) -> (Vec<(u32, u32)>, Vec<BlockStat>) {
    let mut blocks: HashMap<(&'static str, String), Vec<u32>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            for key in block_keys(k, w) {
                blocks.entry(key).or_default().push(i as u32);
            }
        }
    }
    let names = ["registration_id", "domain", "name_word", "postal_code", "email_domain", "phone"];
    let mut stats: Vec<BlockStat> =
        names.iter().map(|n| BlockStat { key: n, ..Default::default() }).collect();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for ((name, _), members) in blocks.iter().filter(|(_, m)| m.len() > 1) {
        let stat = stats.iter_mut().find(|s| s.key == *name).expect("every key has a stat");
        stat.blocks += 1;
        stat.largest_block = stat.largest_block.max(members.len() as u64);
        let window = if members.len() > max_block {
            stat.capped_blocks += 1;
            WINDOW
        } else {
            members.len()
        };
        let before = pairs.len();
        for (a, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(a + 1).take(window) {
                pairs.push((i, j));
            }
        }
        stat.candidate_pairs += (pairs.len() - before) as u64;
    }
    pairs.sort_unstable();
    pairs.dedup();
    (pairs, stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(name: &str, postal: &str) -> Option<Keys> {
        Some(Keys {
            country: Some("DE"),
            name: name.into(),
            tokens: name.split(' ').map(str::to_string).collect(),
            postal: Some(postal.to_string()).filter(|p| !p.is_empty()),
            ..Keys::default()
        })
    }

    #[test]
    fn blocks_give_unique_pairs_and_caps_hold() {
        let keys = vec![
            k("contoso", "10115"),
            k("contoso gmbh", "80331"),
            k("fabrikam", "10115"),
            None,
            k("northwind", ""),
        ];
        let w = TokenWeights::build(keys.iter().flatten());
        let (pairs, stats) = candidate_pairs(&keys, &w, 100);
        assert_eq!(pairs, vec![(0, 1), (0, 2)]);
        assert_eq!(stats.iter().find(|s| s.key == "postal_code").unwrap().candidate_pairs, 1);

        let many: Vec<Option<Keys>> = (0..50).map(|_| k("acme", "")).collect();
        let w = TokenWeights::build(many.iter().flatten());
        let (pairs, stats) = candidate_pairs(&many, &w, 10);
        assert!(pairs.len() <= 50 * WINDOW, "{}", pairs.len());
        assert_eq!(stats.iter().find(|s| s.key == "name_word").unwrap().capped_blocks, 1);
    }
}
