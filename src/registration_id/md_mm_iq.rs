//! Moldova IDNO/IDNP (reference §10, 7-3-1 mod 10), and the two countries
//! without any published format: Myanmar (§11) and Iraq (§7), which get a
//! permissive check plus, for Myanmar, recognition of the personal NRC.

use super::helpers::{digits_len, fixed, serial, to_string, weighted_sum, Rng};
use super::Verdict;

// ------------------------------------------------------------------- Moldova

const IDNO: &str = "IDNO";
const IDNO_OLD: &str = "IDNO (leading 0, could also be an older IDNP)";
const IDNP: &str = "IDNP (a person's ID)";
const MD_FORMAT: &str = "13 digits (IDNO) starting with 1";

fn md_check(d: &[u8]) -> u8 {
    (weighted_sum(&d[..12], &[7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]) % 10) as u8
}

pub(crate) fn validate_md(id: &str) -> Verdict {
    let Some(d) = digits_len(id, 13) else {
        return Verdict::Format { expected: MD_FORMAT };
    };
    let kind = match d[0] {
        1 => IDNO,
        2 => IDNP,
        // Older IDNPs start with 0 and one source says some IDNOs do too:
        // ambiguous, so it is not reported as personal.
        0 => IDNO_OLD,
        _ => return Verdict::Format { expected: MD_FORMAT },
    };
    if md_check(&d) != d[12] {
        Verdict::Checksum { kind }
    } else if kind == IDNP {
        Verdict::Personal { kind }
    } else {
        Verdict::Valid { kind }
    }
}

/// `first`, a 3-digit year (2003 → 003), 3 unit digits, 5 serial digits and
/// the check digit.
fn make_md(n: u64, first: u8, salt: &str) -> String {
    let mut rng = Rng::new(salt, n);
    let mut d = vec![first];
    d.extend(fixed(rng.range(1, 24), 3));
    d.extend(rng.digits(3));
    d.extend(serial(n, 5));
    d.push(md_check(&d));
    to_string(&d)
}

pub(crate) fn example_md(n: u64) -> String {
    make_md(n, 1, "MD")
}

pub(crate) fn example_idnp(n: u64) -> String {
    make_md(n, 2, "MD-person")
}

// ---------------------------------------------------- Myanmar and Iraq (free)

const MM_FREE: &str = "company registration no. or TIN (no standard format)";
const IQ_FREE: &str = "tax or company registration no. (no standard format)";
const FREE_FORMAT: &str = "1–20 letters and digits, at least one digit";
const NRC: &str = "NRC (a person's ID)";

/// Neither country publishes a format: accept 1–20 ASCII letters/digits with
/// at least one digit (which rules out "N/A", "NONE" and similar).
fn free_form(id: &str) -> bool {
    (1..=20).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && id.bytes().any(|b| b.is_ascii_digit())
}

/// The Latin form of a Myanmar NRC after compaction (the `/` is removed):
/// state 1–14, a 3–9 letter township code, a citizenship type in brackets
/// and a 6-digit number, e.g. `12/OUKAMA(N)123456` → `12OUKAMA(N)123456`.
fn is_nrc(id: &str) -> bool {
    let b = id.as_bytes();
    let state_len = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&state_len) {
        return false;
    }
    let state: u32 = id[..state_len].parse().unwrap_or(0);
    let rest = &b[state_len..];
    let town_len = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let rest = &rest[town_len..];
    let Some(close) = rest.iter().position(|&c| c == b')') else {
        return false;
    };
    let (bracket, number) = (&rest[..=close], &rest[close + 1..]);
    (1..=14).contains(&state)
        && (3..=9).contains(&town_len)
        && bracket.len() >= 3
        && bracket[0] == b'('
        && bracket[1..close].iter().all(u8::is_ascii_uppercase)
        && number.len() == 6
        && number.iter().all(u8::is_ascii_digit)
}

pub(crate) fn validate_mm(id: &str) -> Verdict {
    if is_nrc(id) {
        Verdict::Personal { kind: NRC }
    } else if free_form(id) {
        Verdict::Valid { kind: MM_FREE }
    } else {
        Verdict::Format { expected: FREE_FORMAT }
    }
}

