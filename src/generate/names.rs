//! Company and person names. A company's name is its brand (three syllables) and industry word,
//! unique within its country: the k-th company of a country gets the k-th slot of a keyed
//! permutation over every (brand, industry) pair, so no two customers share a name by accident.
//! The brand can be written in six scripts and always has a Latin form.

use super::data::{data, Country, Script, SYLLABLES};
use super::name_formats;
use super::rng::{mix, permute, Purpose, Rand};
use super::translit;

/// Which brand and industry a company has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameId {
    /// Three syllable indexes.
    pub brand: [usize; 3],
    /// Index into the country's industry words.
    pub industry: usize,
}

/// The name slot of the k-th company of a country. Distinct `k` below
/// `SYLLABLES³ × industries` give distinct slots; beyond that, names repeat.
pub fn name_id(seed: u64, country: usize, k: u64, industries: usize) -> NameId {
    let brands = SYLLABLES.pow(3);
    let m = brands * industries.max(1) as u64;
    let p = permute(k % m, m, mix(seed ^ mix(country as u64 + 1)));
    let b = p % brands;
    NameId {
        brand: [
            (b / (SYLLABLES * SYLLABLES)) as usize,
            ((b / SYLLABLES) % SYLLABLES) as usize,
            (b % SYLLABLES) as usize,
        ],
        industry: (p / brands) as usize,
    }
}

/// A brand in a script, and its Latin form.
pub fn brand(script: Script, id: &NameId) -> (String, String) {
    let syl = data().script(script);
    let written: String = id.brand.iter().map(|&i| syl[i][0].as_str()).collect();
    let latin: String = id.brand.iter().map(|&i| syl[i][1].as_str()).collect();
    let written = match script {
        Script::Latin | Script::Cyrillic => capitalise(&written),
        _ => written,
    };
    (written, capitalise(&latin))
}

