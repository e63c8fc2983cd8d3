//! Customers already in Partner Center: the export indexed by the same keys as the input, and
//! each row's best match in it.

use super::blocking::{key_hash, name_order, record_keys, KEY_NAMES, WINDOW};
use super::keys::Keys;
use super::place;
use super::vocab::Vocab;
use crate::config::Profile;
use crate::model::{Customer, Field, FieldSet, RowPos};
use rayon::prelude::*;
// Looked up for every row and never iterated: a fast hash, not std's SipHash.
use rustc_hash::FxHashMap as HashMap;

/// Candidates looked at per row and key: a longer block (a common word, a busy postcode) gives
/// only the customers nearest the row in name order, so a common key cannot make a row expensive.
const MAX_CANDIDATES: usize = 32;
/// Customers on each side of a row's place in the export's name order that are compared.
const NAME_NEIGHBOURS: usize = 3;

/// One customer of the Partner Center export.
#[derive(Clone, Debug)]
pub struct PcCustomer {
    /// Partner Center's customer ID (tenant ID).
    pub id: String,
    /// Canonical values (domain as a prefix).
    pub customer: Customer,
    /// The resolved country.
    pub country: Option<&'static str>,
    /// Where it is in the export.
    pub pos: RowPos,
    /// The fields its record carries: a column the export lacks, or a billing profile the
    /// answer did not include, is unknown (no evidence, no drift), not empty.
    pub known: FieldSet,
}

/// How a row matched a Partner Center customer.
#[derive(Clone, Debug, PartialEq)]
pub struct ExistingMatch {
    /// Index into the export.
    pub pc: usize,
    /// What decided it: `registration_id` (the same checked ID), `domain` (the same prefix and
    /// an agreeing name) or `probabilistic`.
    pub rule: &'static str,
    /// Name similarity, 0 to 1.
    pub score: f64,
    /// Match probability, 0 to 1.
    pub probability: f64,
    /// The fields that agree.
    pub fields: Vec<&'static str>,
}

/// The export, indexed by its keys.
#[derive(Default)]
pub struct PcIndex {
    /// The customers, in export order.
    pub customers: Vec<PcCustomer>,
    /// The export's sources (a CSV file or a sheet each), indexed by the customers'
    /// `pos.source`: where a customer is in the export, and which columns it had.
    pub sources: Vec<crate::read::SourceInfo>,
    keys: Vec<Option<Keys>>,
    /// The export's name words; the run's vocabulary starts from it, so ids stay valid.
    vocab: Vocab,
    /// Customers by hashed key, each list their places in `order`, ascending: a row's place in a
    /// block is a search of the list alone, not of where each member stands (a read from memory
    /// per step), and a place is turned into a customer only for the few taken.
    blocks: HashMap<u64, Vec<u32>>,
    /// Customers in (country, name) order, for the name-order neighbours.
    order: Vec<u32>,
    /// The first bytes of each of them, packed ([`place`]); None when a country is not a
    /// two-letter code.
    order_packed: Option<Vec<u128>>,
    /// Customers in name order whatever their country, for rows or exports without one.
    by_name: Vec<u32>,
    /// Customers whose country is not known.
    without_country: usize,
    by_domain: HashMap<String, usize>,
}

/// Customers by hashed blocking key, each list their places in `order`, ascending.
fn blocks_of(keys: &[Option<Keys>], order: &[u32], vocab: &Vocab) -> HashMap<u64, Vec<u32>> {
    let mut blocks: HashMap<u64, Vec<u32>> = HashMap::default();
    let mut hashes = Vec::new();
    for (at, &i) in order.iter().enumerate() {
        let Some(k) = &keys[i as usize] else { continue };
        hashes.clear();
        for kind in KEY_NAMES {
            if kind == "name_word" {
                // Customers without a country (the UI export has none) are indexed under
                // no country, where every row also looks.
                let cc = k.country.unwrap_or("");
                let mut words = k.tokens.to_vec();
                words.sort_unstable();
                words.dedup();
                hashes.extend(
                    words
                        .into_iter()
                        .filter(|&t| vocab.chars_in(t) >= 2)
                        .map(|t| key_hash("name_word", cc, vocab.word(t))),
                );
            } else {
                record_keys(kind, k, vocab, &mut hashes);
            }
        }
        hashes.sort_unstable();
        hashes.dedup();
        for &h in &hashes {
            blocks.entry(h).or_default().push(at as u32);
        }
    }
    blocks
}

impl PcIndex {
    /// Indexes the export. Every name word is indexed (not only the rarest), because which of
    /// a row's words are rarest is known only once the input is read.
    pub fn new(customers: Vec<PcCustomer>, profile: &Profile) -> PcIndex {
        let mut keys: Vec<Option<Keys>> =
            customers.par_iter().map(|c| Some(Keys::of_export(&c.customer, c.country, profile))).collect();
        let mut vocab = Vocab::default();
        for k in keys.iter_mut().flatten() {
            k.tokens = vocab.add_record(k.name()).into();
        }
        vocab.finish();
        let order = name_order(&keys);
        // The blocks and the other lookups are built side by side: each is a serial pass.
        let (blocks, (by_domain, order_packed, by_name)) = rayon::join(
            || blocks_of(&keys, &order, &vocab),
            || {
                let mut by_domain = HashMap::default();
                for (i, k) in keys.iter().enumerate() {
                    let d = customers[i].customer.get(Field::Domain);
                    if k.is_some() && !d.is_empty() {
                        by_domain.entry(d.to_string()).or_insert(i);
                    }
                }
                let order_packed: Option<Vec<u128>> = order
                    .iter()
                    .map(|&i| keys[i as usize].as_ref().and_then(|k| place::packed(k.country, k.name())))
                    .collect();
                let mut by_name: Vec<u32> = order.clone();
                let name = |i: u32| keys[i as usize].as_ref().map_or("", |k| k.name());
                by_name.sort_by(|&a, &b| name(a).cmp(name(b)).then(a.cmp(&b)));
                (by_domain, order_packed, by_name)
            },
        );
        let without_country = keys.iter().flatten().filter(|k| k.country.is_none()).count();
        PcIndex {
            customers,
            sources: Vec::new(),
            keys,
            vocab,
            blocks,
            order,
            order_packed,
            by_name,
            without_country,
            by_domain,
        }
    }

