//! Hungary (reference §5): the adószám (8-digit core, or the full
//! `xxxxxxxx-y-zz` form), the cégjegyzékszám (company register number), and
//! the personal adóazonosító jel (10 digits starting with 8).

use super::helpers::{digits, serial, to_string, weighted_sum, Rng};
use super::Verdict;

const CORE: &str = "adószám (8-digit core / EU VAT number)";
const FULL: &str = "adószám";
const REGISTER: &str = "cégjegyzékszám (company register number)";
const PERSON: &str = "adóazonosító jel (a person's tax ID)";
const FORMAT: &str =
    "11 digits (adószám xxxxxxxx-y-zz: VAT code 1–5, county 02–20, 22–44 or 51) or its 8-digit core";

/// County / directorate codes allowed in the last two digits of the adószám.
fn county_ok(zz: u8) -> bool {
    matches!(zz, 2..=20 | 22..=44 | 51)
}

/// The törzsszám check: 9-7-3-1 weights, sum divisible by 10.
fn core_ok(d: &[u8]) -> bool {
    weighted_sum(&d[..8], &[9, 7, 3, 1, 9, 7, 3, 1]) % 10 == 0
}

/// The 8th core digit that makes the first 7 valid.
fn core_check(d: &[u8]) -> u8 {
    let s = weighted_sum(&d[..7], &[9, 7, 3, 1, 9, 7, 3]);
    ((10 - s % 10) % 10) as u8
}

/// Adóazonosító jel check digit for the first 9 digits, `None` when the
/// remainder is 10 (never issued).
fn person_check(d: &[u8]) -> Option<u8> {
    let r = weighted_sum(&d[..9], &[1, 2, 3, 4, 5, 6, 7, 8, 9]) % 11;
    (r != 10).then_some(r as u8)
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    match d.len() {
        8 if core_ok(&d) => Verdict::Valid { kind: CORE },
        8 => Verdict::Checksum { kind: CORE },
        11 => {
            let vat_code = d[8];
            let county = d[9] * 10 + d[10];
            if !(1..=5).contains(&vat_code) || !county_ok(county) {
                format
            } else if core_ok(&d) {
                Verdict::Valid { kind: FULL }
            } else {
                Verdict::Checksum { kind: FULL }
            }
        }
        // The personal tax ID always starts with 8; register numbers start
        // with a court code 01–20, so the two 10-digit forms never overlap.
        10 if d[0] == 8 => {
            if person_check(&d) == Some(d[9]) {
                Verdict::Personal { kind: PERSON }
            } else {
                Verdict::Checksum { kind: PERSON }
            }
        }
        10 => {
            // CC-FF-NNNNNN: registry court 01–20, company form 01–23
            // (09 Kft, 10 Rt, 06 Bt, …; the upper bound is a plausibility
            // limit, not an official list). No check digit exists.
            let court = d[0] * 10 + d[1];
            let form = d[2] * 10 + d[3];
            if (1..=20).contains(&court) && (1..=23).contains(&form) {
                Verdict::Valid { kind: REGISTER }
            } else {
                format
            }
        }
        _ => format,
    }
}

pub(crate) fn example_valid(n: u64) -> String {
    let mut rng = Rng::new("HU", n);
    let mut d = vec![rng.digit(1, 2)];
    d.extend(serial(n, 6));
    d.push(core_check(&d));
    let core = to_string(&d);
    match n % 3 {
        0 => format!("HU{core}"),
        1 => {
            let vat_code = rng.pick(&[1, 2, 2, 2, 4, 5]);
            let county = rng.pick(&[2, 7, 13, 20, 22, 41, 42, 43, 44, 51]);
            format!("{core}-{vat_code}-{county:02}")
        }
        _ => core,
    }
}

pub(crate) fn example_personal(n: u64) -> String {
    let mut rng = Rng::new("HU-person", n);
    let mut d = vec![8];
    d.extend([0; 8]);
    d[5..9].copy_from_slice(&serial(n, 4));
    loop {
        // Birth date as days since 1867-01-01 lives in digits 2–6; only the
        // leading four vary here, the serial covers the rest.
        let days = rng.range(1_500, 5_200);
        d[1..5].copy_from_slice(&super::helpers::fixed(days, 4));
        if let Some(c) = person_check(&d) {
            d.push(c);
            return to_string(&d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: FORMAT };
        let cases = [
            ("HU-12892312", Verdict::Valid { kind: CORE }),
            ("12892312", Verdict::Valid { kind: CORE }),
            ("25978221-2-42", Verdict::Valid { kind: FULL }),
            ("10773381-2-44", Verdict::Valid { kind: FULL }),
            ("10537914-4-44", Verdict::Valid { kind: FULL }),
            ("28592822-2-43", Verdict::Valid { kind: FULL }),
            ("28592822-2-51", Verdict::Valid { kind: FULL }),
            ("28592822-2-02", Verdict::Valid { kind: FULL }),
            ("01-09-562739", Verdict::Valid { kind: REGISTER }),
            ("12892313", Verdict::Checksum { kind: CORE }),
            ("28592823-2-43", Verdict::Checksum { kind: FULL }),
            // Reference §26: county code 21 does not exist.
            ("28592822-2-21", format.clone()),
            ("28592822-2-45", format.clone()),
            ("28592822-2-01", format.clone()),
            ("28592822-6-43", format.clone()),
            ("28592822-0-43", format.clone()),
            ("21-09-562739", format.clone()),
            ("01-00-562739", format.clone()),
            ("1289231", format.clone()),
            ("HU1289231A", format.clone()),
            ("8071592153", Verdict::Personal { kind: PERSON }),
            ("8071592154", Verdict::Checksum { kind: PERSON }),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("HU"))), want, "{raw}");
        }
    }

    #[test]
    fn personal_remainder_ten_is_rejected() {
        // Own vectors: 810000000 → 1·8 + 2·1 = 10 ⇒ never issued;
        // 800000001 → 1·8 + 9·1 = 17 ≡ 6.
        assert_eq!(person_check(&[8, 1, 0, 0, 0, 0, 0, 0, 0]), None);
        assert_eq!(person_check(&[8, 0, 0, 0, 0, 0, 0, 0, 1]), Some(6));
        for c in 0..=9 {
            let id = format!("810000000{c}");
            assert_eq!(validate(&id), Verdict::Checksum { kind: PERSON });
        }
    }

    #[test]
    fn core_check_digit() {
        assert_eq!(core_check(&[1, 2, 8, 9, 2, 3, 1]), 2);
        assert_eq!(core_check(&[2, 8, 5, 9, 2, 8, 2]), 2);
    }
}
