//! Registration and tax IDs: valid business IDs of the 24 countries from the rules' own
//! `example_valid`, personal IDs from `example_personal`, broken ones made by changing a check
//! digit or the length (each checked with `validate` to fail the intended way), and
//! VAT/EIN-style tax IDs elsewhere.

use super::data::Country;
use super::rng::{mix, permute, Rand};
use crate::rules::registration_id::{self as reg, compact, validate, Verdict};

/// The k-th business ID of a country, as usually written (`None` outside the 24).
pub fn business(cc: &str, k: u64) -> Option<String> {
    reg::example_valid(cc, k)
}

/// A personal ID of a country (CPF, 12-digit INN, PESEL, …), where it has one.
pub fn personal(cc: &str, k: u64) -> Option<String> {
    reg::example_personal(cc, k)
}

/// The business ID with its check digit changed, when the country has one (checked: `validate`
/// reports a checksum error).
pub fn checksum_broken(cc: &str, k: u64) -> Option<String> {
    let id = compact(&business(cc, k)?, Some(cc));
    // Where the check digit sits: last, except the Hungarian adószám (8th of 11) and Vietnamese
    // branch numbers (10th of 13).
    let pos = match (cc, id.len()) {
        ("HU", 11) => 7,
        ("VN", 13) => 9,
        (_, len) => len.checked_sub(1)?,
    };
    let mut bytes = id.into_bytes();
    let d = *bytes.get(pos)?;
    if !d.is_ascii_digit() {
        return None;
    }
    for bump in 1..10u8 {
        bytes[pos] = b'0' + (d - b'0' + bump) % 10;
        let s = String::from_utf8(bytes.clone()).ok()?;
        if matches!(validate(cc, &s), Verdict::Checksum { .. }) {
            return Some(s);
        }
    }
    None
}

/// The business ID with digits missing (checked: `validate` reports a format error).
pub fn format_broken(cc: &str, k: u64) -> Option<String> {
    let id = compact(&business(cc, k)?, Some(cc));
    let candidates = [
        id.get(..id.len().saturating_sub(2)).unwrap_or("").to_string(),
        format!("{id}00"),
        format!("{id}X"),
        // Free-form countries (IQ, MM) accept 1–20 letters and digits: too long is the fault.
        id.repeat(25 / id.len().max(1) + 1),
    ];
    candidates.into_iter().find(|s| matches!(validate(cc, s), Verdict::Format { .. }))
}

/// Whether a country's business IDs (some of them at least) have a check digit a fault can
/// break; computed once per country.
pub fn has_checksum(cc: &str) -> bool {
    static CACHE: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    CACHE
        .get_or_init(|| {
            reg::REQUIRED_COUNTRIES
                .into_iter()
                .filter(|c| (0..20).any(|k| checksum_broken(c, k).is_some()))
                .collect()
        })
        .contains(&cc)
}

/// A tax ID of a country outside the 24 (VAT number, EIN, ABN, …), unique per k; these are
/// kept in the CSV but never sent to Partner Center.
pub fn tax_id(c: &Country, k: u64, rng: &mut Rand) -> String {
    let n = permute(k, 1_000_000_000, mix(c.code.len() as u64 ^ mix(u64::from(c.code.as_bytes()[0]))));
    let d = format!("{n:09}");
    let spaced = rng.chance(0.3);
    match c.code.as_str() {
        "US" => format!("{}-{}", &d[..2], &d[2..]),
        "AU" | "NZ" => format!("{}{d}", rng.range(10, 99)),
        "CA" => format!("{d}RT0001"),
        "GB" if spaced => format!("GB {} {} {}", &d[..3], &d[3..7], &d[7..]),
        "NL" => format!("NL{d}B01"),
        "FR" => format!("FR{:02}{d}", n % 97),
        "IT" => format!("IT{d}{:02}", n % 100),
        cc if spaced => format!("{cc} {d}"),
        cc => format!("{cc}{d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registration_id::REQUIRED_COUNTRIES;
    use std::collections::HashSet;

    #[test]
    fn ids_fail_the_intended_way() {
        let mut with_checksum = 0;
        for cc in REQUIRED_COUNTRIES {
            for k in 0..40 {
                let id = business(cc, k).unwrap();
                assert!(matches!(validate(cc, &compact(&id, Some(cc))), Verdict::Valid { .. }), "{cc} {id}");
                if let Some(p) = personal(cc, k) {
                    assert!(
                        matches!(validate(cc, &compact(&p, Some(cc))), Verdict::Personal { .. }),
                        "{cc} {p}"
                    );
                }
                if let Some(bad) = checksum_broken(cc, k) {
                    assert!(matches!(validate(cc, &bad), Verdict::Checksum { .. }), "{cc} {bad}");
                }
                let bad = format_broken(cc, k).unwrap_or_else(|| panic!("{cc}: no format fault for {id}"));
                assert!(
                    matches!(validate(cc, &compact(&bad, Some(cc))), Verdict::Format { .. }),
                    "{cc} {bad}"
                );
            }
            with_checksum += usize::from(has_checksum(cc));
        }
        assert!(with_checksum >= 13, "most countries have check digits ({with_checksum})");
    }

    #[test]
    fn business_ids_are_unique_per_country() {
        for cc in REQUIRED_COUNTRIES {
            let seen: HashSet<String> =
                (0..20_000).map(|k| compact(&business(cc, k).unwrap(), Some(cc))).collect();
            assert_eq!(seen.len(), 20_000, "{cc}");
        }
    }
}
