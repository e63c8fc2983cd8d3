//! Deterministic randomness for the generator: one ChaCha8 stream per (seed, purpose, index),
//! so any row or entity can be rebuilt on its own, in any order, on any thread; and a keyed
//! permutation that hands out unique names without remembering which were used.

use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What a stream is for; part of the key, so streams of different purposes never overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Planning decisions for a new entity (country, duplicates, existing, look-alike).
    Plan = 1,
    /// The entity's own values (names, address, IDs).
    Entity = 2,
    /// Everything that varies per written row (formats, variations, faults).
    Row = 3,
    /// The Partner Center record of an entity.
    PartnerCenter = 4,
    /// Name permutations.
    Names = 5,
}

/// A random stream. Ranges and choices are computed here from raw 64-bit outputs with fixed
/// arithmetic (not with `rand`'s distributions), so generated files do not change when a
/// dependency changes its sampling algorithms; ChaCha8's output itself is value-stable.
#[derive(Clone)]
pub struct Rand(ChaCha8Rng);

impl Rand {
    /// The stream for `purpose` and `index` under `seed`.
    pub fn new(seed: u64, purpose: Purpose, index: u64) -> Rand {
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8] = purpose as u8;
        let mut rng = ChaCha8Rng::from_seed(key);
        rng.set_stream(index);
        Rand(rng)
    }

    /// A raw 64-bit value.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a slice of length `n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// A float in `0..1` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.index(xs.len())]
    }

    /// An index chosen with the given weights (the last index if they sum to less than the draw).
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    /// `n` random decimal digits.
    pub fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

/// SplitMix64's finaliser: a well-mixed 64-bit hash of a 64-bit value.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A keyed permutation of `0..m`: distinct inputs below `m` give distinct outputs below `m`,
/// scattered, so the k-th customer of a country gets a name no other customer of that country
/// has, without a table of used names. A four-round Feistel network on the smallest even
/// number of bits covering `m`, with cycle-walking back into range.
pub fn permute(x: u64, m: u64, key: u64) -> u64 {
    if m <= 1 {
        return 0;
    }
    let bits = 64 - (m - 1).leading_zeros();
    let half = bits.div_ceil(2);
    let mask = (1u64 << half) - 1;
    let mut v = x % m;
    loop {
        let (mut l, mut r) = (v >> half, v & mask);
        for round in 0..4u64 {
            let f = mix(r ^ key.wrapping_mul(0x2545_f491_4f6c_dd1d).wrapping_add(round)) & mask;
            (l, r) = (r, l ^ f);
        }
        v = (l << half) | r;
        if v < m {
            return v;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn streams_are_deterministic_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rand::new(7, Purpose::Row, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]), "same stream, same first value");
        let mut r = Rand::new(7, Purpose::Row, 3);
        let first = r.next_u64();
        assert_ne!(first, r.next_u64());
        assert_ne!(first, Rand::new(7, Purpose::Row, 4).next_u64(), "index matters");
        assert_ne!(first, Rand::new(8, Purpose::Row, 3).next_u64(), "seed matters");
        assert_ne!(first, Rand::new(7, Purpose::Entity, 3).next_u64(), "purpose matters");
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut r = Rand::new(1, Purpose::Row, 0);
        for _ in 0..1000 {
            assert!(r.below(7) < 7);
            assert!((3..=5).contains(&r.range(3, 5)));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(r.weighted(&[0.0, 1.0, 0.0]) == 1);
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.digits(5).len(), 5);
    }

    #[test]
    fn permute_is_a_bijection() {
        for m in [1u64, 2, 3, 10, 56, 1000, 4097] {
            let seen: HashSet<u64> = (0..m).map(|x| permute(x, m, 42)).collect();
            assert_eq!(seen.len() as u64, m, "m = {m}");
            assert!(seen.iter().all(|v| *v < m));
        }
        assert_ne!(permute(5, 1000, 1), permute(5, 1000, 2), "the key matters");
    }
}
