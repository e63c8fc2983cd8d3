//! Postal codes in the form Partner Center expects. Three things are rewritten, and nothing else:
//!
//! - **a country's published prefix form**: several postal services write the country before
//!   the code (`MD-2001`, `AZ 1000`, `LT-01100`, `CH-8001`, `FL-9490`; Google's address data
//!   calls it the country's `postprefix`), and Latvia, Andorra, Barbados and a few more make it
//!   part of the code itself (`LV-1050`, `AD100`, `BB23026`). A code written with the prefix
//!   where the pattern has none loses it, and one written without the prefix where the pattern
//!   has it gains it, with or without a space or dash in between;
//! - **the country before the code, any country**: `H-1051`, `D-80331`, `HU 1051`: the sign on
//!   its cars (what Europe's postal services asked senders to write before 2000, and what CRMs
//!   still hold) or its ISO code, followed by a dash or a space, is dropped when the rest fits
//!   the country's pattern;
//! - **the US ZIP+4**: Partner Center publishes `^\d{5}(-\d{4})?$` for the US, so `80202 1234`
//!   and `802021234` become `80202-1234`.
//!
//! A rewritten code is reported (`address.postal_code.normalised`); one that still fits no
//! pattern is left as written for the address rules to reject.

use super::{address_meta, markets};

/// The code as Partner Center should receive it, when that differs from `written` (already
/// trimmed and upper-cased); `None` when `written` is fine as it is or cannot be made to fit.
pub fn normalise(cc: &str, written: &str) -> Option<String> {
    let meta = address_meta::country(cc)?;
    let fits = |v: &str| {
        meta.postal_code_matches(v) != Some(false) && markets::market(cc).is_none_or(|m| m.postal.is_match(v))
    };
    if written.is_empty() || fits(written) {
        return None;
    }
    if cc == "US" {
        return us_zip(written).filter(|z| fits(z));
    }
    candidates(cc, meta, written).into_iter().find(|c| fits(c))
}

/// `NNNNN-NNNN` for a ZIP+4 written with a space, a dot or nothing between its parts.
fn us_zip(written: &str) -> Option<String> {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let separators_only = written.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '–'));
    (separators_only && digits.len() == 9).then(|| format!("{}-{}", &digits[..5], &digits[5..]))
}

/// The ways the code may have been meant, in order: without the country's prefix, then with
/// it (for the countries whose pattern includes it).
fn candidates(cc: &str, meta: &address_meta::CountryAddress, written: &str) -> Vec<String> {
    // The postal service's own prefix letters ("FL" for Liechtenstein, "L" for Luxembourg),
    // and the ISO code, which partners write for the same purpose.
    let service = meta.postal_prefix().map(|p| p.trim_matches(|c: char| c == '-' || c == ' '));
    let in_pattern = meta.postal_code_examples().iter().any(|ex| {
        ex.strip_prefix(cc).is_some_and(|rest| rest.starts_with(|c: char| !c.is_ascii_alphabetic()))
    });
    // (prefix, whether a separator must follow it): a published prefix may run into the digits
    // (`AD100`); any other only with a dash or space after it, so no code's own letters are taken.
    let published = service.is_some() || in_pattern;
    let mut prefixes: Vec<(&str, bool)> = service.into_iter().map(|p| (p, false)).collect();
    prefixes.push((cc, !published));
    prefixes.extend(vehicle_sign(cc).map(|sign| (sign, true)));
    let mut out = Vec::new();
    let mut body = written;
    for (prefix, separated) in prefixes {
        if let Some(rest) = written.strip_prefix(prefix) {
            let trimmed = rest.trim_start_matches([' ', '-', '.', '–']);
            if separated && trimmed.len() == rest.len() {
                continue;
            }
            if !trimmed.is_empty() && trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                out.push(trimmed.to_string());
                body = trimmed;
                break;
            }
        }
    }
    // Adding the prefix back is only for a bare number: a code with letters of its own (a
    // Jersey "JE2 3AB") is not the same code without them.
    if in_pattern && body.chars().all(|c| c.is_ascii_digit() || c == '-') {
        out.extend(["", "-", " "].map(|sep| format!("{cc}{sep}{body}")));
    }
    out
}

