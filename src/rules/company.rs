//! Company-name rules (Partner Center's "validate company names", 2021 and 2024 versions).

use super::RowCtx;
use crate::model::catalogue::RuleId;
use crate::model::{Field, Finding};
use crate::normalize::text::{first_folded_word, fold_words, is_alphabetic, is_alphanumeric};
use std::cell::RefCell;

/// Special characters Partner Center allows in a company name (the 2021 table, a superset of
/// the 2024 one), plus typographic variants of allowed quotes that word processors insert.
const ALLOWED_SPECIALS: &str = "~-=_#.%+:^[]$\u{2013}\u{2014}&@*(),\"\u{27E8}\u{27E9}`<>!\\/{}\u{2018}|\u{060C};'?\u{2019}\u{201C}\u{201D}\u{00AB}\u{00BB}";

/// Legal-form abbreviations that may not stand alone (36 entries, compared without spaces and
/// dots: `l. l. c.` = `llc`).
const ABBREVIATIONS: &[&str] = &[
    "cpa",
    "llc",
    "llp",
    "pty",
    "ptyltd",
    "pteltd",
    "privatelimited",
    "pvt",
    "pvtltd",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "kft",
    "zrt",
    "ooo",
    "wll",
    "lda",
    "sarl",
    "sdnbhd",
];

/// The longest of [`ABBREVIATIONS`], in characters (all ASCII): a longer name is none of them.
const LONGEST_ABBREVIATION: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Words that alone make a name a test or placeholder.
const TEST_WORDS: &[&str] = &[
    "test",
    "testing",
    "tester",
    "tests",
    "demo",
    "sample",
    "dummy",
    "asdf",
    "asdfg",
    "asdfgh",
    "qwerty",
    "xxx",
    "xxxx",
    "xx",
    "placeholder",
    "example",
    "fake",
    "foo",
    "bar",
    "foobar",
    "tbd",
    "tba",
    "unknown",
    "null",
    "none",
    "nil",
    "undefined",
    "temp",
    "tmp",
    "lorem",
    "ipsum",
    "delete",
    "deleteme",
    "dontuse",
    "abc",
    "abcd",
    "xyz",
    "aaa",
    "zzz",
];

/// Whole names (spaces removed) that are placeholders.
const PLACEHOLDER_NAMES: &[&str] = &[
    "na",
    "nan",
    "n/a",
    "none",
    "null",
    "unknown",
    "tbd",
    "tba",
    "notapplicable",
    "noname",
    "nocompany",
    "donotuse",
    "dontuse",
    "testcompany",
    "companyname",
    "yourcompany",
    "mycompany",
    "customername",
    "companyltd",
];

/// Generic words that do not make a name real when they come with a test word.
const FILLER_WORDS: &[&str] = &[
    "company",
    "customer",
    "client",
    "account",
    "tenant",
    "org",
    "organisation",
    "organization",
    "business",
    "firm",
    "co",
    "corp",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "srl",
    "bv",
    "plc",
    "limited",
    "the",
    "of",
    "and",
    "user",
    "record",
    "entry",
    "data",
    "do",
    "not",
    "use",
    "only",
];

/// Legal forms removed before judging acronyms and comparing names.
pub const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "llp",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "gmbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "se",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "plc",
    "pty",
    "pte",
    "pvt",
    "private",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "kft",
    "zrt",
    "nyrt",
    "bt",
    "sp",
    "zoo",
    "as",
    "asa",
    "ab",
    "oy",
    "oyj",
    "aps",
    "lda",
    "sl",
    "sdn",
    "bhd",
    "wll",
    "tov",
    "jsc",
    "cjsc",
    "ojsc",
    "llp",
    "lp",
    "ltda",
    "eireli",
    "me",
    "epp",
    "sro",
    "doo",
    "ad",
    "ood",
    "ооо",
    "ао",
    "пао",
    "зао",
    "тов",
    "ип",
    "kk",
    "cv",
    "eurl",
    "dac",
    "sti",
    "mmc",
    "mchj",
    "too",
    "pt",
    "tbk",
    "pjsc",
    "kgaa",
    "sapi",
    "sab",
    "snc",
];

/// Generic top-level domains that look like a web address inside a name.
const GENERIC_TLDS: &[&str] = &[
    "com",
    "net",
    "org",
    "edu",
    "gov",
    "mil",
    "int",
    "info",
    "biz",
    "club",
    "online",
    "shop",
    "store",
    "site",
    "tech",
    "xyz",
    "app",
    "dev",
    "cloud",
    "digital",
    "solutions",
    "services",
    "agency",
    "email",
    "web",
    "website",
    "company",
    "group",
    "global",
    "live",
    "news",
    "pro",
];

