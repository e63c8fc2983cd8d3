//! Scoring a candidate pair: per-field agreement, a rarity-weighted name similarity, and the
//! decision (with the rule that decided it and the fields that agreed).

use super::keys::Keys;
use super::similarity::token_similarity;
use std::collections::HashMap;

/// A confirmed match between two records.
#[derive(Clone, Debug, PartialEq)]
pub struct PairMatch {
    /// What decided it: `registration_id`, `name_country_postal`, `domain`, `fuzzy_name`,
    /// `email_domain`.
    pub rule: &'static str,
    /// Name similarity, 0 to 1 (1 for exact keys).
    pub score: f64,
    /// Fields that agreed.
    pub fields: Vec<&'static str>,
}

/// How rare each name word is: weight = ln(records / records with the word), so "services"
/// or "group" count for little and a rare word for much.
#[derive(Default)]
pub struct TokenWeights {
    df: HashMap<String, u32>,
    total: u32,
}

impl TokenWeights {
    /// Counts words over all records' keys.
    pub fn build<'a>(all: impl Iterator<Item = &'a Keys>) -> TokenWeights {
        let mut w = TokenWeights::default();
        for k in all {
            w.total += 1;
            let mut seen: Vec<&str> = Vec::with_capacity(k.tokens.len());
            for t in &k.tokens {
                if !seen.contains(&t.as_str()) {
                    seen.push(t);
                    *w.df.entry(t.clone()).or_default() += 1;
                }
            }
        }
        w
    }

    /// The weight of a word (rare words weigh more; unseen words weigh most).
    pub fn weight(&self, token: &str) -> f64 {
        let df = self.df.get(token).copied().unwrap_or(1).max(1) as f64;
        ((self.total.max(2) as f64) / df).ln().max(0.1)
    }

    /// How many records hold the word.
    pub fn count(&self, token: &str) -> u32 {
        self.df.get(token).copied().unwrap_or(0)
    }
}

/// Thresholds of the decision.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    /// Name similarity needed, with one more agreeing field, to call two records the same.
    pub name: f64,
}

/// Decides whether two records are the same customer.
pub fn decide(a: &Keys, b: &Keys, w: &TokenWeights, t: Thresholds) -> Option<PairMatch> {
    if a.country.is_none() || a.country != b.country {
        return None;
    }
    let eq = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
    let differ = |x: &Option<String>, y: &Option<String>| x.is_some() && y.is_some() && x != y;
    let same_reg = eq(&a.reg, &b.reg);
    let mut fields: Vec<&'static str> = Vec::new();
    let mut agree = |cond: bool, f: &'static str| {
        if cond {
            fields.push(f);
        }
        cond
    };
    let name = token_similarity(&a.tokens, &b.tokens, w).max(if a.name == b.name && !a.name.is_empty() {
        1.0
    } else {
        0.0
    });
    agree(name >= t.name, "company_name");
    agree(same_reg, "registration_id");
    let same_domain = agree(eq(&a.domain, &b.domain), "domain");
    agree(true, "country");
    let same_city = agree(eq(&a.city, &b.city), "city");
    let same_postal = agree(eq(&a.postal, &b.postal), "postal_code");
    let same_street = agree(
        match (&a.street, &b.street) {
            (Some(x), Some(y)) => same_street(x, y),
            _ => false,
        },
        "address_line1",
    );
    let same_email = agree(eq(&a.email_domain, &b.email_domain), "contact_email");
    let same_phone = agree(eq(&a.phone, &b.phone), "contact_phone");
    let score = (name * 1000.0).round() / 1000.0;

    if same_reg {
        return Some(PairMatch { rule: "registration_id", score: 1.0, fields });
    }
    // Two different registration IDs are two legal entities, whatever else agrees.
    if differ(&a.reg, &b.reg) {
        return None;
    }
    if a.name == b.name && !a.name.is_empty() && same_postal {
        return Some(PairMatch { rule: "name_country_postal", score: 1.0, fields });
    }
    // Same name in two places (branches): different city and different postal code.
    let elsewhere = differ(&a.city, &b.city)
        && (differ(&a.postal, &b.postal) || a.postal.is_none() || b.postal.is_none());
    if same_domain && !elsewhere && (name >= 0.75 || same_email || same_phone) {
        return Some(PairMatch { rule: "domain", score, fields });
    }
    if elsewhere {
        return None;
    }
    let location = same_postal || same_street || (same_city && !differ(&a.postal, &b.postal));
    if name >= t.name && (location || same_phone || same_email) {
        return Some(PairMatch { rule: "fuzzy_name", score, fields });
    }
    None
}

/// Two folded street lines name the same place: the same house numbers, and the words alike
/// ("hauptstrasse 5" = "hauptstr 5"; "hauptstrasse 2" ≠ "hauptstrasse 10").
fn same_street(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let numbers = |s: &str| -> Vec<String> {
        s.split(' ').filter(|w| w.chars().any(|c| c.is_ascii_digit())).map(str::to_string).collect()
    };
    numbers(a) == numbers(b) && strsim::jaro_winkler(a, b) >= 0.93
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(name: &str, city: &str, postal: &str, reg: &str) -> Keys {
        let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        Keys {
            country: Some("AU"),
            name: name.to_string(),
            tokens: name.split(' ').map(str::to_string).collect(),
            reg: opt(reg),
            postal: opt(postal),
            city: opt(city),
            ..Keys::default()
        }
    }

    #[test]
    fn streets_agree_only_with_the_same_numbers() {
        assert!(same_street("hauptstrasse 5", "hauptstrase 5"));
        assert!(!same_street("hauptstrasse 2", "hauptstrasse 10"));
        assert!(!same_street("12 high street", "14 high street"));
        assert!(same_street("12 high street", "12 high st"));
    }

    #[test]
    fn pairs_are_decided() {
        let all = [
            keys("lamna healthcare", "brisbane", "4000", ""),
            keys("lamna helthcare", "brisbane", "4000", ""),
            keys("fourth coffee", "sydney", "2000", ""),
            keys("fourth coffee", "sydney", "", ""),
            keys("alfa distribuidora", "sao paulo", "01310", "111"),
            keys("alfa distribuidora", "curitiba", "80010", "222"),
            keys("contoso services", "perth", "6000", ""),
            keys("fabrikam services", "perth", "6000", ""),
        ];
        let w = TokenWeights::build(all.iter());
        let t = Thresholds { name: 0.9 };
        let d = |i: usize, j: usize| decide(&all[i], &all[j], &w, t).map(|m| m.rule);
        assert_eq!(d(0, 1), Some("fuzzy_name"), "a typo at the same address");
        assert_eq!(d(2, 3), Some("fuzzy_name"), "same name and city, postcode missing on one side");
        assert_eq!(d(4, 5), None, "branches with their own IDs in two cities");
        assert_eq!(d(6, 7), None, "only the common word agrees");
        let mut reg_a = all[4].clone();
        reg_a.reg = Some("999".into());
        let mut reg_b = all[6].clone();
        reg_b.reg = Some("999".into());
        assert_eq!(decide(&reg_a, &reg_b, &w, t).map(|m| m.rule), Some("registration_id"));
        reg_b.country = Some("NZ");
        assert_eq!(decide(&reg_a, &reg_b, &w, t).map(|m| m.rule), None, "different countries never match");
    }
}
