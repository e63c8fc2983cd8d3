//! Company-name keys and similarity: legal forms, punctuation, case and accents folded away.

use super::vocab::Vocab;
use crate::normalize::text::fold_words;
use crate::rules::company::LEGAL_FORMS;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Joining words that say nothing about which company it is ("Dupont et Fils" = "Dupont & Fils").
const STOPWORDS: &[&str] = &[
    "and", "et", "und", "y", "e", "en", "og", "och", "ja", "the", "of", "de", "la", "le", "les", "der",
    "die", "das", "del", "della", "di", "da", "do", "dos", "du", "des", "van", "von", "het",
];

/// Generic words of company names written short or in another number, with the one form both
/// are compared in (`Intl` = `International`, `Grp` = `Group`, `Technologies` = `Tech`).
#[rustfmt::skip]
const WORD_FORMS: &[(&str, &str)] = &[
    ("intl", "international"), ("intnl", "international"), ("internat", "international"),
    ("grp", "group"), ("mfg", "manufacturing"), ("mfr", "manufacturing"), ("svcs", "services"),
    ("svc", "services"), ("service", "services"), ("tech", "technology"), ("techs", "technology"),
    ("technologies", "technology"), ("sys", "systems"), ("system", "systems"), ("sol", "solutions"),
    ("solns", "solutions"), ("solution", "solutions"), ("eng", "engineering"), ("engg", "engineering"),
    ("dist", "distribution"), ("distr", "distribution"), ("assoc", "associates"), ("assocs", "associates"),
    ("bros", "brothers"), ("mgmt", "management"), ("mgt", "management"), ("mktg", "marketing"),
    ("natl", "national"), ("univ", "university"), ("inst", "institute"), ("hldgs", "holdings"),
    ("hldg", "holdings"), ("holding", "holdings"), ("inds", "industries"), ("industry", "industries"),
    ("ctr", "center"), ("centre", "center"), ("assn", "association"), ("dept", "department"),
    ("enterprise", "enterprises"), ("ent", "enterprises"), ("labs", "laboratories"),
    ("lab", "laboratories"), ("pharm", "pharmaceuticals"), ("pharma", "pharmaceuticals"),
    ("comms", "communications"), ("comm", "communications"),
    ("constr", "construction"), ("cnstr", "construction"), ("trdg", "trading"), ("ins", "insurance"),
];

/// The word lists as hash sets: every word of every name is looked up in them (a scan of the
/// lists was a tenth of a record's keys).
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut forms = HashMap::default();
    for &(short, full) in WORD_FORMS {
        // The first entry for a word wins, as a scan would find it.
        forms.entry(short).or_insert(full);
    }
    Words { legal: LEGAL_FORMS.iter().copied().collect(), stop: STOPWORDS.iter().copied().collect(), forms }
});

struct Words {
    legal: HashSet<&'static str>,
    stop: HashSet<&'static str>,
    forms: HashMap<&'static str, &'static str>,
}

fn full_word(w: &str) -> &str {
    WORDS.forms.get(w).copied().unwrap_or(w)
}

/// The comparable core of a company name: folded words without legal forms
/// ("Contoso Ltd." and "CONTOSO LIMITED" both give "contoso"; "Fabrikam S.A." and
/// "Fabrikam SA" both give "fabrikam").
pub fn name_key(name: &str) -> String {
    name_key_or(name, true)
}

/// The words of a name as the key sees them (folded, dotted initials joined), without the
/// initials that open it (`A.B. Dick`): what [`super::legal`] reads legal forms from.
pub fn name_words(name: &str) -> Vec<String> {
    match_key_and_words(name).1
}

fn folded_name(name: &str) -> String {
    // An apostrophe joins (`Int'l` = `Intl`, `O'Brien` = `OBrien`) rather than splits.
    let joins = |c: char| matches!(c, '\'' | '\u{2019}' | '`');
    let joined: std::borrow::Cow<str> = if name.contains(joins) {
        name.chars().filter(|c| !joins(*c)).collect::<String>().into()
    } else {
        name.into()
    };
    // Borrowed when already plain ASCII (most names): no copy before the fold.
    fold_words(&deunicode::deunicode_with_tofu_cow(&joined, "[?]"))
}