    /// The export's name vocabulary, to be extended with the input's words.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The customer holding a domain prefix, if any.
    pub fn domain_owner(&self, prefix: &str) -> Option<usize> {
        self.by_domain.get(prefix).copied()
    }

    /// The export customers worth comparing with a row: those sharing a blocking key (the
    /// nearest in name order when a key is common) and the row's neighbours in the export's
    /// (country, name) order. Sorted, without repeats. `v` is the run's vocabulary (the
    /// export's words first).
    pub fn candidates(&self, k: &Keys, v: &Vocab, out: &mut Vec<u32>) {
        out.clear();
        if self.customers.is_empty() {
            return;
        }
        let mut hashes = Vec::new();
        for kind in KEY_NAMES {
            record_keys(kind, k, v, &mut hashes);
        }
        if self.without_country > 0 && k.country.is_some() {
            let mut anywhere = k.clone();
            anywhere.country = None;
            record_keys("name_word", &anywhere, v, &mut hashes);
        }
        // The row's place in the export's (country, name) order: a search of packed prefixes,
        // then of the few names that share the row's.
        let at = place::place(
            &self.order,
            self.order_packed.as_deref(),
            place::packed(k.country, k.name()),
            |&c| self.keys[c as usize].as_ref().map(|p| (p.country, p.name())) < Some((k.country, k.name())),
        );
        for h in hashes {
            if let Some(places) = self.blocks.get(&h) {
                out.extend(near_in_name_order(places, at, WINDOW).iter().map(|&r| self.order[r as usize]));
            }
        }
        // The export itself is the list of every place: the row's place in it is `at`.
        out.extend(&self.order[near(self.order.len(), at, NAME_NEIGHBOURS)]);
        // A row whose country is not known is also compared with its neighbours by name alone
        // in every country, and so is every row when the export lacks countries.
        if k.country.is_none() || self.without_country > 0 {
            let at = self.by_name.partition_point(|&c| self.name_of(c) < k.name());
            out.extend(
                &self.by_name
                    [at.saturating_sub(NAME_NEIGHBOURS)..(at + NAME_NEIGHBOURS).min(self.by_name.len())],
            );
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The keys of export customer `i` (None for a customer that could not be keyed).
    pub fn keys(&self, i: usize) -> Option<&Keys> {
        self.keys.get(i).and_then(Option::as_ref)
    }

    /// Every customer's keys, in export order.
    pub fn all_keys(&self) -> impl Iterator<Item = &Keys> {
        self.keys.iter().flatten()
    }

    fn name_of(&self, c: u32) -> &str {
        self.keys[c as usize].as_ref().map_or("", |k| k.name())
    }
}

/// A block's members nearest to the row in (country, name) order: all of a small block, the
/// neighbourhood of the row's place in a large one. `places` are the members' places in the
/// export's order, ascending; `at` is the row's.
fn near_in_name_order(places: &[u32], at: usize, half: usize) -> &[u32] {
    let at = if places.len() <= MAX_CANDIDATES { 0 } else { places.partition_point(|&r| (r as usize) < at) };
    &places[near(places.len(), at, half)]
}

/// Which members of a list of `len` in name order are compared with a row at `at` in it: all
/// of a short list, `half` on each side of the row in a long one.
fn near(len: usize, at: usize, half: usize) -> std::ops::Range<usize> {
    if len <= MAX_CANDIDATES {
        0..len
    } else {
        at.saturating_sub(half)..(at + half).min(len)
    }
}

/// A postal code for comparison (kept here for callers of the old path).
pub fn postal_key(p: &str) -> String {
    super::keys::postal_key(p)
}

/// The Partner Center customer's domain as a full name: its `onmicrosoft.com` domain, else its
/// custom primary domain, else "".
pub fn full_domain(c: &PcCustomer) -> String {
    match c.customer.get(Field::Domain) {
        "" => c.customer.get(Field::Website).to_string(),
        d => format!("{d}.onmicrosoft.com"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A short block is compared whole; a long one around the row's place, cut at its ends.
    #[test]
    fn a_row_meets_the_members_near_its_place() {
        let short: Vec<u32> = (0..MAX_CANDIDATES as u32).map(|r| r * 10).collect();
        assert_eq!(near_in_name_order(&short, 5_000, WINDOW), &short[..]);
        let long: Vec<u32> = (0..100).map(|r| r * 10).collect();
        // Places 0, 10, …: a row at 500 sits before member 50.
        assert_eq!(near_in_name_order(&long, 500, 3), &[470, 480, 490, 500, 510, 520]);
        assert_eq!(near_in_name_order(&long, 505, 3), &[480, 490, 500, 510, 520, 530]);
        assert_eq!(near_in_name_order(&long, 0, 3), &[0, 10, 20]);
        assert_eq!(near_in_name_order(&long, 5_000, 3), &[970, 980, 990]);
        // The export's own order: its places are 0..len.
        assert_eq!(near(1_000, 10, NAME_NEIGHBOURS), 7..13);
        assert_eq!(near(MAX_CANDIDATES, 10, NAME_NEIGHBOURS), 0..MAX_CANDIDATES);
    }
}
