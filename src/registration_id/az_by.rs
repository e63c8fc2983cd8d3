//! Azerbaijan VÖEN (reference §2) and Belarus UNP (reference §3): both are
//! mod-11 schemes where a check value of 10 means "never issued".

use super::helpers::{digits_len, serial, weighted_sum, Rng};
use super::Verdict;

// ---------------------------------------------------------------- Azerbaijan

const VOEN: &str = "VÖEN";
const VOEN_PERSON: &str = "VÖEN of a natural person (10th digit 2)";
const VOEN_FORMAT: &str = "10 digits (VÖEN) ending in 1 for a legal entity";

/// VÖEN check digit (9th digit) for the first 8 digits, or `None` when the
/// remainder is 10 (such numbers are not issued).
fn voen_check(d: &[u8]) -> Option<u8> {
    let r = weighted_sum(&d[..8], &[4, 1, 8, 6, 2, 7, 5, 3]) % 11;
    (r != 10).then_some(r as u8)
}

/// Validate an Azerbaijani VÖEN. A 9-digit value is read with the often
/// dropped leading zero restored.
pub(crate) fn validate_az(id: &str) -> Verdict {
    let padded;
    let id = if id.len() == 9 {
        padded = format!("0{id}");
        &padded
    } else {
        id
    };
    let Some(d) = digits_len(id, 10) else {
        return Verdict::Format { expected: VOEN_FORMAT };
    };
    let kind = match d[9] {
        1 => VOEN,
        2 => VOEN_PERSON,
        _ => return Verdict::Format { expected: VOEN_FORMAT },
    };
    if voen_check(&d) != Some(d[8]) {
        return Verdict::Checksum { kind };
    }
    if d[9] == 2 {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

/// Build a VÖEN with legal-status digit `status`.
fn make_voen(n: u64, status: u8, salt: &str) -> String {
    let mut rng = Rng::new(salt, n);
    let mut d = vec![0u8; 10];
    d[2..8].copy_from_slice(&serial(n, 6));
    d[9] = status;
    loop {
        let region = rng.range(1, 40);
        d[0] = (region / 10) as u8;
        d[1] = (region % 10) as u8;
        if let Some(c) = voen_check(&d) {
            d[8] = c;
            break;
        }
    }
    let s = super::helpers::to_string(&d);
    if n % 2 == 1 {
        format!("{} {} {}", &s[..3], &s[3..6], &s[6..])
    } else {
        s
    }
}

pub(crate) fn example_az(n: u64) -> String {
    make_voen(n, 1, "AZ")
}

pub(crate) fn example_personal_az(n: u64) -> String {
    make_voen(n, 2, "AZ-person")
}

// ------------------------------------------------------------------- Belarus

const UNP: &str = "UNP";
const UNP_PERSON: &str = "UNP of an individual (letter form)";
const UNP_FORMAT: &str = "9 digits (UNP) starting with region 1–7";
/// Letters allowed in the second position of the individual form, in the
/// order that gives their check value (A=0 … T=9).
const UNP_LETTERS: &[u8] = b"ABCEHKMOPT";
/// Letters allowed in the first position of the individual form.
const UNP_FIRST_LETTERS: &[u8] = b"ABCEHKM";

/// Replace Cyrillic letters that look like the Latin letters used in UNPs.
pub(crate) fn unp_latinise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'А' => 'A',
            'В' => 'B',
            'Е' => 'E',
            'К' => 'K',
            'М' => 'M',
            'Н' => 'H',
            'О' => 'O',
            'Р' => 'P',
            'С' => 'C',
            'Т' => 'T',
            _ => c,
        })
        .collect()
}

/// UNP check value for the first 8 character values, `None` when it is 10.
fn unp_check(v: &[u8]) -> Option<u8> {
    let r = weighted_sum(&v[..8], &[29, 23, 19, 17, 13, 7, 5, 3]) % 11;
    (r != 10).then_some(r as u8)
}

