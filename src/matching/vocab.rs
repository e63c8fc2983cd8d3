//! The words of company names, interned: each word gets a number, a count of the records that
//! hold it, and a rarity weight, so comparing two names costs integer compares, not string hashing.

use super::similarity::shared_needed;
// Never iterated (ids are given in insertion order): a fast hash, not std's SipHash.
use rustc_hash::FxHashMap as HashMap;

/// Words that a typo can hide in are this long or longer (shorter ones must agree exactly).
const TYPO_MIN_CHARS: usize = 5;
/// Similarity at which two words count as near spellings of each other.
pub const NEAR: f64 = 0.9;

/// How many characters of each kind a word holds, characters folded onto 32 kinds (`a` to `z`
/// each a kind of its own); None for a word with more than [`u8::MAX`] of one kind.
type Letters = [u8; 32];

fn letters(w: &str) -> Option<Letters> {
    let mut out = [0u8; 32];
    for c in w.chars() {
        let slot = &mut out[c as usize % 32];
        *slot = slot.checked_add(1)?;
    }
    Some(out)
}

/// Interned name words with their document frequencies and weights.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    df: Vec<u32>,
    /// Whether a word may match a near spelling: long enough and without digits.
    fuzzy: Vec<bool>,
    /// The characters a word holds, counted by kind, for a cheap bound on how alike two words
    /// can be.
    letters: Vec<Option<Letters>>,
    /// Each word's length in characters.
    lens: Vec<u32>,
    weight: Vec<f32>,
    total: u32,
}

impl Vocab {
    /// The ids of a name key's words, counting each distinct word once for this record.
    pub fn add_record(&mut self, name_key: &str) -> Vec<u32> {
        self.total += 1;
        let mut out: Vec<u32> = Vec::with_capacity(4);
        for w in name_key.split(' ').filter(|w| !w.is_empty()).take(super::keys::MAX_TOKENS) {
            let id = self.intern(w);
            if !out.contains(&id) {
                self.df[id as usize] += 1;
            }
            out.push(id);
        }
        out
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(w.into(), id);
        self.words.push(w.into());
        self.df.push(0);
        self.fuzzy.push(w.chars().count() >= TYPO_MIN_CHARS && !w.chars().any(char::is_numeric));
        self.letters.push(letters(w));
        self.lens.push(w.chars().count() as u32);
        id
    }

    /// Computes the weights once every record has been added: ln(1 + records / records with
    /// the word), so "services" or "group" count for little and a rare word for much. The 1 +
    /// keeps a short list sensible: among three records a word all three share still counts.
    pub fn finish(&mut self) {
        let total = self.total.max(2) as f64;
        self.weight = self.df.iter().map(|&df| (1.0 + total / df.max(1) as f64).ln() as f32).collect();
    }

    /// The weight of a word (after [`Vocab::finish`]).
    pub fn weight(&self, id: u32) -> f64 {
        self.weight.get(id as usize).copied().unwrap_or(0.1) as f64
    }

