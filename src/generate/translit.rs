//! Cyrillic to Latin letters the way CRM users type them: the common scientific-passport style
//! (close to what the matcher's own folding gives) or an older German/French-influenced style
//! ("Welkorna", "Sistemi", "Iuri"), so Latin↔Cyrillic duplicates are not always letter-exact.

/// One Cyrillic letter (lower case) in the common and the alternative style.
const TABLE: &[(char, &str, &str)] = &[
    ('а', "a", "a"),
    ('б', "b", "b"),
    ('в', "v", "w"),
    ('г', "g", "g"),
    ('ґ', "g", "g"),
    ('д', "d", "d"),
    ('е', "e", "e"),
    ('є', "ye", "je"),
    ('ё', "yo", "jo"),
    ('ж', "zh", "j"),
    ('з', "z", "s"),
    ('и', "i", "i"),
    ('і', "i", "i"),
    ('ї', "yi", "ji"),
    ('й', "y", "i"),
    ('к', "k", "k"),
    ('л', "l", "l"),
    ('м', "m", "m"),
    ('н', "n", "n"),
    ('о', "o", "o"),
    ('п', "p", "p"),
    ('р', "r", "r"),
    ('с', "s", "s"),
    ('т', "t", "t"),
    ('у', "u", "ou"),
    ('ф', "f", "f"),
    ('х', "kh", "ch"),
    ('ц', "ts", "z"),
    ('ч', "ch", "tch"),
    ('ш', "sh", "sch"),
    ('щ', "shch", "sch"),
    ('ъ', "", ""),
    ('ы', "y", "i"),
    ('ь', "", ""),
    ('э', "e", "e"),
    ('ю', "yu", "iu"),
    ('я', "ya", "ia"),
    ('ә', "a", "ae"),
    ('ғ', "g", "gh"),
    ('қ', "q", "k"),
    ('ң', "n", "ng"),
    ('ө', "o", "oe"),
    ('ұ', "u", "u"),
    ('ү', "u", "ue"),
    ('һ', "h", "h"),
];

/// `s` in Latin letters; `alternative` picks the older style. Other characters pass through
/// (guillemets become straight quotes, as a Latin keyboard types them).
pub fn cyr_to_lat(s: &str, alternative: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        let lower = ch.to_lowercase().next().unwrap_or(ch);
        match TABLE.iter().find(|(c, _, _)| *c == lower) {
            Some((_, common, alt)) => {
                let lat = if alternative { alt } else { common };
                if ch != lower {
                    // Upper case: capitalise the first letter only ("Zh", not "ZH").
                    let mut cs = lat.chars();
                    if let Some(f) = cs.next() {
                        out.extend(f.to_uppercase());
                        out.push_str(cs.as_str());
                    }
                } else {
                    out.push_str(lat);
                }
            }
            None if ch == '«' || ch == '»' => out.push('"'),
            None => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration() {
        let cases: &[(&str, bool, &str)] = &[
            ("ООО «Велкорна Софт»", false, "OOO \"Velkorna Soft\""),
            ("ООО «Велкорна Софт»", true, "OOO \"Welkorna Soft\""),
            ("Жуковский", false, "Zhukovskiy"),
            ("Жуковский", true, "Joukowskii"),
            ("Київ", false, "Kiyiv"),
            ("ул. Тверская, д. 5", false, "ul. Tverskaya, d. 5"),
            ("Contoso", false, "Contoso"),
        ];
        for (cyr, alt, want) in cases {
            assert_eq!(cyr_to_lat(cyr, *alt), *want, "{cyr} alt={alt}");
        }
    }
}