/// The country's sign on cars, where it is not its ISO code (the Vienna Convention's
/// distinguishing signs, which Europe's postal codes were once written after).
fn vehicle_sign(cc: &str) -> Option<&'static str> {
    const SIGNS: &[(&str, &str)] = &[
        ("AT", "A"),
        ("BE", "B"),
        ("DE", "D"),
        ("ES", "E"),
        ("FI", "FIN"),
        ("FR", "F"),
        ("HU", "H"),
        ("IE", "IRL"),
        ("IT", "I"),
        ("LU", "L"),
        ("NO", "N"),
        ("PT", "P"),
        ("SE", "S"),
        ("SI", "SLO"),
    ];
    SIGNS.iter().find(|(c, _)| *c == cc).map(|(_, s)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_forms_and_zip_plus_four() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("MD", "MD-2001", Some("2001")),
            ("MD", "MD 2001", Some("2001")),
            ("MD", "MD2001", Some("2001")),
            ("MD", "2001", None),
            ("AZ", "AZ 1000", Some("1000")),
            ("AZ", "AZ1000", Some("1000")),
            ("AZ", "AZ-1000", Some("1000")),
            ("LT", "LT-01100", Some("01100")),
            ("CH", "CH-8001", Some("8001")),
            ("LI", "FL-9490", Some("9490")),
            ("LI", "LI-9490", Some("9490")),
            ("LU", "L-4750", Some("4750")),
            ("LU", "LU-4750", Some("4750")),
            ("FI", "FI-00550", Some("00550")),
            ("AX", "AX-22150", Some("22150")),
            ("FO", "FO100", Some("100")),
            ("HR", "HR-10000", Some("10000")),
            ("HT", "HT6120", Some("6120")),
            ("MC", "MC-98000", Some("98000")),
            ("SI", "SI-4000", Some("4000")),
            ("SE", "SE-114 55", Some("114 55")),
            ("PR", "PR 00930", Some("00930")),
            ("LV", "LV-1050", None),
            ("LV", "1050", Some("LV-1050")),
            ("LV", "LV 1050", Some("LV-1050")),
            ("LV", "LV1050", Some("LV-1050")),
            ("AD", "100", Some("AD100")),
            ("AD", "AD-100", Some("AD100")),
            ("BB", "23026", Some("BB23026")),
            ("VC", "VC 0100", Some("VC0100")),
            ("VG", "1110", Some("VG1110")),
            ("KY", "1-1100", Some("KY1-1100")),
            ("US", "80202 1234", Some("80202-1234")),
            ("US", "802021234", Some("80202-1234")),
            ("US", "80202.1234", Some("80202-1234")),
            ("US", "80202-1234", None),
            ("US", "80202", None),
            ("US", "80202 12", None),
            ("US", "8020", None),
            ("MD", "MD-20011", None),
            ("MD", "RO-2001", None),
            ("DE", "DE-10115", Some("10115")),
            ("DE", "D-80331", Some("80331")),
            ("DE", "D 80331", Some("80331")),
            ("DE", "D80331", None),
            ("HU", "H-3365", Some("3365")),
            ("HU", "HU-1051", Some("1051")),
            ("HU", "H-33651", None),
            ("FR", "F-75001", Some("75001")),
            ("AT", "A-1010", Some("1010")),
            ("IT", "I-00184", Some("00184")),
            ("PL", "PL-00-950", Some("00-950")),
            ("JE", "2 3AB", None),
            ("GB", "SW1A 1AA", None),
        ];
        for &(cc, written, want) in cases {
            assert_eq!(normalise(cc, written).as_deref(), want, "{cc} {written:?}");
        }
    }

    /// Every country with a prefix in Google's data, or a pattern that starts with its own
    /// code: the prefixed form of each example postal code comes back as the example.
    #[test]
    fn every_prefixed_country_round_trips_its_examples() {
        let mut checked = 0;
        for cc in address_meta::codes() {
            let meta = address_meta::country(cc).unwrap();
            let Some(prefix) = meta.postal_prefix() else { continue };
            for ex in meta.postal_code_examples() {
                assert_eq!(normalise(cc, &format!("{prefix}{ex}")).as_deref(), Some(*ex), "{cc} {ex}");
                checked += 1;
            }
        }
        assert!(checked >= 40, "{checked}");
    }
}
