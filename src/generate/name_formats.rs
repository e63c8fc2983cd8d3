//! The shapes of Latin-letter company names: brand and industry with a legal form (most),
//! without one, industry first (Romance countries), with a regional word, named after a person
//! (`Tobias Rennick Pty Ltd`), or with the words real duplicates abbreviate (`Group`,
//! `International`, `&`). Every shape keeps the name's unique part (brand and industry, or
//! brand and given name), so no two companies of a country share a name by accident.

use super::data::Country;
use super::names::NameId;
use super::rng::Rand;

/// Countries whose names may put the industry first (`Tecnologia Sabono S.A.`).
const ROMANCE: &[&str] = &["FR", "ES", "IT", "PT", "BR", "MX", "AR", "VE", "BE"];

/// A company named after a person: given name, family name (the brand), legal form.
pub const PERSON: &str = "{given} {brand} {legal}";

/// Suffix-country shapes, in the order of the weights in [`latin`].
const SUFFIX_SHAPES: [&str; 8] = [
    "{brand} {ind} {legal}",
    "{brand} {ind}",
    "{ind} {brand} {legal}",
    "{brand} {stem} {ind} {legal}",
    PERSON,
    "{brand} {ind} Group {legal}",
    "{brand} International {ind} {legal}",
    "{brand} & {stem} {ind} {legal}",
];

/// The Latin name's template and, for a person-named company, the given name.
///
/// A person-named company takes the given name at the index of its industry slot, and only
/// when the country has that many given names: the (brand, industry) slot is unique, so the
/// (family, given) name is too. Runs for every row (entities are rebuilt per row), so the
/// weights are a fixed array, not a table lookup.
pub fn latin(c: &Country, id: &NameId, education: bool, rng: &mut Rand) -> (String, String) {
    if education {
        return (rng.pick(&c.edu).clone(), String::new());
    }
    if c.legal_pos == "prefix" {
        let f = ["{legal} {brand} {ind}", "{legal} \"{brand} {ind}\"", "{brand} {ind} {legal}"]
            [rng.weighted(&[6.0, 3.0, 1.0])];
        return (f.to_string(), String::new());
    }
    // Names in a country of its own script stay in the old shapes, so that a name and its
    // other-script form (translit) keep the same words.
    let latin_only = c.native.is_none();
    let on = |yes: bool, w: f64| if yes { w } else { 0.0 };
    // Not `Dental Group Group`: an industry that has the word already keeps one.
    let industry = c.industries.get(id.industry).map_or("", String::as_str);
    let weights = [
        11.0,
        3.0,
        on(ROMANCE.contains(&c.code.as_str()), 2.0),
        2.0,
        on(latin_only && id.industry < c.first.len(), 4.0),
        on(latin_only && !industry.contains("Group"), 2.5),
        on(latin_only && !industry.contains("International"), 2.5),
        on(latin_only, 2.5),
    ];
    let i = rng.weighted(&weights);
    let given = if i == 4 { c.first[id.industry].clone() } else { String::new() };
    (SUFFIX_SHAPES[i].to_string(), given)
}

#[cfg(test)]
mod tests {
    use super::super::data::data;
    use super::super::rng::Purpose;
    use super::*;
    use std::collections::HashMap;

    fn shares(cc: &str, industry: usize) -> HashMap<String, usize> {
        let c = &data().countries[data().country(cc).unwrap()];
        let id = NameId { brand: [1, 2, 3], industry };
        let mut rng = Rand::new(1, Purpose::Names, 0);
        let mut out = HashMap::new();
        for _ in 0..4000 {
            let (f, given) = latin(c, &id, false, &mut rng);
            assert_eq!(f == PERSON, !given.is_empty(), "{f}");
            *out.entry(f).or_default() += 1;
        }
        out
    }

    #[test]
    fn shapes_by_country() {
        let au = shares("AU", 0);
        for f in [PERSON, "{brand} {ind} Group {legal}", "{brand} & {stem} {ind} {legal}"] {
            assert!(au.get(f).is_some_and(|n| *n > 100), "{f}: {au:?}");
        }
        assert!(!au.contains_key("{ind} {brand} {legal}"), "industry first only in Romance countries");
        assert!(shares("ES", 0).contains_key("{ind} {brand} {legal}"));
        // An industry slot beyond the country's given names: no person-named company.
        assert!(!shares("AU", 6).contains_key(PERSON));
        // Countries with their own script keep the old shapes.
        let sa = shares("SA", 0);
        assert!(sa.keys().all(|f| !f.contains("Group") && f != PERSON), "{sa:?}");
        let ru = shares("RU", 0);
        assert!(ru.keys().all(|f| f.contains("{legal}") && f.contains("{ind}")), "{ru:?}");
    }
}
