//! Türkiye (reference §19): VKN (10 digits, companies), MERSIS number
//! (16 digits, format only) and the personal TCKN (11 digits).

use super::helpers::{digits, serial, to_string, Rng};
use super::Verdict;

const VKN: &str = "VKN";
const MERSIS: &str = "MERSIS number";
const TCKN: &str = "TCKN (a person's ID)";
const FORMAT: &str = "10 digits (VKN)";

/// VKN check digit for the first 9 digits; the leftmost digit has i = 9.
fn vkn_check(d: &[u8]) -> u8 {
    let sum: u32 = d[..9]
        .iter()
        .enumerate()
        .map(|(p, &digit)| {
            let i = 9 - p as u32;
            let c1 = (u32::from(digit) + i) % 10;
            if c1 == 0 {
                0
            } else {
                match (c1 * 2u32.pow(i)) % 9 {
                    0 => 9,
                    c2 => c2,
                }
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// The two TCKN check digits for the first 9 digits. The first one can come
/// from a negative difference, hence `rem_euclid`.
fn tckn_check(d: &[u8]) -> (u8, u8) {
    let odd: i64 = d[..9].iter().step_by(2).map(|&x| i64::from(x)).sum();
    let even: i64 = d[1..9].iter().step_by(2).map(|&x| i64::from(x)).sum();
    let c10 = (7 * odd - even).rem_euclid(10) as u8;
    let c11 = (d[..9].iter().map(|&x| u32::from(x)).sum::<u32>() + u32::from(c10)) % 10;
    (c10, c11 as u8)
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    match d.len() {
        10 if vkn_check(&d) == d[9] => Verdict::Valid { kind: VKN },
        10 => Verdict::Checksum { kind: VKN },
        // 11 digits not starting with 0 is the TCKN shape; a wrong check
        // digit is most likely a mistyped TCKN, so it is named as one.
        11 if d[0] != 0 && tckn_check(&d) == (d[9], d[10]) => Verdict::Personal { kind: TCKN },
        11 if d[0] != 0 => Verdict::Checksum { kind: TCKN },
        16 => Verdict::Valid { kind: MERSIS },
        _ => format,
    }
}

pub(crate) fn example_vkn(n: u64) -> String {
    let mut d = serial(n, 9);
    d.push(vkn_check(&d));
    to_string(&d)
}

pub(crate) fn example_tckn(n: u64) -> String {
    let mut rng = Rng::new("TR-person", n);
    let mut d = vec![rng.digit(1, 9)];
    d.extend(serial(n, 8));
    let (c10, c11) = tckn_check(&d);
    d.extend([c10, c11]);
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
            ("4540536920", Verdict::Valid { kind: VKN }),
            ("4940457659", Verdict::Valid { kind: VKN }),
            // Reference §26: leading zeros.
            ("0010213576", Verdict::Valid { kind: VKN }),
            ("TR 4540536920", Verdict::Valid { kind: VKN }),
            ("4540536921", Verdict::Checksum { kind: VKN }),
            ("17291716060", Verdict::Personal { kind: TCKN }),
            ("17291716050", Verdict::Checksum { kind: TCKN }),
            ("07291716092", format.clone()),
            ("0123456789012345", Verdict::Valid { kind: MERSIS }),
            ("454053692", format.clone()),
            ("454053692A", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("TR"))), want, "{raw}");
        }
    }

    #[test]
    fn tckn_negative_difference() {
        // Own vector: 1 0 0 0 0 9 0 9 0 → 7·1 − 18 = −11 ≡ 9 (mod 10), not −1.
        let d = [1, 0, 0, 0, 0, 9, 0, 9, 0];
        assert_eq!(tckn_check(&d), (9, 8));
        assert_eq!(validate("10000909098"), Verdict::Personal { kind: TCKN });
    }
}
