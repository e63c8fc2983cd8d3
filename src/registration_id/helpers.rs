//! Small building blocks shared by the country validators: digit parsing,
//! weighted sums, Luhn, and a deterministic generator for example IDs.

/// The digits of `s` as numbers 0–9, or `None` if `s` is empty or holds
/// anything other than ASCII digits.
pub(crate) fn digits(s: &str) -> Option<Vec<u8>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().map(|b| b - b'0').collect())
}

/// The digits of `s` if it is exactly `len` ASCII digits.
pub(crate) fn digits_len(s: &str, len: usize) -> Option<Vec<u8>> {
    if s.len() == len {
        digits(s)
    } else {
        None
    }
}

/// `Σ d_i · w_i` over the shorter of the two slices. Weights may be negative.
pub(crate) fn weighted_sum(d: &[u8], w: &[i64]) -> i64 {
    d.iter().zip(w).map(|(&d, &w)| i64::from(d) * w).sum()
}

/// The Luhn (mod 10) check digit to append to `body`.
pub(crate) fn luhn_check_digit(body: &[u8]) -> u8 {
    // The digit that will be appended sits at an undoubled position, so the
    // rightmost digit of `body` is doubled.
    let sum: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// True if the whole digit sequence (check digit last) passes Luhn.
pub(crate) fn luhn_valid(d: &[u8]) -> bool {
    match d.split_last() {
        Some((&last, body)) => luhn_check_digit(body) == last,
        None => false,
    }
}

/// Render digits 0–9 as an ASCII string.
pub(crate) fn to_string(d: &[u8]) -> String {
    d.iter().map(|&d| char::from(b'0' + d)).collect()
}

/// True if every character of `s` is the same (placeholder values such as
/// `00000000` or `1111111111`).
pub(crate) fn all_same(s: &str) -> bool {
    let mut bytes = s.bytes();
    match bytes.next() {
        Some(first) => bytes.all(|b| b == first),
        None => true,
    }
}

/// True if `day`/`month`/`year` is a real calendar date (Gregorian).
pub(crate) fn is_valid_date(year: u32, month: u32, day: u32) -> bool {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// `n` as exactly `width` decimal digits, scrambled by a bijection on
/// `0..10^width` so that consecutive `n` give different-looking numbers.
/// Distinct `n` below `10^width` always give distinct results.
pub(crate) fn serial(n: u64, width: u32) -> Vec<u8> {
    let modulus = 10u128.pow(width);
    // 3_141_593 is coprime to 10, so multiplication is a bijection mod 10^width.
    let mut v = (u128::from(n) * 3_141_593 + 2_718_281) % modulus;
    let mut out = vec![0u8; width as usize];
    for slot in out.iter_mut().rev() {
        *slot = (v % 10) as u8;
        v /= 10;
    }
    out
}

/// A tiny deterministic pseudo-random source (SplitMix64) for the parts of an
/// example ID that need not encode `n`.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator seeded from a per-country `salt` and the example index.
    pub(crate) fn new(salt: &str, n: u64) -> Self {
        let mut seed = 0xcbf2_9ce4_8422_2325u64;
        for b in salt.bytes() {
            seed = (seed ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(seed ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// The next 64 pseudo-random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// A single digit in `lo..=hi`.
    pub(crate) fn digit(&mut self, lo: u8, hi: u8) -> u8 {
        self.range(u64::from(lo), u64::from(hi)) as u8
    }

    /// `count` random digits 0–9.
    pub(crate) fn digits(&mut self, count: usize) -> Vec<u8> {
        (0..count).map(|_| self.digit(0, 9)).collect()
    }

    /// One element of `items`.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// `v` as exactly `width` digits (leading zeros kept, higher digits dropped).
pub(crate) fn fixed(v: u64, width: usize) -> Vec<u8> {
    let mut out = vec![0u8; width];
    let mut v = v;
    for slot in out.iter_mut().rev() {
        *slot = (v % 10) as u8;
        v /= 10;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_parsing() {
        assert_eq!(digits("0129"), Some(vec![0, 1, 2, 9]));
        assert_eq!(digits(""), None);
        assert_eq!(digits("12a"), None);
        assert_eq!(digits("١٢"), None);
        assert_eq!(digits_len("123", 3), Some(vec![1, 2, 3]));
        assert_eq!(digits_len("123", 4), None);
    }

    #[test]
    fn luhn_vectors() {
        // Classic Luhn examples.
        for (s, ok) in [
            ("79927398713", true),
            ("79927398710", false),
            ("4539578763621486", true),
            ("1000000008", true),
            ("2000000006", true),
            ("1012345678", false),
        ] {
            assert_eq!(luhn_valid(&digits(s).unwrap()), ok, "{s}");
        }
        assert_eq!(luhn_check_digit(&digits("7992739871").unwrap()), 3);
    }

    #[test]
    fn weighted_sum_negative_weights() {
        assert_eq!(weighted_sum(&[1, 2, 3], &[-1, 5, 7]), -1 + 10 + 21);
        assert_eq!((-12i64).rem_euclid(11), 10);
    }

    #[test]
    fn dates() {
        assert!(is_valid_date(2000, 2, 29));
        assert!(!is_valid_date(1900, 2, 29));
        assert!(!is_valid_date(2023, 13, 1));
        assert!(!is_valid_date(2023, 4, 31));
        assert!(!is_valid_date(2023, 1, 0));
    }

    #[test]
    fn serial_is_injective_for_small_n() {
        let mut seen = std::collections::HashSet::new();
        for n in 0..1000 {
            assert!(seen.insert(serial(n, 3)));
        }
        assert_eq!(serial(5, 4).len(), 4);
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = (0..5).map(|_| Rng::new("RU", 7).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut r = Rng::new("RU", 7);
        assert_ne!(r.next_u64(), r.next_u64());
        assert!((0..100).all(|_| (3..=5).contains(&r.range(3, 5))));
        assert_eq!(fixed(42, 4), vec![0, 0, 4, 2]);
        assert!(all_same("1111") && !all_same("1112"));
    }
}