/// Runs every company-name rule.
pub fn check(ctx: &RowCtx, out: &mut Vec<Finding>) {
    let name = ctx.value(Field::CompanyName);
    for (rule, detail) in judge(name) {
        let mut f = Finding::new(rule, ctx.raw(Field::CompanyName));
        if let Some(d) = detail {
            f = f.with_detail(d);
        }
        out.push(f);
    }
}

/// Judges a cleaned company name; each returned rule is a finding (with optional detail).
pub fn judge(name: &str) -> Vec<(RuleId, Option<String>)> {
    let mut found = Vec::new();
    if name.is_empty() {
        found.push((RuleId::CompanyMissing, None));
        return found;
    }
    let chars = name.chars().count();
    if !name.chars().any(is_alphanumeric) {
        found.push((RuleId::CompanySpecialOnly, None));
        return found;
    }
    if chars < 2 {
        found.push((RuleId::CompanyTooShort, None));
        return found;
    }
    if chars > 255 {
        found.push((RuleId::CompanyTooLong, Some(format!("{chars} characters"))));
    }
    let (tokens, all_single) =
        name.split_whitespace().fold((0, true), |(n, all), t| (n + 1, all && t.chars().count() == 1));
    if tokens >= 2 && all_single {
        found.push((RuleId::CompanySpacedSingleChars, None));
    }
    // Compared in place: every row's name passes here, and few are this short.
    let compact = || name.chars().filter(|c| is_alphanumeric(*c)).flat_map(char::to_lowercase);
    // Lower-casing never makes fewer letters: a name with more than the longest's letters is
    // none of them, however it lower-cases.
    let short = name.chars().filter(|c| is_alphanumeric(*c)).nth(LONGEST_ABBREVIATION).is_none();
    if short
        && compact().nth(LONGEST_ABBREVIATION).is_none()
        && ABBREVIATIONS.iter().any(|a| compact().eq(a.chars()))
    {
        found.push((RuleId::CompanyAbbreviationOnly, None));
    }
    let mut non_space = name.chars().filter(|c| !c.is_whitespace());
    let first = non_space.next();
    // `seen` reaches the full count only when every character repeats the first.
    let mut seen = 1;
    if non_space.all(|c| {
        seen += 1;
        Some(c) == first
    }) && seen >= 3
    {
        found.push((RuleId::CompanyRepeatedChar, None));
    }
    let bad: Vec<char> = name.chars().filter(|c| !is_allowed_char(*c)).collect();
    if !bad.is_empty() {
        let mut shown: Vec<String> = Vec::new();
        for c in bad {
            let s = format!("'{c}' (U+{:04X})", c as u32);
            if !shown.contains(&s) {
                shown.push(s);
            }
        }
        found.push((RuleId::CompanyInvalidChar, Some(format!("not allowed: {}", shown.join(", ")))));
    }
    if is_test_name(name) {
        found.push((RuleId::CompanyTestName, None));
    }
    if let Some(acronym) = acronym_only(name) {
        if !found.iter().any(|(r, _)| *r == RuleId::CompanyAbbreviationOnly) {
            found.push((RuleId::CompanyAcronym, Some(format!("'{acronym}' is the whole distinctive part"))));
        }
    }
    if let Some(tld) = domain_extension(name) {
        found.push((RuleId::CompanyDomainExtension, Some(format!("contains '.{tld}'"))));
    }
    found
}

fn is_allowed_char(c: char) -> bool {
    is_alphanumeric(c)
        || c == ' '
        || unicode_normalization::char::is_combining_mark(c)
        || ALLOWED_SPECIALS.contains(c)
        // Zero-width joiners are part of how Indic and Arabic scripts are written.
        || c == '\u{200C}'
        || c == '\u{200D}'
}

thread_local! {
    /// The name this thread judged last, and the answer: the rules and then the matching keys
    /// ask about each row's name in turn, and folding the name is most of the answer's cost
    /// (4,000 instructions for a name of Latin letters with accents). Starts as `""`, not a
    /// test name.
    static LAST_NAME: RefCell<(String, bool)> = const { RefCell::new((String::new(), false)) };
}

/// A test or placeholder name (`Test`, `Demo Company`, `n/a`, `asdf`).
pub fn is_test_name(name: &str) -> bool {
    if let Some(known) = LAST_NAME.with(|last| {
        let last = last.borrow();
        (last.0 == name).then_some(last.1)
    }) {
        return known;
    }
    let answer = judge_test_name(name);
    LAST_NAME.with(|last| {
        let mut last = last.borrow_mut();
        last.0.clear();
        last.0.push_str(name);
        last.1 = answer;
    });
    answer
}

