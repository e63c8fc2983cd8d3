//! Whether two company names are one name written two ways. The batch domain rules use it: a
//! desired prefix held by a Partner Center customer whose name agrees is that customer, one held
//! by a customer whose name disagrees is taken.
//!
//! Strict on purpose, since it decides alone: a longer name sharing the brand word ("Fabrikam
//! Logistics" / "Fabrikam") is another company; only legal forms, case, accents, punctuation,
//! spacing, joining words, word order and one typo in a long word are forgiven, and the `?`
//! that Windows PowerShell writes for letters it cannot write in ASCII.

use super::similarity::name_key;
use crate::rules::company::LEGAL_FORMS;

/// Shortest word in which one typo is forgiven: in shorter ones an edit makes another word.
const TYPO_MIN_CHARS: usize = 5;

/// How alike two names are (0 to 1) when they are the same name written differently; None
/// when they name different companies, or either has no name left once legal forms are gone.
pub fn same_name(a: &str, b: &str) -> Option<f64> {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka.is_empty() || kb.is_empty() {
        return None;
    }
    if (a.contains('?') || b.contains('?')) && same_with_marks(a, b) {
        return Some(1.0);
    }
    let compact = |k: &str| k.replace(' ', "");
    let mut wa: Vec<&str> = ka.split(' ').collect();
    let mut wb: Vec<&str> = kb.split(' ').collect();
    wa.sort_unstable();
    wb.sort_unstable();
    if ka == kb || compact(&ka) == compact(&kb) || wa == wb {
        return Some(1.0);
    }
    if wa.len() != wb.len() {
        return None;
    }
    // Words in their own order, all equal but one, and that one a typo of the other.
    let pairs: Vec<(&str, &str)> = ka.split(' ').zip(kb.split(' ')).filter(|(x, y)| x != y).collect();
    match pairs.as_slice() {
        [(x, y)] if typo(x, y) => Some((strsim::normalized_levenshtein(&ka, &kb) * 1000.0).round() / 1000.0),
        _ => None,
    }
}

/// One letter added, dropped, changed or two swapped, in a word long enough to stay itself.
fn typo(x: &str, y: &str) -> bool {
    x.chars().count().min(y.chars().count()) >= TYPO_MIN_CHARS && strsim::osa_distance(x, y) <= 1
}

/// Windows PowerShell 5.1's Export-Csv writes ASCII unless told otherwise, and each letter it
/// cannot write becomes `?` ("M?ller" for "Müller"). A name with such marks agrees with one whose
/// letters fill them in, provided most of it is still letters (a name in another script is all
/// marks, and would agree with anything).
fn same_with_marks(a: &str, b: &str) -> bool {
    let (marked, other) = if a.contains('?') { (a, b) } else { (b, a) };
    let (p, t) = (marked_core(marked), marked_core(other));
    let letters = p.iter().filter(|&&c| c != '?').count();
    letters >= 4 && letters * 10 >= p.len() * 7 && wild_eq(&p, &t)
}

/// A name's letters and digits in Latin script and lower case, `?` kept, legal forms left out.
fn marked_core(name: &str) -> Vec<char> {
    let latin = deunicode::deunicode(name).to_lowercase();
    latin
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '?'))
        .filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w))
        .flat_map(str::chars)
        .collect()
}

/// Whether `t` is `p` with each `?` standing for one or two characters (a letter that Latin
/// script writes with two: `ß` = `ss`).
fn wild_eq(p: &[char], t: &[char]) -> bool {
    // can[j]: p's first i characters can stand for t's first j, for the current i.
    let mut can = vec![false; t.len() + 1];
    can[0] = true;
    for &c in p {
        let mut next = vec![false; t.len() + 1];
        for j in 0..t.len() {
            if !can[j] {
                continue;
            }
            if c == '?' {
                next[j + 1] = true;
                if j + 2 <= t.len() {
                    next[j + 2] = true;
                }
            } else if t[j] == c {
                next[j + 1] = true;
            }
        }
        can = next;
    }
    can[t.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_written_differently_agree() {
        let cases = [
            ("Fabrikam Ltd", "Fabrikam Limited"),
            ("Fabrikam, Ltd.", "FABRIKAM LIMITED"),
            ("Nowak Logistyka Sp z o o", "Nowak Logistyka Sp. z o.o."),
            ("Sakura Soft KK", "Sakura Soft K.K."),
            ("Café Aurora Comércio", "CAFE AURORA COMERCIO"),
            ("Boulangerie Dupont et Fils", "Boulangerie Dupont & Fils"),
            ("Wide World Importers", "WideWorld Importers"),
            ("Dupont Boulangerie", "Boulangerie Dupont"),
            ("Lamna Healthcare", "Lamna Helthcare"),
        ];
        for (a, b) in cases {
            assert!(same_name(a, b).is_some(), "{a} / {b}");
            assert_eq!(same_name(a, b), same_name(b, a), "{a} / {b} is symmetric");
        }
        assert_eq!(same_name("Fabrikam Ltd", "Fabrikam Limited"), Some(1.0));
    }

    #[test]
    fn letters_powershell_wrote_as_question_marks_are_filled_in() {
        let cases = [
            ("M?ller Maschinenbau GmbH", "Müller Maschinenbau GmbH", true),
            ("Caf? Aurora Com?rcio de Alimentos Ltda", "CAFE AURORA COMERCIO DE ALIMENTOS LTDA", true),
            ("Gro?handel Berg GmbH", "Großhandel Berg", true),
            ("M?ller Logistik GmbH", "Müller Maschinenbau GmbH", false),
            ("??? ???????", "ООО Ромашка", false),
            ("??? ???????", "OOO Romashka", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_name(a, b).is_some(), want, "{a} / {b}");
        }
    }

    #[test]
    fn other_companies_disagree() {
        let cases = [
            ("Fabrikam Logistics Ltd", "Fabrikam Ltd"),
            ("Nova Scotia Seafoods Inc.", "Nova Polska Sp. z o.o."),
            ("Contoso Bank", "Contoso Bang"),
            ("Relecloud East", "Relecloud West"),
            ("", "Contoso"),
        ];
        for (a, b) in cases {
            assert_eq!(same_name(a, b), None, "{a} / {b}");
        }
    }
}
