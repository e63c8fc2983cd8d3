//! How a duplicate row differs from its entity's first row: the corruptions real duplicates
//! show and record-linkage benchmarks plant. Keyboard, OCR and phonetic typos in the name,
//! street, city, e-mail and phone; a postcode digit changed or two transposed; words split,
//! merged or swapped; fields left blank; a person-named company's given name replaced or
//! dropped; short forms (`Group`/`Grp`, `International`/`Intl`, `&`/`and`, `Street`/`St.`,
//! `Technologies`/`Tech`); legal forms written another way; case, accents and spacing;
//! Latin↔Cyrillic transliteration; another contact; a moved office. Each duplicate gets one to
//! three, and so does half of the existing customers' list rows; the truth file names them
//! (`kind` or `kind:detail`, the detail being the typo style or the field).

mod fields;
mod legal;
pub mod typos;
pub mod words;

use super::entity::Entity;
use super::names::CompanyName;
use super::rng::Rand;
use super::row::{Col, Values};
use super::translit::cyr_to_lat;
pub use legal::{swap_legal, vary_legal};
use words::{find_word, has_mergeable_space, ABBREVIATIONS, STREET_ABBREVIATIONS};

/// Every variation with its relative weight, in the order they are applied: the name's parts
/// first (before it is written out), then fields replaced or blanked, then words, then letters.
/// Blanks come before typos so a typo never lands in a field blanked afterwards. A weight counts
/// only where the kind applies, so kinds that only some names allow (a given name, `Group`,
/// `International`, `&`) weigh more: a name that has the word loses or shortens it often.
pub const VARIATIONS: &[(&str, f64, When)] = &[
    ("translit", 30.0, When::OtherScript),
    ("legal_form", 12.0, When::Always),
    ("abbreviation", 6.0, When::IndustryShort),
    ("word_order", 6.0, When::SwappableWords),
    ("given_name_replaced", 25.0, When::GivenName),
    ("given_name_dropped", 25.0, When::GivenName),
    ("moved", 2.0, When::Always),
    ("other_contact", 5.0, When::Always),
    ("no_street", 4.0, When::Filled(Col::Line1)),
    ("no_city", 4.0, When::Filled(Col::City)),
    ("no_postal", 5.0, When::Filled(Col::Postal)),
    ("no_phone", 5.0, When::Filled(Col::Phone)),
    ("no_email", 4.0, When::Email),
    ("no_domain", 5.0, When::Filled(Col::Domain)),
    ("group_grp", 40.0, When::NameWord("Group")),
    ("intl", 40.0, When::NameWord("International")),
    ("and_amp", 40.0, When::Ampersand),
    ("street_abbrev", 6.0, When::StreetShort),
    ("typo_name", 14.0, When::Always),
    ("typo_street", 8.0, When::Filled(Col::Line1)),
    ("typo_city", 6.0, When::Filled(Col::City)),
    ("typo_email", 5.0, When::Email),
    ("typo_phone", 5.0, When::Filled(Col::Phone)),
    ("postcode_digit", 5.0, When::PostcodeDigit),
    ("postcode_transposed", 5.0, When::PostcodeDigit),
    ("split_word", 8.0, When::Always),
    ("merged_words", 6.0, When::MergeableSpace),
    ("case", 8.0, When::Always),
    ("accents", 5.0, When::Accents),
    ("spacing", 4.0, When::Always),
];

