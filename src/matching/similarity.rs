//! Company-name keys and similarity: legal forms, punctuation, case and accents folded away.

use crate::normalize::text::fold_words;
use crate::rules::company::LEGAL_FORMS;

/// Joining words that say nothing about which company it is ("Dupont et Fils" = "Dupont & Fils").
const STOPWORDS: &[&str] = &[
    "and", "et", "und", "y", "e", "en", "og", "och", "ja", "the", "of", "de", "la", "le", "les", "der",
    "die", "das", "del", "della", "di", "da", "do", "dos", "du", "des", "van", "von", "het",
];

/// The comparable core of a company name: folded words without legal forms
/// ("Contoso Ltd." and "CONTOSO LIMITED" both give "contoso").
pub fn name_key(name: &str) -> String {
    let folded = fold_words(&deunicode::deunicode(name));
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let core: Vec<&str> =
        words.iter().copied().filter(|w| !LEGAL_FORMS.contains(w) && !STOPWORDS.contains(w)).collect();
    if core.is_empty() {
        words.join(" ")
    } else {
        core.join(" ")
    }
}

/// Similarity of two name keys, 0 to 1: the better of Jaro-Winkler on the whole key and the
/// share of words in common (so word order and one extra word count for little).
pub fn name_similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let jw = strsim::jaro_winkler(a, b);
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    let dice = 2.0 * common as f64 / (wa.len() + wb.len()) as f64;
    jw.max(dice)
}

/// Rarity-weighted similarity of two names' words, 0 to 1: a weighted Dice coefficient where a
/// word counts as shared when the other name has it or a near spelling of it (typos).
pub fn token_similarity(a: &[String], b: &[String], w: &super::score::TokenWeights) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let total: f64 = a.iter().map(|t| w.weight(t)).sum::<f64>() + b.iter().map(|t| w.weight(t)).sum::<f64>();
    let mut shared = 0.0;
    let mut used = vec![false; b.len()];
    for t in a {
        let best = b
            .iter()
            .enumerate()
            .filter(|(k, _)| !used[*k])
            .map(|(k, u)| (k, near(t, u)))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((k, sim)) = best.filter(|(_, sim)| *sim >= 0.9) {
            used[k] = true;
            shared += sim * (w.weight(t) + w.weight(&b[k]));
        }
    }
    (shared / total).min(1.0)
}

/// How alike two words are: 1 when equal, Jaro-Winkler for words long enough to hold a typo.
fn near(a: &str, b: &str) -> f64 {
    if a == b {
        1.0
    } else if a.chars().any(|c| c.is_numeric()) || b.chars().any(|c| c.is_numeric()) {
        // "Store 10001" and "Store 10002" are two stores: numbers agree exactly or not at all.
        0.0
    } else if a.chars().count() >= 5 && b.chars().count() >= 5 {
        strsim::jaro_winkler(a, b)
    } else {
        0.0
    }
}

/// Whether a value is blank or a placeholder that must never link two rows.
pub fn is_placeholder_key(v: &str) -> bool {
    let compact: String = v.chars().filter(|c| c.is_alphanumeric()).collect();
    compact.len() < 3
        || compact.chars().all(|c| c == compact.chars().next().unwrap_or(' '))
        || matches!(
            compact.to_lowercase().as_str(),
            "na" | "none" | "null" | "unknown" | "tbd" | "test" | "123456" | "1234567890"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_legal_forms_and_scripts() {
        assert_eq!(name_key("Contoso Ltd."), "contoso");
        assert_eq!(name_key("CONTOSO LIMITED"), "contoso");
        assert_eq!(name_key("Müller GmbH & Co. KG"), "muller");
        assert_eq!(name_key("ООО Ромашка"), "romashka");
        assert_eq!(name_key("LLC"), "llc");
        assert_eq!(name_key("Boulangerie Dupont et Fils"), name_key("Boulangerie Dupont & Fils SARL"));
    }

    #[test]
    fn similarity() {
        assert_eq!(name_similarity("contoso", "contoso"), 1.0);
        assert!(name_similarity("contoso pharma", "contoso pharmaa") > 0.95);
        assert!(name_similarity("northwind traders", "traders northwind") >= 0.99);
        assert!(name_similarity("contoso", "fabrikam") < 0.6);
        let w = crate::matching::score::TokenWeights::default();
        let t = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert!(
            token_similarity(&t("firma 10001"), &t("firma 10000"), &w) < 0.6,
            "numbers never fuzzy-match"
        );
        assert!(token_similarity(&t("lamna healthcare"), &t("lamna helthcare"), &w) > 0.9);
        assert_eq!(name_similarity("", "x"), 0.0);
    }

    #[test]
    fn placeholders_never_link() {
        for v in ["", "0", "0000000000", "N/A", "unknown", "1234567890"] {
            assert!(is_placeholder_key(v), "{v:?}");
        }
        assert!(!is_placeholder_key("7707083893"));
    }
}
