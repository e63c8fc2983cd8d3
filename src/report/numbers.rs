//! Numbers for people: counts with thousands separators (`42,714`), rates (`42,714 rows/s`) and
//! durations (`1m 05s`). Locale-neutral on purpose: the same bytes on every machine, so reports
//! and logs compare and diff. Machine outputs (summary.json, CSV) keep exact plain integers and
//! never use these.

use std::fmt;

/// A count shown with a comma every three digits: `format!("{}", Count(42714))` is `42,714`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count(pub u64);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&group(&self.0.to_string()))
    }
}

/// A signed change shown with its sign and separators: `+1,204`, `-3`, `0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change(pub i64);

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.0 {
            n if n > 0 => "+",
            n if n < 0 => "-",
            _ => "",
        };
        f.pad(&format!("{sign}{}", group(&self.0.unsigned_abs().to_string())))
    }
}

/// `count` with separators: a shorthand for `Count(n).to_string()`.
pub fn count(n: u64) -> String {
    Count(n).to_string()
}

/// Things per second, rounded to a whole number and grouped: `rate(85_427, 2.0, "rows")` is
/// `42,714 rows/s`. A stage too short to time says so rather than dividing by zero.
pub fn rate(n: u64, seconds: f64, unit: &str) -> String {
    if seconds <= 0.0 || !seconds.is_finite() {
        return format!("{} {unit}", Count(n));
    }
    let per_sec = (n as f64 / seconds).round();
    // Saturates for absurd rates rather than wrapping.
    format!("{} {unit}/s", Count(per_sec.min(u64::MAX as f64) as u64))
}

/// A wall time for a stage's finish line: `0.4s`, `12.3s`, `1m 05s`, `1h 02m`.
pub fn duration(seconds: f64) -> String {
    let s = if seconds.is_finite() { seconds.max(0.0) } else { 0.0 };
    if s < 60.0 {
        // One decimal below a minute; 59.96 rounds to 60.0, which is clearer as 1m 00s.
        let tenths = (s * 10.0).round() / 10.0;
        if tenths < 60.0 {
            return format!("{tenths:.1}s");
        }
    }
    let whole = s.round() as u64;
    if whole < 3600 {
        format!("{}m {:02}s", whole / 60, whole % 60)
    } else {
        format!("{}h {:02}m", whole / 3600, (whole % 3600) / 60)
    }
}

/// Bytes for people: `812 B`, `4.2 MB`, `1.3 GB` (powers of 1,000, as file managers show).
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if n < 1000 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1000.0;
    let mut unit = 0;
    while v >= 999.95 && unit + 1 < UNITS.len() {
        v /= 1000.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// Puts a comma between groups of three digits of an unsigned decimal string.
fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_three() {
        let table: &[(u64, &str)] = &[
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (42_714, "42,714"),
            (200_000, "200,000"),
            (1_234_567, "1,234,567"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ];
        for (n, want) in table {
            assert_eq!(count(*n), *want, "{n}");
        }
        // Width and alignment still apply, for columns of numbers.
        assert_eq!(format!("{:>7}", Count(1234)), "  1,234");
    }

    #[test]
    fn changes_carry_their_sign() {
        let table: &[(i64, &str)] = &[
            (0, "0"),
            (5, "+5"),
            (-5, "-5"),
            (1204, "+1,204"),
            (-1_000_000, "-1,000,000"),
            (i64::MIN, "-9,223,372,036,854,775,808"),
        ];
        for (n, want) in table {
            assert_eq!(Change(*n).to_string(), *want, "{n}");
        }
    }

    #[test]
    fn rates_are_whole_and_grouped() {
        let table: &[(u64, f64, &str)] = &[
            (85_427, 2.0, "42,714 rows/s"),
            (42_713, 1.000_02, "42,712 rows/s"),
            (3, 10.0, "0 rows/s"),
            (12, 0.0, "12 rows"),
            (12, f64::NAN, "12 rows"),
        ];
        for (n, s, want) in table {
            assert_eq!(rate(*n, *s, "rows"), *want, "{n} in {s}s");
        }
    }

    #[test]
    fn durations_read_at_a_glance() {
        let table: &[(f64, &str)] = &[
            (0.0, "0.0s"),
            (0.04, "0.0s"),
            (0.44, "0.4s"),
            (12.34, "12.3s"),
            (59.96, "1m 00s"),
            (65.2, "1m 05s"),
            (3599.4, "59m 59s"),
            (3725.0, "1h 02m"),
            (-1.0, "0.0s"),
            (f64::INFINITY, "0.0s"),
        ];
        for (s, want) in table {
            assert_eq!(duration(*s), *want, "{s}");
        }
    }

    #[test]
    fn bytes_use_decimal_units() {
        let table: &[(u64, &str)] = &[
            (0, "0 B"),
            (999, "999 B"),
            (1000, "1.0 kB"),
            (4_200_000, "4.2 MB"),
            (999_960, "1.0 MB"),
            (1_300_000_000, "1.3 GB"),
        ];
        for (n, want) in table {
            assert_eq!(bytes(*n), *want, "{n}");
        }
    }
}
