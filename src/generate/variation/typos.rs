//! Typing, scanning and hearing errors in one word, as record-linkage corruptors (FEBRL's among
//! them) plant them: a keyboard slip (two letters swapped, one dropped, doubled or replaced by
//! a neighbour key), an OCR confusion (`rn`/`m`, `l`/`1`, `O`/`0`, `cl`/`d`), a phonetic
//! respelling (`ph`/`f`, `c`/`k`, `ie`/`y`, a double letter single). Pure functions of the word
//! and the random stream; the caller picks the word.

use super::super::rng::Rand;

/// Which kind of error a typo is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A slip on the keyboard.
    Keyboard,
    /// A misread character.
    Ocr,
    /// A spelling by ear.
    Phonetic,
}

impl Style {
    /// The name the truth file uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Keyboard => "keyboard",
            Style::Ocr => "ocr",
            Style::Phonetic => "phonetic",
        }
    }
}

/// Neighbour keys on a QWERTY keyboard.
const KEYS: &[(char, &str)] = &[
    ('q', "wa"),
    ('w', "qeas"),
    ('e', "wrsd"),
    ('r', "etdf"),
    ('t', "ryfg"),
    ('y', "tugh"),
    ('u', "yihj"),
    ('i', "uojk"),
    ('o', "ipkl"),
    ('p', "ol"),
    ('a', "qwsz"),
    ('s', "awedxz"),
    ('d', "serfcx"),
    ('f', "drtgvc"),
    ('g', "ftyhbv"),
    ('h', "gyujnb"),
    ('j', "huikmn"),
    ('k', "jiolm"),
    ('l', "kop"),
    ('z', "asx"),
    ('x', "zsdc"),
    ('c', "xdfv"),
    ('v', "cfgb"),
    ('b', "vghn"),
    ('n', "bhjm"),
    ('m', "njk"),
];

/// Characters and pairs a scanner confuses (case as written).
const OCR: &[(&str, &str)] = &[
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("vv", "w"),
    ("w", "vv"),
    ("l", "1"),
    ("1", "l"),
    ("I", "l"),
    ("O", "0"),
    ("0", "O"),
    ("o", "0"),
    ("S", "5"),
    ("5", "S"),
    ("B", "8"),
    ("8", "B"),
    ("Z", "2"),
    ("e", "c"),
    ("c", "e"),
    ("h", "b"),
    ("u", "v"),
    ("n", "h"),
    ("g", "q"),
    ("i", "l"),
];

/// Spellings that sound alike (matched without regard to case).
const PHONETIC: &[(&str, &str)] = &[
    ("ph", "f"),
    ("f", "ph"),
    ("ck", "k"),
    ("c", "k"),
    ("k", "c"),
    ("qu", "kw"),
    ("x", "ks"),
    ("th", "t"),
    ("ie", "y"),
    ("y", "ie"),
    ("ee", "ea"),
    ("ea", "ee"),
    ("ou", "ow"),
    ("ai", "ay"),
    ("ei", "ai"),
    ("z", "s"),
    ("s", "z"),
    ("v", "w"),
    ("w", "v"),
    ("tz", "z"),
    ("sch", "sh"),
    ("gh", "g"),
    ("dt", "t"),
    ("ll", "l"),
    ("ss", "s"),
    ("tt", "t"),
    ("nn", "n"),
    ("rr", "r"),
    ("mm", "m"),
];

/// One error of the given style in `word`; a style with nothing to act on in the word falls
/// back to a keyboard slip. Returns the word (unchanged when it is shorter than three
/// characters) and the style applied.
pub fn typo(word: &str, style: Style, rng: &mut Rand) -> (String, Style) {
    let found = match style {
        Style::Keyboard => None,
        Style::Ocr => substitute(word, OCR, false, rng),
        Style::Phonetic => substitute(word, PHONETIC, true, rng),
    };
    match found {
        Some(w) => (w, style),
        None => (keyboard(word, rng), Style::Keyboard),
    }
}

/// A random style: keyboard slips are the most common.
pub fn style(rng: &mut Rand) -> Style {
    [Style::Keyboard, Style::Ocr, Style::Phonetic][rng.weighted(&[5.0, 3.0, 3.0])]
}

