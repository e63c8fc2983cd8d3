//! Customers already in Partner Center: the export as an index, and each row's match in it.

use super::similarity::{is_placeholder_key, name_key, name_similarity};
use crate::model::{Customer, Field, RowPos};
use crate::pipeline::process::Row;
use std::collections::HashMap;

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
    /// Its name key.
    pub name_key: String,
}

/// How a row matched a Partner Center customer.
#[derive(Clone, Debug, PartialEq)]
pub struct ExistingMatch {
    /// Index into the export.
    pub pc: usize,
    /// Which key matched: `registration_id`, `domain`, `name_country_postal`.
    pub rule: &'static str,
    /// 1 for exact keys; the name similarity otherwise.
    pub score: f64,
}

/// The export, indexed by its keys.
#[derive(Default)]
pub struct PcIndex {
    /// The customers, in export order.
    pub customers: Vec<PcCustomer>,
    by_reg: HashMap<(String, String), usize>,
    by_domain: HashMap<String, usize>,
    by_name: HashMap<(String, String, String), usize>,
}

impl PcIndex {
    /// Indexes the export; on a key held twice, the first customer keeps it.
    pub fn new(customers: Vec<PcCustomer>) -> PcIndex {
        let mut idx = PcIndex::default();
        for (i, c) in customers.iter().enumerate() {
            let reg = c.customer.get(Field::RegistrationId);
            if let Some(cc) = c.country {
                if !is_placeholder_key(reg) {
                    idx.by_reg.entry((cc.to_string(), reg.to_string())).or_insert(i);
                }
                let postal = postal_key(c.customer.get(Field::PostalCode));
                if !c.name_key.is_empty() && !postal.is_empty() {
                    idx.by_name.entry((cc.to_string(), c.name_key.clone(), postal)).or_insert(i);
                }
            }
            let domain = c.customer.get(Field::Domain);
            if !domain.is_empty() {
                idx.by_domain.entry(domain.to_string()).or_insert(i);
            }
        }
        idx.customers = customers;
        idx
    }

    /// The customer holding a domain prefix, if any.
    pub fn domain_owner(&self, prefix: &str) -> Option<usize> {
        self.by_domain.get(prefix).copied()
    }

    /// Whether the export holds no customer.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty()
    }

    /// The Partner Center customer a row already is, if any.
    pub fn find(&self, row: &Row, name_threshold: f64) -> Option<ExistingMatch> {
        if self.customers.is_empty() || row.is_malformed() {
            return None;
        }
        let c = &row.customer;
        let key = name_key(c.get(Field::CompanyName));
        if let Some(cc) = row.country {
            let reg = c.get(Field::RegistrationId);
            if !is_placeholder_key(reg) {
                if let Some(&pc) = self.by_reg.get(&(cc.to_string(), reg.to_string())) {
                    return Some(ExistingMatch { pc, rule: "registration_id", score: 1.0 });
                }
            }
        }
        let domain = c.get(Field::Domain);
        if let Some(&pc) = self.by_domain.get(domain) {
            let score = name_similarity(&key, &self.customers[pc].name_key);
            if score >= name_threshold {
                return Some(ExistingMatch { pc, rule: "domain", score: round(score) });
            }
        }
        if let Some(cc) = row.country {
            let postal = postal_key(c.get(Field::PostalCode));
            if !key.is_empty() && !postal.is_empty() {
                if let Some(&pc) = self.by_name.get(&(cc.to_string(), key, postal)) {
                    return Some(ExistingMatch { pc, rule: "name_country_postal", score: 1.0 });
                }
            }
        }
        None
    }
}

/// A postal code for comparison: letters and digits only, upper case.
pub fn postal_key(p: &str) -> String {
    p.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// Rounds a score for output (so that outputs do not depend on float noise).
pub fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
