//! India (reference §6): PAN (holder type in the 4th letter), GSTIN (PAN
//! inside, Luhn mod 36), CIN and LLPIN (format only); Aadhaar is recognised
//! as a personal ID (Verhoeff check digit).

use super::helpers::{digits_len, serial, to_string, Rng};
use super::Verdict;

const PAN: &str = "PAN";
const PAN_PERSON: &str = "PAN of an individual (4th letter P)";
const GSTIN: &str = "GSTIN";
const GSTIN_PERSON: &str = "GSTIN of an individual (PAN 4th letter P)";
const CIN: &str = "CIN";
const LLPIN: &str = "LLPIN";
const AADHAAR: &str = "Aadhaar (a person's ID)";
const FORMAT: &str = "PAN (10 chars, e.g. AAACR1234A), GSTIN (15 chars) or CIN (21 chars)";

/// PAN holder types (4th letter); `P` is an individual.
const HOLDER_TYPES: &[u8] = b"ABCFGHJLPTK";
const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Shape of each position: `A` letter, `9` digit, `X` letter or digit.
fn shape(s: &[u8], pattern: &[u8]) -> bool {
    s.len() == pattern.len()
        && s.iter().zip(pattern).all(|(c, p)| match p {
            b'A' => c.is_ascii_uppercase(),
            b'9' => c.is_ascii_digit(),
            _ => c.is_ascii_digit() || c.is_ascii_uppercase(),
        })
}

/// `Some(is_individual)` if `p` is a well-formed PAN.
fn pan_kind(p: &[u8]) -> Option<bool> {
    if !shape(p, b"AAAAA9999A") || &p[5..9] == b"0000" || !HOLDER_TYPES.contains(&p[3]) {
        return None;
    }
    Some(p[3] == b'P')
}

/// Value of a GSTIN character (`0`–`9`, `A`–`Z` → 0–35).
fn val36(c: u8) -> u32 {
    ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32
}

/// The Luhn mod 36 check character for the first 14 GSTIN characters.
fn gstin_check(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let p = val36(c) * if i % 2 == 0 { 1 } else { 2 };
            p / 36 + p % 36
        })
        .sum();
    ALPHABET[((36 - sum % 36) % 36) as usize]
}

fn gstin_state_ok(code: u32) -> bool {
    matches!(code, 1..=38 | 97 | 99)
}

/// Verhoeff checksum: true if the whole sequence is valid.
fn verhoeff_valid(d: &[u8]) -> bool {
    // Multiplication in the dihedral group D5 (0–4 rotations, 5–9 reflections).
    fn mul(a: u8, b: u8) -> u8 {
        match (a < 5, b < 5) {
            (true, true) => (a + b) % 5,
            (true, false) => 5 + (b - 5 + a) % 5,
            (false, true) => 5 + (a - 5 + 5 - b) % 5,
            (false, false) => (a + 5 - b) % 5,
        }
    }
    const P1: [u8; 10] = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
    let mut c = 0;
    for (i, &digit) in d.iter().rev().enumerate() {
        let mut x = digit;
        for _ in 0..i % 8 {
            x = P1[usize::from(x)];
        }
        c = mul(c, x);
    }
    c == 0
}

pub(crate) fn validate(id: &str) -> Verdict {
    let b = id.as_bytes();
    let format = Verdict::Format { expected: FORMAT };
    match b.len() {
        10 => match pan_kind(b) {
            Some(true) => Verdict::Personal { kind: PAN_PERSON },
            Some(false) => Verdict::Valid { kind: PAN },
            None => format,
        },
        15 => {
            let state = (u32::from(b[0]) * 10 + u32::from(b[1])).wrapping_sub(11 * u32::from(b'0'));
            if !shape(b, b"99AAAAA9999AXAX") || !gstin_state_ok(state) || b[12] == b'0' || b[13] != b'Z' {
                return format;
            }
            let Some(individual) = pan_kind(&b[2..12]) else {
                return format;
            };
            let kind = if individual { GSTIN_PERSON } else { GSTIN };
            if gstin_check(&b[..14]) != b[14] {
                Verdict::Checksum { kind }
            } else if individual {
                Verdict::Personal { kind }
            } else {
                Verdict::Valid { kind }
            }
        }
        21 if (b[0] == b'L' || b[0] == b'U') && shape(b, b"A99999AA9999AAA999999") => {
            Verdict::Valid { kind: CIN }
        }
        7 if shape(b, b"AAA9999") => Verdict::Valid { kind: LLPIN },
        12 => match digits_len(id, 12) {
            Some(d) if d[0] >= 2 && verhoeff_valid(&d) => Verdict::Personal { kind: AADHAAR },
            Some(d) if d[0] >= 2 => Verdict::Checksum { kind: AADHAAR },
            _ => format,
        },
        _ => format,
    }
}

/// A PAN with holder type `holder`; the serial encodes `n`.
fn make_pan(rng: &mut Rng, n: u64, holder: u8) -> String {
    let letter = |rng: &mut Rng| char::from(b'A' + rng.digit(0, 25));
    let serial = 1 + (n * 7_919 + 13) % 9_999;
    format!(
        "{}{}{}{}{}{:04}{}",
        letter(rng),
        letter(rng),
        letter(rng),
        char::from(holder),
        letter(rng),
        serial,
        letter(rng)
    )
}

