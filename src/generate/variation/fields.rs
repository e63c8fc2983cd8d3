//! Variations of a written row's fields: typos in the name, street, city, e-mail and phone, a
//! postcode digit changed or two swapped, words split or merged, short forms, case, accents,
//! spacing, blank fields, another contact, a moved office. Each returns the label the truth
//! file gets (`typo_street:ocr`, `split_word:city`, `no_email`), or `None` when the row has
//! nothing it can act on. Values that `run` checks for form (phone, postcode, e-mail) stay
//! well-formed, so a miss is a matching miss rather than a rejected row.

use super::super::entity::Entity;
use super::super::names;
use super::super::rng::Rand;
use super::super::row::{Col, Values};
use super::typos::{self, Style};
use super::words::{
    and_word, has_mergeable_space, merge_words, replace_word, split_word, words, INTL, STREET_ABBREVIATIONS,
};

/// Digits at the end of a phone number that may change: the generator's numbers stay valid
/// whatever their last four digits are (see `phone`).
const PHONE_FREE_DIGITS: usize = 4;

/// Applies variation `k` to the written row; see the module documentation.
/// `brand` is the brand as the row now writes it (another script after `translit`).
pub fn apply(k: &'static str, e: &Entity, brand: &str, v: &mut Values, rng: &mut Rand) -> Option<String> {
    let label = |detail: &str| Some(format!("{k}:{detail}"));
    let plain = |done: bool| done.then(|| k.to_string());
    match k {
        "group_grp" => {
            plain(set(v, Col::Company, |s| replace_word(s, "Group", ["Grp", "Grp."][rng.index(2)])))
        }
        "intl" => {
            plain(set(v, Col::Company, |s| replace_word(s, "International", INTL[rng.index(INTL.len())])))
        }
        "and_amp" => {
            let word = and_word(&e.country.code);
            plain(set(v, Col::Company, |s| replace_word(s, "&", word).or_else(|| replace_word(s, word, "&"))))
        }
        "street_abbrev" => plain(set(v, Col::Line1, |s| {
            STREET_ABBREVIATIONS.iter().find_map(|(w, short)| {
                // Whole words, or the end of a German compound (`Hauptstraße` → `Hauptstr.`).
                replace_word(s, w, short).or_else(|| s.contains(w).then(|| s.replacen(w, short, 1)))
            })
        })),
        "typo_name" => {
            // Mostly in the brand, the word that tells the company apart.
            let prefer = (rng.chance(0.6) && !brand.is_empty()).then_some(brand);
            typo_in(&mut v[Col::Company], prefer, rng).and_then(|s| label(s.as_str()))
        }
        "typo_street" => typo_in(&mut v[Col::Line1], None, rng).and_then(|s| label(s.as_str())),
        "typo_city" => typo_in(&mut v[Col::City], None, rng).and_then(|s| label(s.as_str())),
        "typo_email" => {
            let (mail, style) = email_typo(&v[Col::Email], typos::style(rng), rng)?;
            v[Col::Email] = mail;
            label(style.as_str())
        }
        "typo_phone" => plain(set(v, Col::Phone, |s| phone_typo(s, rng))),
        "postcode_digit" | "postcode_transposed" => {
            let meta = e.country.facts.meta;
            let valid = |p: &str| meta.and_then(|m| m.postal_code_matches(p)) != Some(false);
            let swap = k == "postcode_transposed";
            plain(set(v, Col::Postal, |s| (0..5).filter_map(|_| postcode(s, swap, rng)).find(|p| valid(p))))
        }
        "split_word" | "merged_words" => {
            let split = k == "split_word";
            let can = |s: &str| if split { !words(s, 3).is_empty() } else { has_mergeable_space(s) };
            let fields = [(Col::Company, "name", 2.0), (Col::Line1, "street", 2.0), (Col::City, "city", 1.0)];
            let weights: Vec<f64> =
                fields.iter().map(|(c, _, w)| if can(&v[*c]) { *w } else { 0.0 }).collect();
            if weights.iter().all(|w| *w == 0.0) {
                return None;
            }
            let (col, field, _) = fields[rng.weighted(&weights)];
            let done = if split { split_word(&v[col], rng) } else { merge_words(&v[col], rng) };
            done.map(|s| v[col] = s).and_then(|_| label(field))
        }
        "case" => {
            let s = &v[Col::Company];
            let c = if rng.chance(0.6) { s.to_uppercase() } else { s.to_lowercase() };
            plain(set(v, Col::Company, |_| Some(c)))
        }
        "accents" => {
            let before = v.clone();
            for col in [Col::Company, Col::Line1, Col::City, Col::First, Col::Last] {
                if v[col].chars().all(|c| c.is_ascii() || is_accented(c)) {
                    v[col] = deunicode::deunicode(&v[col]);
                }
            }
            (before != *v).then(|| k.to_string())
        }
        "spacing" => {
            let s = &v[Col::Company];
            v[Col::Company] = match (rng.index(3), s.rfind(' ')) {
                (0, _) => s.replacen(' ', "  ", 1),
                (1, Some(i)) => format!("{}, {}", &s[..i], &s[i + 1..]),
                _ => format!(" {s}."),
            };
            Some(k.to_string())
        }
        "no_street" => blank(v, Col::Line1, k),
        "no_city" => blank(v, Col::City, k),
        "no_postal" => blank(v, Col::Postal, k),
        "no_phone" => blank(v, Col::Phone, k),
        "no_email" => blank(v, Col::Email, k),
        "no_domain" => blank(v, Col::Domain, k),
        "other_contact" => {
            let p = names::person(e.country, e.who.native, rng);
            v[Col::Email] = names::email(&p, &e.mail_domain, rng);
            v[Col::First] = p.first;
            v[Col::Last] = p.last;
            Some(k.to_string())
        }
        "moved" => {
            let c = e.country;
            let street = rng.pick(&c.streets).clone();
            v[Col::Line1] = super::super::address::street_line(&c.street_fmt, &street, rng);
            v[Col::Postal] = super::super::address::postal(c, &c.cities[e.city], rng);
            Some(k.to_string())
        }
        _ => None,
    }
}

