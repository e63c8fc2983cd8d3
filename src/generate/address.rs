//! Addresses: street lines in the country's format, postcodes drawn from each city's pattern
//! (and checked against the same postcode rules `run` applies), and the ways a country is
//! written.

use super::data::{data, City, Country, Script};
use super::names::{capitalise, expand, Identity};
use super::rng::Rand;
use super::translit;

/// Where a company is: its street line as written and in the other script, line 2, postcode.
pub struct Site {
    /// Street line as written (native script for native names).
    pub line1: String,
    /// Street line in the other script (Cyrillic countries), else the same.
    pub line1_alt: String,
    /// Address line 2.
    pub line2: String,
    /// Postcode.
    pub postal: String,
}

/// A company's site in `city`, drawn from its entity stream.
pub fn site(c: &Country, who: &Identity, city: usize, rng: &mut Rand) -> Site {
    // Cyrillic countries write the street in Cyrillic and its Latin form is the
    // transliteration, so a row in either script names the same street.
    let cyrillic = who.alt.is_some();
    let (line1, line1_alt) = match &c.native {
        Some(n) if cyrillic => {
            let native = street_line(&n.street_fmt, &street(c, true, rng), rng);
            let latin = translit::cyr_to_lat(&native, false);
            if who.native {
                (native, latin)
            } else {
                (latin, native)
            }
        }
        Some(n) if who.native => {
            let line = street_line(&n.street_fmt, &street(c, true, rng), rng);
            (line.clone(), line)
        }
        _ => {
            let line = street_line(&c.street_fmt, &street(c, false, rng), rng);
            (line.clone(), line)
        }
    };
    let line2 = line2(c, rng);
    let postal = postal(c, &c.cities[city], rng);
    Site { line1, line1_alt, line2, postal }
}

/// A postcode of the city, valid for its country; "" where the country has none.
pub fn postal(c: &Country, city: &City, rng: &mut Rand) -> String {
    if city.postal.is_empty() {
        return String::new();
    }
    let meta = c.facts.meta;
    let mut last = String::new();
    for _ in 0..20 {
        last = fill(&city.postal, rng);
        if meta.and_then(|m| m.postal_code_matches(&last)) != Some(false) {
            return last;
        }
    }
    last
}

/// A pattern with `#` as a digit and `@` as a letter that every postcode alphabet allows.
fn fill(pattern: &str, rng: &mut Rand) -> String {
    const LETTERS: &[u8] = b"ABEGHJLNPRTWXYZ";
    pattern
        .chars()
        .map(|ch| match ch {
            '#' => char::from(b'0' + rng.below(10) as u8),
            '@' => char::from(*rng.pick(LETTERS)),
            other => other,
        })
        .collect()
}

/// A street name of the country: one of its well-known streets now and then, mostly a street
/// type with a surname, regional word or made-up two-syllable name ("Velkor Street",
/// "ул. Смирнова"), so a city has thousands of streets. `native` uses the country's script.
pub fn street(c: &Country, native: bool, rng: &mut Rand) -> String {
    let n = c.native.as_ref().filter(|n| native && !n.street_templates.is_empty());
    let (famous, templates, words, script) = match n {
        Some(n) => (&n.streets, &n.street_templates, &n.street_words, n.script),
        None => (&c.streets, &c.street_templates, &c.street_words, Script::Latin),
    };
    if templates.is_empty() || rng.chance(0.15) {
        return rng.pick(famous).clone();
    }
    let word = if !words.is_empty() && rng.chance(0.4) {
        rng.pick(words).clone()
    } else {
        let syl = data().script(script);
        let w: String = (0..2).map(|_| syl[rng.index(syl.len())][0].as_str()).collect();
        if matches!(script, Script::Latin | Script::Cyrillic) {
            capitalise(&w)
        } else {
            w
        }
    };
    let template = rng.pick(templates.as_slice());
    expand(template, |key| if key == "w" { word.as_str() } else { "" })
}

/// A street line: the street in the country's format with a house number.
pub fn street_line(format: &str, street: &str, rng: &mut Rand) -> String {
    let (n, m, k) =
        (rng.range(1, 240).to_string(), rng.range(1, 9).to_string(), rng.range(1, 30).to_string());
    expand(format, |key| match key {
        "s" => street,
        "n" => &n,
        "m" => &m,
        "k" => &k,
        _ => "",
    })
}

/// An address line 2 (floor, suite, unit), or "" for most addresses.
pub fn line2(c: &Country, rng: &mut Rand) -> String {
    if rng.chance(0.25) {
        rng.pick(&c.line2).replace("{n}", &rng.range(1, 40).to_string())
    } else {
        String::new()
    }
}

/// The country as a clean row writes it: its code mostly, otherwise its English name or
/// alpha-3 code (which `run` accepts without a warning).
pub fn country_written(c: &Country, rng: &mut Rand) -> String {
    if c.silent.is_empty() || rng.chance(0.75) {
        c.code.clone()
    } else {
        rng.pick(&c.silent).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::data;
    use super::super::rng::Purpose;
    use super::*;
    use crate::normalize::address_meta;
    use crate::rules::registration_id::REQUIRED_COUNTRIES;

    #[test]
    fn every_city_gives_valid_postcodes_and_states() {
        let mut rng = Rand::new(1, Purpose::Row, 0);
        let required = crate::config::Profile::default_profile().state_required;
        for c in &data().countries {
            let meta = address_meta::country(&c.code).unwrap_or_else(|| panic!("{} has no metadata", c.code));
            for city in &c.cities {
                for _ in 0..30 {
                    let p = postal(c, city, &mut rng);
                    assert_ne!(meta.postal_code_matches(&p), Some(false), "{} {}: {p}", c.code, city.name);
                    if meta.requires_postal_code() {
                        assert!(!p.is_empty(), "{} {} needs a postcode", c.code, city.name);
                    }
                }
                if required.contains(&c.code) {
                    assert!(!city.state.is_empty(), "{} {} needs a state", c.code, city.name);
                }
                for s in [&city.state, &city.native_state] {
                    if !s.is_empty() && meta.has_states() {
                        assert!(meta.resolve_state(s).is_some(), "{} {}: state {s}", c.code, city.name);
                    }
                }
            }
        }
        assert!(REQUIRED_COUNTRIES.iter().all(|cc| data().country(cc).is_some()));
    }

    #[test]
    fn streets_and_countries() {
        let mut rng = Rand::new(2, Purpose::Row, 0);
        let line = street_line("{s} {n}", "Hauptstraße", &mut rng);
        assert!(line.starts_with("Hauptstraße ") && line.len() > 14, "{line}");
        let jp = street_line("{n}-{m}-{k} {s}", "Marunouchi", &mut rng);
        assert!(!jp.contains('{'), "{jp}");
        let de = &data().countries[data().country("DE").unwrap()];
        for _ in 0..50 {
            let w = country_written(de, &mut rng);
            assert!(
                matches!(
                    crate::normalize::country::resolve(&w),
                    Some((
                        "DE",
                        crate::normalize::country::CountryMatch::Code
                            | crate::normalize::country::CountryMatch::Standard
                    ))
                ),
                "{w}"
            );
        }
    }
}