/// Validate a Belarusian UNP (numeric for organisations, two letters and
/// seven digits for individuals).
pub(crate) fn validate_by(id: &str) -> Verdict {
    let id = unp_latinise(id);
    let b = id.as_bytes();
    if b.len() != 9 || !b[2..].iter().all(u8::is_ascii_digit) {
        return Verdict::Format { expected: UNP_FORMAT };
    }
    let (kind, v1, v2) = if b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        if !(b'1'..=b'7').contains(&b[0]) {
            return Verdict::Format { expected: UNP_FORMAT };
        }
        (UNP, b[0] - b'0', b[1] - b'0')
    } else if UNP_FIRST_LETTERS.contains(&b[0]) && UNP_LETTERS.contains(&b[1]) {
        let v1 = b[0] - b'A' + 10;
        let v2 = UNP_LETTERS.iter().position(|&l| l == b[1]).unwrap_or(0) as u8;
        (UNP_PERSON, v1, v2)
    } else {
        return Verdict::Format { expected: UNP_FORMAT };
    };
    let mut v = vec![v1, v2];
    v.extend(b[2..].iter().map(|c| c - b'0'));
    if unp_check(&v) != Some(v[8]) {
        return Verdict::Checksum { kind };
    }
    if kind == UNP_PERSON {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

pub(crate) fn example_by(n: u64) -> String {
    let mut rng = Rng::new("BY", n);
    let mut v = vec![0u8; 9];
    v[1..8].copy_from_slice(&serial(n, 7));
    loop {
        v[0] = rng.digit(1, 7);
        if let Some(c) = unp_check(&v) {
            v[8] = c;
            break;
        }
    }
    let s = super::helpers::to_string(&v);
    match n % 3 {
        2 => format!("УНП {s}"),
        _ => s,
    }
}

pub(crate) fn example_personal_by(n: u64) -> String {
    let mut rng = Rng::new("BY-person", n);
    let mut v = vec![0u8; 9];
    v[2..8].copy_from_slice(&serial(n, 6));
    let (l1, l2) = loop {
        let l1 = rng.pick(UNP_FIRST_LETTERS);
        let l2 = rng.digit(0, 9);
        v[0] = l1 - b'A' + 10;
        v[1] = l2;
        if let Some(c) = unp_check(&v) {
            v[8] = c;
            break (l1, UNP_LETTERS[usize::from(l2)]);
        }
    };
    let digits = super::helpers::to_string(&v[2..]);
    format!("{}{}{digits}", char::from(l1), char::from(l2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(kind: &'static str) -> Verdict {
        Verdict::Valid { kind }
    }

    #[test]
    fn azerbaijan_table() {
        let f = Verdict::Format { expected: VOEN_FORMAT };
        let cases = [
            ("1400057421", valid(VOEN)),
            ("1401555071", valid(VOEN)),
            ("1403147441", valid(VOEN)),
            ("3100073821", valid(VOEN)),
            ("0300725012", Verdict::Personal { kind: VOEN_PERSON }),
            // Leading zero dropped.
            ("300725012", Verdict::Personal { kind: VOEN_PERSON }),
            ("1002031802", Verdict::Personal { kind: VOEN_PERSON }),
            ("1401555081", Verdict::Checksum { kind: VOEN }),
            ("1002031812", Verdict::Checksum { kind: VOEN_PERSON }),
            ("1400057424", f.clone()),
            ("14000574", f.clone()),
            ("14000574211", f.clone()),
            ("14000A7421", f.clone()),
        ];
        for (id, want) in cases {
            assert_eq!(validate_az(id), want, "{id}");
        }
    }

    #[test]
    fn azerbaijan_remainder_ten_is_rejected() {
        // Own vectors. Body 10000002: 4·1 + 3·2 = 10 ⇒ remainder 10, never
        // issued, whatever the 9th digit. Body 20000004: 4·2 + 3·4 = 20 ≡ 9.
        assert_eq!(voen_check(&[1, 0, 0, 0, 0, 0, 0, 2]), None);
        for c in 0..=9 {
            let id = format!("10000002{c}1");
            assert_eq!(validate_az(&id), Verdict::Checksum { kind: VOEN }, "{id}");
        }
        assert_eq!(voen_check(&[2, 0, 0, 0, 0, 0, 0, 4]), Some(9));
        assert_eq!(validate_az("2000000491"), valid(VOEN));
    }

    #[test]
    fn belarus_table() {
        let f = Verdict::Format { expected: UNP_FORMAT };
        let cases = [
            ("200988541", valid(UNP)),
            ("591705582", valid(UNP)),
            ("100325912", valid(UNP)),
            ("300042199", valid(UNP)),
            ("400051902", valid(UNP)),
            ("500036458", valid(UNP)),
            ("600122610", valid(UNP)),
            ("700016217", valid(UNP)),
            ("MA1953684", Verdict::Personal { kind: UNP_PERSON }),
            // Cyrillic look-alikes.
            ("МА1953684", Verdict::Personal { kind: UNP_PERSON }),
            ("MA1953685", Verdict::Checksum { kind: UNP_PERSON }),
            ("200988542", Verdict::Checksum { kind: UNP }),
            ("991705588", f.clone()),
            ("091705588", f.clone()),
            ("M01953684", f.clone()),
            ("7A1953689", f.clone()),
            ("XA1953684", f.clone()),
            ("MX1953684", f.clone()),
            ("20098854", f.clone()),
            ("2009885411", f.clone()),
        ];
        for (id, want) in cases {
            assert_eq!(validate_by(id), want, "{id}");
        }
    }

    #[test]
    fn belarus_check_value_ten_is_rejected() {
        // Reference §26: body 71195368 has check value 10.
        for c in 0..=9 {
            let id = format!("71195368{c}");
            assert_eq!(validate_by(&id), Verdict::Checksum { kind: UNP }, "{id}");
        }
    }
}
