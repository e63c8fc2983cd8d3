//! Venezuela (reference §23): RIF, a type letter plus 9 digits with a mod 11
//! check digit. J/G/C are entities, V/E/P natural persons.

use super::helpers::{digits_len, serial, to_string, weighted_sum, Rng};
use super::Verdict;

const RIF: &str = "RIF";
const RIF_COMMUNAL: &str = "RIF of a communal organisation (C; check digit not verified)";
const RIF_PERSON: &str = "RIF of a natural person (V/E/P)";
const FORMAT: &str = "letter J, G or C + 9 digits (RIF), e.g. J-12345678-9";

/// Check-digit value of the type letter; `C` has none known.
fn letter_value(l: u8) -> Option<i64> {
    match l {
        b'V' => Some(1),
        b'E' => Some(2),
        b'J' => Some(3),
        b'P' => Some(4),
        b'G' => Some(5),
        _ => None,
    }
}

/// `11 − (S mod 11)`, where 10 and 11 become 0.
fn rif_check(letter: i64, body: &[u8]) -> u8 {
    let s = 4 * letter + weighted_sum(&body[..8], &[3, 2, 7, 6, 5, 4, 3, 2]);
    let c = 11 - s % 11;
    if c >= 10 {
        0
    } else {
        c as u8
    }
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: FORMAT };
    let Some(&letter) = id.as_bytes().first().filter(|l| l.is_ascii_uppercase()) else {
        return format;
    };
    // The first byte is ASCII, so slicing after it is safe.
    let Some(d) = digits_len(&id[1..], 9) else {
        return format;
    };
    if letter == b'C' {
        // The check value of C is unknown (reference §23, uncertain).
        return Verdict::Valid { kind: RIF_COMMUNAL };
    }
    let Some(value) = letter_value(letter) else {
        return format;
    };
    let person = matches!(letter, b'V' | b'E' | b'P');
    let kind = if person { RIF_PERSON } else { RIF };
    if rif_check(value, &d) != d[8] {
        Verdict::Checksum { kind }
    } else if person {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

fn make_rif(n: u64, letters: &[u8], salt: &str) -> String {
    let mut rng = Rng::new(salt, n);
    let letter = rng.pick(letters);
    let mut d = serial(n, 8);
    d.push(rif_check(letter_value(letter).unwrap_or(0), &d));
    let s = to_string(&d);
    format!("{}-{}-{}", char::from(letter), &s[..8], &s[8..])
}

pub(crate) fn example_valid(n: u64) -> String {
    make_rif(n, b"JJJJG", "VE")
}

pub(crate) fn example_personal(n: u64) -> String {
    make_rif(n, b"VVVEP", "VE-person")
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: FORMAT };
        let cases = [
            ("J-00004793-6", Verdict::Valid { kind: RIF }),
            ("J-30022035-4", Verdict::Valid { kind: RIF }),
            ("J-07540999-0", Verdict::Valid { kind: RIF }),
            ("G-20000085-6", Verdict::Valid { kind: RIF }),
            // Reference §26: remainder 0 or 1 → check digit 0.
            ("G-20000303-0", Verdict::Valid { kind: RIF }),
            ("j-30022035-4", Verdict::Valid { kind: RIF }),
            ("J-30022035-5", Verdict::Checksum { kind: RIF }),
            ("V-11470283-4", Verdict::Personal { kind: RIF_PERSON }),
            ("V-11470283-3", Verdict::Checksum { kind: RIF_PERSON }),
            ("C-12345678-9", Verdict::Valid { kind: RIF_COMMUNAL }),
            ("Z-11470283-4", format.clone()),
            ("V-114702839-4", format.clone()),
            ("300220354", format.clone()),
            ("J-3002203A-4", format.clone()),
            ("", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("VE"))), want, "{raw}");
        }
    }

    #[test]
    fn letter_values_matter() {
        // Same digits, different letter: only one can be valid.
        assert_eq!(validate("V114702834"), Verdict::Personal { kind: RIF_PERSON });
        assert_eq!(validate("E114702834"), Verdict::Checksum { kind: RIF_PERSON });
    }
}
