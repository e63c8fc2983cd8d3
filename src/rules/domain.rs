//! Domain-prefix rules for a single row (letters and digits, at most 27 characters) and the
//! suggestion of a prefix from the company name. Uniqueness within the batch and against
//! Partner Center is decided later, in `matching::domains`.

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::text::fold_words;
use crate::rules::company::LEGAL_FORMS;

/// Longest prefix Partner Center accepts (before `.onmicrosoft.com`).
pub const MAX_PREFIX: usize = 27;

/// Runs the single-row domain rules.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let prefix = ctx.value(Field::Domain);
    if prefix.is_empty() {
        return;
    }
    let raw = ctx.raw(Field::Domain);
    if !prefix.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
        let bad: String = prefix.chars().filter(|c| !c.is_ascii_alphanumeric()).take(5).collect();
        out.push(Finding::new(RuleId::DomainSyntax, raw).with_detail(format!("remove {bad:?}")));
    } else if prefix.len() > MAX_PREFIX {
        out.push(
            Finding::new(RuleId::DomainTooLong, raw).with_detail(format!("{} characters", prefix.len())),
        );
    }
}

/// Whether a prefix is syntactically acceptable.
pub fn is_valid_prefix(prefix: &str) -> bool {
    !prefix.is_empty()
        && prefix.len() <= MAX_PREFIX
        && prefix.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// A prefix derived from the website's name or the company name: ASCII letters and digits of
/// its distinctive words (accents folded), at most 27 characters. None if nothing usable is left.
pub fn suggest(company: &str, website: &str) -> Option<String> {
    if let Some(host) = website_name(website) {
        return Some(host);
    }
    // Other scripts are transliterated: "ООО Ромашка" suggests "romashka".
    let folded = fold_words(&deunicode::deunicode(company));
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let distinctive: Vec<&str> = words.iter().copied().filter(|w| !LEGAL_FORMS.contains(w)).collect();
    let chosen = if distinctive.is_empty() { &words } else { &distinctive };
    let mut s: String = chosen.concat().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    s.truncate(MAX_PREFIX);
    (s.len() >= 2).then_some(s)
}

/// The main label of a website address (`https://www.contoso.co.uk` → `contoso`).
fn website_name(website: &str) -> Option<String> {
    let w = website.trim().to_lowercase();
    let w = w.split("://").last()?.split(['/', '?', '#']).next()?;
    let w = w.strip_prefix("www.").unwrap_or(w);
    let label = w.split('.').next()?;
    let s: String = label.chars().filter(|c| c.is_ascii_alphanumeric()).take(MAX_PREFIX).collect();
    (s.len() >= 2 && w.contains('.')).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_judged() {
        for (p, ok) in
            [("contoso", true), ("contoso2024", true), ("my-shop", false), ("a.b", false), ("", false)]
        {
            assert_eq!(is_valid_prefix(p), ok, "{p}");
        }
        assert!(!is_valid_prefix(&"a".repeat(28)));
        assert!(is_valid_prefix(&"a".repeat(27)));
    }

    #[test]
    fn suggestions() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("Contoso Ltd", "", Some("contoso")),
            ("Müller & Söhne GmbH", "", Some("mullersohne")),
            ("Fabrikam, Inc.", "https://www.fabrikam.com/about", Some("fabrikam")),
            ("ООО Ромашка", "", Some("romashka")),
            ("株式会社", "", Some("zhushihuishe")),
            ("!!!", "", None),
            ("Northwind Traders International Holdings Group", "", Some("northwindtradersinternation")),
        ];
        for (company, site, want) in cases {
            assert_eq!(suggest(company, site).as_deref(), *want, "{company:?}");
        }
    }
}
