//! Whether a field differs between a legacy row and its Partner Center customer, and how:
//! `cosmetic` (the same value written another way) or `material` (a different value).
//!
//! Pure functions of (field, legacy value, Partner Center value), both already normalised.

use crate::matching::keys::postal_key;
use crate::matching::similarity::name_key;
use crate::model::Field;
use crate::normalize::forms::{city_form, street_form};
use crate::normalize::{country, domain_prefix, text::fold_words};

/// Two long names or streets this alike after folding (1 − edits / length) are spelling or
/// transliteration variants ("Severnyi" / "Severny"), not different values. Below 10 letters no
/// edit is forgiven, so short names must agree exactly.
const NEAR: f64 = 0.9;

/// How two values differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A different value: another registration ID, country, postal code, street or name, or a
    /// value Partner Center does not have.
    Material,
    /// The same value written another way: case, accents, punctuation, spacing, abbreviations,
    /// legal forms.
    Cosmetic,
}

impl Kind {
    /// The lower-case name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Material => "material",
            Kind::Cosmetic => "cosmetic",
        }
    }
}

/// A difference between the two sides of one field.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    /// Material or cosmetic.
    pub kind: Kind,
    /// How alike the values are as written, ignoring case and script: 1 − edit distance /
    /// longer length, 0 when Partner Center has no value.
    pub similarity: f64,
}

/// Classifies one field. `None` when there is nothing to report: the values are equal, or the
/// legacy list is silent (an empty list value is no claim against Partner Center, and the rules
/// already report it as missing). A value Partner Center lacks is material.
pub fn classify(field: Field, legacy: &str, pc: &str) -> Option<Difference> {
    if legacy == pc || legacy.is_empty() {
        return None;
    }
    if pc.is_empty() {
        return Some(Difference { kind: Kind::Material, similarity: 0.0 });
    }
    let kind = if same_value(field, legacy, pc) { Kind::Cosmetic } else { Kind::Material };
    Some(Difference { kind, similarity: similarity(legacy, pc) })
}

/// 1 − Levenshtein distance / longer length, on lower-cased text in Latin letters (so that a
/// name in Cyrillic and its transliteration are not 0 % alike).
pub fn similarity(a: &str, b: &str) -> f64 {
    let latin = |s: &str| deunicode::deunicode(s).to_lowercase();
    strsim::normalized_levenshtein(&latin(a), &latin(b))
}

/// Whether two different spellings are the same value of `field`.
fn same_value(field: Field, a: &str, b: &str) -> bool {
    match field {
        Field::CompanyName => same_digits(a, b) && near(&name_form(a), &name_form(b)),
        Field::AddressLine1 | Field::AddressLine2 => {
            same_digits(a, b) && near(&street_form(a), &street_form(b))
        }
        Field::City => near(&city_form(a), &city_form(b)),
        Field::PostalCode => postal_key(a) == postal_key(b),
        Field::Country => match (country::resolve(a), country::resolve(b)) {
            (Some((x, _)), Some((y, _))) => x == y,
            _ => compact(a) == compact(b),
        },
        Field::ContactEmail => a.trim().eq_ignore_ascii_case(b.trim()),
        Field::ContactPhone => same_phone(a, b),
        Field::RegistrationId => same_registration(a, b),
        Field::Domain => domain_prefix(a) == domain_prefix(b),
        _ => compact(a) == compact(b),
    }
}

/// Equal, or long enough for a one-letter variant and at least [`NEAR`] alike.
fn near(a: &str, b: &str) -> bool {
    a == b || (!a.is_empty() && !b.is_empty() && strsim::normalized_levenshtein(a, b) >= NEAR)
}

/// Folded letters and digits only, transliterated: case, accents, punctuation and spacing gone.
fn compact(s: &str) -> String {
    fold_words(&deunicode::deunicode(s)).replace(' ', "")
}

/// The numbers in a value, in order: a different house number or branch number is never
/// cosmetic, however alike the rest is.
fn same_digits(a: &str, b: &str) -> bool {
    let runs = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).map(str::to_string).collect()
    };
    runs(a) == runs(b)
}

/// Legal forms written in full, removed before the abbreviations [`name_key`] removes.
const LEGAL_PHRASES: &[&str] = &[
    "spolka z ograniczona odpowiedzialnoscia",
    "gesellschaft mit beschrankter haftung",
    "societe a responsabilite limitee",
    "societe par actions simplifiee",
    "limited liability company",
    "public limited company",
    "sociedade anonima",
    "sociedad anonima",
    "sociedad limitada",
    "societe anonyme",
    "kabushiki kaisha",
    "cong ty co phan",
    "cong ty tnhh",
    "anonim sirketi",
    "limited sirketi",
    "spolka akcyjna",
    "sp z o o",
    "s a r l",
    "s r l",
    "s p a",
    "k k",
];

