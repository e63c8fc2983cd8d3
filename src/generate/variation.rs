//! How a duplicate row differs from its entity's first row: the variations real lists hold
//! (typos, case, legal-form and abbreviation swaps, word order, missing postcode or phone,
//! Latin↔Cyrillic transliteration, stripped accents, another contact, a moved office, …).
//! Each duplicate gets one to three; the truth file names them.

use super::entity::Entity;
use super::names::{self, CompanyName};
use super::rng::Rand;
use super::row::{Col, Values};
use super::translit::cyr_to_lat;

/// Every variation with its relative weight.
pub const VARIATIONS: &[(&str, f64)] = &[
    ("typo", 20.0),
    ("case", 10.0),
    ("legal_form", 15.0),
    ("abbreviation", 8.0),
    ("word_order", 6.0),
    ("translit", 15.0),
    ("accents", 6.0),
    ("spacing", 6.0),
    ("no_postal", 10.0),
    ("no_phone", 8.0),
    ("no_domain", 8.0),
    ("other_contact", 8.0),
    ("street_abbrev", 6.0),
    ("moved", 3.0),
];

/// Legal forms written two ways (either direction).
const LEGAL_SWAPS: &[(&str, &str)] = &[
    ("Ltd", "Limited"),
    ("Ltd.", "Limited"),
    ("Inc.", "Incorporated"),
    ("LLC", "L.L.C."),
    ("Corp.", "Corporation"),
    ("Co.", "Company"),
    ("PLC", "Public Limited Company"),
    ("Pvt Ltd", "Private Limited"),
    ("Pty Ltd", "Pty. Ltd."),
    ("(Pty) Ltd", "Proprietary Limited"),
    ("Pte Ltd", "Private Limited"),
    ("GmbH", "G.m.b.H."),
    ("AG", "Aktiengesellschaft"),
    ("S.A.", "SA"),
    ("S.L.", "SL"),
    ("S.r.l.", "SRL"),
    ("B.V.", "BV"),
    ("Sp. z o.o.", "Spółka z o.o."),
    ("Kft.", "Kft"),
    ("s.r.o.", "spol. s r.o."),
    ("A.Ş.", "AŞ"),
    ("Ltda", "Limitada"),
    ("S.A. de C.V.", "SA de CV"),
    ("Co., Ltd.", "Company Limited"),
    ("Co., Ltd", "Co. Ltd"),
    ("OOO", "LLC"),
    ("ООО", "Общество с ограниченной ответственностью"),
    ("АО", "Акционерное общество"),
    ("ТОВ", "Товариство з обмеженою відповідальністю"),
    ("AB", "Aktiebolag"),
    ("SAS", "S.A.S."),
];

/// Name formats written another way in scripts without legal-form words of their own.
const FORMAT_SWAPS: &[(&str, &str)] = &[
    ("有限公司", "有限责任公司"),
    ("株式会社{brand}{ind}", "{brand}{ind}株式会社"),
    ("{brand}{ind}株式会社", "(株){brand}{ind}"),
    ("บริษัท {brand}{ind} จำกัด", "บจก. {brand}{ind}"),
    ("Công ty TNHH", "Cty TNHH"),
];

/// Industry words and their short forms.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("Technologies", "Tech"),
    ("Technology", "Tech"),
    ("Engineering", "Eng."),
    ("Systems", "Sys."),
    ("Solutions", "Sol."),
    ("Consulting", "Consult."),
    ("Logistics", "Log."),
    ("Services", "Svcs"),
    ("Manufacturing", "Mfg"),
    ("Software", "SW"),
    ("Trading", "Trdg"),
    ("Holdings", "Hldgs"),
    ("Maschinenbau", "Masch.-Bau"),
    ("Logistik", "Log."),
    ("Informatique", "Info."),
    ("Ingeniería", "Ing."),
    ("Distribuciones", "Distrib."),
    ("Insurance Agency", "Ins. Agency"),
    ("Medical Supply", "Med. Supply"),
];

/// Street words and their short forms.
const STREET_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Street", "St."),
    ("Avenue", "Ave"),
    ("Road", "Rd"),
    ("Boulevard", "Blvd"),
    ("straße", "str."),
    ("strasse", "str."),
    ("Straße", "Str."),
    ("Avenida", "Av."),
    ("Calle", "C/"),
    ("Rua", "R."),
    ("prospekt", "pr."),
    ("Cad.", "Caddesi"),
];

