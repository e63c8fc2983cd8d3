//! The billing profile's culture and language, taken from Partner Center's table of supported
//! cultures per country (`partner-center-supported-languages-and-locales.md`), never built
//! from the country's own languages: Partner Center accepts `be-BY` but not `ru-BY`, `fr-CA` and
//! `en-US` but not `en-CA`.

use super::markets;
use crate::model::catalogue::RuleId;
use crate::model::Finding;

/// The culture and language a request carries, and what the user should know about them.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    /// A culture Partner Center supports for the country, as the table writes it.
    pub culture: String,
    /// The culture's language (`language` must match `culture`).
    pub language: String,
    /// `culture.unsupported` / `language.unsupported`, when what was written could not be used.
    pub findings: Vec<Finding>,
}

/// The culture Partner Center lists for `cc` that `written` names, ignoring case and `_`.
fn find<'a>(supported: &'a [String], written: &str) -> Option<&'a String> {
    let w = written.trim().replace('_', "-");
    supported.iter().find(|c| c.eq_ignore_ascii_case(&w))
}

/// The default for a country: the first of the profile's `preferred` cultures that Partner
/// Center supports there, else the first one the table lists.
fn default<'a>(supported: &'a [String], preferred: &[String]) -> &'a String {
    preferred.iter().find_map(|p| find(supported, p)).unwrap_or(&supported[0])
}

/// The supported culture for a language: the default when it has that language, else the
/// first listed with it.
fn for_language<'a>(supported: &'a [String], default: &'a String, language: &str) -> Option<&'a String> {
    let same = |c: &&String| markets::language_of(c).eq_ignore_ascii_case(language);
    Some(default).filter(same).or_else(|| supported.iter().find(same))
}

/// Chooses the culture and language for a row of country `cc` from what the row wrote.
/// A written culture Partner Center does not support for the country becomes the supported
/// culture of the same language (`en-CA` → `en-US`), or the default; a written language
/// likewise. Countries Partner Center does not list keep what was written (the address rules
/// report the country), with `en-US` when nothing was.
pub fn choose(cc: &str, culture: &str, language: &str, preferred: &[String]) -> Choice {
    let (culture, language) = (culture.trim(), language.trim());
    let Some(supported) = markets::cultures(cc) else {
        let c = if culture.is_empty() { "en-US" } else { culture };
        let l = if language.is_empty() { markets::language_of(c) } else { language };
        return Choice { culture: c.to_string(), language: l.to_ascii_lowercase(), findings: Vec::new() };
    };
    let default = default(supported, preferred);
    let listed = || supported.join(", ");
    let mut findings = Vec::new();
    let chosen = if culture.is_empty() {
        match language {
            "" => default,
            l => for_language(supported, default, l).unwrap_or(default),
        }
    } else if let Some(c) = find(supported, culture) {
        c
    } else {
        let c = for_language(supported, default, markets::language_of(culture)).unwrap_or(default);
        findings.push(
            Finding::new(RuleId::CultureUnsupported, culture)
                .with_detail(format!("Partner Center supports {} for {cc}; sent as {c}", listed())),
        );
        c
    };
    let lang = markets::language_of(chosen).to_ascii_lowercase();
    if !language.is_empty() && !language.eq_ignore_ascii_case(&lang) {
        let why = if for_language(supported, default, language).is_some() {
            format!("not the language of the culture {chosen}; sent as {lang}")
        } else {
            format!("Partner Center supports {} for {cc}; sent as {lang}", listed())
        };
        findings.push(Finding::new(RuleId::LanguageUnsupported, language).with_detail(why));
    }
    Choice { culture: chosen.clone(), language: lang, findings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cultures_come_from_partner_centers_table() {
        let none: &[String] = &[];
        let en = ["en-US".to_string()];
        // (country, culture written, language written, preferred, culture, language, codes)
        type Case<'a> = (&'a str, &'a str, &'a str, &'a [String], &'a str, &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            ("DE", "", "", none, "de-DE", "de", &[]),
            ("BY", "", "", none, "be-BY", "be", &[]),
            ("CA", "", "", none, "fr-CA", "fr", &[]),
            ("NO", "", "", none, "nb-NO", "nb", &[]),
            ("AZ", "", "", none, "az-Latn-AZ", "az", &[]),
            ("MM", "", "", none, "en-US", "en", &[]),
            ("CA", "", "", &en, "en-US", "en", &[]),
            ("MZ", "", "", &en, "pt-PT", "pt", &[]),
            ("BE", "", "nl", none, "nl-BE", "nl", &[]),
            ("CA", "", "en", none, "en-US", "en", &[]),
            ("US", "ES-us", "", none, "es-US", "es", &[]),
            ("CH", "it_CH", "IT", none, "it-CH", "it", &[]),
            ("CA", "en-CA", "", none, "en-US", "en", &["culture.unsupported"]),
            ("BY", "ru-BY", "", none, "be-BY", "be", &["culture.unsupported"]),
            ("AZ", "az-AZ", "az", none, "az-Latn-AZ", "az", &["culture.unsupported"]),
            ("KZ", "ru-KZ", "ru", none, "kk-KZ", "kk", &["culture.unsupported", "language.unsupported"]),
            ("DE", "", "xx", none, "de-DE", "de", &["language.unsupported"]),
            ("CA", "fr-CA", "en", none, "fr-CA", "fr", &["language.unsupported"]),
            ("IR", "", "", none, "en-US", "en", &[]),
            ("IR", "fa-IR", "", none, "fa-IR", "fa", &[]),
        ];
        for &(cc, culture, language, preferred, want_c, want_l, codes) in cases {
            let got = choose(cc, culture, language, preferred);
            let got_codes: Vec<&str> = got.findings.iter().map(|f| f.rule.code()).collect();
            assert_eq!(
                (got.culture.as_str(), got.language.as_str(), got_codes.as_slice()),
                (want_c, want_l, codes),
                "{cc} {culture:?} {language:?}"
            );
        }
    }

    #[test]
    fn every_choice_is_supported_and_its_language_matches() {
        for cc in ["US", "CA", "GB", "BE", "CH", "IN", "RS", "ES", "SG", "LU", "FI"] {
            let supported = markets::cultures(cc).unwrap();
            for culture in supported.iter().map(String::as_str).chain(["xx-XX", "", "en-GB", "de-DE"]) {
                let got = choose(cc, culture, "", &[]);
                assert!(supported.contains(&got.culture), "{cc} {culture}: {}", got.culture);
                assert_eq!(got.language, markets::language_of(&got.culture));
            }
        }
    }
}
