//! Variations of whole words: short forms (`Technologies`/`Tech`, `Group`/`Grp`,
//! `International`/`Intl`, `&`/`and`, `Street`/`St.`), a word split in two (`Glen Ira` /
//! `Glen I ra`) and two words run together (`Harbord Street` / `HarbordStreet`). Pure functions
//! of the text and the random stream.

use super::super::rng::Rand;

/// Industry words and their short forms.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
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
pub const STREET_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Street", "St."),
    ("Avenue", "Ave"),
    ("Road", "Rd"),
    ("Boulevard", "Blvd"),
    ("Lane", "Ln"),
    ("Drive", "Dr"),
    ("straße", "str."),
    ("strasse", "str."),
    ("Straße", "Str."),
    ("Avenida", "Av."),
    ("avenue", "av."),
    ("boulevard", "bd"),
    ("Calle", "C/"),
    ("Plaza", "Pza."),
    ("Rua", "R."),
    ("Travessa", "Tv."),
    ("Viale", "V.le"),
    ("prospekt", "pr."),
    ("Cad.", "Caddesi"),
];

/// `International` as CRMs shorten it.
pub const INTL: &[&str] = &["Intl", "Intl.", "Int'l", "Int."];

/// The word for `&` in the country's language.
pub fn and_word(cc: &str) -> &'static str {
    match cc {
        "DE" | "AT" | "CH" => "und",
        "FR" | "BE" => "et",
        "ES" | "MX" | "AR" | "VE" => "y",
        "IT" | "PT" | "BR" => "e",
        "NL" => "en",
        "PL" => "i",
        _ => "and",
    }
}

/// Where `text` has `word` as a whole word first (not inside a longer one).
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut start = 0;
    while let Some(i) = text[start..].find(word).map(|i| i + start) {
        let end = i + word.len();
        if boundary(text[..i].chars().next_back()) && boundary(text[end..].chars().next()) {
            return Some(i);
        }
        start = end;
    }
    None
}

/// `text` with its first whole-word `from` replaced by `to`, if it has one.
pub fn replace_word(text: &str, from: &str, to: &str) -> Option<String> {
    let i = find_word(text, from)?;
    Some(format!("{}{to}{}", &text[..i], &text[i + from.len()..]))
}

/// Byte ranges of the runs of letters in `text` at least `min` characters long.
pub fn words(text: &str, min: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphabetic(), run) {
            (true, None) => run = Some((i, 1)),
            (true, Some((s, n))) => run = Some((s, n + 1)),
            (false, Some((s, n))) => {
                if n >= min {
                    out.push((s, i));
                }
                run = None;
            }
            (false, None) => {}
        }
    }
    out
}

/// A word of at least three letters split in two by a space (`Ira` → `I ra`).
pub fn split_word(text: &str, rng: &mut Rand) -> Option<String> {
    let ws = words(text, 3);
    if ws.is_empty() {
        return None;
    }
    let (s, e) = ws[rng.index(ws.len())];
    let cuts: Vec<usize> = text[s..e].char_indices().skip(1).map(|(i, _)| s + i).collect();
    let at = cuts[rng.index(cuts.len())];
    Some(format!("{} {}", &text[..at], &text[at..]))
}

/// Two neighbouring words run together: one space between two letters removed.
pub fn merge_words(text: &str, rng: &mut Rand) -> Option<String> {
    let spaces = mergeable_spaces(text);
    if spaces.is_empty() {
        return None;
    }
    let at = spaces[rng.index(spaces.len())];
    Some(format!("{}{}", &text[..at], &text[at + 1..]))
}

/// Positions of the spaces that stand between two letters.
pub fn mergeable_spaces(text: &str) -> Vec<usize> {
    text.char_indices().filter(|&(i, c)| c == ' ' && between_letters(text, i)).map(|(i, _)| i).collect()
}

/// Whether `text` has a space between two letters.
pub fn has_mergeable_space(text: &str) -> bool {
    text.char_indices().any(|(i, c)| c == ' ' && between_letters(text, i))
}

fn between_letters(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(char::is_alphabetic)
        && text[i + 1..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::super::super::rng::Purpose;
    use super::*;

    #[test]
    fn whole_words_only() {
        let cases = [
            ("Barnett Group PLC", "Group", "Grp", Some("Barnett Grp PLC")),
            ("Groupon Group Ltd", "Group", "Grp", Some("Groupon Grp Ltd")),
            ("Regroup Ltd", "Group", "Grp", None),
            ("Bauer GmbH & Co. KG", "&", "und", Some("Bauer GmbH und Co. KG")),
            ("12 Main Street", "Street", "St.", Some("12 Main St.")),
        ];
        for (text, from, to, want) in cases {
            assert_eq!(replace_word(text, from, to).as_deref(), want, "{text}");
        }
        assert_eq!(and_word("DE"), "und");
        assert_eq!(and_word("US"), "and");
    }

    #[test]
    fn words_split_and_merged() {
        assert_eq!(words("23 harbord St. Glen Ira", 3), vec![(3, 10), (15, 19), (20, 23)]);
        assert_eq!(words("ул. Ленина 5", 4), vec![(6, 18)]);
        let mut rng = Rand::new(3, Purpose::Row, 0);
        for _ in 0..50 {
            let s = split_word("Glen Ira", &mut rng).unwrap();
            let ok = ["G len Ira", "Gl en Ira", "Gle n Ira", "Glen I ra", "Glen Ir a"];
            assert!(ok.contains(&s.as_str()), "{s}");
            let m = merge_words("Glen Ira & Co", &mut rng).unwrap();
            assert_eq!(m, "GlenIra & Co");
        }
        assert_eq!(split_word("Ir 12", &mut rng), None);
        assert_eq!(merge_words("株式会社ヴェルコルナ", &mut rng), None);
        assert_eq!(mergeable_spaces("A & B"), Vec::<usize>::new());
        assert!(!has_mergeable_space("A & B") && has_mergeable_space("A B"));
        assert_eq!(find_word("Regroup Group", "Group"), Some(8));
    }
}