/// One keyboard slip in `word`: two letters swapped, one dropped, one doubled or one replaced
/// by a neighbour key. Never the first letter: people rarely mistype the start of a word.
/// Characters without a neighbour table (other scripts) are only swapped, dropped or doubled.
pub fn keyboard(word: &str, rng: &mut Rand) -> String {
    let mut cs: Vec<char> = word.chars().collect();
    if cs.len() < 3 {
        return word.to_string();
    }
    let i = 1 + rng.index(cs.len() - 1);
    let kinds = if cs[i].is_ascii_alphabetic() { 4 } else { 3 };
    match rng.index(kinds) {
        0 if i + 1 < cs.len() && cs[i] != cs[i + 1] => cs.swap(i, i + 1),
        0 | 1 => {
            cs.remove(i);
        }
        2 => cs.insert(i, cs[i]),
        _ => {
            let lower = cs[i].to_ascii_lowercase();
            let near = KEYS.iter().find(|(k, _)| *k == lower).map_or("e", |(_, n)| n);
            let mut c = near.chars().nth(rng.index(near.len())).unwrap_or('e');
            if cs[i].is_ascii_uppercase() {
                c = c.to_ascii_uppercase();
            }
            cs[i] = c;
        }
    }
    cs.into_iter().collect()
}

/// Replaces one occurrence of one rule's pattern, chosen at random among all occurrences past
/// the first character (phonetic rules may also change the start: `Catherine`/`Katherine`).
fn substitute(word: &str, rules: &[(&str, &str)], fold_case: bool, rng: &mut Rand) -> Option<String> {
    if word.chars().count() < 3 {
        return None;
    }
    // ASCII lower-casing keeps byte offsets, so positions found in `hay` hold in `word`.
    let hay = if fold_case { word.to_ascii_lowercase() } else { word.to_string() };
    let mut hits: Vec<(usize, &str, &str)> = Vec::new();
    for &(from, to) in rules {
        for (at, _) in hay.match_indices(from) {
            if at > 0 || fold_case {
                hits.push((at, from, to));
            }
        }
    }
    if hits.is_empty() {
        return None;
    }
    let (at, from, to) = hits[rng.index(hits.len())];
    let mut to = to.to_string();
    // Keep a capital where the original had one.
    if word[at..].starts_with(|c: char| c.is_ascii_uppercase()) && fold_case {
        to = super::super::names::capitalise(&to);
    }
    Some(format!("{}{to}{}", &word[..at], &word[at + from.len()..]))
}

#[cfg(test)]
mod tests {
    use super::super::super::rng::Purpose;
    use super::*;

    fn rng() -> Rand {
        Rand::new(1, Purpose::Row, 0)
    }

    #[test]
    fn keyboard_slips_keep_the_first_letter_and_change_little() {
        let mut r = rng();
        for _ in 0..200 {
            let t = keyboard("Velkorna", &mut r);
            assert!(t.starts_with('V') && t != "Velkorna", "{t}");
            assert!(strsim::levenshtein(&t, "Velkorna") <= 2, "{t}");
        }
        assert_eq!(keyboard("ab", &mut r), "ab");
        for _ in 0..100 {
            let t = keyboard("ヌヘリ", &mut r);
            assert!(!t.is_ascii() && t.chars().all(|c| "ヌヘリ".contains(c)), "{t}");
        }
    }

    #[test]
    fn ocr_and_phonetic_errors_follow_their_tables() {
        // (word, style, every result it may give)
        let cases: &[(&str, Style, &[&str])] = &[
            ("Hamm", Style::Ocr, &["Harnm", "Hamrn", "Hamm"]),
            ("Ocl", Style::Ocr, &["Od", "Ocd", "Oel", "Oc1"]),
            ("Philips", Style::Phonetic, &["Filips", "Philipz", "Philips"]),
            ("Catt", Style::Phonetic, &["Katt", "Cat"]),
        ];
        let mut r = rng();
        for (word, style, allowed) in cases {
            for _ in 0..50 {
                let (got, used) = typo(word, *style, &mut r);
                assert_eq!(used, *style, "{word}");
                assert!(allowed.contains(&got.as_str()) && got != *word, "{word} gave {got}");
            }
        }
    }

    #[test]
    fn styles_without_a_rule_fall_back_to_keyboard() {
        let mut r = rng();
        let (got, used) = typo("ヌヘリヌ", Style::Phonetic, &mut r);
        assert_eq!(used, Style::Keyboard);
        assert_ne!(got, "ヌヘリヌ");
        assert_eq!(typo("ab", Style::Ocr, &mut r).0, "ab");
    }
}