/// Which rows a variation can change (checked on the clean row, once per kind: a fixed test
/// per kind rather than a lookup by name, since it runs for every varied row).
#[derive(Clone, Copy, Debug)]
pub enum When {
    /// Every row.
    Always,
    /// Names with a form in the other script (Cyrillic countries).
    OtherScript,
    /// Names whose industry word has a short form.
    IndustryShort,
    /// Names with two words that can swap (brand and industry, given and family name).
    SwappableWords,
    /// Person-named companies.
    GivenName,
    /// Names with this whole word.
    NameWord(&'static str),
    /// Names with `&`.
    Ampersand,
    /// Rows with an accented letter in the name, street or city.
    Accents,
    /// Streets with a word that has a short form.
    StreetShort,
    /// Rows where this field is filled.
    Filled(Col),
    /// Rows with an e-mail address.
    Email,
    /// Postcodes with a digit.
    PostcodeDigit,
    /// Rows with two words a space could be removed between (name, street or city).
    MergeableSpace,
}

/// Variations that change the name's parts rather than its written form.
const STRUCTURAL: &[&str] =
    &["translit", "legal_form", "abbreviation", "word_order", "given_name_replaced", "given_name_dropped"];

/// Applies one to three variations to a row; returns their truth-file labels.
pub fn apply(e: &Entity, v: &mut Values, rng: &mut Rand) -> Vec<String> {
    let n = 1 + usize::from(rng.chance(0.6)) + usize::from(rng.chance(0.3));
    let mut chosen: Vec<usize> = Vec::with_capacity(n);
    let mut weights: Vec<f64> =
        VARIATIONS.iter().map(|&(_, w, when)| if applies(when, e, v) { w } else { 0.0 }).collect();
    while chosen.len() < n && weights.iter().any(|w| *w > 0.0) {
        let i = rng.weighted(&weights);
        weights[i] = 0.0;
        chosen.push(i);
    }
    chosen.sort_unstable();
    let mut name = e.who.name.clone();
    let mut applied = Vec::with_capacity(chosen.len());
    let mut rendered = false;
    for k in chosen.into_iter().map(|i| VARIATIONS[i].0) {
        if !STRUCTURAL.contains(&k) && !rendered {
            v[Col::Company] = name.render();
            rendered = true;
        }
        let done = match k {
            "translit" => translit(e, &mut name, v, rng),
            "legal_form" => vary_legal(&name, e, rng).map(|n| name = n).is_some(),
            "abbreviation" => match ABBREVIATIONS.iter().find(|(w, _)| *w == name.industry) {
                Some((_, short)) => {
                    name.industry = short.to_string();
                    true
                }
                None => false,
            },
            "word_order" => {
                let swaps = [("{brand} {ind}", "{ind} {brand}"), ("{given} {brand}", "{brand} {given}")];
                let before = name.format.clone();
                for (a, b) in swaps {
                    if name.format == before {
                        name.format = name.format.replace(a, b);
                    }
                    if name.format == before {
                        name.format = name.format.replace(b, a);
                    }
                }
                name.format != before
            }
            "given_name_replaced" => {
                let others: Vec<&String> = e.country.first.iter().filter(|f| **f != name.given).collect();
                match others.is_empty() || !name.format.contains("{given}") {
                    true => false,
                    false => {
                        name.given = others[rng.index(others.len())].clone();
                        true
                    }
                }
            }
            "given_name_dropped" => {
                let f = name.format.replace("{given} ", "").replace(" {given}", "");
                let changed = f != name.format;
                name.format = f;
                changed
            }
            other => match fields::apply(other, e, &name.brand, v, rng) {
                Some(label) => {
                    applied.push(label);
                    continue;
                }
                None => false,
            },
        };
        if done {
            applied.push(k.to_string());
        }
    }
    if !rendered {
        v[Col::Company] = name.render();
    }
    applied
}

/// Whether a variation with this test can change this entity's clean row.
fn applies(when: When, e: &Entity, v: &Values) -> bool {
    let format = &e.who.name.format;
    let three = [Col::Company, Col::Line1, Col::City];
    match when {
        When::Always => true,
        When::OtherScript => e.who.alt.is_some(),
        When::IndustryShort => {
            format.contains("{ind}") && ABBREVIATIONS.iter().any(|(w, _)| *w == e.who.name.industry)
        }
        When::SwappableWords => {
            ["{brand} {ind}", "{ind} {brand}", "{given} {brand}"].iter().any(|p| format.contains(p))
        }
        When::GivenName => format.contains("{given}"),
        When::NameWord(w) => find_word(&v[Col::Company], w).is_some(),
        When::Ampersand => v[Col::Company].contains('&'),
        When::Accents => three.iter().any(|c| v[*c].chars().any(fields::is_accented)),
        When::StreetShort => STREET_ABBREVIATIONS.iter().any(|(w, _)| v[Col::Line1].contains(w)),
        When::Filled(c) => !v[c].is_empty(),
        When::Email => v[Col::Email].contains('@'),
        When::PostcodeDigit => v[Col::Postal].bytes().any(|b| b.is_ascii_digit()),
        When::MergeableSpace => three.iter().any(|c| has_mergeable_space(&v[*c])),
    }
}

/// The row in the other script (Cyrillic countries): name, street, city and contact.
fn translit(e: &Entity, name: &mut CompanyName, v: &mut Values, rng: &mut Rand) -> bool {
    let Some(alt) = &e.who.alt else { return false };
    *name = alt.clone();
    let to_latin = e.who.native;
    let city = &e.country.cities[e.city];
    if to_latin {
        // Older transliteration styles spell the brand differently ("Welkorna").
        if rng.chance(0.3) {
            name.brand = cyr_to_lat(&e.who.name.brand, true);
        }
        v[Col::City] = if rng.chance(0.5) { city.name.clone() } else { cyr_to_lat(&city.native, false) };
        v[Col::First] = e.contact.first_latin.clone();
        v[Col::Last] = e.contact.last_latin.clone();
    } else if !city.native.is_empty() {
        v[Col::City] = city.native.clone();
    }
    v[Col::Line1] = e.line1_alt.clone();
    true
}

#[cfg(test)]
mod tests;
