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

/// Reads a date; None when the text is empty or not a date.
pub fn parse(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
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

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
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