fn judge_test_name(name: &str) -> bool {
    // The test words and placeholders are ASCII: a letter that folds to another script's
    // letter makes a word none of them is, so most names in those scripts need no folding.
    // (An ASCII name has no such letter: checked at once, not a character at a time.)
    if !name.is_ascii() && name.chars().any(folds_beyond_ascii) {
        return false;
    }
    if name.trim().eq_ignore_ascii_case("n/a") {
        return true;
    }
    // Every word of a test name is a test or filler word or a number, and a placeholder
    // begins with the name's first word: most names fail on their first word, folded alone.
    let first = first_folded_word(name);
    if !is_test_name_word(&first) && !PLACEHOLDER_NAMES.iter().any(|p| p.starts_with(first.as_str())) {
        return false;
    }
    let folded = fold_words(name);
    // Every row's name passes here (the rules and the matching keys): one allocation, the
    // folded name; the placeholder is compared without its spaces in place.
    let compact_is = |p: &&str| folded.bytes().filter(|b| !b.is_ascii_whitespace()).eq(p.bytes());
    if PLACEHOLDER_NAMES.iter().any(compact_is) {
        return true;
    }
    let words = || folded.split(' ').filter(|w| !w.is_empty());
    let has_test = words().any(|w| TEST_WORDS.contains(&w) || is_test_with_digits(w));
    has_test && words().all(is_test_name_word)
}

/// A word a test name may have: a test or filler word, or a number.
fn is_test_name_word(w: &str) -> bool {
    TEST_WORDS.contains(&w)
        || FILLER_WORDS.contains(&w)
        || w.chars().all(|c| c.is_ascii_digit())
        || is_test_with_digits(w)
}

/// A letter that folding keeps as a letter of its own script (Greek, Cyrillic, Arabic, Thai,
/// kana, CJK, Hangul; marks, which folding drops, excluded): `folding_beyond_ascii_stays`.
fn folds_beyond_ascii(c: char) -> bool {
    matches!(c as u32,
        0x391..=0x3A1
        | 0x3A3..=0x3C9
        | 0x400..=0x481
        | 0x48A..=0x52F
        | 0x621..=0x63A
        | 0x641..=0x64A
        | 0x0E01..=0x0E30
        | 0x0E32..=0x0E33
        | 0x0E40..=0x0E46
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3)
}

/// `test1`, `demo2024`, `sample01`.
fn is_test_with_digits(w: &str) -> bool {
    let head = w.trim_end_matches(|c: char| c.is_ascii_digit());
    head.len() < w.len() && TEST_WORDS.contains(&head)
}

/// The name's only distinctive word when it is an all-capital short form (`IBM`, `ACME GmbH`).
fn acronym_only(name: &str) -> Option<&str> {
    let tokens = || name.split(|c: char| c.is_whitespace() || c == ',').filter(|t| !t.is_empty());
    let is_acronym = |t: &str| {
        let mut letters = 0;
        t.chars().filter(|c| is_alphabetic(*c)).all(|c| {
            letters += 1;
            c.is_uppercase()
        }) && (2..=5).contains(&letters)
            && t.chars().all(|c| is_alphanumeric(c) || c == '.' || c == '&')
    };
    // Most names have no token shaped like an acronym: nothing to fold then.
    if !tokens().any(is_acronym) {
        return None;
    }
    // Each token folded into one buffer; a second distinctive token ends the search.
    let mut folded = String::new();
    let mut distinctive = tokens().filter(|t| {
        folded.clear();
        folded.extend(t.chars().filter(|c| is_alphanumeric(*c)).flat_map(char::to_lowercase));
        !folded.is_empty() && !LEGAL_FORMS.contains(&folded.as_str())
    });
    match (distinctive.next(), distinctive.next()) {
        (Some(only), None) => is_acronym(only).then_some(only),
        _ => None,
    }
}

