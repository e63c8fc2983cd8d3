//! Format-only business IDs with a recognisable personal ID next to them:
//! Armenia (reference §1), Saudi Arabia (§14) and the UAE (§21).

use super::helpers::{digits, luhn_check_digit, luhn_valid, serial, to_string, Rng};
use super::Verdict;

// ------------------------------------------------------------------- Armenia

const AM_TIN: &str = "TIN (HVHH)";
const AM_PERSON: &str = "public service number (a person's ID)";
const AM_FORMAT: &str = "8 digits (TIN)";

/// Armenian TIN: 8 digits; its check digit algorithm is unpublished. The
/// 10-digit public service number belongs to private persons.
pub(crate) fn validate_am(id: &str) -> Verdict {
    match digits(id).map(|d| d.len()) {
        Some(8) => Verdict::Valid { kind: AM_TIN },
        Some(10) => Verdict::Personal { kind: AM_PERSON },
        _ => Verdict::Format { expected: AM_FORMAT },
    }
}

pub(crate) fn example_am(n: u64) -> String {
    to_string(&serial(n, 8))
}

pub(crate) fn example_personal_am(n: u64) -> String {
    to_string(&serial(n, 10))
}

// -------------------------------------------------------------- Saudi Arabia

const SA_VAT: &str = "VAT number";
const SA_TIN: &str = "TIN";
const SA_UNIFIED: &str = "Unified National Number (7…)";
const SA_CR: &str = "CR number (legacy commercial registration)";
const SA_PERSON: &str = "National ID or Iqama (a person's ID)";
const SA_FORMAT: &str = "15-digit VAT number (3…3), or 10-digit TIN (3…), Unified Number (7…) or CR number";

/// Saudi IDs have no published check digit. The personal National ID (1…)
/// and Iqama (2…) are Luhn-valid, but legacy CR numbers also start with 1 or
/// 2 (1010… Riyadh, 2050… Dammam): only a Luhn-valid 1…/2… number is taken
/// as personal, anything else of that shape is accepted as a CR number.
/// About one CR number in ten will therefore look personal (documented
/// limitation).
pub(crate) fn validate_sa(id: &str) -> Verdict {
    let format = Verdict::Format { expected: SA_FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    match (d.len(), d[0]) {
        (15, 3) if d[14] == 3 => Verdict::Valid { kind: SA_VAT },
        (10, 7) => Verdict::Valid { kind: SA_UNIFIED },
        (10, 3) => Verdict::Valid { kind: SA_TIN },
        (10, 1 | 2) if luhn_valid(&d) => Verdict::Personal { kind: SA_PERSON },
        (10, 1..=9) => Verdict::Valid { kind: SA_CR },
        _ => format,
    }
}

pub(crate) fn example_sa(n: u64) -> String {
    let body = to_string(&serial(n, 9));
    if n.is_multiple_of(2) {
        format!("3{body}00003")
    } else {
        format!("7{body}")
    }
}

pub(crate) fn example_personal_sa(n: u64) -> String {
    let mut d = vec![1 + (n % 2) as u8];
    d.extend(serial(n, 8));
    d.push(luhn_check_digit(&d));
    to_string(&d)
}

// ---------------------------------------------------------------------- UAE

const AE_TRN: &str = "TRN";
const AE_PERSON: &str = "Emirates ID (a person's ID)";
const AE_FORMAT: &str = "15 digits starting with 100 (TRN)";

/// UAE TRN: 15 digits starting with 100; no published check digit (the
/// Luhn pattern seen on the first 10 digits is unofficial and not enforced).
/// A 15-digit number starting with 784 is an Emirates ID (Luhn over all 15).
/// Trade licence numbers have no national format and are not accepted.
pub(crate) fn validate_ae(id: &str) -> Verdict {
    match digits(id) {
        Some(d) if d.len() == 15 && d[..3] == [1, 0, 0] => Verdict::Valid { kind: AE_TRN },
        Some(d) if d.len() == 15 && d[..3] == [7, 8, 4] => {
            if luhn_valid(&d) {
                Verdict::Personal { kind: AE_PERSON }
            } else {
                Verdict::Checksum { kind: AE_PERSON }
            }
        }
        _ => Verdict::Format { expected: AE_FORMAT },
    }
}

/// `100` + 6 digits + a Luhn digit over the first 10 + `0000` + `3`, the
/// structure seen in real TRNs.
pub(crate) fn example_ae(n: u64) -> String {
    let mut d = vec![1, 0, 0];
    d.extend(serial(n, 6));
    d.push(luhn_check_digit(&d));
    let s = format!("{}00003", to_string(&d));
    if n.is_multiple_of(2) {
        s
    } else {
        format!("{}-{}-{}-{}", &s[..3], &s[3..7], &s[7..11], &s[11..])
    }
}

pub(crate) fn example_personal_ae(n: u64) -> String {
    let mut rng = Rng::new("AE-person", n);
    let mut d = vec![7, 8, 4];
    d.extend(super::helpers::fixed(rng.range(1950, 2005), 4));
    d.extend(serial(n, 7));
    d.push(luhn_check_digit(&d));
    let s = to_string(&d);
    format!("{}-{}-{}-{}", &s[..3], &s[3..7], &s[7..14], &s[14..])
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn armenia_table() {
        let format = Verdict::Format { expected: AM_FORMAT };
        let cases = [
            ("02500134", Verdict::Valid { kind: AM_TIN }),
            ("0250 0134", Verdict::Valid { kind: AM_TIN }),
            ("1234567890", Verdict::Personal { kind: AM_PERSON }),
            ("1234567", format.clone()),
            ("1234567A", format.clone()),
            ("123456789", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_am(&compact(raw, Some("AM"))), want, "{raw}");
        }
    }

    #[test]
    fn saudi_table() {
        let format = Verdict::Format { expected: SA_FORMAT };
        let cases = [
            ("399999999900003", Verdict::Valid { kind: SA_VAT }),
            ("310122393500003", Verdict::Valid { kind: SA_VAT }),
            ("300105045800003", Verdict::Valid { kind: SA_VAT }),
            ("300075588700002", format.clone()),
            ("30007558870003", format.clone()),
            ("400075588700003", format.clone()),
            ("7000000001", Verdict::Valid { kind: SA_UNIFIED }),
            ("3001050458", Verdict::Valid { kind: SA_TIN }),
            ("4030123456", Verdict::Valid { kind: SA_CR }),
            ("1000000008", Verdict::Personal { kind: SA_PERSON }),
            ("2000000006", Verdict::Personal { kind: SA_PERSON }),
            // Fails Luhn, so it is read as a legacy CR number, not a person.
            ("1012345678", Verdict::Valid { kind: SA_CR }),
            ("0123456789", format.clone()),
            ("700000000", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_sa(&compact(raw, Some("SA"))), want, "{raw}");
        }
    }

    #[test]
    fn uae_table() {
        let format = Verdict::Format { expected: AE_FORMAT };
        let cases = [
            ("100384580500003", Verdict::Valid { kind: AE_TRN }),
            ("100-2691-6060-0003", Verdict::Valid { kind: AE_TRN }),
            ("10012345670000", format.clone()),
            ("200123456700003", format.clone()),
            ("784198012345678", Verdict::Personal { kind: AE_PERSON }),
            ("784-1980-1234567-8", Verdict::Personal { kind: AE_PERSON }),
            ("784198012345679", Verdict::Checksum { kind: AE_PERSON }),
            ("TL-12345", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_ae(&compact(raw, Some("AE"))), want, "{raw}");
        }
    }
}
