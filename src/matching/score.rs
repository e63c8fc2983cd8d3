//! Scoring a candidate pair: the facts that are certain first (two countries, two checked
//! registration IDs), then the Fellegi–Sunter match weight of its comparison vector, adjusted
//! for how common a shared name or city is, and its match probability.
//!
//! Most candidate pairs are plainly different companies, so the cheap fields are compared
//! first and a pair stops as soon as even the best levels of the fields left could not lift
//! its weight to the floor asked for: the result is the same as comparing everything.

use super::compare::{self, Cmp, Compared, Gamma, NULL, WEAK};
use super::freq::Freq;
use super::keys::Keys;
use super::model::{probability, Model};
use super::vocab::Vocab;

/// The highest match weight of a pair that agrees only on places (a probability just under
/// one half): never a match, at most a pair for review.
const NOT_IDENTIFIED: f64 = -0.1;

/// The highest match weight (log2 of 3: a probability of 0.75) of a pair whose names say two
/// legal entities (`GmbH` / `AG`, a holding beside its operating company) and that shares
/// neither a prefix nor a company e-mail domain. Such a pair may be one customer written
/// carelessly, so a person decides (review under the default thresholds), but its weight alone
/// never makes it one.
const TWO_ENTITIES: f64 = 1.584_962_500_721_156;

/// What a scored pair needs: the model, the name words and the value frequencies.
#[derive(Clone, Copy)]
pub struct Scorer<'a> {
    /// The fitted model.
    pub model: &'a Model,
    /// The run's name words.
    pub vocab: &'a Vocab,
    /// How common names and cities are.
    pub freq: &'a Freq,
}

/// A scored pair.
#[derive(Clone, Copy, Debug)]
pub struct Scored {
    /// The comparison.
    pub compared: Compared,
    /// Match weight (log2 odds); infinite when certain.
    pub weight: f64,
    /// Match probability, 0 to 1.
    pub probability: f64,
    /// What decided it: `registration_id` (the same checked ID: certain), `domain` (the same
    /// `.onmicrosoft.com` prefix and an agreeing name), or `probabilistic`.
    pub rule: &'static str,
}

/// Whether a certain fact says two records are different companies: two countries both given
/// and different, or two registration IDs that both pass their check digits.
pub fn certainly_different(a: &Keys, b: &Keys) -> bool {
    (a.country.is_some() && b.country.is_some() && a.country != b.country)
        || (a.reg_certain && b.reg_certain && a.reg != b.reg)
}

/// The comparison vector of a pair as the model sees it (None when certainly different).
pub fn gamma(a: &Keys, b: &Keys, v: &Vocab) -> Option<Compared> {
    if certainly_different(a, b) {
        return None;
    }
    let mut c = compare::compare(a, b, v);
    discount_prefix(&mut c.gamma);
    Some(c)
}

/// A prefix is one tenant: the same prefix under a name that agrees at most in its brand word
/// (`Proseware Inc` / `Proseware Labs Ltd`), with nothing else that identifies the company
/// agreeing (registration ID, e-mail, phone), is another company asking for a taken prefix
/// (`domain.taken`), not evidence that the two are one.
fn discount_prefix(g: &mut Gamma) {
    let other_identity = g.get(Cmp::Reg) == 2 || g.get(Cmp::Email) >= 3 || g.get(Cmp::Phone) == 2;
    let name = g.get(Cmp::Name);
    if g.get(Cmp::Domain) == 2 && name != NULL && name <= WEAK && !other_identity {
        g.set(Cmp::Domain, NULL);
    }
}

/// Scores a pair whose weight can reach `floor` (None when it cannot, or when a certain fact
/// says the two are different companies).
pub fn score(a: &Keys, b: &Keys, s: Scorer, floor: f64) -> Option<Scored> {
    if certainly_different(a, b) {
        return None;
    }
    if a.reg_certain && b.reg_certain {
        return Some(same_registration(a, b, s));
    }
    weigh(a, b, s, floor, None)
}

/// [`score`] of a pair already compared by [`gamma`] (the model's sample): the same result,
/// without comparing the names and streets again.
pub fn score_compared(
    a: &Keys,
    b: &Keys,
    compared: Option<Compared>,
    s: Scorer,
    floor: f64,
) -> Option<Scored> {
    // `gamma` gives None exactly when a certain fact says two companies.
    let compared = compared?;
    if a.reg_certain && b.reg_certain {
        return Some(same_registration(a, b, s));
    }
    weigh(a, b, s, floor, Some(compared))
}

/// Two records with the same checked registration ID: certain.
fn same_registration(a: &Keys, b: &Keys, s: Scorer) -> Scored {
    let compared = compare::compare(a, b, s.vocab);
    Scored { compared, weight: f64::INFINITY, probability: 1.0, rule: "registration_id" }
}