/// Sets a field to what `f` makes of it, when that is something new.
fn set(v: &mut Values, col: Col, f: impl FnOnce(&str) -> Option<String>) -> bool {
    match f(&v[col]).filter(|n| *n != v[col]) {
        Some(new) => {
            v[col] = new;
            true
        }
        None => false,
    }
}

fn blank(v: &mut Values, col: Col, k: &str) -> Option<String> {
    (!std::mem::take(&mut v[col]).is_empty()).then(|| k.to_string())
}

/// One typo in a word of at least three letters (`prefer`'s first occurrence when given and
/// present); returns the style applied.
pub fn typo_in(text: &mut String, prefer: Option<&str>, rng: &mut Rand) -> Option<Style> {
    let range = match prefer.and_then(|p| text.find(p).map(|i| (i, i + p.len()))) {
        Some(r) if r.1 - r.0 >= 3 => r,
        _ => {
            let ws = words(text, 3);
            if ws.is_empty() {
                return None;
            }
            ws[rng.index(ws.len())]
        }
    };
    let (bad, style) = typos::typo(&text[range.0..range.1], typos::style(rng), rng);
    if bad == text[range.0..range.1] {
        return None;
    }
    text.replace_range(range.0..range.1, &bad);
    Some(style)
}

/// A typo in the mailbox or the company's domain name (not the top-level domain), in letters
/// and digits only, so the address stays well-formed; with the style applied.
pub fn email_typo(mail: &str, style: Style, rng: &mut Rand) -> Option<(String, Style)> {
    let at = mail.find('@')?;
    let tld = mail.rfind('.').filter(|d| *d > at).unwrap_or(mail.len());
    let parts = [(0, at), (at + 1, tld)];
    let (s, e) = parts[usize::from(rng.chance(0.4))];
    let ws: Vec<(usize, usize)> =
        words(&mail[s..e], 3).into_iter().filter(|(a, b)| mail[s + a..s + b].is_ascii()).collect();
    let (a, b) = *ws.get(rng.index(ws.len().max(1)))?;
    let (bad, style) = typos::typo(&mail[s + a..s + b], style, rng);
    let bad: String = bad.chars().filter(char::is_ascii_alphanumeric).collect();
    let out = format!("{}{bad}{}", &mail[..s + a], &mail[s + b..]);
    (out != mail).then_some((out, style))
}

