//! The generator's word lists: `data/generate/countries.json` (cities, streets, people's names,
//! industries, legal forms, native scripts; written by `scripts/gen_generator_data.py`),
//! embedded and parsed once.

use crate::normalize::address_meta::{self, CountryAddress};
use crate::normalize::country::{resolve, CountryMatch};
use crate::rules::registration_id;
use serde::Deserialize;
use std::sync::OnceLock;

/// The bundled file.
const DATA: &str = include_str!("../../data/generate/countries.json");

/// Brand syllables per script; every list has [`SYLLABLES`] entries `[written, latin]`.
#[derive(Debug, Deserialize)]
pub struct Syllables {
    /// Latin (also the Latin form of every other script's brand).
    pub latin: Vec<[String; 2]>,
    /// Cyrillic, letter for letter from the Latin syllables.
    pub cyrillic: Vec<[String; 2]>,
    /// Arabic.
    pub arabic: Vec<[String; 2]>,
    /// Chinese characters with their pinyin.
    pub han: Vec<[String; 2]>,
    /// Japanese katakana with their romaji.
    pub katakana: Vec<[String; 2]>,
    /// Thai with a romanisation.
    pub thai: Vec<[String; 2]>,
}

/// How many syllables each script has; a brand is three of them.
pub const SYLLABLES: u64 = 56;

/// A writing system of company names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Latin letters (with the country's accents).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Arabic.
    Arabic,
    /// Chinese characters.
    Han,
    /// Japanese katakana.
    Katakana,
    /// Thai.
    Thai,
}

/// One city.
#[derive(Debug, Deserialize)]
pub struct City {
    /// The name in Latin letters.
    pub name: String,
    /// The name in the country's script, if it has another.
    pub native: String,
    /// The state or province as usually written, "" where none is used.
    pub state: String,
    /// The state in the country's script.
    pub native_state: String,
    /// Postcode pattern: `#` a digit, `@` a letter, "" where the country has none.
    pub postal: String,
    /// National phone template: `N` a digit 2–9, `X` any digit.
    pub phone: String,
    /// Position among all cities of all countries, filled at load (keys per-city caches).
    #[serde(skip)]
    pub index: usize,
}

/// Company names, streets and people in the country's own script.
#[derive(Debug, Deserialize)]
pub struct Native {
    /// The script.
    pub script: Script,
    /// Share of the country's companies whose name is written in it.
    pub share: f64,
    /// Name formats with `{legal}`, `{brand}`, `{ind}`, `{city}`.
    pub formats: Vec<String>,
    /// Native legal forms (may be `[""]`).
    pub legal: Vec<String>,
    /// Industry words `[written, latin]`.
    pub industries: Vec<[String; 2]>,
    /// Well-known streets.
    pub streets: Vec<String>,
    /// Street format with `{s}` and `{n}`.
    pub street_fmt: String,
    /// Street name templates with `{w}`.
    #[serde(default)]
    pub street_templates: Vec<String>,
    /// Words for street names.
    #[serde(default)]
    pub street_words: Vec<String>,
    /// First names `[written, latin]`.
    pub first: Vec<[String; 2]>,
    /// Last names `[written, latin]`.
    pub last: Vec<[String; 2]>,
    /// Education institution formats.
    pub edu: Vec<String>,
}

/// One country.
#[derive(Debug, Deserialize)]
pub struct Country {
    /// ISO alpha-2.
    pub code: String,
    /// Relative share of rows.
    pub weight: f64,
    /// Top-level domain of its companies' web and mail addresses.
    pub tld: String,
    /// Legal forms.
    pub legal: Vec<String>,
    /// "prefix" or "suffix".
    pub legal_pos: String,
    /// Street format with `{s}` and `{n}`.
    pub street_fmt: String,
    /// Well-known street names.
    pub streets: Vec<String>,
    /// Street name templates with `{w}` ("{w} Street", "{w}straße").
    pub street_templates: Vec<String>,
    /// Words for street names (surnames, regional words).
    pub street_words: Vec<String>,
    /// Address line 2 formats with `{n}`.
    pub line2: Vec<String>,
    /// First names.
    pub first: Vec<String>,
    /// Last names.
    pub last: Vec<String>,
    /// Industry words.
    pub industries: Vec<String>,
    /// Regional words used in some names.
    pub stems: Vec<String>,
    /// Cities.
    pub cities: Vec<City>,
    /// Other ways the country is written (names, alpha-3, local names).
    pub written: Vec<String>,
    /// Education institution formats with `{brand}`.
    pub edu: Vec<String>,
    /// The native script, where names are also written in one.
    pub native: Option<Native>,
    /// Spellings that resolve silently (code, alpha-3, ISO English name), filled at load.
    #[serde(skip)]
    pub silent: Vec<String>,
    /// Spellings that resolve with `address.country.normalised`, filled at load.
    #[serde(skip)]
    pub other: Vec<String>,
    /// What the rules require of the country, looked up once at load.
    #[serde(skip)]
    pub facts: Facts,
}

