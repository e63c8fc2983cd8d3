//! Text clean-up applied to every cell: Unicode NFC, no control characters, single spaces.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Cleans a cell: NFC, control characters removed, whitespace runs collapsed to one space,
/// trimmed. A leading apostrophe that guards a formula character (`'=…`, `'+…`) is removed, so
/// that values from our own fix-and-resubmit files read back as they were.
pub fn clean(raw: &str) -> Cow<'_, str> {
    let s = strip_formula_guard(raw);
    if is_simple(s) {
        return Cow::Borrowed(s);
    }
    let nfc: Cow<str> = match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfc().collect()),
    };
    let mut out = String::with_capacity(nfc.len());
    let mut pending_space = false;
    for c in nfc.chars() {
        if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
            pending_space = !out.is_empty();
        } else if c.is_control() || is_invisible_format(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Bidirectional and other invisible format characters that only confuse matching.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{00AD}')
}

/// True when the text is printable ASCII with single inner spaces and no outer spaces.
fn is_simple(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev_space = false;
    for &c in b {
        if !(0x20..0x7f).contains(&c) {
            return false;
        }
        let space = c == b' ';
        if space && prev_space {
            return false;
        }
        prev_space = space;
    }
    true
}

/// Removes the `'` that spreadsheet-safe outputs put before `= + - @` and tab/CR/LF.
pub fn strip_formula_guard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) => rest,
        _ => s,
    }
}

/// `c.is_alphanumeric()`, answered from a few whole ranges of letters and digits first (Latin-1,
/// Latin Extended and Extended Additional, Greek, Cyrillic, Arabic, Thai, kana, Hangul, CJK
/// ideographs): names in those scripts are common, and the standard library's table search
/// costs hundreds of instructions a character. The same answer for every character
/// (`alphanumeric_is_std`).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x0E50..=0x0E59 => true,
        _ => is_alphabetic(c) || c.is_numeric(),
    }
}

/// `c.is_alphabetic()`, answered from the same whole ranges of letters first
/// (`alphabetic_is_std`).
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0xD6
        | 0xD8..=0xF6
        | 0xF8..=0x24F
        | 0x391..=0x3A1
        | 0x3A3..=0x3C9
        | 0x400..=0x481
        | 0x48A..=0x52F
        | 0x621..=0x63A
        | 0x641..=0x64A
        | 0x0E01..=0x0E3A
        | 0x0E40..=0x0E46
        | 0x1E00..=0x1EFF
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphabetic(),
    }
}

/// Folds text for comparison: lower case, accents removed, letters and digits only, single
/// spaces between words.
pub fn fold_words(s: &str) -> String {
    if s.is_ascii() {
        fold_ascii_words(s)
    } else {
        fold_any_words(s)
    }
}

fn fold_any_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char| {
        if unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        if is_alphanumeric(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    };
    // NFKD one character at a time: the same letters as `s.nfkd()`, since that only adds the
    // canonical reordering of marks (every character with a combining class is a mark, which
    // is dropped; `combining_classes_are_marks` checks it), without its buffer. ASCII, most
    // of most names, has no decomposition.
    for c in s.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            unicode_normalization::char::decompose_compatible(c, &mut push);
        }
    }
    out
}

/// The first word of [`fold_words`]`(s)`, folding no further than its end: a test that most
/// text fails on its first word need not fold the rest.
pub fn first_folded_word(s: &str) -> String {
    struct First {
        word: String,
        ended: bool,
    }
    // As `fold_any_words` pushes a character; past the first word's end, nothing.
    fn push(st: &mut First, c: char) {
        if st.ended || unicode_normalization::char::is_combining_mark(c) {
            return;
        }
        if is_alphanumeric(c) {
            st.word.extend(c.to_lowercase());
        } else if !st.word.is_empty() {
            st.ended = true;
        }
    }
    let mut st = First { word: String::new(), ended: false };
    for c in s.chars() {
        if c.is_ascii() {
            push(&mut st, c);
        } else {
            unicode_normalization::char::decompose_compatible(c, |d| push(&mut st, d));
        }
        if st.ended {
            break;
        }
    }
    st.word
}

