//! South Africa (reference §15): CIPC company registration number
//! (`YYYY/NNNNNN/NN`, format only), SARS income-tax reference (Luhn; 9… is a
//! company, 0–3… an individual), VAT number (4…, format only) and the
//! personal 13-digit ID number.

use super::helpers::{digits, fixed, is_valid_date, luhn_check_digit, luhn_valid, serial};
use super::helpers::{to_string, Rng};
use super::Verdict;

const CIPC: &str = "company registration number (CIPC)";
const TAX_COMPANY: &str = "income tax reference (company)";
const TAX_PERSON: &str = "income tax reference of an individual";
const VAT: &str = "VAT number";
const ID_NUMBER: &str = "South African ID number (a person's ID)";
const FORMAT: &str =
    "company registration no. YYYY/NNNNNN/NN, or 10-digit tax reference (9…) or VAT number (4…)";

/// True if the first 11 digits look like an ID number: a YYMMDD date valid
/// in the 1900s or 2000s, and citizenship digit 0, 1 or 2.
fn id_shape(d: &[u8]) -> bool {
    let (yy, mm, dd) =
        (u32::from(d[0] * 10 + d[1]), u32::from(d[2] * 10 + d[3]), u32::from(d[4] * 10 + d[5]));
    let date_ok = is_valid_date(1900 + yy, mm, dd) || is_valid_date(2000 + yy, mm, dd);
    date_ok && d[10] <= 2
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    let luhn = |kind| {
        if luhn_valid(&d) {
            Verdict::Valid { kind }
        } else {
            Verdict::Checksum { kind }
        }
    };
    match (d.len(), d[0]) {
        // YYYY/NNNNNN/NN with a year 18xx–20xx; no check digit.
        (12, 1 | 2) if matches!(d[0] * 10 + d[1], 18..=20) => Verdict::Valid { kind: CIPC },
        (10, 9) => luhn(TAX_COMPANY),
        // A VAT number may pass Luhn, but that is unofficial: format only.
        (10, 4) => Verdict::Valid { kind: VAT },
        (10, 0..=3) => match luhn(TAX_PERSON) {
            Verdict::Valid { kind } => Verdict::Personal { kind },
            other => other,
        },
        (13, _) if id_shape(&d) => match luhn(ID_NUMBER) {
            Verdict::Valid { kind } => Verdict::Personal { kind },
            other => other,
        },
        _ => format,
    }
}

pub(crate) fn example_valid(n: u64) -> String {
    let mut rng = Rng::new("ZA", n);
    match n % 3 {
        0 => {
            let year = rng.range(1950, 2024);
            let kind = rng.pick(&[7, 7, 7, 6, 8, 23]);
            format!("{year}/{}/{kind:02}", to_string(&serial(n, 6)))
        }
        first => {
            // 1 → income tax reference of a company (9…), 2 → VAT (4…).
            let mut d = vec![if first == 1 { 9 } else { 4 }];
            d.extend(serial(n, 8));
            d.push(luhn_check_digit(&d));
            to_string(&d)
        }
    }
}

pub(crate) fn example_personal(n: u64) -> String {
    let mut rng = Rng::new("ZA-person", n);
    let mut d;
    if n.is_multiple_of(2) {
        d = fixed(rng.range(40, 99), 2);
        d.extend(fixed(rng.range(1, 12), 2));
        d.extend(fixed(rng.range(1, 28), 2));
        d.extend(serial(n, 4));
        d.extend([rng.digit(0, 1), 8]);
    } else {
        d = vec![rng.digit(0, 3)];
        d.extend(serial(n, 8));
    }
    d.push(luhn_check_digit(&d));
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
            ("2007/031592/07", Verdict::Valid { kind: CIPC }),
            ("1994/010680/07", Verdict::Valid { kind: CIPC }),
            ("1994 010680 07", Verdict::Valid { kind: CIPC }),
            ("1794/010680/07", format.clone()),
            ("2107/031592/07", format.clone()),
            ("9415005603", Verdict::Valid { kind: TAX_COMPANY }),
            ("9045478147", Verdict::Valid { kind: TAX_COMPANY }),
            ("9415005604", Verdict::Checksum { kind: TAX_COMPANY }),
            ("0001339050", Verdict::Personal { kind: TAX_PERSON }),
            ("0843/089/84/8", Verdict::Personal { kind: TAX_PERSON }),
            ("2449/494/16/0", Verdict::Checksum { kind: TAX_PERSON }),
            ("4123456789", Verdict::Valid { kind: VAT }),
            ("7123456789", format.clone()),
            ("5123456789", format.clone()),
            ("7503305044089", Verdict::Personal { kind: ID_NUMBER }),
            ("8503305044089", Verdict::Checksum { kind: ID_NUMBER }),
            // Month 13 is not a date.
            ("7513305044089", format.clone()),
            // Citizenship digit 3 does not exist.
            ("7503305044389", format.clone()),
            ("941500560", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("ZA"))), want, "{raw}");
        }
    }
}
