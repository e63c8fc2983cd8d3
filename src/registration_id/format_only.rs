//! Countries whose only business ID is a 9-digit number with no published
//! check digit and no personal/business marker: South Sudan TIN (reference
//! §16) and Tajikistan INN (§17).

use super::helpers::{digits_len, serial, to_string};
use super::Verdict;

const SS_TIN: &str = "TIN";
const TJ_INN: &str = "INN (RMA)";
const NINE_DIGITS: &str = "9 digits";

fn nine_digits(id: &str, kind: &'static str) -> Verdict {
    if digits_len(id, 9).is_some() {
        Verdict::Valid { kind }
    } else {
        Verdict::Format { expected: NINE_DIGITS }
    }
}

pub(crate) fn validate_ss(id: &str) -> Verdict {
    nine_digits(id, SS_TIN)
}

pub(crate) fn validate_tj(id: &str) -> Verdict {
    nine_digits(id, TJ_INN)
}

/// Written `NNN-NNN-NNN` as in EY's guide.
pub(crate) fn example_ss(n: u64) -> String {
    let s = to_string(&serial(n, 9));
    format!("{}-{}-{}", &s[..3], &s[3..6], &s[6..])
}

pub(crate) fn example_tj(n: u64) -> String {
    let mut d = vec![0];
    d.extend(serial(n, 8));
    to_string(&d)
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: NINE_DIGITS };
        let cases = [
            ("SS", "123-345-678", Verdict::Valid { kind: SS_TIN }),
            ("SS", "123345678", Verdict::Valid { kind: SS_TIN }),
            ("SS", "12334567", format.clone()),
            ("SS", "1233456789", format.clone()),
            ("SS", "12334567A", format.clone()),
            ("TJ", "020025789", Verdict::Valid { kind: TJ_INN }),
            ("TJ", "ИНН 020025789", Verdict::Valid { kind: TJ_INN }),
            ("TJ", "02002578", format.clone()),
            ("TJ", "", format),
        ];
        for (c, raw, want) in cases {
            let id = compact(raw, Some(c));
            let got = if c == "SS" { validate_ss(&id) } else { validate_tj(&id) };
            assert_eq!(got, want, "{c} {raw}");
        }
    }
}
