//! Poland (reference §12): NIP (mod 11, remainder 10 never issued), REGON
//! (9 or 14 digits), KRS (format only) and the personal PESEL.

use super::helpers::{digits, fixed, serial, to_string, weighted_sum, Rng};
use super::Verdict;

const NIP: &str = "NIP";
const REGON: &str = "REGON";
const KRS: &str = "KRS";
const PESEL: &str = "PESEL (a person's ID)";
const FORMAT: &str = "10 digits (NIP or KRS), or 9 or 14 digits (REGON)";

const NIP_W: [i64; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];
const REGON9_W: [i64; 8] = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_W: [i64; 13] = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];
const PESEL_W: [i64; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/// NIP check digit, `None` when the remainder is 10 (never issued).
fn nip_check(d: &[u8]) -> Option<u8> {
    let r = weighted_sum(&d[..9], &NIP_W) % 11;
    (r != 10).then_some(r as u8)
}

/// REGON check digit: remainder mod 11, and 10 becomes 0.
fn regon_check(d: &[u8], w: &[i64]) -> u8 {
    (weighted_sum(d, w) % 11 % 10) as u8
}

fn pesel_check(d: &[u8]) -> u8 {
    ((10 - weighted_sum(&d[..10], &PESEL_W) % 10) % 10) as u8
}

pub(crate) fn validate(id: &str) -> Verdict {
    let Some(d) = digits(id) else {
        return Verdict::Format { expected: FORMAT };
    };
    let verdict = |ok: bool, kind| {
        if ok {
            Verdict::Valid { kind }
        } else {
            Verdict::Checksum { kind }
        }
    };
    match d.len() {
        10 => {
            if nip_check(&d) == Some(d[9]) {
                Verdict::Valid { kind: NIP }
            } else if d[..2] == [0, 0] {
                // KRS numbers are written with leading zeros (0000359730) and
                // have no check digit; NIPs start with a tax-office code
                // 1xx–9xx, so a leading 00 is a KRS.
                Verdict::Valid { kind: KRS }
            } else {
                Verdict::Checksum { kind: NIP }
            }
        }
        9 => verdict(regon_check(&d[..8], &REGON9_W) == d[8], REGON),
        14 => verdict(
            regon_check(&d[..8], &REGON9_W) == d[8] && regon_check(&d[..13], &REGON14_W) == d[13],
            REGON,
        ),
        // 11 digits is the PESEL shape; a wrong check digit is most likely a
        // mistyped PESEL, so it is named as one.
        11 if pesel_check(&d) == d[10] => Verdict::Personal { kind: PESEL },
        11 => Verdict::Checksum { kind: PESEL },
        _ => Verdict::Format { expected: FORMAT },
    }
}

fn make_regon9(n: u64, rng: &mut Rng) -> Vec<u8> {
    let mut d = vec![rng.digit(0, 9)];
    d.extend(serial(n, 7));
    d.push(regon_check(&d, &REGON9_W));
    d
}

pub(crate) fn example_valid(n: u64) -> String {
    let mut rng = Rng::new("PL", n);
    match n % 4 {
        0 => {
            let mut d = vec![0u8; 10];
            d[3..9].copy_from_slice(&serial(n, 6));
            loop {
                d[..3].copy_from_slice(&fixed(rng.range(101, 999), 3));
                if let Some(c) = nip_check(&d) {
                    d[9] = c;
                    break;
                }
            }
            let s = to_string(&d);
            format!("PL {}-{}-{}-{}", &s[..3], &s[3..6], &s[6..8], &s[8..])
        }
        1 => to_string(&make_regon9(n, &mut rng)),
        2 => {
            let mut d = make_regon9(n, &mut rng);
            d.extend(rng.digits(4));
            d.push(regon_check(&d, &REGON14_W));
            to_string(&d)
        }
        _ => format!("0000{}", to_string(&serial(n, 6))),
    }
}

pub(crate) fn example_pesel(n: u64) -> String {
    let mut rng = Rng::new("PL-person", n);
    let year = rng.range(1940, 2010);
    // Months 1–12 for the 1900s, +20 for the 2000s.
    let month = rng.range(1, 12) + if year >= 2000 { 20 } else { 0 };
    let mut d = fixed(year % 100, 2);
    d.extend(fixed(month, 2));
    d.extend(fixed(rng.range(1, 28), 2));
    d.extend(serial(n, 4));
    d.push(pesel_check(&d));
    to_string(&d)
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: FORMAT };
        let cases = [
            ("8567346215", Verdict::Valid { kind: NIP }),
            ("PL 526-025-09-95", Verdict::Valid { kind: NIP }),
            ("123-12-16-692", Verdict::Valid { kind: NIP }),
            ("8567346216", Verdict::Checksum { kind: NIP }),
            ("192598184", Verdict::Valid { kind: REGON }),
            ("142445947", Verdict::Valid { kind: REGON }),
            ("12345678512347", Verdict::Valid { kind: REGON }),
            ("192598183", Verdict::Checksum { kind: REGON }),
            ("12345678512348", Verdict::Checksum { kind: REGON }),
            // Valid 14-digit check but a broken 9-digit prefix.
            ("12345678612347", Verdict::Checksum { kind: REGON }),
            ("0000359730", Verdict::Valid { kind: KRS }),
            ("KRS 0000359730", Verdict::Valid { kind: KRS }),
            ("44051401359", Verdict::Personal { kind: PESEL }),
            ("44051401358", Verdict::Checksum { kind: PESEL }),
            ("856734621", Verdict::Checksum { kind: REGON }),
            ("85673462150", Verdict::Checksum { kind: PESEL }),
            ("856734621A", format.clone()),
            ("85673462", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("PL"))), want, "{raw}");
        }
    }

    #[test]
    fn nip_remainder_ten_is_never_issued() {
        // Own vectors: 200000006 → 6·2 + 7·6 = 54 ≡ 10 ⇒ never issued;
        // 100000004 → 6·1 + 7·4 = 34 ≡ 1.
        assert_eq!(nip_check(&[2, 0, 0, 0, 0, 0, 0, 0, 6]), None);
        for c in 0..=9 {
            let id = format!("200000006{c}");
            assert_eq!(validate(&id), Verdict::Checksum { kind: NIP }, "{id}");
        }
        assert_eq!(nip_check(&[1, 0, 0, 0, 0, 0, 0, 0, 4]), Some(1));
    }

    #[test]
    fn regon_ten_maps_to_zero() {
        // Own vector: 00000003 → 7·3 = 21 ≡ 10 ⇒ check digit 0.
        assert_eq!(regon_check(&[0, 0, 0, 0, 0, 0, 0, 3], &REGON9_W), 0);
        assert_eq!(validate("000000030"), Verdict::Valid { kind: REGON });
    }
}