    /// How many records hold the word.
    pub fn count(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    /// The word's length in characters.
    pub fn chars_in(&self, id: u32) -> usize {
        self.lens[id as usize] as usize
    }

    /// The word itself.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// Whether a word may match a near spelling (long enough, no digits).
    pub fn typo_prone(&self, id: u32) -> bool {
        self.fuzzy[id as usize]
    }

    /// How alike two words are: 1 when equal; Jaro-Winkler for words long enough to hold a
    /// typo; 0 otherwise. Numbers agree exactly or not at all ("Store 10001" is not
    /// "Store 10002").
    pub fn near(&self, a: u32, b: u32) -> f64 {
        if a == b {
            1.0
        } else if self.fuzzy[a as usize] && self.fuzzy[b as usize] && self.may_be_near(a, b) {
            super::jaro::jaro_winkler(self.word(a), self.word(b))
        } else {
            0.0
        }
    }

    /// False when two words cannot reach a Jaro-Winkler similarity of 0.9, judged from the
    /// characters they share and their common prefix (see [`shared_needed`]): Jaro counts
    /// matching characters, and a character of one word can match only one of the same kind in
    /// the other. Most word pairs are ruled out from the counts and lengths alone, without
    /// reading either word.
    fn may_be_near(&self, a: u32, b: u32) -> bool {
        let (la, lb) = (self.lens[a as usize] as usize, self.lens[b as usize] as usize);
        let shared = match (&self.letters[a as usize], &self.letters[b as usize]) {
            (Some(x), Some(y)) => x.iter().zip(y).map(|(p, q)| u16::from(*p.min(q))).sum::<u16>() as usize,
            _ => la.min(lb),
        };
        // With the largest prefix bonus first, then with the words' own prefix.
        if shared < shared_needed(la, lb, 4, NEAR).max(1) {
            return false;
        }
        let (wa, wb) = (self.word(a), self.word(b));
        let prefix = wa.chars().zip(wb.chars()).take(4).take_while(|(x, y)| x == y).count();
        shared >= shared_needed(la, lb, prefix, NEAR).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_weigh_more_and_ids_are_stable() {
        let mut v = Vocab::default();
        let a = v.add_record("contoso services");
        let b = v.add_record("fabrikam services");
        let c = v.add_record("northwind services services");
        v.finish();
        assert_eq!(a[1], b[1]);
        assert_eq!(c, vec![c[0], a[1], a[1]]);
        assert_eq!(v.count(a[1]), 3, "counted once per record");
        assert!(v.weight(a[0]) > v.weight(a[1]));
        assert_eq!(v.word(b[0]), "fabrikam");
    }

    proptest::proptest! {
        /// The bound never hides a near spelling, ASCII or not, with or without a common
        /// prefix.
        #[test]
        fn the_bound_never_hides_a_near_spelling(
            head in "[a-c]{0,4}",
            x in "[a-f]{5,14}|[a-eé]{5,14}",
            y in "[a-f]{5,14}|[a-eé]{5,14}",
        ) {
            let (x, y) = (format!("{head}{x}"), format!("{head}{y}"));
            let mut v = Vocab::default();
            let ids = v.add_record(&format!("{x} {y}"));
            v.finish();
            if ids[0] != ids[1] && strsim::jaro_winkler(&x, &y) >= NEAR {
                proptest::prop_assert!(v.may_be_near(ids[0], ids[1]), "{x} {y}");
                proptest::prop_assert!(v.may_be_near(ids[1], ids[0]), "{y} {x}");
            }
        }
    }

    #[test]
    fn near_spellings() {
        let mut v = Vocab::default();
        let ids = v.add_record("healthcare helthcare 10001 10002 abc abd");
        v.finish();
        assert!(v.near(ids[0], ids[1]) > 0.9);
        assert_eq!(v.near(ids[2], ids[3]), 0.0, "numbers never fuzzy-match");
        assert_eq!(v.near(ids[4], ids[5]), 0.0, "short words must agree exactly");
        assert_eq!(v.near(ids[4], ids[4]), 1.0);
        assert_eq!(letters("abca").map(|l| l[usize::from(b'a') % 32]), Some(2));
        assert_eq!(letters(&"a".repeat(300)), None, "too many of one kind to count in a byte");
        // The bound never hides a near spelling.
        let words = ["healthcare", "helthcare", "healthcar", "haelthcare", "ealthcare", "contoso", "cnotoso"];
        let mut v = Vocab::default();
        let ids = v.add_record(&words.join(" "));
        v.finish();
        for &a in &ids {
            for &b in &ids {
                let jw = strsim::jaro_winkler(v.word(a), v.word(b));
                if jw >= NEAR {
                    assert!(v.may_be_near(a, b), "{} {}", v.word(a), v.word(b));
                }
            }
        }
    }
}
