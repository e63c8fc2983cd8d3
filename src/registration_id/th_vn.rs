//! Thailand 13-digit TIN (reference §18, mod 11; first digit 0 = juristic
//! person) and Vietnam MST (§24, mod 11 where remainder 0 is never issued).

use super::helpers::{digits, fixed, serial, to_string, weighted_sum, Rng};
use super::Verdict;

// ------------------------------------------------------------------ Thailand

const TH_JURISTIC: &str = "TIN (juristic person)";
const TH_PERSON: &str = "Thai citizen ID (a person's TIN)";
const TH_FORMAT: &str = "13 digits (TIN), starting with 0 for a juristic person";

/// `(11 − S mod 11) mod 10` with weights 13…2.
fn th_check(d: &[u8]) -> u8 {
    let s = weighted_sum(&d[..12], &[13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    ((11 - s % 11) % 10) as u8
}

/// Thai TIN. A first digit of 0 is a juristic person; 1–8 are individuals'
/// citizen IDs. Caveat (reference §18): a few stateless persons also hold
/// 0-prefixed personal numbers, which cannot be told apart here.
pub(crate) fn validate_th(id: &str) -> Verdict {
    let Some(d) = digits(id).filter(|d| d.len() == 13 && d[0] != 9) else {
        return Verdict::Format { expected: TH_FORMAT };
    };
    let kind = if d[0] == 0 { TH_JURISTIC } else { TH_PERSON };
    if th_check(&d) != d[12] {
        Verdict::Checksum { kind }
    } else if kind == TH_PERSON {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

/// `0-NN-N-NNN-NNNNN-N`: registration office, juristic type (3/5/7),
/// Buddhist-era year, serial, check digit.
pub(crate) fn example_th(n: u64) -> String {
    let mut rng = Rng::new("TH", n);
    let mut d = vec![0];
    d.extend(fixed(rng.pick(&[10, 10, 10, 11, 12, 20, 50, 99]), 2));
    d.push(rng.pick(&[3, 5, 5, 5, 7]));
    d.extend(fixed(rng.range(500, 567), 3));
    d.extend(serial(n, 5));
    d.push(th_check(&d));
    let s = to_string(&d);
    format!("{}-{}-{}-{}-{}-{}", &s[..1], &s[1..3], &s[3..4], &s[4..7], &s[7..12], &s[12..])
}

/// `N-NNNN-NNNNN-NN-N` with a first digit 1–8.
pub(crate) fn example_personal_th(n: u64) -> String {
    let mut rng = Rng::new("TH-person", n);
    let mut d = vec![rng.digit(1, 8)];
    d.extend(rng.digits(6));
    d.extend(serial(n, 5));
    d.push(th_check(&d));
    let s = to_string(&d);
    format!("{}-{}-{}-{}-{}", &s[..1], &s[1..5], &s[5..10], &s[10..12], &s[12..])
}

// ------------------------------------------------------------------- Vietnam

const VN_MST: &str = "MST (enterprise tax code)";
const VN_BRANCH: &str = "MST of a branch (13 digits)";
const VN_PERSON: &str = "12-digit personal ID (CCCD), a person's tax code";
const VN_FORMAT: &str = "10 digits (MST), or 13 for a branch (10 + 001–999)";

/// MST check digit, `None` when the remainder is 0 (never issued); a
/// remainder of 10 gives check digit 0.
fn vn_check(d: &[u8]) -> Option<u8> {
    let r = weighted_sum(&d[..9], &[31, 29, 23, 19, 17, 13, 7, 5, 3]) % 11;
    (r != 0).then_some(((10 - r) % 10) as u8)
}

/// Vietnamese MST: 10 digits (enterprise) or 13 (branch). Since July 2025
/// individuals use their 12-digit personal ID, which has no check digit.
pub(crate) fn validate_vn(id: &str) -> Verdict {
    let format = Verdict::Format { expected: VN_FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    let kind = match d.len() {
        10 => VN_MST,
        13 if d[10..] != [0, 0, 0] => VN_BRANCH,
        12 => return Verdict::Personal { kind: VN_PERSON },
        _ => return format,
    };
    // Digits 3–9 are a serial that is never all zero.
    if d[2..9].iter().all(|&x| x == 0) {
        return format;
    }
    if vn_check(&d) == Some(d[9]) {
        Verdict::Valid { kind }
    } else {
        Verdict::Checksum { kind }
    }
}

pub(crate) fn example_vn(n: u64) -> String {
    let mut rng = Rng::new("VN", n);
    let mut d = vec![0u8; 10];
    d[2..9].copy_from_slice(&serial(n, 7));
    if d[2..9].iter().all(|&x| x == 0) {
        d[8] = 1;
    }
    loop {
        d[..2].copy_from_slice(&fixed(rng.range(1, 96), 2));
        if let Some(c) = vn_check(&d) {
            d[9] = c;
            break;
        }
    }
    let s = to_string(&d);
    if n % 3 == 2 {
        format!("{s}-{:03}", rng.range(1, 999))
    } else {
        s
    }
}

pub(crate) fn example_personal_vn(n: u64) -> String {
    let mut rng = Rng::new("VN-person", n);
    // Province (3 digits), century/gender, year of birth, serial.
    let mut d = fixed(rng.range(1, 96), 3);
    d.push(rng.digit(0, 3));
    d.extend(fixed(rng.range(0, 99), 2));
    d.extend(serial(n, 6));
    to_string(&d)
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn thailand_table() {
        let format = Verdict::Format { expected: TH_FORMAT };
        let cases = [
            ("0994000617721", Verdict::Valid { kind: TH_JURISTIC }),
            ("0105536112014", Verdict::Valid { kind: TH_JURISTIC }),
            ("0-10-7-544-00010-8", Verdict::Valid { kind: TH_JURISTIC }),
            ("0994000617723", Verdict::Checksum { kind: TH_JURISTIC }),
            ("3100600445635", Verdict::Personal { kind: TH_PERSON }),
            ("1-2345-45678-78-1", Verdict::Personal { kind: TH_PERSON }),
            ("3100600445636", Verdict::Checksum { kind: TH_PERSON }),
            ("9100600445635", format.clone()),
            ("099400061772", format.clone()),
            ("09940006177210", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_th(&compact(raw, Some("TH"))), want, "{raw}");
        }
    }

    #[test]
    fn vietnam_table() {
        let format = Verdict::Format { expected: VN_FORMAT };
        let cases = [
            ("0100233488", Verdict::Valid { kind: VN_MST }),
            ("0100109106", Verdict::Valid { kind: VN_MST }),
            ("01.00.112.437", Verdict::Valid { kind: VN_MST }),
            // Reference §26: remainder 10 → check digit 0.
            ("0103326250", Verdict::Valid { kind: VN_MST }),
            ("0314409058-002", Verdict::Valid { kind: VN_BRANCH }),
            ("0100233480", Verdict::Checksum { kind: VN_MST }),
            ("0314409057-002", Verdict::Checksum { kind: VN_BRANCH }),
            ("0314409058-000", format.clone()),
            ("0100000008", format.clone()),
            ("001203012345", Verdict::Personal { kind: VN_PERSON }),
            ("010023348", format.clone()),
            ("010023348A", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_vn(&compact(raw, Some("VN"))), want, "{raw}");
        }
    }

    #[test]
    fn vietnam_remainder_zero_is_never_issued() {
        // Own vectors: 100000008 → 31·1 + 3·8 = 55 ≡ 0 ⇒ never issued;
        // 010000001 → 29·1 + 3·1 = 32 ≡ 10 ⇒ check digit 0.
        assert_eq!(vn_check(&[1, 0, 0, 0, 0, 0, 0, 0, 8]), None);
        for c in 0..=9 {
            let id = format!("100000008{c}");
            assert_eq!(validate_vn(&id), Verdict::Checksum { kind: VN_MST }, "{id}");
        }
        assert_eq!(vn_check(&[0, 1, 0, 0, 0, 0, 0, 0, 1]), Some(0));
    }
}