/// A generic top-level domain written after a word, as in `Booking.com`.
fn domain_extension(name: &str) -> Option<&'static str> {
    if !name.contains('.') {
        return None;
    }
    let lower = name.to_lowercase();
    let bytes = lower.as_bytes();
    for (i, _) in lower.match_indices('.') {
        if i == 0 || !(bytes[i - 1] as char).is_ascii_alphanumeric() {
            continue;
        }
        let rest = &lower[i + 1..];
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let after = rest[word.len()..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        if let Some(tld) = GENERIC_TLDS.iter().find(|t| **t == word) {
            return Some(tld);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use RuleId::*;

    #[test]
    fn the_last_name_judged_is_answered_again() {
        // The memo starts with "": it must be what judging "" says.
        assert!(!judge_test_name(""));
        for name in ["Test GmbH", "Test GmbH", "Tést", "Contoso", "Contoso", "", "n/a", "Demo 1"] {
            assert_eq!(is_test_name(name), judge_test_name(name), "{name:?}");
        }
    }

    #[test]
    fn folding_beyond_ascii_stays() {
        // What lets `is_test_name` answer without folding: every such letter folds to a
        // non-ASCII letter, and every word and placeholder it looks for is ASCII.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|&c| folds_beyond_ascii(c)) {
            let folded = fold_words(&c.to_string());
            assert!(!folded.is_empty() && !folded.is_ascii(), "U+{:04X} folds to {folded:?}", c as u32);
        }
        for w in TEST_WORDS.iter().chain(PLACEHOLDER_NAMES).chain(FILLER_WORDS) {
            assert!(w.is_ascii(), "{w}");
        }
        assert!(is_test_name("Test Company") && !is_test_name("Test Компания"));
        assert!(!is_test_name("テスト") && !is_test_name("ทดสอบ"));
    }

    fn codes(name: &str) -> Vec<RuleId> {
        judge(name).into_iter().map(|(r, _)| r).collect()
    }

    #[test]
    fn company_names_are_judged() {
        let cases: &[(&str, &[RuleId])] = &[
            ("Contoso Ltd", &[]),
            ("Fabrikam, Inc.", &[]),
            ("", &[CompanyMissing]),
            ("A", &[CompanyTooShort]),
            ("&$^#", &[CompanySpecialOnly]),
            ("1 2 3", &[CompanySpacedSingleChars]),
            ("A B C", &[CompanySpacedSingleChars]),
            ("LLC", &[CompanyAbbreviationOnly]),
            ("Inc.", &[CompanyAbbreviationOnly]),
            ("pty ltd", &[CompanyAbbreviationOnly]),
            ("l. l. c.", &[CompanyAbbreviationOnly]),
            ("GmbH", &[CompanyAbbreviationOnly]),
            ("Contoso LLC", &[]),
            ("999", &[CompanyRepeatedChar]),
            ("aaaa", &[CompanyRepeatedChar]),
            ("Contoso ™ Ltd", &[CompanyInvalidChar]),
            ("Happy 😀 Shop", &[CompanyInvalidChar]),
            ("Test", &[CompanyTestName]),
            ("Test Company", &[CompanyTestName]),
            ("test123", &[CompanyTestName]),
            ("Demo Account Ltd", &[CompanyTestName]),
            ("asdf", &[CompanyTestName]),
            ("N/A", &[CompanyTestName]),
            ("Unknown", &[CompanyTestName]),
            ("Tëst Cómpany", &[CompanyTestName]),
            ("Do Not Use", &[CompanyTestName]),
            ("No-Name", &[CompanyTestName]),
            ("2024 Demo", &[CompanyTestName]),
            ("Company Demo Systems", &[]),
            ("Test Valley Farms Ltd", &[]),
            ("Testa Motors", &[]),
            ("Demo Systems Engineering GmbH", &[]),
            ("IBM", &[CompanyAcronym]),
            ("ACME GmbH", &[CompanyAcronym]),
            ("Acme GmbH", &[]),
            ("ACME LLC", &[CompanyAcronym]),
            ("IBM ACME", &[]),
            ("Booking.com B.V.", &[CompanyDomainExtension]),
            ("Contoso Pharma.de", &[]),
            ("Jones St. Louis Ltd", &[]),
            ("ООО «Ромашка»", &[]),
            ("شركة المراعي", &[]),
            ("株式会社トヨタ", &[]),
            ("บริษัท ปตท. จำกัด", &[]),
            ("टाटा कंसल्टेंसी सर्विसेज", &[]),
            ("Công ty Cổ phần Vinamilk", &[]),
            ("O’Brien & Sons", &[]),
        ];
        for (name, want) in cases {
            assert_eq!(codes(name), want.to_vec(), "{name:?}");
        }
    }

    #[test]
    fn length_limits() {
        assert_eq!(codes(&"Contoso ".repeat(40)), vec![CompanyTooLong]);
        assert_eq!(codes(&"x".repeat(255).replace("xxx", "xyz")), Vec::<RuleId>::new());
    }
}