/// Iraq: free form. A bare 12-digit number may be the personal national
/// card number, but that is not certain enough to report (reference §7).
pub(crate) fn validate_iq(id: &str) -> Verdict {
    if free_form(id) {
        Verdict::Valid { kind: IQ_FREE }
    } else {
        Verdict::Format { expected: FREE_FORMAT }
    }
}

pub(crate) fn example_mm(n: u64) -> String {
    let mut d = vec![1];
    d.extend(serial(n, 8));
    to_string(&d)
}

pub(crate) fn example_nrc(n: u64) -> String {
    let mut rng = Rng::new("MM-person", n);
    let state = rng.range(1, 14);
    let town = rng.pick(&["OUKAMA", "KAMAYA", "BAHANA", "MAYAKA", "LAMANA", "PABATA"]);
    let kind = rng.pick(&["N", "N", "N", "E", "P"]);
    let number = to_string(&serial(n, 6));
    format!("{state}/{town}({kind}){number}")
}

pub(crate) fn example_iq(n: u64) -> String {
    let mut rng = Rng::new("IQ", n);
    format!("{}-{}", to_string(&serial(n, 5)), rng.digit(1, 9))
}

#[cfg(test)]
mod tests {
    use super::super::compact;
    use super::*;

    #[test]
    fn moldova_table() {
        let format = Verdict::Format { expected: MD_FORMAT };
        let cases = [
            ("1008600038413", Verdict::Valid { kind: IDNO }),
            ("1003600005148", Verdict::Valid { kind: IDNO }),
            ("1014600043319", Verdict::Valid { kind: IDNO }),
            ("1003600158022", Verdict::Valid { kind: IDNO }),
            ("1008600038412", Verdict::Checksum { kind: IDNO }),
            // Own vectors: 200123456789 → 14+0+0+7+6+3+28+15+6+49+24+9 = 161
            // → check 1; 000123456789 → 147 → check 7.
            ("2001234567891", Verdict::Personal { kind: IDNP }),
            ("2001234567892", Verdict::Checksum { kind: IDNP }),
            ("0001234567897", Verdict::Valid { kind: IDNO_OLD }),
            ("3001234567890", format.clone()),
            ("100860003841", format.clone()),
            ("10086000384133", format),
        ];
        for (id, want) in cases {
            assert_eq!(validate_md(id), want, "{id}");
        }
    }

    #[test]
    fn myanmar_table() {
        let format = Verdict::Format { expected: FREE_FORMAT };
        let cases = [
            ("104235813", Verdict::Valid { kind: MM_FREE }),
            ("1234/2015-2016", Verdict::Valid { kind: MM_FREE }),
            ("12/OUKAMA(N)123456", Verdict::Personal { kind: NRC }),
            ("9/MAYAKA(NAING)012345", Verdict::Personal { kind: NRC }),
            ("15/OUKAMA(N)123456", format.clone()),
            ("12/OU(N)123456", format.clone()),
            ("12/OUKAMA(N)12345", format.clone()),
            ("N/A", format.clone()),
            ("", format.clone()),
            ("123456789012345678901", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_mm(&compact(raw, Some("MM"))), want, "{raw}");
        }
    }

    #[test]
    fn iraq_table() {
        let format = Verdict::Format { expected: FREE_FORMAT };
        let cases = [
            ("31813-2", Verdict::Valid { kind: IQ_FREE }),
            ("٣١٨١٣-٢", Verdict::Valid { kind: IQ_FREE }),
            ("B/2019/445", Verdict::Valid { kind: IQ_FREE }),
            ("NONE", format.clone()),
            ("12#4", format.clone()),
            ("", format),
        ];
        for (raw, want) in cases {
            assert_eq!(validate_iq(&compact(raw, Some("IQ"))), want, "{raw}");
        }
        assert_eq!(compact("٣١٨١٣-٢", Some("IQ")), "318132");
    }
}
