//! Russia (reference §13): INN (10 digits for organisations, 12 for persons
//! and sole traders), OGRN (13) and OGRNIP (15, sole traders).

use super::helpers::{digits, fixed, serial, to_string, weighted_sum, Rng};
use super::Verdict;

const INN10: &str = "INN (10 digits)";
const OGRN: &str = "OGRN";
const INN12: &str = "12-digit INN of a person or sole trader";
const OGRNIP: &str = "OGRNIP (a sole trader's registration number)";
const FORMAT: &str = "10 digits (INN) or 13 digits (OGRN, starting with 1 or 5)";

/// `((Σ d_i·w_i) mod 11) mod 10`: the remainder 10 maps to 0.
fn inn_digit(d: &[u8], w: &[i64]) -> u8 {
    (weighted_sum(d, w) % 11 % 10) as u8
}

fn inn10_check(d: &[u8]) -> u8 {
    inn_digit(&d[..9], &[2, 4, 10, 3, 5, 9, 4, 6, 8])
}

/// The two INN-12 check digits; the second covers the first.
fn inn12_check(d: &[u8]) -> (u8, u8) {
    let c11 = inn_digit(&d[..10], &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    let mut with_c11 = d[..10].to_vec();
    with_c11.push(c11);
    let c12 = inn_digit(&with_c11, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    (c11, c12)
}

/// Last digit of `(the leading digits as an integer) mod m`, folding one
/// digit at a time. OGRN uses m = 11, OGRNIP m = 13; the official rule keeps
/// only the last digit of the remainder (python-stdnum misses the `% 10` for
/// OGRNIP, reference §13).
fn ogrn_check(body: &[u8], m: u32) -> u8 {
    let r = body.iter().fold(0, |r, &d| (r * 10 + u32::from(d)) % m);
    (r % 10) as u8
}

pub(crate) fn validate(id: &str) -> Verdict {
    let format = Verdict::Format { expected: FORMAT };
    let Some(d) = digits(id) else {
        return format;
    };
    let (kind, ok) = match d.len() {
        10 => (INN10, inn10_check(&d) == d[9]),
        13 if d[0] == 1 || d[0] == 5 => (OGRN, ogrn_check(&d[..12], 11) == d[12]),
        // 12 and 15 digits are personal shapes; a wrong check digit is most
        // likely a mistyped personal number, so it is named as one.
        12 => (INN12, inn12_check(&d) == (d[10], d[11])),
        15 if d[0] == 3 => (OGRNIP, ogrn_check(&d[..14], 13) == d[14]),
        _ => return format,
    };
    match (ok, kind == INN12 || kind == OGRNIP) {
        (false, _) => Verdict::Checksum { kind },
        (true, true) => Verdict::Personal { kind },
        (true, false) => Verdict::Valid { kind },
    }
}

pub(crate) fn example_valid(n: u64) -> String {
    let mut rng = Rng::new("RU", n);
    if n.is_multiple_of(2) {
        // Region, tax office, serial, check.
        let mut d = fixed(rng.range(1, 99), 2);
        d.extend(fixed(rng.range(1, 50), 2));
        d.extend(serial(n, 5));
        d.push(inn10_check(&d));
        let s = to_string(&d);
        if n % 4 == 2 {
            format!("ИНН {s}")
        } else {
            s
        }
    } else {
        // Sign (1 or 5), year, region, record serial, check.
        let mut d = vec![rng.pick(&[1, 1, 5])];
        d.extend(fixed(rng.range(2, 25), 2));
        d.extend(fixed(rng.range(1, 99), 2));
        d.extend(rng.digits(2));
        d.extend(serial(n, 5));
        d.push(ogrn_check(&d, 11));
        let s = to_string(&d);
        if n % 4 == 3 {
            format!("ОГРН {s}")
        } else {
            s
        }
    }
}

pub(crate) fn example_personal(n: u64) -> String {
    let mut rng = Rng::new("RU-person", n);
    if n.is_multiple_of(2) {
        let mut d = fixed(rng.range(1, 99), 2);
        d.extend(fixed(rng.range(1, 50), 2));
        d.extend(serial(n, 6));
        let (c11, c12) = inn12_check(&d);
        d.extend([c11, c12]);
        to_string(&d)
    } else {
        let mut d = vec![3];
        d.extend(fixed(rng.range(4, 25), 2));
        d.extend(fixed(rng.range(1, 99), 2));
        d.extend(rng.digits(4));
        d.extend(serial(n, 5));
        d.push(ogrn_check(&d, 13));
        format!("ОГРНИП {}", to_string(&d))
    }
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn table() {
        let format = Verdict::Format { expected: FORMAT };
        let valid = |kind| Verdict::Valid { kind };
        let cases = [
            ("7707083893", valid(INN10)),
            ("7736207543", valid(INN10)),
            // Reference §26: remainder 10 → check digit 0.
            ("0279111370", valid(INN10)),
            ("5190187770", valid(INN10)),
            ("8614008550", valid(INN10)),
            ("ИНН 7707083893", valid(INN10)),
            ("7707083894", Verdict::Checksum { kind: INN10 }),
            ("1027700132195", valid(OGRN)),
            ("1022200525819", valid(OGRN)),
            ("1022500001328", Verdict::Checksum { kind: OGRN }),
            ("2027700132195", format.clone()),
            ("500100732259", Verdict::Personal { kind: INN12 }),
            ("123456789037", Verdict::Checksum { kind: INN12 }),
            // First INN-12 check digit right, second wrong.
            ("500100732258", Verdict::Checksum { kind: INN12 }),
            ("304500116000157", Verdict::Personal { kind: OGRNIP }),
            ("385768585948949", Verdict::Personal { kind: OGRNIP }),
            // Reference §26: remainder 11 → check digit 1 (python-stdnum
            // wrongly rejects this one).
            ("398386756508891", Verdict::Personal { kind: OGRNIP }),
            ("385768585948948", Verdict::Checksum { kind: OGRNIP }),
            ("485768585948949", format.clone()),
            ("770708389", format.clone()),
            ("77070838933", format.clone()),
            ("770708389A", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate(&compact(raw, Some("RU"))), want, "{raw}");
        }
    }

    #[test]
    fn ogrnip_remainder_above_nine() {
        let d: Vec<u8> = "39838675650889".bytes().map(|b| b - b'0').collect();
        let r = d.iter().fold(0u64, |r, &x| (r * 10 + u64::from(x)) % 13);
        assert_eq!(r, 11);
        assert_eq!(ogrn_check(&d, 13), 1);
        // The fold agrees with plain integer arithmetic.
        assert_eq!(39_838_675_650_889u64 % 13, 11);
        // OGRN 1027700132195: 102770013219 mod 11 = 5.
        assert_eq!(102_770_013_219u64 % 11, 5);
        assert_eq!(ogrn_check(&[1, 0, 2, 7, 7, 0, 0, 1, 3, 2, 1, 9], 11), 5);
    }
}
