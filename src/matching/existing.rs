//! Customers already in Partner Center: the export indexed by the same keys as the input, and
//! each row's best match in it.

use super::blocking::block_keys;
use super::keys::Keys;
use super::score::{decide, Thresholds, TokenWeights};
use super::similarity::token_similarity;
use crate::config::Profile;
use crate::model::{Customer, Field, RowPos};
use std::collections::HashMap;

/// Candidates looked at per row and key, so a common key cannot make one row expensive.
const MAX_CANDIDATES: usize = 64;

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
}

/// How a row matched a Partner Center customer.
#[derive(Clone, Debug, PartialEq)]
pub struct ExistingMatch {
    /// Index into the export.
    pub pc: usize,
    /// What decided it: `registration_id`, `domain`, `name_country_postal`, `fuzzy_name`,
    /// `contact_email_domain`.
    pub rule: &'static str,
    /// Name similarity, 0 to 1 (1 for exact keys).
    pub score: f64,
}

/// The export, indexed by its keys.
#[derive(Default)]
pub struct PcIndex {
    /// The customers, in export order.
    pub customers: Vec<PcCustomer>,
    /// The export's sources (a CSV file or a sheet each), indexed by the customers'
    /// `pos.source`: where a customer is in the export, and which columns it had.
    pub sources: Vec<crate::read::SourceInfo>,
    keys: Vec<Keys>,
    blocks: HashMap<(&'static str, String), Vec<u32>>,
    by_domain: HashMap<String, usize>,
}

impl PcIndex {
    /// Indexes the export.
    pub fn new(customers: Vec<PcCustomer>, profile: &Profile) -> PcIndex {
        let keys: Vec<Keys> = customers.iter().map(|c| Keys::of(&c.customer, c.country, profile)).collect();
        let weights = TokenWeights::build(keys.iter());
        let mut blocks: HashMap<(&'static str, String), Vec<u32>> = HashMap::new();
        let mut by_domain = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for key in block_keys(k, &weights) {
                blocks.entry(key).or_default().push(i as u32);
            }
            if let Some(d) = &k.domain {
                by_domain.entry(d.clone()).or_insert(i);
            }
        }
        PcIndex { customers, sources: Vec::new(), keys, blocks, by_domain }
    }

    /// The keys of every customer.
    pub fn keys(&self) -> impl Iterator<Item = &Keys> {
        self.keys.iter()
    }

    /// The customer holding a domain prefix, if any.
    pub fn domain_owner(&self, prefix: &str) -> Option<usize> {
        self.by_domain.get(prefix).copied()
    }

    /// The Partner Center customer a row already is, if any: the strongest rule wins, then the
    /// highest score, then the first customer of the export.
    pub fn find(&self, k: &Keys, w: &TokenWeights, t: Thresholds) -> Option<ExistingMatch> {
        if self.customers.is_empty() {
            return None;
        }
        let mut cands: Vec<u32> = Vec::new();
        for key in block_keys(k, w) {
            if let Some(list) = self.blocks.get(&key) {
                cands.extend(list.iter().take(MAX_CANDIDATES));
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(u8, f64, u32, &'static str)> = None;
        for c in cands {
            let pk = &self.keys[c as usize];
            let found = decide(k, pk, w, t).map(|m| (m.rule, m.score)).or_else(|| by_email_domain(k, pk, w));
            if let Some((rule, score)) = found {
                let cand = (strength(rule), score, c, rule);
                let better = match &best {
                    None => true,
                    Some(b) => {
                        (cand.0, cand.1) > (b.0, b.1) || ((cand.0, cand.1) == (b.0, b.1) && cand.2 < b.2)
                    }
                };
                if better {
                    best = Some(cand);
                }
            }
        }
        best.map(|(_, score, pc, rule)| ExistingMatch { pc: pc as usize, rule, score })
    }
}

/// The contact e-mail's company domain is the Partner Center customer's, in the same country,
/// and the names or cities agree at least loosely (companies of one group share domains).
fn by_email_domain(a: &Keys, b: &Keys, w: &TokenWeights) -> Option<(&'static str, f64)> {
    let same = a.email_domain.is_some()
        && a.email_domain == b.email_domain
        && a.country.is_some()
        && a.country == b.country;
    if !same {
        return None;
    }
    let name = token_similarity(&a.tokens, &b.tokens, w);
    let same_city = a.city.is_some() && a.city == b.city;
    (name >= 0.5 || same_city).then_some(("contact_email_domain", (name * 1000.0).round() / 1000.0))
}

fn strength(rule: &str) -> u8 {
    match rule {
        "registration_id" => 5,
        "domain" => 4,
        "name_country_postal" => 3,
        "contact_email_domain" => 2,
        _ => 1,
    }
}

/// A postal code for comparison (kept here for callers of the old path).
pub fn postal_key(p: &str) -> String {
    super::keys::postal_key(p)
}

/// The Partner Center customer's domain as a full name, or "" if it has none.
pub fn full_domain(c: &PcCustomer) -> String {
    match c.customer.get(Field::Domain) {
        "" => String::new(),
        d => format!("{d}.onmicrosoft.com"),
    }
}
