//! How common each company name and city is (term frequencies): two records agreeing on a name
//! half the list shares ("Global Services") prove less than two agreeing on a rare one.

use super::keys::{hash_of, Keys};
// The keys are already hashes: a second SipHash over them bought nothing. Nothing depends on
// the map's order (`finish` sums whole numbers).
use rustc_hash::FxHashMap as HashMap;

/// Counts of name keys and cities.
#[derive(Clone, Debug, Default)]
pub struct Freq {
    names: Counts,
    cities: Counts,
}

#[derive(Clone, Debug, Default)]
struct Counts {
    by_value: HashMap<u64, u32>,
    /// Records counted (with a value).
    total: f64,
    /// Σ p², the chance that two records drawn at random share a value.
    agree: f64,
}

impl Counts {
    fn add(&mut self, v: &str) {
        if !v.is_empty() {
            *self.by_value.entry(hash_of(v)).or_default() += 1;
        }
    }

    fn finish(&mut self) {
        self.total = self.by_value.values().map(|&c| c as f64).sum();
        let t = self.total.max(1.0);
        // Σ c² in integers, then one division: a float sum would depend on the map's iteration
        // order, which std's hasher makes different in every process.
        let squares: u128 = self.by_value.values().map(|&c| u128::from(c) * u128::from(c)).sum();
        self.agree = squares as f64 / (t * t);
    }

    /// How many times more often than an average value two records share this one (at least 1).
    fn ratio(&self, v: &str) -> f64 {
        if self.total < 2.0 || self.agree <= 0.0 {
            return 1.0;
        }
        let c = self.by_value.get(&hash_of(v)).copied().unwrap_or(1) as f64;
        ((c / self.total) / self.agree).max(1.0)
    }
}

impl Freq {
    /// Counts the names and cities of every record given.
    pub fn of<'a>(keys: impl Iterator<Item = &'a Keys>) -> Freq {
        Freq::default().counting(keys)
    }

    /// These counts with the records of `more` counted too (as if [`Freq::of`] had been given
    /// both): the run's rows are not counted twice to add the export's customers.
    pub fn with<'a>(&self, more: impl Iterator<Item = &'a Keys>) -> Freq {
        self.clone().counting(more)
    }

    /// These counts with `keys` counted too, totals and shares worked out again.
    fn counting<'a>(mut self, keys: impl Iterator<Item = &'a Keys>) -> Freq {
        for k in keys {
            self.names.add(k.name());
            self.cities.add(k.city());
        }
        self.names.finish();
        self.cities.finish();
        self
    }

    /// log2 of how much more common than average an exactly shared name is (0 for a name no
    /// more common than most).
    pub fn name_penalty(&self, name: &str) -> f64 {
        self.names.ratio(name).log2()
    }

    /// The same for a shared city.
    pub fn city_penalty(&self, city: &str) -> f64 {
        self.cities.ratio(city).log2()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_values_prove_less() {
        // One name and one city in a hundred records share them; the rest are unique.
        let mut keys = vec![Keys::test("AU", "Global Services", "", "Sydney", ""); 10];
        for i in 0..990 {
            keys.push(Keys::test("AU", &format!("Brand{i}"), "", &format!("Town{i}"), ""));
        }
        let f = Freq::of(keys.iter());
        assert!(f.name_penalty("global services") > 3.0, "{}", f.name_penalty("global services"));
        assert_eq!(f.name_penalty("brand7"), 0.0);
        assert!(f.city_penalty("sydney") > 3.0);
        assert_eq!(f.city_penalty("nowhere"), 0.0);
        // 10 of 1,000 share one name: Σ p² = (10² + 990) / 1000².
        assert_eq!(f.names.agree, 1090.0 / 1_000_000.0);
    }

    #[test]
    fn counts_extended_are_counts_of_both() {
        let a: Vec<Keys> = (0..50)
            .map(|i| Keys::test("AU", &format!("Name{}", i % 7), "", &format!("Town{}", i % 3), ""))
            .collect();
        let b: Vec<Keys> =
            (0..20).map(|i| Keys::test("AU", &format!("Name{}", i % 11), "", "", "")).collect();
        let both = Freq::of(a.iter().chain(&b));
        let extended = Freq::of(a.iter()).with(b.iter());
        assert_eq!((extended.names.total, extended.names.agree), (both.names.total, both.names.agree));
        assert_eq!((extended.cities.total, extended.cities.agree), (both.cities.total, both.cities.agree));
        assert_eq!(extended.names.by_value, both.names.by_value);
        assert_ne!(Freq::of(a.iter()).names.total, both.names.total, "b's names are counted");
    }
}