/// One of the last digits of a phone number changed, or two of them swapped.
pub fn phone_typo(phone: &str, rng: &mut Rand) -> Option<String> {
    let digits: Vec<usize> =
        phone.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
    let free = &digits[digits.len().saturating_sub(PHONE_FREE_DIGITS)..];
    if free.len() < 2 {
        return None;
    }
    let mut b = phone.as_bytes().to_vec();
    let i = rng.index(free.len() - 1);
    if rng.chance(0.5) && b[free[i]] != b[free[i + 1]] {
        b.swap(free[i], free[i + 1]);
    } else {
        let j = free[rng.index(free.len())];
        b[j] = b'0' + (b[j] - b'0' + 1 + rng.below(9) as u8) % 10;
    }
    String::from_utf8(b).ok()
}

/// One digit of a postcode changed, or (`swap`) two neighbouring digits transposed.
pub fn postcode(p: &str, swap: bool, rng: &mut Rand) -> Option<String> {
    let b = p.as_bytes();
    let mut out = b.to_vec();
    if swap {
        let pairs: Vec<usize> = (0..b.len().saturating_sub(1))
            .filter(|&i| b[i].is_ascii_digit() && b[i + 1].is_ascii_digit() && b[i] != b[i + 1])
            .collect();
        let i = *pairs.get(rng.index(pairs.len().max(1)))?;
        out.swap(i, i + 1);
    } else {
        let ds: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
        let j = *ds.get(rng.index(ds.len().max(1)))?;
        out[j] = b'0' + (b[j] - b'0' + 1 + rng.below(9) as u8) % 10;
    }
    String::from_utf8(out).ok()
}

/// A Latin letter with a diacritic (or ß, ø, ł, …), as cp1252-era systems lose them.
pub fn is_accented(c: char) -> bool {
    ('\u{c0}'..='\u{24f}').contains(&c) && c != '\u{d7}' && c != '\u{f7}'
}

#[cfg(test)]
mod tests {
    use super::super::super::rng::Purpose;
    use super::*;

    #[test]
    fn contact_fields_stay_well_formed() {
        let mut rng = Rand::new(5, Purpose::Row, 0);
        for _ in 0..200 {
            let (m, _) =
                email_typo("anna.kowalska@velkorna-tech.pl", typos::style(&mut rng), &mut rng).unwrap();
            assert!(m.ends_with(".pl") && m.matches('@').count() == 1, "{m}");
            assert!(m.chars().all(|c| c.is_ascii_alphanumeric() || "@.-".contains(c)), "{m}");
            assert_ne!(m, "anna.kowalska@velkorna-tech.pl");
            let p = phone_typo("+49 30 1234 5678", &mut rng).unwrap();
            assert!(p.starts_with("+49 30 1234 ") && p != "+49 30 1234 5678", "{p}");
        }
        assert_eq!(phone_typo("+1", &mut rng), None);
    }

    #[test]
    fn postcodes_change_one_digit_or_swap_two() {
        let mut rng = Rand::new(6, Purpose::Row, 0);
        for _ in 0..100 {
            let d = postcode("3146", false, &mut rng).unwrap();
            assert_eq!(d.chars().zip("3146".chars()).filter(|(a, b)| a != b).count(), 1, "{d}");
            let t = postcode("3146", true, &mut rng).unwrap();
            assert!(["1346", "3416", "3164"].contains(&t.as_str()), "{t}");
            let uk = postcode("SW1A 1AA", true, &mut rng);
            assert_eq!(uk, None, "no two neighbouring digits");
        }
        assert_eq!(postcode("", false, &mut rng), None);
    }

    #[test]
    fn typos_land_in_a_word() {
        let mut rng = Rand::new(7, Purpose::Row, 0);
        for _ in 0..100 {
            let mut s = "23 Harbord Street".to_string();
            typo_in(&mut s, None, &mut rng).unwrap();
            assert!(s.starts_with("23 ") && s != "23 Harbord Street", "{s}");
            let mut n = "Velkorna Logistics Ltd".to_string();
            typo_in(&mut n, Some("Velkorna"), &mut rng).unwrap();
            assert!(n.ends_with(" Logistics Ltd"), "{n}");
        }
        assert_eq!(typo_in(&mut "12 B".to_string(), None, &mut rng), None);
    }
}