/// The other spelling of a legal form, if the table has one.
pub fn swap_legal(legal: &str) -> Option<&'static str> {
    LEGAL_SWAPS.iter().find_map(|&(a, b)| {
        if a == legal {
            Some(b)
        } else if b == legal {
            Some(a)
        } else {
            None
        }
    })
}

/// A name with its legal form written another way, dropped, or added.
pub fn vary_legal(name: &CompanyName, e: &Entity, rng: &mut Rand) -> Option<CompanyName> {
    let mut n = name.clone();
    if let Some((from, to)) = FORMAT_SWAPS.iter().find(|(from, _)| n.format.contains(from)) {
        n.format = n.format.replace(from, to);
        return Some(n);
    }
    if !n.format.contains("{legal}") {
        n.format.push_str(" {legal}");
        n.legal = rng.pick(&e.country.legal).clone();
        return Some(n);
    }
    match swap_legal(&n.legal) {
        Some(other) if rng.chance(0.7) => n.legal = other.to_string(),
        _ if !n.legal.is_empty() => n.legal = String::new(),
        _ => return None,
    }
    Some(n)
}

/// One keyboard slip in `word`: two letters swapped, one dropped, one doubled or one replaced.
pub fn typo(word: &str, rng: &mut Rand) -> String {
    let mut cs: Vec<char> = word.chars().collect();
    if cs.len() < 3 {
        return word.to_string();
    }
    // Not the first letter: people rarely mistype the start of a name. Scripts without a
    // keyboard-neighbour table only drop, double or swap characters.
    let i = 1 + rng.index(cs.len() - 1);
    let kinds = if cs[i].is_ascii_alphabetic() { 4 } else { 3 };
    match rng.index(kinds) {
        0 if i + 1 < cs.len() => cs.swap(i, i + 1),
        0 | 1 => {
            cs.remove(i);
        }
        2 => cs.insert(i, cs[i]),
        _ => {
            const NEAR: &[(char, char)] = &[
                ('a', 's'),
                ('e', 'r'),
                ('i', 'o'),
                ('o', 'p'),
                ('n', 'm'),
                ('r', 't'),
                ('l', 'k'),
                ('t', 'r'),
            ];
            cs[i] = NEAR.iter().find(|(a, _)| *a == cs[i]).map_or('e', |(_, b)| *b);
        }
    }
    cs.into_iter().collect()
}

/// Applies one to three variations to a duplicate row; returns their names.
pub fn apply(e: &Entity, v: &mut Values, rng: &mut Rand) -> Vec<&'static str> {
    let n = 1 + usize::from(rng.chance(0.5)) + usize::from(rng.chance(0.2));
    let mut chosen: Vec<&'static str> = Vec::new();
    let mut weights: Vec<f64> =
        VARIATIONS.iter().map(|(k, w)| if applies(k, e, v) { *w } else { 0.0 }).collect();
    while chosen.len() < n && weights.iter().any(|w| *w > 0.0) {
        let i = rng.weighted(&weights);
        weights[i] = 0.0;
        chosen.push(VARIATIONS[i].0);
    }
    // Structural changes to the name first, then changes to its letters.
    chosen.sort_by_key(|k| VARIATIONS.iter().position(|(x, _)| x == k));
    let mut name = e.who.name.clone();
    let mut applied = Vec::with_capacity(chosen.len());
    let mut rendered = false;
    for k in chosen {
        let structural = matches!(k, "translit" | "legal_form" | "abbreviation" | "word_order");
        if !structural && !rendered {
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
                let f = name.format.replace("{brand} {ind}", "{ind} {brand}");
                let f =
                    if f == name.format { name.format.replace("{ind} {brand}", "{brand} {ind}") } else { f };
                let changed = f != name.format;
                name.format = f;
                changed
            }
            other => letters(other, e, &mut name, v, rng),
        };
        if done {
            applied.push(k);
        }
    }
    if !rendered {
        v[Col::Company] = name.render();
    }
    applied
}