/// What the rules require of a country (looked up once, not per row).
#[derive(Default)]
pub struct Facts {
    /// Google's address metadata.
    pub meta: Option<&'static CountryAddress>,
    /// One of the 24 registration-ID countries.
    pub reg24: bool,
    /// Its business IDs have a check digit.
    pub checksum: bool,
    /// It has a personal ID.
    pub personal: bool,
    /// It requires a city.
    pub city_required: bool,
    /// It requires a postcode.
    pub postal_required: bool,
    /// It has a postcode pattern.
    pub postal_pattern: bool,
}

impl std::fmt::Debug for Facts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Facts")
            .field("reg24", &self.reg24)
            .field("city_required", &self.city_required)
            .field("postal_required", &self.postal_required)
            .finish_non_exhaustive()
    }
}

/// The whole file.
#[derive(Debug, Deserialize)]
pub struct Data {
    /// Brand syllables.
    pub syllables: Syllables,
    /// Countries, in file order.
    pub countries: Vec<Country>,
    /// Country weights, in file order.
    #[serde(skip)]
    pub weights: Vec<f64>,
    /// How many cities there are in all.
    #[serde(skip)]
    pub cities: usize,
}

impl Data {
    /// The syllables of a script.
    pub fn script(&self, s: Script) -> &[[String; 2]] {
        let y = &self.syllables;
        match s {
            Script::Latin => &y.latin,
            Script::Cyrillic => &y.cyrillic,
            Script::Arabic => &y.arabic,
            Script::Han => &y.han,
            Script::Katakana => &y.katakana,
            Script::Thai => &y.thai,
        }
    }

    /// A country by code.
    pub fn country(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }
}

/// The parsed data.
pub fn data() -> &'static Data {
    static DATA_CELL: OnceLock<Data> = OnceLock::new();
    DATA_CELL.get_or_init(|| {
        let mut d: Data = serde_json::from_str(DATA).expect("the bundled generator data is valid");
        let mut next = 0;
        for city in d.countries.iter_mut().flat_map(|c| c.cities.iter_mut()) {
            city.index = next;
            next += 1;
        }
        d.cities = next;
        for c in &mut d.countries {
            let meta = address_meta::country(&c.code);
            c.facts = Facts {
                meta,
                reg24: registration_id::is_required(&c.code),
                checksum: registration_id::is_required(&c.code) && super::ids::has_checksum(&c.code),
                personal: super::ids::personal(&c.code, 0).is_some(),
                city_required: meta.is_some_and(|m| m.requires_city()),
                postal_required: meta.is_some_and(|m| m.requires_postal_code()),
                postal_pattern: meta.is_some_and(|m| m.postal_code_matches("").is_some()),
            };
            // Sort the spellings by what the tool will make of them, so a clean row never
            // carries a warning by accident.
            for w in &c.written {
                match resolve(w) {
                    Some((cc, CountryMatch::Code | CountryMatch::Standard)) if cc == c.code => {
                        c.silent.push(w.clone())
                    }
                    Some((cc, CountryMatch::Other)) if cc == c.code => c.other.push(w.clone()),
                    _ => {}
                }
            }
        }
        d.weights = d.countries.iter().map(|c| c.weight).collect();
        d
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registration_id::REQUIRED_COUNTRIES;

    #[test]
    fn data_loads_and_covers_the_24_countries() {
        let d = data();
        assert!(d.countries.len() >= 45);
        for cc in REQUIRED_COUNTRIES {
            assert!(d.country(cc).is_some(), "{cc} is missing");
        }
        for s in
            [Script::Latin, Script::Cyrillic, Script::Arabic, Script::Han, Script::Katakana, Script::Thai]
        {
            assert_eq!(d.script(s).len() as u64, SYLLABLES, "{s:?}");
        }
        for c in &d.countries {
            assert!(!c.cities.is_empty() && !c.industries.is_empty() && !c.legal.is_empty(), "{}", c.code);
            assert!(!c.first.is_empty() && !c.last.is_empty() && !c.streets.is_empty(), "{}", c.code);
            assert!(c.silent.iter().all(|w| resolve(w).is_some()), "{}", c.code);
        }
        assert!(d.countries.iter().any(|c| !c.other.is_empty()), "some countries have local names");
    }
}