/// The name's key for matching, and its [`name_words`], from one folding of the name (every
/// record needs both, and folding is most of their cost). Unlike [`name_key`], a name made
/// only of legal forms and joining words (`Pty Ltd`) gives an empty key: it says nothing about
/// which company it is.
pub fn match_key_and_words(name: &str) -> (String, Vec<String>) {
    let folded = folded_name(name);
    let words = join_initials(folded.split(' ').filter(|w| !w.is_empty()));
    let key = key_of(&words, false);
    let words = words.into_iter().filter(|(_, lead)| !lead).map(|(w, _)| w.into_owned()).collect();
    (key, words)
}

fn name_key_or(name: &str, keep_bare_forms: bool) -> String {
    let folded = folded_name(name);
    key_of(&join_initials(folded.split(' ').filter(|w| !w.is_empty())), keep_bare_forms)
}

fn key_of(words: &[(std::borrow::Cow<'_, str>, bool)], keep_bare_forms: bool) -> String {
    let core: Vec<&str> = words
        .iter()
        .filter(|(w, lead)| (*lead || !WORDS.legal.contains(w.as_ref())) && !WORDS.stop.contains(w.as_ref()))
        .map(|(w, _)| full_word(w))
        .collect();
    if core.is_empty() && keep_bare_forms {
        words.iter().map(|(w, _)| w.as_ref()).collect::<Vec<_>>().join(" ")
    } else {
        core.join(" ")
    }
}

/// Joins runs of single letters ("s a" from "S.A.", "g m b h" from "G.m.b.H.") into one word, so
/// a dotted legal form folds like the plain one. A joined run that opens the name is marked: it
/// is more likely initials ("A.B. Dick") than a legal form, and is kept even when it spells one.
fn join_initials<'a>(words: impl Iterator<Item = &'a str>) -> Vec<(std::borrow::Cow<'a, str>, bool)> {
    let mut out: Vec<(std::borrow::Cow<'a, str>, bool)> = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<(std::borrow::Cow<'a, str>, bool)>| match run.chars().count()
    {
        0 => {}
        1 => out.push((std::borrow::Cow::Owned(std::mem::take(run)), false)),
        _ => {
            let lead = out.is_empty();
            out.push((std::borrow::Cow::Owned(std::mem::take(run)), lead));
        }
    };
    for w in words {
        let mut chars = w.chars();
        let single = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
        if single {
            run.push_str(w);
        } else {
            flush(&mut run, &mut out);
            out.push((std::borrow::Cow::Borrowed(w), false));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Whether Jaro-Winkler of `x` and `y` can reach `t`, judged from the characters they share
/// and their common prefix without computing it: Jaro counts matching characters, a character
/// of one can match only if the other has it, and with every shared character matched and no
/// transposition the result is an upper bound; Winkler's bonus is that of the actual common
/// prefix (up to four characters). Most candidate pairs have plainly different streets and
/// cities, so this spares the full comparison. Text that is not ASCII is always compared in
/// full.
pub fn jaro_winkler_may_reach(x: &str, y: &str, t: f64) -> bool {
    let (x, y) = (x.as_bytes(), y.as_bytes());
    if x.is_empty() || y.is_empty() || !x.is_ascii() || !y.is_ascii() {
        return true;
    }
    let prefix = x.iter().zip(y).take(4).take_while(|(a, b)| a == b).count();
    let need = shared_needed(x.len(), y.len(), prefix, t);
    // At most as many characters are shared as the shorter text has: lengths far apart are
    // ruled out without counting.
    if x.len().min(y.len()) < need {
        return false;
    }
    if x.len() <= usize::from(u8::MAX) {
        shares_at_least::<u8>(x, y, need)
    } else {
        shares_at_least::<u32>(x, y, need)
    }
}

/// The fewest shared characters with which Jaro-Winkler of texts `lx` and `ly` characters long
/// with a common prefix of `prefix` (at most 4 counted) can reach `t`. With `m` shared, Jaro is
/// at most `(m/lx + m/ly + 1) / 3` and Winkler adds `0.1 · prefix` of what it lacks, so `t` needs
/// `m · (1/lx + 1/ly) ≥ 3 (t − p) / (1 − p) − 1` with `p = 0.1 · prefix`. Rounded down a hair: a
/// pair at the boundary is compared in full, never ruled out by rounding.
pub fn shared_needed(lx: usize, ly: usize, prefix: usize, t: f64) -> usize {
    let p = 0.1 * prefix.min(4) as f64;
    let per_char = 3.0 * (t - 1e-9 - p) / (1.0 - p) - 1.0;
    let (lx, ly) = (lx as f64, ly as f64);
    let m = per_char * lx * ly / (lx + ly) - 1e-6;
    if m <= 0.0 {
        0
    } else {
        // `m.ceil()`, without the call to libm's `ceil` it is on the baseline x86-64 target
        // (one per candidate pair's text: 0.9% of a 20k `check`). `m` is positive and far below
        // 2^53, so the truncated value is exact.
        let whole = m as usize;
        whole + usize::from((whole as f64) < m)
    }
}

/// Whether at least `need` bytes of `y` can be paired with a byte of `x` (ASCII); `C` holds a
/// byte's count in `x` (one byte wide for texts under 256 bytes: less to clear for every pair).
/// Stops as soon as the answer is known either way.
fn shares_at_least<C: Copy + Default + PartialEq + std::ops::AddAssign + std::ops::SubAssign + From<u8>>(
    x: &[u8],
    y: &[u8],
    need: usize,
) -> bool {
    if need == 0 {
        return true;
    }
    let mut count = [C::default(); 128];
    for &b in x {
        count[usize::from(b & 0x7F)] += C::from(1);
    }
    let (mut m, mut left) = (0, y.len());
    for &b in y {
        left -= 1;
        let c = &mut count[usize::from(b & 0x7F)];
        if *c != C::default() {
            *c -= C::from(1);
            m += 1;
            if m >= need {
                return true;
            }
        } else if m + left < need {
            return false;
        }
    }
    false
}

/// Jaro-Winkler of `x` and `y` when it can reach `t`, else 0.
pub fn jaro_winkler_from(x: &str, y: &str, t: f64) -> f64 {
    if jaro_winkler_may_reach(x, y, t) {
        super::jaro::jaro_winkler(x, y)
    } else {
        0.0
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
    let jw = super::jaro::jaro_winkler(a, b);
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let common = wa.iter().filter(|w| wb.contains(w)).count();
    let dice = 2.0 * common as f64 / (wa.len() + wb.len()) as f64;
    jw.max(dice)
}

/// Rarity-weighted similarity of two names' words, 0 to 1: a weighted Dice coefficient where a
/// word counts as shared when the other name has it or a near spelling of it (typos).
pub fn token_similarity(a: &[u32], b: &[u32], v: &Vocab) -> f64 {
    similarity_at_least(a, b, v, 0.0)
}

/// [`token_similarity`] when it is at least `floor`, and some value below `floor` otherwise.
/// Equal words are paired first; near spellings (the costly part) are tried only while `floor`
/// can still be reached, which most candidate pairs cannot.
pub fn similarity_at_least(a: &[u32], b: &[u32], v: &Vocab, floor: f64) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let total: f64 = a.iter().chain(b).map(|&t| v.weight(t)).sum();
    let mut shared = 0.0;
    // Names have at most MAX_TOKENS (64) words, so bit sets mark the words already paired.
    let (mut done_a, mut used_b) = (0u64, 0u64);
    for (i, &t) in a.iter().enumerate() {
        let free = |k: usize| used_b & (1 << k) == 0;
        if let Some(k) = (0..b.len()).find(|&k| free(k) && b[k] == t) {
            done_a |= 1 << i;
            used_b |= 1 << k;
            shared += 2.0 * v.weight(t);
        }
    }
    let open = |words: &[u32], taken: u64| -> f64 {
        words
            .iter()
            .enumerate()
            .filter(|(k, &t)| taken & (1 << k) == 0 && v.typo_prone(t))
            .map(|(_, &t)| v.weight(t))
            .sum()
    };
    let (open_a, open_b) = (open(a, done_a), open(b, used_b));
    if open_a == 0.0 || open_b == 0.0 || (shared + open_a + open_b) / total < floor {
        return (shared / total).min(1.0);
    }
    for (i, &t) in a.iter().enumerate() {
        if done_a & (1 << i) != 0 || !v.typo_prone(t) {
            continue;
        }
        let mut best: Option<(usize, f64)> = None;
        for (k, &u) in b.iter().enumerate() {
            if used_b & (1 << k) == 0 {
                let sim = v.near(t, u);
                if best.is_none_or(|(_, s)| sim > s) {
                    best = Some((k, sim));
                }
            }
        }
        if let Some((k, sim)) = best.filter(|(_, sim)| *sim >= super::vocab::NEAR) {
            used_b |= 1 << k;
            shared += sim * (v.weight(t) + v.weight(b[k]));
        }
    }
    (shared / total).min(1.0)
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
        assert_eq!(name_key("Fabrikam S.A."), "fabrikam");
        assert_eq!(name_key("Fabrikam G.m.b.H."), name_key("Fabrikam GmbH"));
        assert_eq!(name_key("Tailspin K.K."), "tailspin");
        assert_eq!(name_key("Adatum S.A. de C.V."), "adatum");
        assert_eq!(name_key("A.B. Dick Company"), "ab dick", "leading initials are not a legal form");
        assert_eq!(name_key("J. Smith Plumbing"), "j smith plumbing");
        assert_eq!(name_key("Boulangerie Dupont et Fils"), name_key("Boulangerie Dupont & Fils SARL"));
        assert_eq!(name_key("TRAPP INTL AG"), name_key("Trapp International AG"));
        assert_eq!(name_key("Trapp Int'l AG"), name_key("Trapp International AG"));
        assert_eq!(name_key("Barnett Grp PLC"), name_key("Barnett Group PLC"));
        assert_eq!(name_key("Contoso Tech Ltd"), name_key("Contoso Technologies Limited"));
    }

    #[test]
    fn similarity() {
        assert_eq!(name_similarity("contoso", "contoso"), 1.0);
        assert!(name_similarity("contoso pharma", "contoso pharmaa") > 0.95);
        assert!(name_similarity("northwind traders", "traders northwind") >= 0.99);
        assert!(name_similarity("contoso", "fabrikam") < 0.6);
        let mut v = Vocab::default();
        let names = ["firma 10001", "firma 10000", "lamna healthcare", "lamna helthcare"];
        let ids: Vec<Vec<u32>> = names.iter().map(|n| v.add_record(n)).collect();
        v.finish();
        assert!(token_similarity(&ids[0], &ids[1], &v) < 0.6, "numbers never fuzzy-match");
        assert!(token_similarity(&ids[2], &ids[3], &v) > 0.9);
        assert_eq!(name_similarity("", "x"), 0.0);
    }

    #[test]
    fn the_floor_only_saves_work() {
        let names = [
            "lamna healthcare",
            "lamna helthcare",
            "healthcare lamna group",
            "contoso pharma services",
            "contoso pharmaa",
            "fabrikam",
            "northwind traders 10001",
            "northwind tradrs 10001",
        ];
        let mut v = Vocab::default();
        let ids: Vec<Vec<u32>> = names.iter().map(|n| v.add_record(n)).collect();
        v.finish();
        for a in &ids {
            for b in &ids {
                let exact = token_similarity(a, b, &v);
                for floor in [0.0, 0.5, 0.75, 0.9, 0.95] {
                    let got = similarity_at_least(a, b, &v, floor);
                    if exact >= floor {
                        assert_eq!(got, exact, "{a:?} {b:?} at {floor}");
                    } else {
                        assert!(got < floor, "{a:?} {b:?} at {floor}: {got}");
                    }
                }
            }
        }
    }

    #[test]
    fn placeholders_never_link() {
        for v in ["", "0", "0000000000", "N/A", "unknown", "1234567890"] {
            assert!(is_placeholder_key(v), "{v:?}");
        }
        assert!(!is_placeholder_key("7707083893"));
    }
}

#[cfg(test)]
mod jw_bound_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The bound never rules out a pair Jaro-Winkler would let through.
        #[test]
        fn the_bound_never_hides_a_close_pair(
            head in "[a-c]{0,5}",
            x in "[a-e ]{1,12}|[a-z ]{8,40}",
            y in "[a-e ]{1,12}|[a-z ]{8,40}",
        ) {
            // With and without a common prefix: the bound counts the prefix's bonus.
            for (x, y) in [(x.clone(), y.clone()), (format!("{head}{x}"), format!("{head}{y}"))] {
                for t in [0.7, 0.88, 0.9, 0.95] {
                    if strsim::jaro_winkler(&x, &y) >= t {
                        prop_assert!(jaro_winkler_may_reach(&x, &y, t), "{x:?} {y:?} {t}");
                    }
                }
            }
        }
    }

    /// The Jaro-Winkler of `m` shared characters, all matched, no transposition, and the
    /// Winkler bonus of `prefix` (the bound's own formula, in floating point).
    fn upper(m: usize, lx: usize, ly: usize, prefix: usize, t_floor: f64) -> bool {
        let m = m as f64;
        let jaro = (m / lx as f64 + m / ly as f64 + 1.0) / 3.0;
        jaro + 0.1 * prefix as f64 * (1.0 - jaro) >= t_floor
    }

    #[test]
    fn the_count_needed_is_never_too_high_and_rarely_too_low() {
        for lx in 1..90 {
            for ly in 1..90 {
                for prefix in 0..=4 {
                    for t in [0.7, 0.88, 0.9, 0.95] {
                        let need = shared_needed(lx, ly, prefix, t);
                        // The integer rounding up is `f64::ceil`'s.
                        let p = 0.1 * prefix as f64;
                        let m = (3.0 * (t - 1e-9 - p) / (1.0 - p) - 1.0) * (lx * ly) as f64
                            / (lx + ly) as f64
                            - 1e-6;
                        assert_eq!(need, if m <= 0.0 { 0 } else { m.ceil() as usize });
                        // One fewer could never reach t: nothing that could is ruled out.
                        assert!(
                            need == 0 || !upper(need - 1, lx, ly, prefix, t - 1e-9),
                            "{lx} {ly} {prefix} {t}"
                        );
                        // And `need` itself comes within rounding of t.
                        assert!(upper(need, lx, ly, prefix, t - 1e-5), "{lx} {ly} {prefix} {t}: {need}");
                    }
                }
            }
        }
    }

    #[test]
    fn plainly_different_text_is_ruled_out() {
        assert!(!jaro_winkler_may_reach("harbord", "kent", 0.88));
        assert!(jaro_winkler_may_reach("harbord", "harbrod", 0.88));
        // Eight of ten letters shared: within reach only with Winkler's bonus for a common
        // prefix, which the first pair lacks.
        assert!(!jaro_winkler_may_reach("abcdefghij", "xbcdefghay", 0.88));
        assert!(jaro_winkler_may_reach("abcdefghij", "abcdefghxy", 0.88));
        assert!(jaro_winkler_may_reach("zürich", "kent", 0.88), "not ASCII: compared in full");
        assert_eq!(jaro_winkler_from("kent", "harbord", 0.88), 0.0);
    }
}
