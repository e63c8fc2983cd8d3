//! Scoring a candidate pair: per-field agreement, a rarity-weighted name similarity, and the
//! decision (with the rule that decided it and the fields that agreed).

use super::keys::{Hashed, Keys};
use super::similarity::similarity_at_least;
use super::vocab::Vocab;

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

/// Thresholds of the decision.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    /// Name similarity needed, with one more agreeing field, to call two records the same.
    pub name: f64,
}

/// Decides whether two records are the same customer. The cheap vetoes (country, two
/// registration IDs, two places) run before the name is compared, since most candidate pairs
/// fail one of them.
pub fn decide(a: &Keys, b: &Keys, v: &Vocab, t: Thresholds) -> Option<PairMatch> {
    if a.country.is_none() || a.country != b.country {
        return None;
    }
    let same_reg = eq(&a.reg, &b.reg);
    // Two different registration IDs are two legal entities, whatever else agrees.
    if !same_reg && differ(&a.reg, &b.reg) {
        return None;
    }
    let same_name_key = a.name == b.name && !a.name.is_empty();
    let same_postal = eq(&a.postal, &b.postal);
    let same_domain = eq(&a.domain, &b.domain);
    let same_email = eq(&a.email_domain, &b.email_domain);
    let same_phone = eq(&a.phone, &b.phone);
    let same_city = eq(&a.city, &b.city);
    let name = |floor: f64| {
        if same_name_key {
            1.0
        } else {
            similarity_at_least(&a.tokens, &b.tokens, v, floor)
        }
    };
    let rule = if same_reg {
        "registration_id"
    } else if same_name_key && same_postal {
        "name_country_postal"
    } else {
        // Same name in two places (branches): different city and different postal code.
        let elsewhere = differ(&a.city, &b.city)
            && (differ(&a.postal, &b.postal) || a.postal.is_none() || b.postal.is_none());
        if elsewhere {
            return None;
        }
        let place = same_postal || (same_city && !differ(&a.postal, &b.postal));
        let contact = same_phone || same_email;
        let streets = a.street.is_some() && b.street.is_some();
        if !same_domain && !place && !contact && !streets {
            return None;
        }
        let sim = name(if same_domain { t.name.min(0.75) } else { t.name });
        if same_domain && (sim >= 0.75 || contact) {
            "domain"
        } else if sim >= t.name && (place || contact || street_agrees(a, b)) {
            "fuzzy_name"
        } else {
            return None;
        }
    };
    // A match: say which fields agreed.
    let sim = name(0.0);
    let mut fields: Vec<&'static str> = Vec::with_capacity(8);
    for (cond, f) in [
        (sim >= t.name, "company_name"),
        (same_reg, "registration_id"),
        (same_domain, "domain"),
        (true, "country"),
        (same_city, "city"),
        (same_postal, "postal_code"),
        (street_agrees(a, b), "address_line1"),
        (same_email, "contact_email"),
        (same_phone, "contact_phone"),
    ] {
        if cond {
            fields.push(f);
        }
    }
    let score = match rule {
        "registration_id" | "name_country_postal" => 1.0,
        _ => (sim * 1000.0).round() / 1000.0,
    };
    Some(PairMatch { rule, score, fields })
}

fn eq(x: &Hashed, y: &Hashed) -> bool {
    x.is_some() && x == y
}

fn differ(x: &Hashed, y: &Hashed) -> bool {
    x.is_some() && y.is_some() && x != y
}

fn street_agrees(a: &Keys, b: &Keys) -> bool {
    match (&a.street, &b.street) {
        (Some(x), Some(y)) => same_street(x, y),
        _ => false,
    }
}

/// Two folded street lines name the same place: the same house numbers, and the words alike
/// ("hauptstrasse 5" = "hauptstr 5"; "hauptstrasse 2" ≠ "hauptstrasse 10").
fn same_street<'a>(a: &'a str, b: &'a str) -> bool {
    if a == b {
        return true;
    }
    let numbers = |s: &'a str| s.split(' ').filter(|w| w.chars().any(|c| c.is_ascii_digit()));
    numbers(a).eq(numbers(b)) && strsim::jaro_winkler(a, b) >= 0.93
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: &mut Vocab, name: &str, city: &str, postal: &str, reg: &str) -> Keys {
        let opt = crate::matching::keys::hashed;
        Keys {
            country: Some("AU"),
            name: name.into(),
            tokens: v.add_record(name).into(),
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
        let mut w = Vocab::default();
        let all = [
            keys(&mut w, "lamna healthcare", "brisbane", "4000", ""),
            keys(&mut w, "lamna helthcare", "brisbane", "4000", ""),
            keys(&mut w, "fourth coffee", "sydney", "2000", ""),
            keys(&mut w, "fourth coffee", "sydney", "", ""),
            keys(&mut w, "alfa distribuidora", "sao paulo", "01310", "111"),
            keys(&mut w, "alfa distribuidora", "curitiba", "80010", "222"),
            keys(&mut w, "contoso services", "perth", "6000", ""),
            keys(&mut w, "fabrikam services", "perth", "6000", ""),
        ];
        w.finish();
        let t = Thresholds { name: 0.9 };
        let d = |i: usize, j: usize| decide(&all[i], &all[j], &w, t).map(|m| m.rule);
        assert_eq!(d(0, 1), Some("fuzzy_name"), "a typo at the same address");
        assert_eq!(d(2, 3), Some("fuzzy_name"), "same name and city, postcode missing on one side");
        assert_eq!(d(4, 5), None, "branches with their own IDs in two cities");
        assert_eq!(d(6, 7), None, "only the common word agrees");
        let mut reg_a = all[4].clone();
        reg_a.reg = crate::matching::keys::hashed("999");
        let mut reg_b = all[6].clone();
        reg_b.reg = crate::matching::keys::hashed("999");
        assert_eq!(decide(&reg_a, &reg_b, &w, t).map(|m| m.rule), Some("registration_id"));
        reg_b.country = Some("NZ");
        assert_eq!(decide(&reg_a, &reg_b, &w, t).map(|m| m.rule), None, "different countries never match");
    }
}