/// [`fold_words`] for ASCII text, which decomposition leaves as it is (most names, streets and
/// cities of most lists): the same result without the Unicode tables.
fn fold_ascii_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            pending_space = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `fold_any_words` did before it decomposed one character at a time.
    fn fold_nfkd(s: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.nfkd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            if c.is_alphanumeric() {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
            } else {
                pending_space = true;
            }
        }
        out
    }

    #[test]
    fn the_first_folded_word_is_fold_words_first() {
        let cases = [
            "",
            "...",
            "Test",
            "  test  company",
            "TEST-1 GmbH",
            "½ test",
            "ﬁrma Ⅻ",
            " -- Ünïcode ag",
            "Ça va",
            "e\u{301}cole",
            "\u{301}x y",
            "Straße 5",
            "東京 株式会社",
            "İstanbul Ltd",
            "A/S",
            "x\u{200D}y z",
        ];
        for s in cases {
            let folded = fold_words(s);
            assert_eq!(first_folded_word(s), folded.split(' ').next().unwrap_or(""), "{s:?}");
        }
    }

    #[test]
    fn alphanumeric_is_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn alphabetic_is_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn combining_classes_are_marks() {
        // Canonical reordering moves only characters with a combining class; folding drops
        // marks, so decomposing one character at a time folds alike when all of them are marks.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if unicode_normalization::char::canonical_combining_class(c) != 0 {
                assert!(unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn folding_matches_nfkd() {
        for s in [
            "Müller & Söhne",
            "ﬁrma Ｆｏｏ",
            "Ａ\u{301}\u{323}b",
            "한국전력",
            "İstanbul Ltd",
            "ǅemal",
            "x\u{0345}\u{0301}y",
        ] {
            assert_eq!(fold_words(s), fold_nfkd(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_matches_nfkd_anywhere(s in "\\PC{0,24}") {
            proptest::prop_assert_eq!(fold_any_words(&s), fold_nfkd(&s));
        }

        #[test]
        fn folding_matches_nfkd_with_stacked_marks(s in "[a-zA-Z\u{e0}-\u{ff}\u{300}-\u{36f}\u{1e00}-\u{1eff} .]{0,24}") {
            proptest::prop_assert_eq!(fold_any_words(&s), fold_nfkd(&s));
        }
    }

    #[test]
    fn cleaning() {
        let cases: &[(&str, &str)] = &[
            ("Contoso Ltd", "Contoso Ltd"),
            ("  Contoso   Ltd \t", "Contoso Ltd"),
            ("Con\u{0000}toso\u{0007}", "Contoso"),
            ("Cafe\u{0301}", "Café"),
            ("a\u{00A0}b", "a b"),
            ("line1\r\nline2", "line1 line2"),
            ("'=SUM(A1)", "=SUM(A1)"),
            ("'+49 30 1234", "+49 30 1234"),
            ("'quoted", "'quoted"),
            ("\u{FEFF}Name", "Name"),
            ("", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(clean(raw), *want, "{raw:?}");
        }
    }

    #[test]
    fn cleaning_is_idempotent() {
        for s in ["  a  b ", "Cafe\u{0301}", "x\u{200B}y", "'=1"] {
            let once = clean(s).into_owned();
            // The formula guard is stripped once only: a value that still starts with `'=` after
            // cleaning was written with two apostrophes and keeps one.
            assert_eq!(clean(&once), once.as_str(), "{s:?}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold_words("Société Générale, S.A."), "societe generale s a");
        // The ASCII path folds as the general one does.
        let all: String = (0u8..128).map(char::from).collect();
        for s in [all.as_str(), " A-B  c.D ", "..", "", "Contoso, Ltd. (UK) #2", "x\ty\r\nZ"] {
            assert_eq!(fold_ascii_words(s), fold_any_words(s), "{s:?}");
        }
        assert_eq!(fold_words("  MÜLLER & Söhne GmbH "), "muller sohne gmbh");
        assert_eq!(fold_words("ООО «Ромашка»"), "ооо ромашка");
    }
}
