//! Jaro–Winkler, the same value as `strsim::jaro_winkler` bit for bit, at a fraction of its
//! cost: strsim's generic version allocates its match flags on the heap and decodes the second
//! string from its start again for every character of the first. Matching compares tens of
//! millions of names, streets and cities, and this was a fifth of linking's time at 1M rows.
//! ASCII strings are compared as bytes; others are decoded once into characters. ASCII strings
//! of up to 64 bytes, most names, streets and cities, are matched with bit masks: the same
//! greedy matching as strsim's loop (each character of the first string takes the first free
//! equal one in its window of the second), a word of bits at a time.

/// Strings up to this many characters keep their match flags on the stack.
const STACK: usize = 64;

/// Jaro–Winkler similarity of `a` and `b` (0 to 1), as `strsim::jaro_winkler` computes it.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    if a.is_ascii() && b.is_ascii() {
        let (x, y) = (a.as_bytes(), b.as_bytes());
        if x.len() <= 64 && y.len() <= 64 {
            boost(x, y, jaro_bits(x, y))
        } else {
            winkler(x, y)
        }
    } else {
        let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        winkler(&x, &y)
    }
}

/// The Winkler boost for a common prefix of up to 4, over Jaro above 0.7.
fn winkler<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    boost(a, b, jaro(a, b))
}

/// Jaro `sim` with the Winkler boost for the common prefix of `a` and `b`.
fn boost<T: PartialEq>(a: &[T], b: &[T], sim: f64) -> f64 {
    if sim > 0.7 {
        let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// Jaro similarity, with strsim's window, matching order and arithmetic.
fn jaro<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut stack = [false; 2 * STACK];
    let mut heap = Vec::new();
    let flags: &mut [bool] = if a_len <= STACK && b_len <= STACK {
        &mut stack[..a_len + b_len]
    } else {
        heap.resize(a_len + b_len, false);
        &mut heap
    };
    let (a_flags, b_flags) = flags.split_at_mut(a_len);
    let mut matches = 0usize;
    for (i, x) in a.iter().enumerate() {
        let from = i.saturating_sub(range);
        let to = b_len.min(i + range + 1);
        for j in from..to {
            if !b_flags[j] && *x == b[j] {
                a_flags[i] = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut in_b = b_flags.iter().zip(b).filter(|(f, _)| **f).map(|(_, y)| y);
    for (_, x) in a_flags.iter().zip(a).filter(|(f, _)| **f) {
        if in_b.next().is_some_and(|y| x != y) {
            transpositions += 1;
        }
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// [`jaro`] of ASCII strings of at most 64 bytes: `b`'s positions of each byte as a bit mask,
/// so the first free equal byte in a window is the lowest bit of three masks ANDed.
fn jaro_bits(a: &[u8], b: &[u8]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    debug_assert!(a_len <= 64 && b_len <= 64 && a.is_ascii() && b.is_ascii());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    let mut at = [0u64; 128];
    for (j, &y) in b.iter().enumerate() {
        at[usize::from(y & 0x7F)] |= 1 << j;
    }
    // Bits below `n` (all 64 when `n` is 64).
    let below = |n: usize| if n >= 64 { u64::MAX } else { (1u64 << n) - 1 };
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    for (i, &x) in a.iter().enumerate() {
        let window = below(b_len.min(i + range + 1)) & !below(i.saturating_sub(range));
        let free = at[usize::from(x & 0x7F)] & window & !b_flags;
        if free != 0 {
            b_flags |= free & free.wrapping_neg();
            a_flags |= 1 << i;
        }
    }
    let matches = a_flags.count_ones() as usize;
    if matches == 0 {
        return 0.0;
    }
    // The matched bytes of each string in order; a pair that differs is half a transposition.
    let mut transpositions = 0usize;
    let (mut fa, mut fb) = (a_flags, b_flags);
    while fa != 0 {
        let (i, j) = (fa.trailing_zeros() as usize, fb.trailing_zeros() as usize);
        transpositions += usize::from(a[i] != b[j]);
        fa &= fa - 1;
        fb &= fb - 1;
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_values_are_strsims() {
        let (a70, a65) = ("a".repeat(70), "a".repeat(65));
        let (x80, y80) = ("abcdefghij".repeat(8), "bacdefghij".repeat(8));
        // At the 64 bytes one word of bits holds, and one past it.
        let (a64, a63) = ("a".repeat(64), "a".repeat(63));
        let (x64, y64, y65) = ("abcdefgh".repeat(8), "bacdefgh".repeat(8), "bacdefgh".repeat(8) + "a");
        let pairs = [
            ("", ""),
            ("", "a"),
            ("a", ""),
            ("a", "a"),
            ("martha", "marhta"),
            ("dwayne", "duane"),
            ("cheeseburger", "cheese fries"),
            ("contoso gmbh", "contoso ag"),
            ("müller", "muller"),
            ("łódź", "lodz"),
            ("東京", "東京都"),
            (a70.as_str(), a65.as_str()),
            (x80.as_str(), y80.as_str()),
            (a64.as_str(), a63.as_str()),
            (a63.as_str(), a64.as_str()),
            (x64.as_str(), y64.as_str()),
            (x64.as_str(), y65.as_str()),
            ("a b-c", "a-b c"),
        ];
        for (a, b) in pairs {
            assert_eq!(jaro_winkler(a, b).to_bits(), strsim::jaro_winkler(a, b).to_bits(), "{a:?} {b:?}");
        }
    }

    proptest! {
        /// Bit for bit strsim's value, on ASCII, on other scripts and past the stack's length.
        #[test]
        fn the_same_value_as_strsim(a in "[a-e ]{0,12}|[a-zäöüß]{0,9}|[a-c]{60,80}", b in "[a-e ]{0,12}|[a-zäöüß]{0,9}|[a-c]{60,80}") {
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }

        /// The bit-mask matching gives the loop's value on every ASCII pair it takes, with
        /// repeated letters (the greedy choice matters) and lengths up to the 64 a word holds.
        #[test]
        fn bit_masks_match_the_loop(a in "[a-d]{0,64}|[ -~]{0,64}", b in "[a-d]{0,64}|[ -~]{0,64}") {
            let (x, y) = (a.as_bytes(), b.as_bytes());
            prop_assert_eq!(jaro_bits(x, y).to_bits(), jaro(x, y).to_bits());
            prop_assert_eq!(jaro_winkler(&a, &b).to_bits(), strsim::jaro_winkler(&a, &b).to_bits());
        }
    }
}