/// The match weight, field by field in a fixed order (so that a pair's weight is the same
/// number whichever way its levels were found), stopping when `floor` is out of reach. The
/// text fields' levels come from `known` when the pair was compared already.
fn weigh(a: &Keys, b: &Keys, s: Scorer, floor: f64, known: Option<Compared>) -> Option<Scored> {
    let m = s.model;
    let mut g = Gamma::default();
    let mut w = m.prior_weight();
    // The fields compared for equality cost nothing; the prefix's weight waits for the name.
    // City and postal code are compared as text: a pair compared already has their level.
    let (locality, state) = match known {
        Some(c) => (c.gamma.get(Cmp::Locality), c.gamma.get(Cmp::State)),
        None => {
            let locality = compare::locality_level(a, b);
            (locality, if locality == NULL { compare::hashed_level(a.state, b.state) } else { NULL })
        }
    };
    for (f, level) in [
        (Cmp::Locality, locality),
        (Cmp::State, state),
        (Cmp::Reg, compare::hashed_level(a.reg, b.reg)),
        (Cmp::Email, compare::email_level(a, b)),
        (Cmp::Phone, compare::hashed_level(a.phone, b.phone)),
        (Cmp::Domain, compare::hashed_level(a.domain, b.domain)),
    ] {
        g.set(f, level);
        if f != Cmp::Domain {
            w += m.field_weight(f as usize, level);
        }
    }
    if locality == compare::LOCALITY_CITY_ONLY && a.city() == b.city() {
        w -= s.freq.city_penalty(a.city());
    }
    let domain = m.field_weight(Cmp::Domain as usize, g.get(Cmp::Domain));
    let mut rest =
        domain.max(0.0) + [Cmp::Line2, Cmp::Street, Cmp::Name].map(|f| m.best(f)).iter().sum::<f64>();
    for f in [Cmp::Line2, Cmp::Street] {
        if w + rest < floor {
            return None;
        }
        let level = match (known, f) {
            (Some(c), _) => c.gamma.get(f),
            (None, Cmp::Line2) => compare::text_level(a.line2(), b.line2()),
            (None, _) => compare::street_level(a, b),
        };
        g.set(f, level);
        w += m.field_weight(f as usize, level);
        rest -= m.best(f);
    }
    if w + rest < floor {
        return None;
    }
    let (name, name_sim) = match known {
        Some(c) => (c.gamma.get(Cmp::Name), c.name_sim),
        None => compare::name_level(a, b, s.vocab),
    };
    g.set(Cmp::Name, name);
    w += m.field_weight(Cmp::Name as usize, name);
    if name == 5 {
        w -= s.freq.name_penalty(a.name());
    }
    discount_prefix(&mut g);
    w += m.field_weight(Cmp::Domain as usize, g.get(Cmp::Domain));
    if w < floor {
        return None;
    }
    if !g.identifies() {
        // Evidence of place only: reported with its weight, but never a match.
        w = w.min(NOT_IDENTIFIED);
        if w < floor {
            return None;
        }
    }
    // One prefix or one company e-mail domain says one organisation, whatever entity names it
    // (a customer known to Partner Center by its group's name).
    let one_organisation = g.get(Cmp::Domain) == 2 || g.get(Cmp::Email) >= 3;
    if !one_organisation && a.legal.differs(b.legal) {
        w = w.min(TWO_ENTITIES);
        if w < floor {
            return None;
        }
    }
    let rule = if g.get(Cmp::Domain) == 2 { "domain" } else { "probabilistic" };
    Some(Scored { compared: Compared { gamma: g, name_sim }, weight: w, probability: probability(w), rule })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::model::Model;

    fn keys(v: &mut Vocab, name: &str, street: &str, city: &str, postal: &str) -> Keys {
        let mut k = Keys::test("AU", name, street, city, postal);
        k.tokens = v.add_record(k.name()).into();
        k
    }

    #[test]
    fn certain_facts_come_first() {
        let mut v = Vocab::default();
        let mut a = keys(&mut v, "Contoso", "1 High St", "Perth", "6000");
        let mut b = keys(&mut v, "Contoso", "1 High St", "Perth", "6000");
        v.finish();
        let model = Model::prior(1e-4);
        let freq = Freq::of([&a, &b].into_iter());
        let s = Scorer { model: &model, vocab: &v, freq: &freq };
        let any = f64::NEG_INFINITY;
        assert!(score(&a, &b, s, any).unwrap().probability > 0.99, "everything agrees");
        b.country = Some("NZ");
        assert!(score(&a, &b, s, any).is_none(), "two countries");
        b.country = None;
        assert!(score(&a, &b, s, any).is_some(), "a blank country is no evidence");
        a.reg = crate::matching::keys::hashed("1");
        b.reg = crate::matching::keys::hashed("2");
        a.reg_certain = true;
        b.reg_certain = true;
        assert!(score(&a, &b, s, any).is_none(), "two checked registration IDs");
        b.reg = a.reg;
        assert_eq!(score(&a, &b, s, any).unwrap().rule, "registration_id");
    }

    #[test]
    fn a_compared_pair_scores_as_one_compared_again() {
        let mut v = Vocab::default();
        let rows = [
            ("Contoso Ltd", "1 High St", "Perth", "6000"),
            ("Contoso Limited", "1 High Street", "Perth", "6000"),
            ("Contoso Holdings", "12 High St", "Perth", "6001"),
            ("Northwind Traders", "1 High St", "Perth", "6000"),
            ("Northwind Trader", "", "Perth", ""),
            ("Fabrikam", "5 Low Rd", "Fremantle", "6160"),
            ("", "1 High St", "Perth", "6000"),
        ];
        let mut all: Vec<Keys> = rows.iter().map(|(n, st, c, p)| keys(&mut v, n, st, c, p)).collect();
        v.finish();
        all[1].domain = crate::matching::keys::hashed("contoso");
        all[2].domain = crate::matching::keys::hashed("contoso");
        all[4].reg = crate::matching::keys::hashed("51824753556");
        all[3].reg = crate::matching::keys::hashed("51824753556");
        all[5].reg = crate::matching::keys::hashed("53004085616");
        for k in [3, 4, 5] {
            all[k].reg_certain = true;
        }
        let model = Model::prior(1e-3);
        let freq = Freq::of(all.iter());
        let s = Scorer { model: &model, vocab: &v, freq: &freq };
        let show = |m: Option<Scored>| {
            m.map(|m| (m.weight.to_bits(), m.compared.gamma, m.compared.name_sim.to_bits(), m.rule))
        };
        for a in &all {
            for b in &all {
                for floor in [f64::NEG_INFINITY, -10.0, -1.0, 0.0, 3.0, 10.0, 30.0] {
                    let known = gamma(a, b, &v);
                    assert_eq!(
                        show(score_compared(a, b, known, s, floor)),
                        show(score(a, b, s, floor)),
                        "{} / {} at {floor}",
                        a.name(),
                        b.name()
                    );
                }
            }
        }
    }

    #[test]
    fn a_prefix_needs_an_agreeing_name() {
        let mut v = Vocab::default();
        let mut a = keys(&mut v, "Contoso", "", "", "");
        let mut b = keys(&mut v, "Northwind Traders", "", "", "");
        let mut c = keys(&mut v, "Contoso Limited", "", "", "");
        v.finish();
        for k in [&mut a, &mut b, &mut c] {
            k.domain = crate::matching::keys::hashed("contoso");
        }
        let model = Model::prior(1e-3);
        let freq = Freq::default();
        let s = Scorer { model: &model, vocab: &v, freq: &freq };
        let any = f64::NEG_INFINITY;
        assert!(score(&a, &b, s, any).unwrap().probability < 0.01);
        let same = score(&a, &c, s, any).unwrap();
        assert_eq!(same.rule, "domain");
        assert!(same.probability > 0.99);
    }

    #[test]
    fn two_legal_entities_go_to_review_unless_one_prefix() {
        let mut v = Vocab::default();
        let a = keys(&mut v, "Keltrator Logistik GmbH", "1 Kent Rd", "Perth", "6000");
        let mut b = keys(&mut v, "Keltrator Logistik AG", "1 Kent Rd", "Perth", "6000");
        let c = keys(&mut v, "Keltrator Logistik G.m.b.H.", "1 Kent Rd", "Perth", "6000");
        v.finish();
        let model = Model::prior(1e-3);
        let freq = Freq::default();
        let s = Scorer { model: &model, vocab: &v, freq: &freq };
        let any = f64::NEG_INFINITY;
        let same = score(&a, &c, s, any).unwrap().probability;
        let two = score(&a, &b, s, any).unwrap().probability;
        assert!(same > 0.9, "one form written two ways: {same}");
        assert!((0.5..0.9).contains(&two), "GmbH and AG: for review, {two}");
        let mut a = a;
        a.domain = crate::matching::keys::hashed("keltrator");
        b.domain = a.domain;
        assert!(score(&a, &b, s, any).unwrap().probability > 0.9, "one tenant's prefix");
    }

    #[test]
    fn the_floor_only_saves_work() {
        let mut v = Vocab::default();
        let rows = [
            keys(&mut v, "Kiri Dalton Pty Ltd", "23 Harbord St", "Glen Ira", "3146"),
            keys(&mut v, "Kiry Dalton Pty Ltd", "23 Harbrod Street", "Glen I ra", "3164"),
            keys(&mut v, "Mara Quill", "23 Harbord St", "Glen Ira", "3146"),
            keys(&mut v, "Fabrikam", "1 Kent Rd", "Perth", "6000"),
            keys(&mut v, "Fabrikam Logistics", "", "Perth", ""),
        ];
        v.finish();
        let model = Model::prior(1e-3);
        let freq = Freq::of(rows.iter());
        let s = Scorer { model: &model, vocab: &v, freq: &freq };
        for a in &rows {
            for b in &rows {
                let full = score(a, b, s, f64::NEG_INFINITY).unwrap();
                assert_eq!(gamma(a, b, &v).unwrap().gamma, full.compared.gamma);
                for floor in [-20.0, -5.0, 0.0, 3.0, 10.0] {
                    match score(a, b, s, floor) {
                        Some(x) => assert_eq!(x.weight, full.weight),
                        None => assert!(full.weight < floor, "{} < {floor}", full.weight),
                    }
                }
            }
        }
    }
}