/// Legal forms `name_key` does not know.
#[rustfmt::skip]
const MORE_LEGAL_FORMS: &[&str] = &[
    "proprietary", "aktiengesellschaft", "kommanditgesellschaft", "aktiebolag", "aksjeselskap",
    "osakeyhtio", "tnhh", "kk", "cv", "pllc", "sprl", "bvba",
];

/// A company name without case, accents, punctuation, spacing, script or legal form.
fn name_form(name: &str) -> String {
    // Each phrase with a space either side, made once: every matched pair's names pass here.
    static PADDED: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| LEGAL_PHRASES.iter().map(|p| format!(" {p} ")).collect());
    let mut padded = format!(" {} ", fold_words(&deunicode::deunicode(name)));
    for pat in PADDED.iter() {
        while padded.contains(pat.as_str()) {
            padded = padded.replacen(pat.as_str(), " ", 1);
        }
    }
    let key = name_key(&padded);
    let words: Vec<&str> = key.split(' ').filter(|w| !MORE_LEGAL_FORMS.contains(w)).collect();
    if words.is_empty() {
        key.replace(' ', "")
    } else {
        words.concat()
    }
}

/// The same digits, or the same subscriber number once a country code or trunk zero is left
/// out (`+43 512 959112` / `0512 959112`).
fn same_phone(a: &str, b: &str) -> bool {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let (da, db) = (digits(a), digits(b));
    if da == db {
        return true;
    }
    let (x, y) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    short.len() >= 7 && long.ends_with(short) && long.len() - short.len() <= 3
}