pub(crate) fn example_valid(n: u64) -> String {
    let mut rng = Rng::new("IN", n);
    match n % 3 {
        0 => {
            let holder = rng.pick(b"CCCFFTAG");
            make_pan(&mut rng, n, holder)
        }
        1 => {
            let state = rng.range(1, 37);
            let holder = rng.pick(b"CCF");
            let pan = make_pan(&mut rng, n, holder);
            let count = char::from(rng.pick(b"1111123A"));
            let body = format!("{state:02}{pan}{count}Z");
            let check = char::from(gstin_check(body.as_bytes()));
            format!("{body}{check}")
        }
        _ => {
            let listed = if rng.digit(0, 3) == 0 { 'L' } else { 'U' };
            let nic = to_string(&rng.digits(5));
            let state = rng.pick(&["MH", "DL", "KA", "TN", "UR", "GJ", "WB"]);
            let year = rng.range(1950, 2024);
            let kind = rng.pick(&["PTC", "PLC", "OPC", "NPL"]);
            let serial = to_string(&serial(n, 6));
            format!("{listed}{nic}{state}{year}{kind}{serial}")
        }
    }
}

pub(crate) fn example_personal(n: u64) -> String {
    let mut rng = Rng::new("IN-person", n);
    if n.is_multiple_of(2) {
        return make_pan(&mut rng, n, b'P');
    }
    // Aadhaar: 11 digits (first 2–9) and a Verhoeff check digit.
    let mut d = vec![rng.digit(2, 9)];
    d.extend(rng.digits(4));
    d.extend(serial(n, 6));
    let check = (0..=9)
        .find(|&c| {
            let mut full = d.clone();
            full.push(c);
            verhoeff_valid(&full)
        })
        .unwrap_or(0);
    d.push(check);
    let s = to_string(&d);
    format!("{} {} {}", &s[..4], &s[4..8], &s[8..])
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: FORMAT };
        let cases = [
            ("AAACR4849R", Verdict::Valid { kind: PAN }),
            ("AAACV7757J", Verdict::Valid { kind: PAN }),
            ("AAKFD7113K", Verdict::Valid { kind: PAN }),
            ("ACUPA7085R", Verdict::Personal { kind: PAN_PERSON }),
            ("ABMXA3211G", format.clone()),
            ("ACUPA0000R", format.clone()),
            ("ABMPA32111", format.clone()),
            ("27AAPFU0939F1ZV", Verdict::Valid { kind: GSTIN }),
            ("24AAACC1206D1ZM", Verdict::Valid { kind: GSTIN }),
            // Own vectors at the ends of the alphabet (check '0' and 'Z'),
            // cross-checked with python-stdnum.
            ("01AABCU0199R1Z0", Verdict::Valid { kind: GSTIN }),
            ("01AABCU0299R1ZZ", Verdict::Valid { kind: GSTIN }),
            ("01AABCU0199R1Z1", Verdict::Checksum { kind: GSTIN }),
            ("27AAPFU0939F1ZO", Verdict::Checksum { kind: GSTIN }),
            ("27AAPFU0939F1AA", format.clone()),
            // State 00 and 40 do not exist; registration count 0 is invalid.
            ("00AAPFU0939F1ZV", format.clone()),
            ("40AAPFU0939F1ZV", format.clone()),
            ("27AAPFU0939F0ZV", format.clone()),
            ("L24111UR1986PLC015895", Verdict::Valid { kind: CIN }),
            ("U01111UR1995PLC017979", Verdict::Valid { kind: CIN }),
            ("X01111UR1995PLC017979", format.clone()),
            ("U01111U11995PLC017979", format.clone()),
            ("AAA-1234", Verdict::Valid { kind: LLPIN }),
            // Own Aadhaar vectors (Verhoeff, cross-checked with python-stdnum).
            ("9999 9999 0019", Verdict::Personal { kind: AADHAAR }),
            ("9999 9999 0018", Verdict::Checksum { kind: AADHAAR }),
            ("0999 9999 0019", format.clone()),
            ("", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("IN"))), want, "{raw}");
        }
    }

    #[test]
    fn verhoeff_vectors() {
        assert!(verhoeff_valid(&[2, 3, 6, 3]));
        assert!(!verhoeff_valid(&[2, 3, 6, 4]));
        assert!(verhoeff_valid(&[1, 4, 2, 8, 5, 7, 0]));
        assert!(!verhoeff_valid(&[1, 4, 2, 8, 7, 5, 0]), "transposition");
    }

    #[test]
    fn gstin_check_character() {
        assert_eq!(gstin_check(b"27AAPFU0939F1Z"), b'V');
        assert_eq!(gstin_check(b"24AAACC1206D1Z"), b'M');
    }

    #[test]
    fn gstin_of_an_individual_is_personal() {
        let body = "27ACUPA7085R1Z";
        let id = format!("{body}{}", char::from(gstin_check(body.as_bytes())));
        assert_eq!(validate(&id), Verdict::Personal { kind: GSTIN_PERSON });
    }
}