/// `word` with its first letter in upper case.
pub fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Letters and digits of the ASCII-folded text, lower case (for e-mail and domain names).
pub fn slug(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A company name as its parts, so duplicates can vary one part and render again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompanyName {
    /// The template: `{brand}`, `{ind}`, `{legal}`, `{stem}`, `{city}`, `{given}`.
    pub format: String,
    /// The brand as written.
    pub brand: String,
    /// The industry word.
    pub industry: String,
    /// The legal form ("" for none).
    pub legal: String,
    /// A regional word.
    pub stem: String,
    /// The city (names in some scripts start with it).
    pub city: String,
    /// A person's given name, in companies named after their founder (`Tobias Rennick Pty Ltd`,
    /// the brand standing for the family name).
    pub given: String,
}

impl CompanyName {
    /// The name as written: the template filled in, spaces collapsed.
    pub fn render(&self) -> String {
        let s = expand(&self.format, |key| match key {
            "brand" => &self.brand,
            "ind" => &self.industry,
            "legal" => &self.legal,
            "stem" => &self.stem,
            "city" => &self.city,
            "given" => &self.given,
            _ => "",
        });
        if s.contains("  ") || s.starts_with(' ') || s.ends_with(' ') {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            s
        }
    }
}

/// Fills `{key}` placeholders of a template in one pass (unknown keys become "").
pub fn expand<'a>(template: &str, value: impl Fn(&str) -> &'a str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => {
                out.push_str(value(&rest[open + 1..open + close]));
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Everything that makes up a company's name.
#[derive(Clone, Debug)]
pub struct Identity {
    /// Brand and industry.
    pub id: NameId,
    /// Whether the name is written in the country's own script.
    pub native: bool,
    /// The name as the customer list writes it.
    pub name: CompanyName,
    /// The name in Latin letters (for Partner Center, which often has it so).
    pub latin: CompanyName,
    /// For Cyrillic countries, the name in the other script (Latin ↔ Cyrillic).
    pub alt: Option<CompanyName>,
    /// The brand in Latin letters.
    pub brand_latin: String,
    /// The industry in Latin letters.
    pub industry_latin: String,
    /// The city, as an index into the country's cities.
    pub city: usize,
}

/// How many industry slots a country's names use: the shorter of its Latin and native lists, so
/// a slot is unique in both scripts.
pub fn industry_slots(c: &Country) -> usize {
    let latin = c.industries.len();
    match &c.native {
        Some(n) => latin.min(n.industries.len()),
        None => latin,
    }
}

/// The name of the k-th company of country `ci` (identity id `source`), education or not.
pub fn identity(seed: u64, ci: usize, source: u64, k: u64, education: bool) -> Identity {
    let c = &data().countries[ci];
    let mut rng = Rand::new(seed, Purpose::Names, source);
    let id = name_id(seed, ci, k, industry_slots(c));
    let city = rng.index(c.cities.len());
    let native = c.native.as_ref().filter(|n| rng.chance(n.share));
    let cyrillic = c.native.as_ref().is_some_and(|n| n.script == Script::Cyrillic);
    let (brand_latin_written, brand_latin) = brand(Script::Latin, &id);
    debug_assert_eq!(brand_latin_written, brand_latin);

    // The Latin-letter name: industry words of Cyrillic countries are the transliterated native
    // ones, so that the same company written in both scripts has the same words.
    let industry_latin = match (&c.native, cyrillic) {
        (Some(n), true) => capitalise(&translit::cyr_to_lat(&n.industries[id.industry][0], false)),
        _ => c.industries[id.industry].clone(),
    };
    let legal_latin = if cyrillic {
        translit::cyr_to_lat(
            &c.native.as_ref().map(|n| rng.pick(&n.legal).clone()).unwrap_or_default(),
            false,
        )
    } else {
        rng.pick(&c.legal).clone()
    };
    let (latin_format, given) = name_formats::latin(c, &id, education, &mut rng);
    let latin = CompanyName {
        format: latin_format,
        brand: brand_latin.clone(),
        industry: industry_latin.clone(),
        legal: legal_latin,
        stem: rng.pick(&c.stems).clone(),
        city: c.cities[city].name.clone(),
        given,
    };
    let native_name = c.native.as_ref().map(|n| {
        let format = if education && !n.edu.is_empty() { rng.pick(&n.edu) } else { rng.pick(&n.formats) };
        let city_n = &c.cities[city];
        CompanyName {
            format: format.clone(),
            brand: brand(n.script, &id).0,
            industry: n.industries[id.industry][0].clone(),
            legal: rng.pick(&n.legal).clone(),
            stem: String::new(),
            city: if city_n.native.is_empty() { city_n.name.clone() } else { city_n.native.clone() },
            given: String::new(),
        }
    });
    let (name, alt) = match (native.is_some(), native_name) {
        (true, Some(n)) => (n, cyrillic.then(|| latin.clone())),
        (_, n) => (latin.clone(), n.filter(|_| cyrillic)),
    };
    Identity { id, native: native.is_some(), name, latin, alt, brand_latin, industry_latin, city }
}

/// A contact person: (first, last) as written and their Latin forms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    /// First name as written.
    pub first: String,
    /// Last name as written.
    pub last: String,
    /// First name in Latin letters.
    pub first_latin: String,
    /// Last name in Latin letters.
    pub last_latin: String,
}

/// A person of the country, in its script when `native` and the data has native names.
pub fn person(c: &Country, native: bool, rng: &mut Rand) -> Person {
    if let Some(n) = c.native.as_ref().filter(|n| native && !n.first.is_empty() && !n.last.is_empty()) {
        let f = rng.pick(&n.first);
        let l = rng.pick(&n.last);
        return Person {
            first: f[0].clone(),
            last: l[0].clone(),
            first_latin: capitalise(&f[1]),
            last_latin: capitalise(&l[1]),
        };
    }
    let f = rng.pick(&c.first).clone();
    let l = rng.pick(&c.last).clone();
    Person { first_latin: f.clone(), last_latin: l.clone(), first: f, last: l }
}

/// An e-mail address of a person at `domain`, in one of the usual corporate styles.
pub fn email(p: &Person, domain: &str, rng: &mut Rand) -> String {
    let (f, l) = (slug(&p.first_latin), slug(&p.last_latin));
    let local = match rng.weighted(&[6.0, 2.0, 1.0, 1.0]) {
        0 => format!("{f}.{l}"),
        1 => format!("{}{l}", f.chars().next().unwrap_or('x')),
        2 => f,
        _ => format!("{f}_{l}"),
    };
    format!("{local}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_within_a_country() {
        let d = data();
        for ci in [d.country("DE").unwrap(), d.country("RU").unwrap(), d.country("CN").unwrap()] {
            let mut seen = HashSet::new();
            let mut ids = HashSet::new();
            for k in 0..3000 {
                let who = identity(9, ci, 1_000_000 + k, k, false);
                assert!(ids.insert(who.id), "slot reused at k={k}");
                assert!(seen.insert(who.name.render()), "{} twice", who.name.render());
            }
        }
    }

    #[test]
    fn scripts_and_forms() {
        let d = data();
        let ru = d.country("RU").unwrap();
        let mut native = 0;
        for k in 0..200 {
            let who = identity(3, ru, k, k, false);
            let alt = who.alt.as_ref().expect("Cyrillic countries have both scripts").render();
            let name = who.name.render();
            let (cyr, lat) = if who.native { (&name, &alt) } else { (&alt, &name) };
            assert!(cyr.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)), "{cyr}");
            assert!(lat.is_ascii(), "{lat}");
            native += usize::from(who.native);
        }
        assert!((100..180).contains(&native), "about 70% native, got {native}/200");
        assert_eq!(capitalise("éclair"), "Éclair");
        assert_eq!(slug("Müller-Lüdenscheidt GmbH"), "mullerludenscheidtgmbh");
        let n =
            CompanyName {
                format: "{legal} «{brand} {ind}»".into(), brand: "B".into(), ..Default::default()
            };
        assert_eq!(n.render(), "«B »");
    }
}
