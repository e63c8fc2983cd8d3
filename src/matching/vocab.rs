//! The words of company names, interned: each word gets a number, a count of the records that
//! hold it, and a rarity weight, so comparing two names costs integer compares, not string hashing.

use super::similarity::shared_needed;
// Never iterated (ids are given in insertion order): a fast hash, not std's SipHash.
use rustc_hash::FxHashMap as HashMap;

/// Words that a typo can hide in are this long or longer (shorter ones must agree exactly).
const TYPO_MIN_CHARS: usize = 5;
/// Similarity at which two words count as near spellings of each other.
pub const NEAR: f64 = 0.9;

fn char_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

/// Interned name words with their document frequencies and weights.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    df: Vec<u32>,
    /// Whether a word may match a near spelling: long enough and without digits.
    fuzzy: Vec<bool>,
    /// The characters a word holds, as a 64-bit set (characters folded onto 64 bits), for a
    /// cheap bound on how alike two words can be.
    chars: Vec<u64>,
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
        self.chars.push(w.chars().fold(0, |set, c| set | char_bit(c)));
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
    /// characters they share and their common prefix: Jaro counts matching characters, a
    /// character of one word can match only if the other word has it at all, and Winkler's
    /// bonus is that of the prefix (see [`shared_needed`]).
    fn may_be_near(&self, a: u32, b: u32) -> bool {
        let (wa, wb) = (self.word(a), self.word(b));
        let (la, lb) = (self.lens[a as usize] as usize, self.lens[b as usize] as usize);
        // A word as long in characters as in bytes is ASCII: its bytes are its characters,
        // read without decoding (most names are folded to ASCII).
        let ascii = la == wa.len() && lb == wb.len();
        let prefix = if ascii {
            wa.bytes().zip(wb.bytes()).take(4).take_while(|(x, y)| x == y).count()
        } else {
            wa.chars().zip(wb.chars()).take(4).take_while(|(x, y)| x == y).count()
        };
        let need = shared_needed(la, lb, prefix, NEAR).max(1);
        if la.min(lb) < need {
            return false;
        }
        let (sa, sb) = (self.chars[a as usize], self.chars[b as usize]);
        let shared = |w: &str, other: u64| {
            if ascii {
                w.bytes().filter(|&c| other & char_bit(char::from(c)) != 0).count()
            } else {
                w.chars().filter(|&c| other & char_bit(c) != 0).count()
            }
        };
        shared(wa, sb) >= need && shared(wb, sa) >= need
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