/// The same ID once punctuation and case are gone, or with and without a country prefix
/// (`DE811907980` / `811907980`).
fn same_registration(a: &str, b: &str) -> bool {
    let up = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
    };
    let (x, y) = (up(a), up(b));
    let unprefixed = |s: &str| -> Option<String> {
        let head: String = s.chars().take(2).collect();
        (head.len() == 2 && head.chars().all(|c| c.is_ascii_alphabetic()) && s.len() > 2)
            .then(|| s[2..].to_string())
    };
    x == y || unprefixed(&x).as_deref() == Some(y.as_str()) || unprefixed(&y).as_deref() == Some(x.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Field::*;
    use Kind::*;

    /// (field, legacy, Partner Center, expected kind or None for "no line").
    #[rustfmt::skip]
    const CASES: &[(Field, &str, &str, Option<Kind>)] = &[
        // Nothing to report.
        (CompanyName, "Contoso", "Contoso", None),
        (PostalCode, "", "10117", None),
        // Missing in Partner Center: material.
        (ContactEmail, "it@contoso.com", "", Some(Material)),
        (AddressLine2, "Floor 11", "", Some(Material)),
        // Names: case, accents, punctuation, legal forms are cosmetic.
        (CompanyName, "Fabrikam Ltd", "Fabrikam, Ltd.", Some(Cosmetic)),
        (CompanyName, "Trey Research Limited", "Trey Research Ltd", Some(Cosmetic)),
        (CompanyName, "Adventure Works Cycles", "Adventure Works Cycles Inc.", Some(Cosmetic)),
        (CompanyName, "Litware Inc", "Litware Incorporated", Some(Cosmetic)),
        (CompanyName, "Anadolu Yazilim Teknolojileri A.S.", "Anadolu Yazılım Teknolojileri A.Ş.", Some(Cosmetic)),
        (CompanyName, "Café Aurora Comércio de Alimentos Ltda", "CAFE AURORA COMERCIO DE ALIMENTOS LTDA", Some(Cosmetic)),
        (CompanyName, "Nowak Logistyka Sp. z o.o.", "NOWAK LOGISTYKA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ", Some(Cosmetic)),
        (CompanyName, "Boulangerie Dupont et Fils", "Boulangerie Dupont & Fils SARL", Some(Cosmetic)),
        (CompanyName, "Müller Bau GmbH & Co. KG", "Mueller Bau GmbH&Co.KG", Some(Cosmetic)),
        (CompanyName, "Müller Bau GmbH & Co. KG", "Muller Bau GmbH&Co.KG", Some(Cosmetic)),
        (CompanyName, "Bharat Cloud Solutions Pvt Ltd", "Bharat Cloud Solutions Private Limited", Some(Cosmetic)),
        (CompanyName, "ООО \"Северный ветер\"", "Severny Veter LLC", Some(Cosmetic)),
        // Names: clearly different names, or a different number, are material.
        (CompanyName, "Coho Vineyard & Winery", "Coho Winery", Some(Material)),
        (CompanyName, "Woodgrove Financial Services Inc.", "Woodgrove Bank", Some(Material)),
        (CompanyName, "Contoso Pharma", "Contoso Pharmacy", Some(Material)),
        (CompanyName, "Contoso", "Contosa", Some(Material)),
        (CompanyName, "Alpine Ski House 1", "Alpine Ski House 2", Some(Material)),
        // Streets: abbreviations and spelling are cosmetic; another number or street is not.
        (AddressLine1, "12 High St", "12 High Street", Some(Cosmetic)),
        (AddressLine1, "1020 Bike Lane", "1020 Bike Ln", Some(Cosmetic)),
        (AddressLine1, "20 Oak Ave.", "20 Oak Avenue", Some(Cosmetic)),
        (AddressLine1, "5 Mill Rd", "5 Mill Road", Some(Cosmetic)),
        (AddressLine1, "Maria-Theresien-Straße 18", "Maria-Theresien-Strasse 18", Some(Cosmetic)),
        (AddressLine1, "Hauptstr. 17", "Hauptstraße 17", Some(Cosmetic)),
        (AddressLine1, "Haupt Straße 17", "Hauptstraße 17", Some(Cosmetic)),
        (AddressLine1, "100 King St W", "100 King Street West", Some(Cosmetic)),
        (AddressLine1, "12 High St", "13 High Street", Some(Material)),
        (AddressLine1, "ul. Marszalkowska 104", "ul. Marszałkowska 104/122", Some(Material)),
        (AddressLine1, "107 Sparks Street", "100 King Street West", Some(Material)),
        (AddressLine1, "12 High Street", "12 Low Street", Some(Material)),
        // Cities.
        (City, "Hà Nội", "Hanoi", Some(Cosmetic)),
        (City, "St. Gallen", "Saint Gallen", Some(Cosmetic)),
        (City, "San Francisco", "Napa", Some(Material)),
        // States, postal codes, countries.
        (State, "ca", "CA", Some(Cosmetic)),
        (State, "WA", "OR", Some(Material)),
        (PostalCode, "01310-100", "01310100", Some(Cosmetic)),
        (PostalCode, "WC1N3AX", "WC1N 3AX", Some(Cosmetic)),
        (PostalCode, "20095", "20097", Some(Material)),
        (Country, "DE", "AT", Some(Material)),
        (Country, "Germany", "DE", Some(Cosmetic)),
        // Contact e-mail and phone.
        (ContactEmail, "Info@Contoso.com", "info@contoso.com", Some(Cosmetic)),
        (ContactEmail, "info@severveter.ru", "admin@severveter.ru", Some(Material)),
        (ContactPhone, "+43 512 959112", "+43512959112", Some(Cosmetic)),
        (ContactPhone, "0512 959112", "+43512959112", Some(Cosmetic)),
        (ContactPhone, "+43512959112", "+43512959113", Some(Material)),
        // Registration IDs: only punctuation, case or a country prefix is cosmetic.
        (RegistrationId, "332-727-58-84", "3327275884", Some(Cosmetic)),
        (RegistrationId, "29aabcl3114f1zv", "29AABCL3114F1ZV", Some(Cosmetic)),
        (RegistrationId, "DE811907980", "811907980", Some(Cosmetic)),
        (RegistrationId, "3327275884", "3327275885", Some(Material)),
        // Domains.
        (Domain, "TailspinToys", "tailspintoys", Some(Cosmetic)),
        (Domain, "litware.onmicrosoft.com", "litware", Some(Cosmetic)),
        (Domain, "relecloudau", "relecloud", Some(Material)),
    ];

    #[test]
    fn classification() {
        let mut wrong = Vec::new();
        for (field, legacy, pc, want) in CASES {
            let got = classify(*field, legacy, pc).map(|d| d.kind);
            if got != *want {
                wrong.push(format!("{field:?} {legacy:?} vs {pc:?}: want {want:?}, got {got:?}"));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn similarity_ignores_case_and_script() {
        let d = classify(AddressLine1, "12 High St", "12 High Street").unwrap();
        assert_eq!((d.similarity * 1000.0).round() / 1000.0, 0.714);
        assert_eq!(classify(PostalCode, "20095", "20097").unwrap().similarity, 0.8);
        assert_eq!(classify(ContactEmail, "a@b.com", "").unwrap().similarity, 0.0);
        assert_eq!(classify(CompanyName, "ACME Bau", "acme bau").unwrap().similarity, 1.0);
        let cyrillic = classify(CompanyName, "ООО \"Северный ветер\"", "Severny Veter LLC").unwrap();
        assert!(cyrillic.similarity > 0.4, "{cyrillic:?}");
    }
}