fn applies(k: &str, e: &Entity, v: &Values) -> bool {
    match k {
        "translit" => e.who.alt.is_some(),
        "abbreviation" => ABBREVIATIONS.iter().any(|(w, _)| *w == e.who.name.industry),
        "word_order" => {
            e.who.name.format.contains("{brand} {ind}") || e.who.name.format.contains("{ind} {brand}")
        }
        "accents" => [Col::Company, Col::Line1, Col::City].iter().any(|c| v[*c].chars().any(is_accented)),
        "no_postal" => !v[Col::Postal].is_empty(),
        "no_phone" => !v[Col::Phone].is_empty(),
        "no_domain" => !v[Col::Domain].is_empty(),
        "street_abbrev" => STREET_ABBREVIATIONS.iter().any(|(w, _)| v[Col::Line1].contains(w)),
        _ => true,
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

/// A Latin letter with a diacritic (or ß, ø, ł, …), as cp1252-era systems lose them.
fn is_accented(c: char) -> bool {
    ('\u{c0}'..='\u{24f}').contains(&c) && c != '\u{d7}' && c != '\u{f7}'
}

/// Variations of letters, spacing and fields.
fn letters(k: &str, e: &Entity, name: &mut CompanyName, v: &mut Values, rng: &mut Rand) -> bool {
    match k {
        "typo" => {
            let bad = typo(&name.brand, rng);
            let changed = bad != name.brand;
            v[Col::Company] = v[Col::Company].replacen(&name.brand, &bad, 1);
            name.brand = bad;
            changed
        }
        "case" => {
            let s = &v[Col::Company];
            let c = if rng.chance(0.6) { s.to_uppercase() } else { s.to_lowercase() };
            let changed = c != *s;
            v[Col::Company] = c;
            changed
        }
        "accents" => {
            for col in [Col::Company, Col::Line1, Col::City, Col::First, Col::Last] {
                if v[col].chars().all(|c| c.is_ascii() || is_accented(c)) {
                    v[col] = deunicode::deunicode(&v[col]);
                }
            }
            true
        }
        "spacing" => {
            let s = &v[Col::Company];
            v[Col::Company] = match (rng.index(3), s.rfind(' ')) {
                (0, _) => s.replacen(' ', "  ", 1),
                (1, Some(i)) => format!("{}, {}", &s[..i], &s[i + 1..]),
                _ => format!(" {s}."),
            };
            true
        }
        "no_postal" => !std::mem::take(&mut v[Col::Postal]).is_empty(),
        "no_phone" => !std::mem::take(&mut v[Col::Phone]).is_empty(),
        "no_domain" => !std::mem::take(&mut v[Col::Domain]).is_empty(),
        "other_contact" => {
            let p = names::person(e.country, e.who.native, rng);
            v[Col::Email] = names::email(&p, &e.mail_domain, rng);
            v[Col::First] = p.first;
            v[Col::Last] = p.last;
            true
        }
        "street_abbrev" => {
            let before = v[Col::Line1].clone();
            if let Some((w, short)) = STREET_ABBREVIATIONS.iter().find(|(w, _)| before.contains(w)) {
                v[Col::Line1] = before.replacen(w, short, 1);
            }
            v[Col::Line1] != before
        }
        "moved" => {
            let c = e.country;
            let street = rng.pick(&c.streets).clone();
            v[Col::Line1] = super::address::street_line(&c.street_fmt, &street, rng);
            v[Col::Postal] = super::address::postal(c, &c.cities[e.city], rng);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_swap_both_ways() {
        assert_eq!(swap_legal("Ltd"), Some("Limited"));
        assert_eq!(swap_legal("Limited"), Some("Ltd"));
        assert_eq!(swap_legal("Sàrl"), None);
        for (a, b) in LEGAL_SWAPS {
            assert_ne!(a, b);
        }
    }

    #[test]
    fn typos_change_one_letter() {
        let mut rng = Rand::new(1, super::super::rng::Purpose::Row, 0);
        for _ in 0..100 {
            let t = typo("Velkorna", &mut rng);
            assert!(t.starts_with('V'), "{t}");
            assert!(strsim::levenshtein(&t, "Velkorna") <= 2, "{t}");
        }
        assert_eq!(typo("ab", &mut rng), "ab");
        for _ in 0..100 {
            let t = typo("ヌヘリ", &mut rng);
            assert!(!t.is_ascii() && t.chars().all(|c| "ヌヘリ".contains(c)), "{t}");
        }
    }
}
