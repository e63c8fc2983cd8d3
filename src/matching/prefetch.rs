//! Asking the processor for memory before it is read. Scoring a million rows' candidate pairs
//! reads the other record of each pair from anywhere in hundreds of megabytes of keys, and a
//! profile of `check` at 1M rows shows the first read of its text waiting on memory most of
//! the time (83% of `locality_level`'s samples on one load). Asked for a few pairs ahead,
//! those reads overlap instead of waiting one after another.

/// Hints that the cache line holding `p` will be read soon. A hint only: nothing is read, and
/// nothing happens on other processors.
#[inline(always)]
pub fn line<T: ?Sized>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults and reads or writes nothing the program
    // can see, whatever the address; SSE is part of every x86_64 processor.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Hints every cache line `value` lies on.
#[inline(always)]
pub fn value<T>(v: &T) {
    let p = (v as *const T).cast::<u8>();
    // From the start of the line the value begins on, to its last byte.
    let skew = p as usize % 64;
    let mut at = 0;
    while at < skew + std::mem::size_of::<T>().max(1) {
        line(p.wrapping_sub(skew).wrapping_add(at));
        at += 64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hint changes nothing, wherever it points (past the end of a value, at null).
    #[test]
    fn hints_change_nothing() {
        let v = vec![7u8; 300];
        value(&v);
        value(&[0u64; 40]);
        line(v.as_ptr().wrapping_add(10_000));
        line(std::ptr::null::<u8>());
        assert!(v.iter().all(|&b| b == 7));
    }
}
