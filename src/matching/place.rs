//! A row's place in the export's (country, name) order, found in a compact array first. Every
//! row of the input looks its place up (a million rows against a 100,000-customer export), and
//! a binary search over the customers' names themselves takes a cache miss at every step; the
//! first bytes of each (country, name), packed into one 128-bit integer per customer, narrow the
//! search to the few customers that share them before any name is read. Thirteen bytes of name:
//! with five, a row met thirty customers sharing them on average in a 100,000-customer export,
//! and each of those steps read a name from memory.

/// The first bytes of a (country, name), packed so that integers compare as the pairs do:
/// a pair before another never packs to a larger integer. None when the country is not a
/// two-letter code (the packing would not keep the order; such an index is searched in full).
pub fn packed(country: Option<&str>, name: &str) -> Option<u128> {
    let mut bytes = [0u8; 16];
    match country {
        None => {}
        Some(c) if c.len() == 2 => {
            bytes[0] = 1;
            bytes[1..3].copy_from_slice(c.as_bytes());
        }
        Some(_) => return None,
    }
    for (slot, b) in bytes[3..].iter_mut().zip(name.bytes()) {
        *slot = b;
    }
    Some(u128::from_be_bytes(bytes))
}

/// How many entries of `order` come before `probe`, as `order.partition_point(before)` says,
/// where `before(entry)` is whether the entry sorts before the probe and `order` is sorted so
/// that it holds for a prefix of it. `prefixes` are the entries' [`packed`] values in the same
/// order (None: search in full) and `probe_packed` the probe's.
pub fn place(
    order: &[u32],
    prefixes: Option<&[u128]>,
    probe_packed: Option<u128>,
    before: impl Fn(&u32) -> bool,
) -> usize {
    let (Some(prefixes), Some(p)) = (prefixes, probe_packed) else {
        return order.partition_point(before);
    };
    // Entries packing below the probe sort before it, those packing above after it: only the
    // ones packing the same need their names compared.
    let lo = prefixes.partition_point(|&x| x < p);
    let hi = lo + equal_run(&prefixes[lo..], p);
    lo + order[lo..hi].partition_point(before)
}

/// How many entries at the start of `xs` equal `p`, where those that do come first. Found by
/// galloping from the start (1, 2, 4, … entries on) and then a binary search within the last
/// stride: the run is mostly a few entries long, and the entries after the row's place are in
/// the cache lines the first search just read, where a binary search over the rest of the
/// export would take a miss at nearly every step (nearly a third of the time spent finding the
/// rows' candidates in the export, at a million rows). A long run (a thousand customers
/// sharing thirteen bytes) still costs only twice its logarithm.
fn equal_run(xs: &[u128], p: u128) -> usize {
    // xs[..done] are known to equal p.
    let (mut done, mut stride) = (0, 1);
    while done + stride <= xs.len() {
        if xs[done + stride - 1] != p {
            return done + xs[done..done + stride - 1].partition_point(|&x| x == p);
        }
        done += stride;
        stride *= 2;
    }
    done + xs[done..].partition_point(|&x| x == p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pair() -> impl Strategy<Value = (Option<String>, String)> {
        // Short names, and long ones sharing their first thirteen bytes (so that the packed
        // prefixes tie and the names themselves decide).
        (proptest::option::of("[A-C]{2}"), "[a-c ]{0,8}|[a-cé]{0,7}|abcabcabcabca[a-cé ]{0,4}")
    }

    proptest! {
        /// The narrowed search finds the same place as the full one, for any probe.
        #[test]
        fn the_same_place_as_the_full_search(mut entries in proptest::collection::vec(pair(), 0..60), probe in pair()) {
            entries.sort();
            let key = |i: u32| {
                let (c, n) = &entries[i as usize];
                (c.as_deref(), n.as_str())
            };
            let order: Vec<u32> = (0..entries.len() as u32).collect();
            let prefixes: Vec<u128> = order.iter().map(|&i| packed(key(i).0, key(i).1).unwrap()).collect();
            let probe = (probe.0.as_deref(), probe.1.as_str());
            let before = |i: &u32| key(*i) < probe;
            let full = order.partition_point(before);
            prop_assert_eq!(place(&order, Some(&prefixes), packed(probe.0, probe.1), before), full);
        }

        /// Packing never reverses two pairs.
        #[test]
        fn packing_keeps_the_order(a in pair(), b in pair()) {
            let (pa, pb) = (packed(a.0.as_deref(), &a.1).unwrap(), packed(b.0.as_deref(), &b.1).unwrap());
            if (a.0.as_deref(), a.1.as_str()) < (b.0.as_deref(), b.1.as_str()) {
                prop_assert!(pa <= pb);
            }
        }
    }

    #[test]
    fn equal_runs_of_every_length_are_counted() {
        // Runs of 0 to 70 equal entries, followed by 0 to 5 larger ones: every stride boundary.
        for run in 0..70 {
            for after in 0..5 {
                let xs: Vec<u128> =
                    std::iter::repeat_n(7, run).chain((0..after).map(|k| 8 + k as u128)).collect();
                assert_eq!(equal_run(&xs, 7), run, "{run} equal, {after} after");
                assert_eq!(equal_run(&xs, 7), xs.partition_point(|&x| x == 7));
            }
        }
        assert_eq!(equal_run(&[], 7), 0);
    }

    #[test]
    fn other_country_forms_are_searched_in_full() {
        assert_eq!(packed(Some("DEU"), "x"), None);
        let order = [0u32, 1, 2];
        assert_eq!(place(&order, None, Some(5), |&i| i < 2), 2);
    }
}
