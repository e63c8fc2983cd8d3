//! Dates as spreadsheets and people write them, read into calendar dates.

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Formats tried in order. Day-first before month-first: most partner lists outside the US
/// write 03/04/2024 for 3 April; an impossible day-first date (03/15/2024) falls through.
const FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d-%m-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%Y%m%d",
];

/// A date as `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without parsing that format
/// string for every row (years outside 0 to 9999, which chrono writes with a sign, go through
/// chrono).
pub fn iso(d: NaiveDate) -> String {
    use chrono::Datelike;
    if let Ok(year @ 0..=9999) = u32::try_from(d.year()) {
        // Digit by digit: `format!` with widths was most of this function's cost.
        let mut text = *b"0000-00-00";
        for (span, mut n) in [(0..4, year), (5..7, d.month()), (8..10, d.day())] {
            for digit in text[span].iter_mut().rev() {
                *digit = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        text.iter().map(|&b| char::from(b)).collect()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// Reads a date; None when the text is empty or not a date.
pub fn parse(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    numeric(s).or_else(|| by_formats(s))
}

/// Reads a trimmed, non-empty date with the format machinery.
fn by_formats(s: &str) -> Option<NaiveDate> {
    // Date-time forms: keep the date part.
    for f in ["%Y-%m-%dT%H:%M:%S%.fZ", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S%.f%:z"]
    {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.date());
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    for f in FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            if (1900..=2999).contains(&chrono::Datelike::year(&d)) {
                return Some(d);
            }
        }
    }
    excel_serial(s)
}

/// The three numeric forms most lists use (`2024-04-03`, `03.04.2024`, `03/04/2024`), read
/// without the format machinery: the same date the first matching format of [`FORMATS`]
/// gives, or None to let the formats decide.
fn numeric(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
    };
    let (y, m, d) = match (b[2], b[4], b[5], b[7]) {
        (_, b'-', _, b'-') => (num(0..4)?, num(5..7)?, num(8..10)?),
        (b'.', _, b'.', _) | (b'/', _, b'/', _) if b[2] == b[5] => (num(6..10)?, num(3..5)?, num(0..2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).filter(|_| (1900..=2999).contains(&y))
}

/// A date typed as an Excel serial number (days since 1899-12-30), in a plausible range.
fn excel_serial(s: &str) -> Option<NaiveDate> {
    let n: f64 = s.parse().ok()?;
    if !(20_000.0..=80_000.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n.trunc() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_writes_what_chrono_writes() {
        for (y, m, day) in
            [(2025, 10, 17), (1, 1, 1), (0, 2, 29), (999, 12, 31), (9999, 12, 31), (10000, 1, 2), (-5, 3, 4)]
        {
            let date = NaiveDate::from_ymd_opt(y, m, day).unwrap();
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string(), "{y}-{m}-{day}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn numeric_forms_read_as_the_formats_read_them() {
        let mut checked = 0;
        for y in [1899, 1900, 2024, 2999, 3000] {
            for m in [0, 1, 2, 4, 12, 13] {
                for d in [0, 1, 12, 13, 28, 29, 30, 31, 32] {
                    for s in [
                        format!("{y:04}-{m:02}-{d:02}"),
                        format!("{d:02}.{m:02}.{y:04}"),
                        format!("{d:02}/{m:02}/{y:04}"),
                        format!("{m:02}/{d:02}/{y:04}"),
                    ] {
                        if let Some(fast) = numeric(&s) {
                            assert_eq!(Some(fast), by_formats(&s), "{s}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
        assert_eq!(numeric("2024-4-3x"), None);
        assert_eq!(numeric("03.04/2024"), None);
    }

    #[test]
    fn dates_are_read() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2024-03-15", d(2024, 3, 15)),
            ("2024-03-15 10:30:00", d(2024, 3, 15)),
            ("2018-06-14T00:00:00.000Z", d(2018, 6, 14)),
            ("15.03.2024", d(2024, 3, 15)),
            ("15/03/2024", d(2024, 3, 15)),
            ("03/15/2024", d(2024, 3, 15)),
            ("03/04/2024", d(2024, 4, 3)),
            ("15 March 2024", d(2024, 3, 15)),
            ("March 15, 2024", d(2024, 3, 15)),
            ("15-Mar-2024", d(2024, 3, 15)),
            ("45366", d(2024, 3, 15)),
            ("2024-02-30", None),
            ("yesterday", None),
            ("", None),
            ("12", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse(raw), *want, "{raw:?}");
        }
    }
}
