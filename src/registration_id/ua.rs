//! Ukraine (reference §20): EDRPOU (8 digits, two-pass mod 11), the 12-digit
//! VAT payer number, and the personal RNOKPP (10 digits) plus the passport
//! forms used by people who refused an RNOKPP.

use super::helpers::{digits, fixed, serial, to_string, weighted_sum, Rng};
use super::Verdict;

const EDRPOU: &str = "EDRPOU";
const VAT: &str = "VAT payer number (12 digits)";
const RNOKPP: &str = "RNOKPP (a person's tax number)";
const PASSPORT: &str = "passport number (a person's ID)";
const ID_CARD: &str = "ID card number (a person's ID)";
const FORMAT: &str = "8 digits (EDRPOU)";

/// EDRPOU check digit. Codes 30000000–59999999 use weights 7,1,…,6, the
/// rest 1…7; a remainder of 10 triggers a second pass with every weight
/// raised by 2, whose remainder 10 becomes 0.
fn edrpou_check(d: &[u8]) -> u8 {
    let mut w: Vec<i64> =
        if (3..=5).contains(&d[0]) { vec![7, 1, 2, 3, 4, 5, 6] } else { vec![1, 2, 3, 4, 5, 6, 7] };
    let r = weighted_sum(&d[..7], &w) % 11;
    if r < 10 {
        return r as u8;
    }
    w.iter_mut().for_each(|x| *x += 2);
    (weighted_sum(&d[..7], &w) % 11 % 10) as u8
}

/// RNOKPP check digit; the first weight is −1, so the sum can be negative.
fn rnokpp_check(d: &[u8]) -> u8 {
    let s = weighted_sum(&d[..9], &[-1, 5, 7, 9, 4, 6, 10, 5, 7]);
    (s.rem_euclid(11) % 10) as u8
}

/// Two letters (Cyrillic or Latin) and six digits: an old-style passport.
fn is_passport(id: &str) -> bool {
    let chars: Vec<char> = id.chars().collect();
    chars.len() == 8
        && chars[..2].iter().all(|c| c.is_alphabetic())
        && chars[2..].iter().all(char::is_ascii_digit)
}

pub(crate) fn validate(id: &str) -> Verdict {
    if is_passport(id) {
        return Verdict::Personal { kind: PASSPORT };
    }
    let Some(d) = digits(id) else {
        return Verdict::Format { expected: FORMAT };
    };
    match d.len() {
        8 if edrpou_check(&d) == d[7] => Verdict::Valid { kind: EDRPOU },
        8 => Verdict::Checksum { kind: EDRPOU },
        // 10 digits is the RNOKPP shape; a wrong check digit is most likely
        // a mistyped RNOKPP, so it is named as one.
        10 if rnokpp_check(&d) == d[9] => Verdict::Personal { kind: RNOKPP },
        10 => Verdict::Checksum { kind: RNOKPP },
        9 => Verdict::Personal { kind: ID_CARD },
        12 => Verdict::Valid { kind: VAT },
        _ => Verdict::Format { expected: FORMAT },
    }
}

pub(crate) fn example_edrpou(n: u64) -> String {
    let mut rng = Rng::new("UA", n);
    let mut d = vec![rng.digit(0, 4)];
    d.extend(serial(n, 6));
    d.push(edrpou_check(&d));
    let s = to_string(&d);
    if n % 3 == 2 {
        format!("ЄДРПОУ {s}")
    } else {
        s
    }
}

pub(crate) fn example_rnokpp(n: u64) -> String {
    let mut rng = Rng::new("UA-person", n);
    // Days since 1899-12-31 (1940–2005), then serial and gender digits.
    let mut d = fixed(rng.range(14_610, 38_700), 5);
    d.extend(serial(n, 4));
    d.push(rnokpp_check(&d));
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
            ("32855961", Verdict::Valid { kind: EDRPOU }),
            ("14360570", Verdict::Valid { kind: EDRPOU }),
            ("00032945", Verdict::Valid { kind: EDRPOU }),
            ("38422948", Verdict::Valid { kind: EDRPOU }),
            // Reference §26: second pass needed.
            ("00131954", Verdict::Valid { kind: EDRPOU }),
            ("01072609", Verdict::Valid { kind: EDRPOU }),
            ("02066769", Verdict::Valid { kind: EDRPOU }),
            ("ЄДРПОУ 32855961", Verdict::Valid { kind: EDRPOU }),
            ("32855968", Verdict::Checksum { kind: EDRPOU }),
            ("1759013776", Verdict::Personal { kind: RNOKPP }),
            ("2530414071", Verdict::Personal { kind: RNOKPP }),
            ("1759013770", Verdict::Checksum { kind: RNOKPP }),
            ("КВ123456", Verdict::Personal { kind: PASSPORT }),
            ("kb 123456", Verdict::Personal { kind: PASSPORT }),
            ("001234567", Verdict::Personal { kind: ID_CARD }),
            ("123456789012", Verdict::Valid { kind: VAT }),
            ("3285596", format.clone()),
            ("КВ12345", format.clone()),
            ("3285596A", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("UA"))), want, "{raw}");
        }
    }

    #[test]
    fn weights_switch_on_first_digit() {
        // Own vectors: 3xxxxxxx and 6xxxxxxx use different weight sets.
        // 30000000 → 7·3 = 21 ≡ 10 → second pass 9·3 = 27 ≡ 5.
        assert_eq!(edrpou_check(&[3, 0, 0, 0, 0, 0, 0]), 5);
        // 60000000 → 1·6 = 6.
        assert_eq!(edrpou_check(&[6, 0, 0, 0, 0, 0, 0]), 6);
    }

    #[test]
    fn rnokpp_negative_sum() {
        // Own vector: 900000000 → −9 ≡ 2 (mod 11), not −9.
        assert_eq!(rnokpp_check(&[9, 0, 0, 0, 0, 0, 0, 0, 0]), 2);
    }
}
